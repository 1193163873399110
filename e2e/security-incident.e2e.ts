import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { submitNewRequest } from './helpers/people.js';
import { isoDaysFromToday } from './helpers/requests.js';
import { DEMO_PASSWORD } from './helpers/server.js';
import { useGovDesk } from './helpers/suite.js';
import { markedSteps, signInViaApi, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();

describe('a security incident (TYPE-6, 000 §2.6, 附件三)', () => {
  it('is not filed by staff on the web: the desk records it', async () => {
    const context = await govdesk.context();
    const staff = await signInViaApi(context, 'staff01', DEMO_PASSWORD);
    await staff.goto('/requests/new?type=security_incident');
    const note = staff.getByRole('note').filter({ hasText: '「資安事件通報」由資訊服務台登錄' });
    await note.waitFor();
    expect(await note.textContent()).toContain('以電話通報資訊服務台');
    expect(await staff.getByRole('button', { name: '送出申請' }).count()).toBe(0);
    // Once another type is chosen, the incident is no longer offered.
    const type = staff.getByLabel(/^申請類別/);
    await type.selectOption('general');
    await staff.getByRole('button', { name: '送出申請' }).waitFor();
    expect(await type.locator('option').allTextContents()).not.toContain('資安事件通報');
    await context.close();
  });

  it('is recorded by the desk from a phone call and graded by the IT section chief', async () => {
    const deskContext = await govdesk.context();
    const desk = await signInViaApi(deskContext, 'desk01', DEMO_PASSWORD);
    await desk.goto('/requests/new?type=security_incident');
    await desk.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    // The phone is the only way an incident comes in.
    const channel = desk.getByLabel(/^受理方式/);
    await channel.waitFor();
    expect(await channel.locator('option').allTextContents()).toEqual(['電話']);
    expect(await channel.inputValue()).toBe('phone');
    await desk.getByLabel(/^申請單位/).selectOption({ label: '\u3000投資組' });
    await desk.getByLabel(/^申請人帳號/).selectOption({ label: '王小明（staff01）' });
    await desk.getByRole('region', { name: '申請人資料' }).getByLabel(/^電話/).fill('04-2565-8588 分機 205');
    await desk.getByLabel(/^希望完成日期/).fill(isoDaysFromToday(0));
    await desk.getByLabel(/^摘要/).fill('投資組個人電腦疑似感染病毒');
    await desk.getByLabel(/^申請服務事項/).fill('同仁來電：開機後出現勒索訊息，已拔除網路線。');

    // 附件三's first sections, as the caller tells them.
    const report = desk.getByRole('region', { name: /：申請細項$/ });
    await report.getByLabel(/^機關\(機構\)名稱/).fill('中部科學園區管理局');
    await report.getByLabel(/^通報人/).fill('王小明');
    await report.getByLabel(/^電話/).fill('04-2565-8588');
    await report.getByLabel(/^事件發生時間/).fill(`${isoDaysFromToday(0)}T09:30`);
    await report.getByRole('radio', { name: '感染病毒' }).check();
    // 「其他」 asks what the other damage was.
    const damage = report.getByRole('radiogroup', { name: /^破壞程度/ });
    await damage.getByRole('radio', { name: '其他' }).check();
    await report.getByLabel(/^破壞程度（其他）/).waitFor();
    await damage.getByRole('radio', { name: '系統當機' }).check();
    expect(await report.getByLabel(/^破壞程度（其他）/).count()).toBe(0);
    await report.getByLabel(/^事件說明/).fill('個人電腦疑似感染勒索病毒，已中斷網路連線。');
    const { id } = await submitNewRequest(desk);
    const details = desk.getByRole('region', { name: '申請資料' });
    await desk
      .getByRole('region', { name: '流程進度' })
      .getByRole('img', { name: /的流程圖/ })
      .waitFor();
    expect(await details.textContent()).toMatch(/受理方式\s*電話/);
    expect(await markedSteps(desk)).toEqual(['recorded']);
    expect(await desk.getByRole('region', { name: /：申請細項$/ }).textContent()).toMatch(/事件分類\s*感染病毒/);

    // The desk cannot solve it alone: it goes to the IT section chief.
    const assessed = await takeAction(desk, '判斷是否可逕行處理', async (dialog) => {
      await dialog.getByLabel(/^了解情形/).fill('勒索病毒，需資訊科長判定等級。');
    });
    expect(assessed).toContain('目前步驟：向資訊科長報告及請示');
    await deskContext.close();

    const chiefContext = await govdesk.context();
    const chief = await signInViaApi(chiefContext, 'itchief01', DEMO_PASSWORD);
    await chief.goto(`/requests/${id}`);
    const graded = await takeAction(chief, '判定影響等級並填具通報單（附件三）', async (dialog) => {
      await dialog.getByRole('radio', { name: /^『C』級/ }).check();
      await dialog.getByRole('radio', { name: '第二級' }).check();
      await dialog.getByLabel(/^可能影響範圍及損失評估/).fill('單一個人電腦，未擴散。');
      await dialog.getByLabel(/^應變措施/).fill('隔離主機並重灌系統。');
    });
    expect(graded).toContain('目前狀態：處理中');
    // Three things go on at once now: reporting out, supervision and handling.
    expect((await markedSteps(chief)).sort()).toEqual(
      ['external_report_pending', 'response_handling', 'supervision_division_head'].sort(),
    );
    const current =
      (await chief.getByRole('region', { name: '流程進度' }).getByRole('definition').first().textContent()) ?? '';
    expect(current).toContain('處理（損害控制及復原）');
    expect(current).toContain('督導處理：報告工商組組長');
    const history = chief.getByRole('region', { name: '處理歷程' });
    await history.getByText('內部通報', { exact: true }).waitFor();
    expect(await history.textContent()).toContain('通報：組室主管（組長）');
    const record = (await chief.getByRole('region', { name: '簽核及處理紀錄' }).textContent()) ?? '';
    expect(record).toMatch(/吳淑芬.*『C』級.*第二級.*單一個人電腦，未擴散。/s);
    await chief
      .getByRole('region', { name: '辦理' })
      .getByRole('button', { name: '通報上級主管機關及國家資通安全會報' })
      .waitFor();
    await chief.waitForLoadState('networkidle');
    expect(await axeViolations(chief)).toEqual([]);
    await chiefContext.close();
  });
});
