import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { currentStepText, printedForm, submitNewRequest, usePeople } from './helpers/people.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { actViaApi, markedSteps, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
const people = usePeople(govdesk);

describe('a website content request (TYPE-4, 000 §2.4, 附件一 and 附件二)', () => {
  it('needs its electronic file, is routed by the IT section against 附件二, maintained, accepted and archived', async () => {
    // 王小明 asks for an event notice under 園區公告／園區活動, and forgets the file.
    const staff = await people.page('staff01');
    await staff.goto('/requests/new?type=web_content');
    await staff.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    const own = staff.getByRole('region', { name: /：申請細項$/ });
    await own.getByLabel(/^抬頭（附件二）/).fill('園區公告');
    await own.getByLabel(/^項目（附件二）/).fill('園區活動');
    await own.getByRole('radio', { name: '新增' }).check();
    await staff.getByLabel(/^希望完成日期/).fill(isoDaysFromToday(14));
    await staff.getByLabel(/^摘要/).fill('刊登投資說明會活動訊息');
    await staff.getByLabel(/^申請服務事項/).fill('請於園區活動刊登 12 月投資說明會訊息，內容如附檔。');
    const { id, number } = await submitNewRequest(staff);

    // The desk receives it (through the API) and cannot pass its review without the file (2.4.2).
    await actViaApi(await people.page('desk01'), id, 'receive');
    const desk = await people.at('desk01', id);
    expect(await currentStepText(desk)).toBe('要件審查（審核申請單之內容是否詳實）');
    await desk
      .getByRole('region', { name: '辦理' })
      .getByRole('button', { name: '要件審查完成，送資訊科審核' })
      .click();
    const review = desk.getByRole('dialog', { name: '要件審查完成，送資訊科審核' });
    await review.getByLabel(/^承辦人意見/).fill('內容詳實。');
    await review.getByRole('button', { name: '送出「要件審查完成，送資訊科審核」' }).click();
    await review.getByRole('alert').filter({ hasText: '請附上電子檔（至少 1 個）' }).waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await review.getByRole('button', { name: '取消' }).click();
    await review.waitFor({ state: 'detached' });
    await takeAction(desk, '請申請單位補充資料', async (dialog) => {
      await dialog.getByLabel(/^請補充事項/).fill('請上傳活動訊息之電子檔。');
    });

    // The requester uploads the file on the request page and answers.
    await staff.reload();
    expect(await currentStepText(staff)).toBe('請申請單位補充資料');
    const files = staff.getByRole('region', { name: '附件', exact: true });
    await files.getByLabel(/^上傳附件/).setInputFiles({
      name: '投資說明會.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('12 月 18 日 14:00 投資說明會，地點：管理局大禮堂。'),
    });
    await files.getByRole('button', { name: '上傳', exact: true }).click();
    await staff.getByRole('link', { name: '投資說明會.txt' }).waitFor();
    await takeAction(staff, '補充資料', async (dialog) => {
      await dialog.getByLabel(/^補充內容/).fill('已上傳電子檔。');
    });

    // Now the desk's review passes; the IT section checks it against 附件二 (2.4.4).
    await desk.reload();
    const passed = await takeAction(desk, '要件審查完成，送資訊科審核', async (dialog) => {
      await dialog.getByLabel(/^承辦人意見/).fill('內容詳實，電子檔已附。');
    });
    expect(passed).toContain('資訊科審核（依網站內容更新維護單位分配表）');
    const it = await people.at('itofficer01', id);
    const table = it.getByRole('region', { name: '附件二對照（網站內容更新維護單位分配表）' });
    await table.locator('dl').waitFor();
    const row = (await table.textContent()) ?? '';
    expect(row).toMatch(/抬頭\s*園區公告.*項目\s*園區活動.*負責組室\s*工商組\(資訊\).*資料提供\s*全體組室/s);
    expect(row).toMatch(/自行維護（後端管理系統）\s*否/);
    const routed = await takeAction(it, '依網站內容更新維護單位分配表審核', async (dialog) => {
      await dialog.getByLabel(/^抬頭/).fill('園區公告');
      await dialog.getByLabel(/^項目/).fill('園區活動');
      await dialog.getByLabel(/^負責組室/).fill('工商組(資訊)');
      await dialog.getByLabel(/^資料提供/).fill('全體組室');
      expect(await dialog.getByRole('checkbox', { name: '負責單位為申請之業務單位' }).isChecked()).toBe(false);
      await dialog.getByLabel(/^資訊承辦人意見/).fill('依附件二由資訊科維護，資料由投資組提供。');
    });
    expect(routed).toContain('提供服務：安排資料維護人員工作時程');

    // Scheduled before the wished date, then maintained (2.4.6): through the API.
    await actViaApi(it, id, 'schedule_maintenance', {
      maintainerName: '謝宗翰',
      plannedCompletionDate: isoDaysFromToday(7),
    });
    await actViaApi(it, id, 'complete_maintenance', {
      handlingResult: '已於園區活動刊登投資說明會訊息。',
      actualCompletionDate: isoDaysFromToday(0),
    });

    // The requester checks the page and accepts it; the desk files the case.
    await staff.reload();
    expect(await currentStepText(staff)).toBe('使用單位驗收');
    await takeAction(staff, '驗收無誤（申請者確認）');
    await desk.reload();
    expect(await takeAction(desk, '結案存查')).toContain('目前狀態：已結案');
    expect(await markedSteps(desk)).toEqual(['closed']);

    const record = desk.getByRole('region', { name: '簽核及處理紀錄' });
    expect(await record.getByRole('region', { name: '審核意見' }).textContent()).toMatch(
      /資訊承辦人意見黃俊傑.*依附件二由資訊科維護.*負責組室\s*工商組\(資訊\)/s,
    );
    expect(await record.getByRole('region', { name: '處理情形' }).textContent()).toMatch(
      /資料維護人員\s*謝宗翰.*已於園區活動刊登投資說明會訊息。/s,
    );
    const history = (await desk.getByRole('region', { name: '處理歷程' }).textContent()) ?? '';
    expect(history).toMatch(
      /請申請單位補充資料.*新增附件.*補充資料.*要件審查完成，送資訊科審核.*依網站內容更新維護單位分配表審核.*結案存查/s,
    );

    const { form, pdfType } = await printedForm(desk);
    expect(pdfType).toContain('application/pdf');
    expect(form).toContain(number);
    expect(form).toContain('依附件二由資訊科維護，資料由投資組提供。');
  });
});
