import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { currentStepText, printedForm, submitNewRequest, usePeople } from './helpers/people.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { actViaApi, markedSteps, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
const people = usePeople(govdesk);

describe('an application change request (TYPE-2, 000 §2.2, 附件一)', () => {
  it('is reviewed on the six points, estimated, judged feasible, approved, changed, accepted and archived', async () => {
    // 王小明 files it on the web; 投資組 has no 科長 or deputy, so it goes straight to the desk.
    const staff = await people.page('staff01');
    await staff.goto('/requests/new?type=app_dev');
    await staff.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    const own = staff.getByRole('region', { name: /：申請細項$/ });
    await own.getByLabel(/^系統名稱/).fill('公文管理系統');
    await own.getByRole('radio', { name: '系統功能變更' }).check();
    await staff.getByLabel(/^希望完成日期/).fill(isoDaysFromToday(45));
    await staff.getByLabel(/^摘要/).fill('公文系統增加批次匯出功能');
    await staff.getByLabel(/^申請服務事項/).fill('投資組需將當月公文清單批次匯出為 CSV，供業務統計使用。');
    const { id, number } = await submitNewRequest(staff);
    expect(await currentStepText(staff)).toBe('擲交資訊服務台');
    expect(await markedSteps(staff)).toEqual(['at_desk']);
    expect(await own.textContent()).toMatch(/需求類別\s*系統功能變更/);

    // The desk receives it and finds a change of the system (2.2.2–2.2.3): early steps, through the API.
    const desk = await people.page('desk01');
    await actViaApi(desk, id, 'receive');
    await actViaApi(desk, id, 'classify_request', { isSystemChange: true, opinion: '屬系統功能變更，送資訊科審查。' });

    // The IT officer finds it under 「待我處理」 in the menu.
    const it = await people.page('itofficer01');
    await it.goto('/requests');
    const menu = it.getByRole('navigation', { name: '主選單' });
    await menu.getByRole('link', { name: '待我處理' }).click();
    await it.getByRole('heading', { level: 1, name: '待我處理' }).waitFor();
    expect(new URL(it.url()).searchParams.get('waitingFor')).toBe('me');
    expect(await menu.getByRole('link', { name: '待我處理' }).getAttribute('aria-current')).toBe('page');
    expect(await menu.getByRole('link', { name: '申請案件' }).getAttribute('aria-current')).not.toBe('page');
    expect(await it.getByLabel('只顯示待我處理').isChecked()).toBe(true);
    await it.getByRole('row').filter({ hasText: number }).getByRole('link', { name: number }).click();
    await it.getByRole('heading', { level: 1, name: `申請單 ${number}` }).waitFor();

    // The six review points of 2.2.3, answered in the dialog (checked by axe while it is open).
    const reviewed = await takeAction(it, '系統變更審查（六項要點）', async (dialog) => {
      for (const point of [
        '需求描述是否明確',
        '作業環境是否允許',
        '業務作業是否成熟',
        '目前技術是否可行',
        '現有人力是否足夠',
      ]) {
        await dialog.getByRole('checkbox', { name: point }).check();
      }
      await dialog.getByRole('checkbox', { name: '與相關作業是否有需協調配合工作' }).check();
      expect(await dialog.getByRole('checkbox', { name: '必要時召集相關人員討論' }).isChecked()).toBe(false);
      await dialog.getByLabel(/^審查意見/).fill('需求明確，需與公文交換作業協調匯出格式。');
      expect(await axeViolations(it)).toEqual([]);
    });
    expect(reviewed).toContain('指派應用系統發展成員負責承辦');

    // The developer is assigned by account name (through the API to keep the test short), then
    // interviews the requester and estimates.
    const vendor = await people.page('vendor01');
    await actViaApi(it, id, 'assign_developer', { developerUserId: 'vendor01', developerName: '謝宗翰' });
    await people.at('vendor01', id);
    const estimated = await takeAction(vendor, '提交需求訪談及粗估', async (dialog) => {
      await dialog.getByRole('checkbox', { name: '已與資訊科長討論，瞭解工作內涵' }).check();
      await dialog.getByLabel(/^訪談及需求明細/).fill('訪談投資組承辦人：每月匯出一次，欄位含文號、主旨、承辦人。');
      await dialog.getByLabel(/^需求範圍/).fill('公文清單查詢頁增加 CSV 匯出。');
      await dialog.getByLabel(/^粗估人力工時/).fill('24');
      await dialog.getByLabel(/^粗估工作天數/).fill('3');
      await dialog.getByRole('checkbox', { name: '在權限及能力範圍內' }).check();
    });
    expect(estimated).toContain('資訊科核准：可行性審查');

    // The IT officer's feasibility opinion (2.2.6), the IT chief's approval, then not a new system.
    await it.reload();
    await takeAction(it, '可行性審查', async (dialog) => {
      for (const aspect of ['法令可行', '制度可行', '技術可行', '財務可行']) {
        await dialog.getByRole('checkbox', { name: aspect }).check();
      }
      await dialog.getByLabel(/^資訊承辦人意見/).fill('法令、制度、技術及財務均可行。');
    });
    await takeAction(await people.at('itchief01', id), '核准', async (dialog) => {
      await dialog.getByLabel(/^科長意見/).fill('同意辦理。');
    });
    // Not a new system (2.2.8): the change goes back to the developer assigned in 2.2.3 (app_dev v2).
    await actViaApi(it, id, 'judge_new_system', { isNewSystem: false });

    // The developer finishes it under change management.
    await people.at('vendor01', id);
    expect(await currentStepText(vendor)).toBe('變更處理（功能開發或修改並對文件作變更管理）：處理中');
    const changed = await takeAction(vendor, '變更完成，通知申請人驗收', async (dialog) => {
      await dialog.getByLabel(/^處理經過、結果/).fill('已完成 CSV 匯出並更新操作手冊。');
      await dialog.getByLabel(/^實際上線\(完成\)時間/).fill(isoDaysFromToday(0));
      await dialog.getByRole('checkbox', { name: '已對文件作變更管理' }).check();
    });
    expect(changed).toContain('目前步驟：通知申請人驗收');

    // The requester accepts; the desk files the case.
    await takeAction(await people.at('staff01', id), '驗收無誤（申請者確認）', async (dialog) => {
      await dialog.getByLabel(/^意見/).fill('匯出功能正常。');
    });
    await people.at('desk01', id);
    expect(await takeAction(desk, '結案存查')).toContain('目前狀態：已結案');
    expect(await markedSteps(desk)).toEqual(['closed']);

    // What the steps recorded, where 附件一 has them, and the review points by their names.
    const record = desk.getByRole('region', { name: '簽核及處理紀錄' });
    const opinions = (await record.getByRole('region', { name: '審核意見' }).textContent()) ?? '';
    expect(opinions).toMatch(/承辦人意見李佳穎.*屬系統功能變更/s);
    expect(opinions).toMatch(/資訊承辦人意見黃俊傑.*法令、制度、技術及財務均可行。.*法令可行\s*是/s);
    expect(opinions).toMatch(/科長意見吳淑芬.*同意辦理。/s);
    const others = (await record.getByRole('region', { name: '其他處理紀錄' }).textContent()) ?? '';
    expect(others).toMatch(/系統變更審查（六項要點）黃俊傑.*需求描述是否明確\s*是/s);
    expect(others).toMatch(/必要時召集相關人員討論\s*否/);
    expect(others).toMatch(/提交需求訪談及粗估謝宗翰.*粗估人力工時\s*24/s);
    const history = (await desk.getByRole('region', { name: '處理歷程' }).textContent()) ?? '';
    expect(history).toMatch(
      /資訊服務台收件.*系統變更審查（六項要點）.*提交需求訪談及粗估.*可行性審查.*核准.*變更完成，通知申請人驗收.*驗收無誤.*結案存查/s,
    );

    // The printed 附件一, and its PDF.
    const { form, pdfType } = await printedForm(desk);
    expect(pdfType).toContain('application/pdf');
    expect(form).toContain(number);
    expect(form).toContain('法令、制度、技術及財務均可行。');
    expect(form).toContain('已完成 CSV 匯出並更新操作手冊。');
  });
});
