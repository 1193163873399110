import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { currentStepText, submitNewRequest, usePeople } from './helpers/people.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { markedSteps, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
const people = usePeople(govdesk);

describe("a connected agency's rule change notice (issue 4, SLA-2, 004 壹一)", () => {
  it('is refused less than ten working days ahead, then confirmed by phone, assessed and goes live', async () => {
    const staff = await people.page('staff01');
    await staff.goto('/requests/new?type=rule_change');
    await staff.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    const own = staff.getByRole('region', { name: /：申請細項$/ });
    await own.getByLabel(/^服務介接機關/).fill('財政部關務署');
    await own.getByLabel(/^規則名稱/).fill('進口報單欄位檢核規則');
    await own.getByRole('radio', { name: '修改' }).check();
    await own.getByLabel(/^變更內容/).fill('進口報單之貨物稅則號列改為 11 碼檢核。');
    await own.getByLabel(/^聯絡人電子郵件/).fill('rules@customs.example');
    await own.getByLabel(/^聯絡人(?!電子郵件)/).fill('李小姐');
    await own.getByLabel(/^聯絡電話/).fill('02-2550-5500');
    await staff.getByLabel(/^摘要/).fill('進口報單檢核規則變更');
    await staff.getByLabel(/^申請服務事項/).fill('稅則號列檢核由 10 碼改為 11 碼，請評估平臺衝擊。');

    // Five days ahead is less than ten working days: refused at the date.
    const wished = staff.getByLabel(/^希望完成日期/);
    await wished.fill(isoDaysFromToday(5));
    await staff.getByRole('button', { name: '送出申請' }).click();
    const refusal = staff.locator(`[id="${await wished.getAttribute('id')}-error"]`);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^須於十個工作天前提出申請：希望完成日期最早為 \d{4}-\d{2}-\d{2}$/);

    await wished.fill(isoDaysFromToday(30));
    const { id } = await submitNewRequest(staff);
    expect(await currentStepText(staff)).toBe('已以電子郵件告知平臺管理人員');

    // The platform manager confirms by phone and finds no platform change is needed.
    const officer = await people.at('itofficer01', id);
    await takeAction(officer, '以電話聯絡確認', async (dialog) => {
      await dialog.getByLabel(/^確認時間/).fill(`${isoDaysFromToday(0)}T10:00`);
      await dialog.getByLabel(/^確認對象/).fill('李小姐');
    });
    const assessed = await takeAction(officer, '平臺系統衝擊評估', async (dialog) => {
      await dialog.getByLabel(/^衝擊評估報告/).fill('僅調整檢核碼數，平臺報單轉接模組無須修改。');
      expect(await dialog.getByRole('checkbox', { name: '平臺系統須配合修正' }).isChecked()).toBe(false);
    });
    expect(assessed).toContain('待新規則上線');
    expect(await markedSteps(officer)).toEqual(['awaiting_go_live']);
    expect(await axeViolations(officer)).toEqual([]);

    // The agency confirms the new rule is live.
    await staff.reload();
    expect(
      await takeAction(staff, '新規則已上線', async (dialog) => {
        await dialog.getByLabel(/^上線日期/).fill(isoDaysFromToday(30));
      }),
    ).toContain('目前狀態：已結案');
    const history = (await staff.getByRole('region', { name: '處理歷程' }).textContent()) ?? '';
    expect(history).toMatch(/以電話聯絡確認.*平臺系統衝擊評估.*新規則已上線/s);
    const pdf = await staff.request.get(
      (await staff.getByRole('link', { name: '列印通知及處理紀錄（PDF）' }).getAttribute('href')) ?? '',
    );
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  });
});
