import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { currentStepText, printedForm, submitNewRequest, usePeople } from './helpers/people.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { markedSteps, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
const people = usePeople(govdesk);

describe('a computer relocation request (TYPE-5, 000 §2.5, 附件一)', () => {
  it('is refused less than a week ahead, then surveyed, moved, tested together, transferred and archived', async () => {
    const staff = await people.page('staff01');
    await staff.goto('/requests/new?type=relocation');
    await staff.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    await staff.getByRole('note').filter({ hasText: '設備移機應於預定日前至少一星期提出（000 §2.5）' }).waitFor();
    const own = staff.getByRole('region', { name: /：申請細項$/ });
    await own.getByLabel(/^移機設備（含財產編號）/).fill('個人電腦 1 台（3140101-03-000088）');
    await own.getByLabel(/^原位置/).fill('投資組 201 室');
    await own.getByLabel(/^新位置/).fill('投資組 305 室');
    await staff.getByLabel(/^摘要/).fill('投資組個人電腦移至 305 室');
    await staff.getByLabel(/^申請服務事項/).fill('同仁調整座位，請協助移機並測試網路。');

    // Three days ahead is too soon: refused at the wished date.
    const wished = staff.getByLabel(/^希望完成日期/);
    await wished.fill(isoDaysFromToday(3));
    await staff.getByRole('status').filter({ hasText: '希望完成日期距今不足 7 日' }).waitFor();
    await staff.getByRole('button', { name: '送出申請' }).click();
    const refusal = staff.locator(`[id="${await wished.getAttribute('id')}-error"]`);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^須於需求日期一週前提出申請：希望完成日期最早為 \d{4}-\d{2}-\d{2}$/);
    expect(new URL(staff.url()).pathname).toBe('/requests/new');

    // Ten days ahead it is filed.
    await wished.fill(isoDaysFromToday(10));
    const { id, number } = await submitNewRequest(staff);
    expect(await currentStepText(staff)).toBe('擲交資訊服務台');

    // The desk receives it and surveys the site (2.5.2): no new cabling, so straight to the move.
    const desk = await people.at('desk01', id);
    await takeAction(desk, '資訊服務台收件');
    const surveyed = await takeAction(desk, '記錄實地勘查結果', async (dialog) => {
      await dialog.getByLabel(/^勘查日期/).fill(isoDaysFromToday(0));
      expect(await dialog.getByRole('checkbox', { name: '需要增設網路線' }).isChecked()).toBe(false);
      await dialog.getByLabel(/^勘查結果/).fill('305 室已有網路孔，不需增設網路線。');
    });
    expect(surveyed).toContain('移機／安裝／測試');
    expect(await markedSteps(desk)).toEqual(['moving_working']);
    await takeAction(desk, '移機安裝測試完成，請業務單位會同測試', async (dialog) => {
      await dialog.getByLabel(/^處理經過、結果/).fill('已移機至 305 室並完成網路及印表測試。');
      await dialog.getByLabel(/^實際上線\(完成\)時間/).fill(isoDaysFromToday(0));
    });

    // The requesting unit tests with the desk, then fills in the property transfer form (2.5.5–2.5.6).
    await staff.reload();
    expect(await currentStepText(staff)).toBe('會同測試確認');
    await takeAction(staff, '會同測試確認無誤', async (dialog) => {
      await dialog.getByLabel(/^測試日期/).fill(isoDaysFromToday(0));
      await dialog.getByLabel(/^意見/).fill('電腦及網路均正常。');
    });
    const transferred = await takeAction(staff, '填妥財產異動單', async (dialog) => {
      await dialog.getByLabel(/^財產異動單編號/).fill('財異-115-0042');
    });
    expect(transferred).toContain('資訊室確認財產異動單後交予秘書室');

    // The IT officer checks the form and hands it to the secretariat; the desk files the case.
    await takeAction(await people.at('itofficer01', id), '確認財產異動單並交予秘書室', async (dialog) => {
      await dialog.getByRole('checkbox', { name: '財產異動單內容正確' }).check();
      await dialog.getByLabel(/^交予秘書室日期/).fill(isoDaysFromToday(0));
    });
    await desk.reload();
    expect(await takeAction(desk, '結案存查')).toContain('目前狀態：已結案');
    expect(await markedSteps(desk)).toEqual(['closed']);

    const record = desk.getByRole('region', { name: '簽核及處理紀錄' });
    expect(await record.getByRole('region', { name: '審核意見' }).textContent()).toMatch(
      /承辦人意見李佳穎.*305 室已有網路孔.*需要增設網路線\s*否/s,
    );
    expect(await record.getByRole('region', { name: '其他處理紀錄' }).textContent()).toMatch(
      /填妥財產異動單王小明.*財產異動單編號\s*財異-115-0042/s,
    );
    const history = (await desk.getByRole('region', { name: '處理歷程' }).textContent()) ?? '';
    expect(history).toMatch(
      /資訊服務台收件.*記錄實地勘查結果.*移機安裝測試完成.*會同測試確認無誤.*填妥財產異動單.*確認財產異動單並交予秘書室.*結案存查/s,
    );
    await desk.waitForLoadState('networkidle');
    expect(await axeViolations(desk)).toEqual([]);

    const { form, pdfType } = await printedForm(desk);
    expect(pdfType).toContain('application/pdf');
    expect(form).toContain(number);
    expect(form).toContain('已移機至 305 室並完成網路及印表測試。');
  });
});
