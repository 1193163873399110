import { describe, expect, it } from 'vitest';
import { unitId } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { currentStepText, printedForm, submitNewRequest, usePeople } from './helpers/people.js';
import { fileRequestViaApi, isoDaysFromToday } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { actViaApi, markedSteps, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
const people = usePeople(govdesk);

describe('a phone request typed in by the desk (INT-1) and its triage (INT-2, INT-3)', () => {
  it('is filed for a staff member with the phone as its channel, found not to be IT, explained and closed', async () => {
    // 王小明 calls the desk; 李佳穎 types the request in for him.
    const desk = await people.page('desk01');
    await desk.goto('/requests');
    await desk.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '新增申請' }).click();
    await desk.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    expect(await desk.getByLabel(/^申請類別/).inputValue()).toBe('general');
    const channel = desk.getByLabel(/^受理方式/);
    await channel.locator('option', { hasText: '電話' }).waitFor({ state: 'attached' });
    expect(await channel.locator('option').allTextContents()).toEqual(['網頁填單', '電話']);
    await channel.selectOption({ label: '電話' });
    await desk.getByLabel(/^申請單位/).selectOption({ label: '\u3000投資組' });
    await desk.getByLabel(/^申請人帳號/).selectOption({ label: '王小明（staff01）' });
    expect(await desk.getByRole('textbox', { name: '申請人', exact: true }).inputValue()).toBe('王小明');
    await desk.getByRole('region', { name: '申請人資料' }).getByLabel(/^電話/).fill('04-2565-8588 分機 205');
    await desk.getByLabel(/^希望完成日期/).fill(isoDaysFromToday(5));
    await desk.getByLabel(/^摘要/).fill('投資組辦公室冷氣不冷');
    await desk.getByLabel(/^申請服務事項/).fill('王小明來電：205 室冷氣不冷，請協助報修。');
    expect(await axeViolations(desk)).toEqual([]);
    const { id, number } = await submitNewRequest(desk);
    await desk
      .getByRole('status')
      .filter({ hasText: `已建立申請單 ${number}` })
      .waitFor();
    expect(await desk.getByRole('region', { name: '申請資料' }).textContent()).toMatch(/受理方式\s*電話/);
    expect(await currentStepText(desk)).toBe('擲交資訊服務台');

    // The applicant finds it among his requests, as filed for him.
    const staff = await people.page('staff01');
    await staff.goto('/requests');
    const mine = staff.getByRole('row').filter({ hasText: number });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('投資組辦公室冷氣不冷');

    // The desk receives it and finds it is not an IT service (000 §3.4).
    await takeAction(desk, '資訊服務台收件');
    const triaged = await takeAction(desk, '審查（IT 服務／合約範圍）', async (dialog) => {
      expect(await dialog.getByRole('checkbox', { name: '是否為 IT 服務' }).isChecked()).toBe(false);
      // The contract question is asked only of an IT service.
      expect(await dialog.getByRole('checkbox', { name: /是否為資訊委外服務合約範圍內需求/ }).count()).toBe(0);
      await dialog.getByLabel(/^承辦人意見/).fill('冷氣報修屬總務業務，非 IT 服務。');
    });
    expect(triaged).toContain('目前步驟：向用戶溝通說明（會同資訊服務科）');

    // The IT section explains it to the requester with the desk (§3.5); the desk closes it (§3.6).
    await takeAction(await people.at('itofficer01', id), '會同資訊服務科向用戶溝通說明', async (dialog) => {
      await dialog.getByLabel(/^說明內容/).fill('已電話說明冷氣報修請洽秘書室總務。');
      await dialog.getByLabel(/^說明日期/).fill(isoDaysFromToday(0));
    });
    await desk.reload();
    expect(await takeAction(desk, '確認不需處理，予以結案')).toContain('目前狀態：已結案');
    expect(await markedSteps(desk)).toEqual(['closed_not_it']);
    expect(await currentStepText(desk)).toBe('結案（非 IT 服務）');

    const history = (await desk.getByRole('region', { name: '處理歷程' }).textContent()) ?? '';
    expect(history).toMatch(
      /建立申請單.*李佳穎.*資訊服務台收件.*審查（IT 服務／合約範圍）.*會同資訊服務科向用戶溝通說明.*確認不需處理，予以結案/s,
    );
    const record = desk.getByRole('region', { name: '簽核及處理紀錄' });
    expect(await record.getByRole('region', { name: '審核意見' }).textContent()).toMatch(
      /承辦人意見李佳穎.*冷氣報修屬總務業務，非 IT 服務。.*是否為 IT 服務\s*否/s,
    );
    const { form, pdfType } = await printedForm(desk);
    expect(pdfType).toContain('application/pdf');
    expect(form).toContain(number);
    expect(form).toContain('冷氣報修屬總務業務，非 IT 服務。');
  });

  it('goes outside the contract to the vendor and the on-site manager, who closes it as excessive (§3.9–3.11)', async () => {
    const desk = await people.page('desk01');
    const staff = await people.page('staff01');
    const staffId = ((await (await staff.request.get('/api/auth/session')).json()) as { user: { id: string } }).user.id;
    const request = await fileRequestViaApi(desk, {
      channel: 'phone',
      unitId: await unitId(desk, '投資組'),
      applicantUserId: staffId,
      applicantName: '王小明',
      title: '投資組網站改版',
      description: '王小明來電：希望投資組網站全面改版並新增線上申辦功能。',
    });
    await actViaApi(desk, request.id, 'receive');
    await people.at('desk01', request.id);
    const triaged = await takeAction(desk, '審查（IT 服務／合約範圍）', async (dialog) => {
      await dialog.getByRole('checkbox', { name: '是否為 IT 服務' }).check();
      await dialog.getByLabel(/^承辦人意見/).fill('網站全面改版不在委外合約範圍內。');
    });
    expect(triaged).toContain('目前步驟：說明承辦意見（委外團隊）');

    await takeAction(await people.at('vendor01', request.id), '填寫委外團隊意見', async (dialog) => {
      await dialog.getByLabel(/^承辦意見/).fill('全面改版約需 400 人時，超出合約服務量。');
    });

    // The on-site manager finds it under 「待我處理」 and decides not to take it on.
    const onsite = await people.page('onsite01');
    await onsite.goto('/requests');
    await onsite.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '待我處理' }).click();
    await onsite.getByRole('heading', { level: 1, name: '待我處理' }).waitFor();
    await onsite.getByRole('link', { name: request.number }).click();
    await onsite.getByRole('heading', { level: 1, name: `申請單 ${request.number}` }).waitFor();
    const decided = await takeAction(onsite, '駐地經理核定', async (dialog) => {
      expect(await dialog.getByRole('checkbox', { name: '予以執行' }).isChecked()).toBe(false);
      await dialog.getByLabel(/^理由/).fill('需求過當，建議另案採購。');
    });
    expect(decided).toContain('目前狀態：已結案');
    expect(await currentStepText(onsite)).toBe('結案（需求過當，不予處理）');
    const record =
      (await onsite
        .getByRole('region', { name: '簽核及處理紀錄' })
        .getByRole('region', { name: '其他處理紀錄' })
        .textContent()) ?? '';
    expect(record).toMatch(/填寫委外團隊意見謝宗翰.*超出合約服務量/s);
    expect(record).toMatch(/駐地經理核定鄭雅婷.*需求過當，建議另案採購。.*予以執行\s*否/s);

    // Nothing waits for the on-site manager any more.
    await onsite.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '待我處理' }).click();
    await onsite.getByText('目前沒有等待您辦理的申請單。').waitFor();
  });
});
