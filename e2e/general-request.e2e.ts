import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSend, unitId } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers/server.js';
import { useGovDesk } from './helpers/suite.js';
import { markedSteps, signInViaApi, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();

/** One browser context per person, signed in once and reused for each of their steps. */
const people = new Map<string, { context: BrowserContext; page: Page }>();
async function as(username: string, requestId: string): Promise<Page> {
  let person = people.get(username);
  if (!person) {
    const context = await govdesk.context();
    person = { context, page: await signInViaApi(context, username, DEMO_PASSWORD) };
    people.set(username, person);
  }
  await person.page.goto(`/requests/${requestId}`);
  await person.page.getByRole('heading', { level: 1, name: /^申請單 CTSP-/ }).waitFor();
  return person.page;
}

beforeAll(async () => {
  // 王小明 works in 工商外貿科 for this test: its 科長 is 林志明, and 工商組 above it has a deputy and a head.
  const context = await govdesk.context();
  const admin = await signInViaApi(context, 'admin', ADMIN_PASSWORD);
  const users = (await (await admin.request.get('/api/users?q=staff01')).json()) as { id: string; username: string }[];
  const staff = users.find((u) => u.username === 'staff01');
  if (!staff) throw new Error('staff01 is missing');
  await apiSend(admin, 'PATCH', `/api/users/${staff.id}`, {
    unitId: await unitId(admin, '工商外貿科'),
    reason: '調派工商外貿科（瀏覽器測試）',
  });
  await context.close();
});

afterAll(async () => {
  for (const { context } of people.values()) await context.close();
});

describe('a general IT service request on its workflow (TYPE-1, 000 §2.1, 附件一)', () => {
  // Eleven steps by eight people: longer than the default minute on a busy machine.
  it(
    'goes through the 附件一 sign-offs, the desk, the IT section, the handler and the requester to the archive',
    { timeout: 120_000 },
    async () => {
      // The requester files it on the web: the type is chosen from the catalogue's link.
      const staffContext = await govdesk.context();
      const staff = await signInViaApi(staffContext, 'staff01', DEMO_PASSWORD);
      people.set('staff01', { context: staffContext, page: staff });
      await staff.goto('/requests/new?type=general');
      await staff.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
      expect(await staff.getByLabel(/^申請類別/).inputValue()).toBe('general');
      expect(await staff.getByRole('textbox', { name: '申請單位', exact: true }).inputValue()).toBe('工商外貿科');
      // The type's own fields follow the common ones; a condition brings in the proof it asks for.
      const own = staff.getByRole('region', { name: /：申請細項$/ });
      await own.getByRole('checkbox', { name: '硬體設備申請，使用者為委外人員' }).check();
      await own.getByText('委外人員硬體設備證明').waitFor();
      await own.getByRole('checkbox', { name: '硬體設備申請，使用者為委外人員' }).uncheck();
      expect(await own.getByText('委外人員硬體設備證明').count()).toBe(0);
      await staff.getByLabel(/^希望完成日期/).fill(isoDaysFromToday(30));
      await staff.getByLabel(/^摘要/).fill('外貿科公文系統無法登入');
      await staff.getByLabel(/^申請服務事項/).fill('外貿科同仁登入公文系統時出現憑證錯誤，請協助排除。');
      await staff.getByRole('button', { name: '送出申請' }).click();
      await staff.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
      const id = staff.url().split('/').at(-1) ?? '';
      const heading = await staff.getByRole('heading', { level: 1, name: /申請單 CTSP-/ }).textContent();
      const number = /CTSP-\d+-\d+/.exec(heading ?? '')?.[0] ?? '';

      // Where it stands: the section chief's sign-off, marked in the flow and named in words.
      const progress = staff.getByRole('region', { name: '流程進度' });
      await progress.getByRole('img', { name: /的流程圖/ }).waitFor();
      expect(await progress.getByRole('definition').first().textContent()).toBe('科長簽章');
      expect(await markedSteps(staff)).toEqual(['signoff_section_chief']);
      await progress
        .getByRole('list', { name: /的流程步驟$/ })
        .locator('li[aria-current="step"]')
        .filter({ hasText: '科長簽章' })
        .waitFor({ state: 'attached' });
      await staff.getByRole('region', { name: '辦理' }).getByRole('button', { name: '撤銷申請' }).waitFor();

      // 附件一's sign-offs, in order: 科長, 組室副主管, 組室主管.
      const chief = await as('chief01', id);
      const signed = await takeAction(chief, '科長簽章', async (dialog) => {
        await dialog.getByLabel(/^意見/).fill('同意，請資訊服務台協助。');
      });
      expect(signed).toContain('目前步驟：組室副主管簽章');
      // Its button gone with the step, the focus is on the message that says what happened.
      await expect
        .poll(() => chief.evaluate(() => document.activeElement?.textContent))
        .toContain('已完成「科長簽章」');
      expect(await markedSteps(chief)).toEqual(['signoff_division_deputy']);
      await takeAction(await as('deputy01', id), '組室副主管簽章');
      await takeAction(await as('head01', id), '組室主管簽章', async (dialog) => {
        await dialog.getByLabel(/^意見/).fill('如擬。');
      });

      // The desk receives it and reviews it: an IT service, within the contract.
      const desk = await as('desk01', id);
      expect(await takeAction(desk, '資訊服務台收件')).toContain('目前狀態：處理中');
      await takeAction(desk, '審查（IT 服務／合約範圍）', async (dialog) => {
        await dialog.getByRole('checkbox', { name: '是否為 IT 服務' }).check();
        // Asked only of an IT service.
        await dialog.getByRole('checkbox', { name: /是否為資訊委外服務合約範圍內需求/ }).check();
        await dialog.getByLabel(/^承辦人意見/).fill('屬合約內之系統維護服務。');
      });

      // The IT officer approves; with the dialog open the page still passes axe.
      const it = await as('itofficer01', id);
      await it.getByRole('region', { name: '辦理' }).getByRole('button', { name: '核准處理（合約內服務）' }).click();
      const approval = it.getByRole('dialog', { name: '核准處理（合約內服務）' });
      await approval.getByLabel(/^資訊承辦人意見/).waitFor();
      expect(await axeViolations(it)).toEqual([]);
      await approval.getByRole('button', { name: '取消' }).click();
      await approval.waitFor({ state: 'detached' });
      await takeAction(it, '核准處理（合約內服務）', async (dialog) => {
        await dialog.getByLabel(/^資訊承辦人意見/).fill('同意辦理。');
      });

      // The desk dispatches it and gives it to the vendor's engineer.
      await desk.reload();
      const dispatched = await takeAction(desk, '工作分派', async (dialog) => {
        await dialog.getByRole('radio', { name: '較簡單之案件，直接處理' }).check();
        await dialog.getByLabel(/^處理人員/).fill('謝宗翰');
        await dialog.getByLabel(/^預計上線\(完成\)時間/).fill(isoDaysFromToday(7));
      });
      expect(dispatched).toContain('處理案件（按 Change/Problem 機制處理）：處理中');
      expect(await markedSteps(desk)).toEqual(['change_problem_working']);
      await desk.getByLabel('承辦人', { exact: true }).selectOption({ label: '謝宗翰（資訊服務科）' });
      await desk.getByRole('button', { name: '更新承辦人' }).click();
      await desk.getByRole('status').filter({ hasText: '承辦人已更新' }).waitFor();

      // The handler finishes; the requester accepts; the desk files the case.
      await takeAction(await as('vendor01', id), '處理完成，通知申請單位確認', async (dialog) => {
        await dialog.getByLabel(/^處理經過、結果/).fill('已更新用戶端憑證，同仁可正常登入。');
        await dialog.getByLabel(/^實際上線\(完成\)時間/).fill(isoDaysFromToday(1));
      });
      await takeAction(await as('staff01', id), '驗收無誤（申請者確認）', async (dialog) => {
        await dialog.getByLabel(/^意見/).fill('確認可正常登入。');
      });
      const closed = await takeAction(await as('desk01', id), '結案存查');
      expect(closed).toContain('目前狀態：已結案');
      expect(await markedSteps(desk)).toEqual(['closed']);

      // 附件一 as recorded: who signed and wrote what, and when.
      const record = desk.getByRole('region', { name: '簽核及處理紀錄' });
      const block = (group: string, title: string) =>
        record
          .getByRole('region', { name: group })
          .getByRole('listitem')
          .filter({ has: desk.getByText(title, { exact: true }) });
      expect(await block('申請單位主管簽章', '科長').textContent()).toMatch(
        /林志明 · \d{3}\/\d{2}\/\d{2} \d{2}:\d{2}.*同意，請資訊服務台協助。/,
      );
      expect(await block('申請單位主管簽章', '組室副主管').textContent()).toContain('陳美玲');
      expect(await block('申請單位主管簽章', '組室主管').textContent()).toContain('張建國');
      expect(await block('審核意見', '承辦人意見').textContent()).toContain('屬合約內之系統維護服務。');
      expect(await block('審核意見', '資訊承辦人意見').textContent()).toMatch(/黃俊傑.*同意辦理。/);
      expect(await block('處理情形', '工作分派').textContent()).toMatch(/處理人員\s*謝宗翰/);
      expect(await block('處理情形', '處理經過、結果').textContent()).toMatch(/謝宗翰.*已更新用戶端憑證/);
      expect(await block('申請者確認', '申請者確認').textContent()).toMatch(/王小明.*確認可正常登入。/);
      const history = (await desk.getByRole('region', { name: '處理歷程' }).textContent()) ?? '';
      expect(history).toMatch(/科長簽章.*組室副主管簽章.*組室主管簽章.*資訊服務台收件.*結案存查/s);
      await desk.waitForLoadState('networkidle');
      expect(await axeViolations(desk)).toEqual([]);

      // The server's PDF of the form is a link away.
      const pdf = await desk.request.get(
        (await desk.getByRole('link', { name: '下載 PDF' }).getAttribute('href')) ?? '',
      );
      expect(pdf.headers()['content-type']).toContain('application/pdf');

      // The printed 附件一 carries the sign-offs with names and ROC dates.
      await desk.getByRole('link', { name: '列印申請單' }).click();
      await desk.getByRole('heading', { level: 1, name: '資訊服務申請單' }).waitFor();
      const form = (await desk.locator('article.print-form').textContent()) ?? '';
      expect(form).toContain(number);
      expect(form).toMatch(/同意，請資訊服務台協助。林志明 \d{3}\/\d{2}\/\d{2}/);
      expect(form).toContain('已更新用戶端憑證，同仁可正常登入。');
    },
  );
});
