import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { currentStepText, printedForm, submitNewRequest, usePeople } from './helpers/people.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { actViaApi, markedSteps, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
const people = usePeople(govdesk);

describe('a computer equipment request (TYPE-3, 000 §2.3, 附件一)', () => {
  it('is refused less than a month ahead, then filed, reviewed, bought, accepted, registered and archived', async () => {
    const staff = await people.page('staff01');
    await staff.goto('/requests/new?type=equipment');
    await staff.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    await staff.getByRole('note').filter({ hasText: '電腦設備申請應於需用日前至少一個月提出（000 §2.3）' }).waitFor();
    const own = staff.getByRole('region', { name: /：申請細項$/ });
    await own.getByLabel(/^設備品項及數量/).fill('筆記型電腦 2 台');
    await own.getByLabel(/^實際業務需求說明/).fill('投資組新進人員辦公及外出簡報使用。');
    await own.getByRole('checkbox', { name: '預算已編列' }).check();
    await staff.getByLabel(/^摘要/).fill('投資組新進人員筆記型電腦');
    await staff.getByLabel(/^申請服務事項/).fill('申請筆記型電腦 2 台，供新進人員使用。');

    // Ten days ahead: the form warns at once, and the server refuses it at the wished date.
    const wished = staff.getByLabel(/^希望完成日期/);
    await wished.fill(isoDaysFromToday(10));
    await staff.getByRole('status').filter({ hasText: '希望完成日期距今不足 30 日' }).waitFor();
    await staff.getByRole('button', { name: '送出申請' }).click();
    const refusal = staff.locator(`[id="${await wished.getAttribute('id')}-error"]`);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^須於實際需要一個月前提出申請：希望完成日期最早為 \d{4}-\d{2}-\d{2}$/);
    expect(await wished.getAttribute('aria-invalid')).toBe('true');
    await staff.getByRole('alert').filter({ hasText: '請依各欄位下方的說明修正後再送出。' }).waitFor();
    expect(new URL(staff.url()).pathname).toBe('/requests/new');
    expect(await axeViolations(staff)).toEqual([]);

    // Forty days ahead it is filed, with what was typed kept.
    await wished.fill(isoDaysFromToday(40));
    expect(await own.getByLabel(/^設備品項及數量/).inputValue()).toBe('筆記型電腦 2 台');
    const { id, number } = await submitNewRequest(staff);
    expect(await currentStepText(staff)).toBe('擲交資訊服務台');

    // The desk receives it (through the API); the IT officer checks the four requirements of 2.3.2.
    await actViaApi(await people.page('desk01'), id, 'receive');
    const it = await people.at('itofficer01', id);
    expect(await currentStepText(it)).toBe('要件審查');
    const reviewed = await takeAction(it, '要件審查完備', async (dialog) => {
      for (const check of ['要件齊備', '預算已編列', '設備規格適切（含未來擴充性）', '實際業務需求確有必要']) {
        await dialog.getByRole('checkbox', { name: check }).check();
      }
      await dialog.getByLabel(/^資訊承辦人意見/).fill('規格適切，預算已編列，同意採購。');
    });
    expect(reviewed).toContain('目前步驟：簽辦採購／租用申請');

    // Procurement, delivery and installation (2.3.4–2.3.6): paperwork outside GovDesk, recorded through the API.
    await actViaApi(it, id, 'submit_procurement', { mode: 'purchase', memoNo: '中科資字第 1150001 號' });
    await actViaApi(it, id, 'complete_procurement', { contractNo: 'IT-115-007', supplier: '中部資訊股份有限公司' });
    await actViaApi(it, id, 'complete_installation', {
      deliveredOn: isoDaysFromToday(0),
      installedOn: isoDaysFromToday(0),
      testResult: '開機、網路及印表功能正常。',
    });

    // Joint acceptance (2.3.7): the IT section and the requesting unit, in either order.
    await it.reload();
    expect(await currentStepText(it)).toMatch(/資訊科驗收.*申請單位會同測試/s);
    expect((await markedSteps(it)).sort()).toEqual([
      'it_equipment_acceptance_pending',
      'unit_equipment_acceptance_pending',
    ]);
    await takeAction(it, '資訊科驗收', async (dialog) => {
      await dialog.getByLabel(/^驗收日期/).fill(isoDaysFromToday(0));
    });
    const accepted = await takeAction(await people.at('staff01', id), '申請單位會同測試驗收', async (dialog) => {
      await dialog.getByLabel(/^驗收意見/).fill('兩台均可正常使用。');
    });
    expect(accepted).toContain('目前步驟：設備管理（納入本局軟硬體設備管理作業）');

    // Both laptops enter the asset register (2.3.8). The definition gives the step to the asset-register
    // keeper or the IT officer; the keeper cannot open the request (see the report), so the IT officer does.
    await it.reload();
    await takeAction(it, '納入軟硬體設備管理', async (dialog) => {
      await dialog.getByLabel('財產編號 第 1 項').fill('3140101-03-000123');
      await dialog.getByRole('button', { name: '新增一項財產編號' }).click();
      await dialog.getByLabel('財產編號 第 2 項').fill('3140101-03-000124');
    });
    const desk = await people.at('desk01', id);
    expect(await takeAction(desk, '結案存查')).toContain('目前狀態：已結案');
    expect(await markedSteps(desk)).toEqual(['closed']);

    const record = desk.getByRole('region', { name: '簽核及處理紀錄' });
    expect(await record.getByRole('region', { name: '審核意見' }).textContent()).toMatch(
      /資訊承辦人意見黃俊傑.*規格適切，預算已編列，同意採購。.*設備規格適切（含未來擴充性）\s*是/s,
    );
    expect(await record.getByRole('region', { name: '其他處理紀錄' }).textContent()).toMatch(
      /納入軟硬體設備管理黃俊傑.*財產編號.*3140101-03-000123.*3140101-03-000124/s,
    );
    const history = (await desk.getByRole('region', { name: '處理歷程' }).textContent()) ?? '';
    expect(history).toMatch(/建立申請單.*資訊服務台收件.*要件審查完備.*資訊科驗收.*申請單位會同測試驗收.*結案存查/s);

    const { form, pdfType } = await printedForm(desk);
    expect(pdfType).toContain('application/pdf');
    expect(form).toContain(number);
    expect(form).toContain('規格適切，預算已編列，同意採購。');
  });
});
