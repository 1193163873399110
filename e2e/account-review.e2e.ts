import { describe, expect, it } from 'vitest';
import { apiPost, unitId } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

describe('the six-monthly account review (SEC-2)', () => {
  it('is opened by the administrator, answered by the section chief, followed and printed', async () => {
    // The administrator: a second account in 工商外貿科, then a review opened now.
    const adminContext = await govdesk.context();
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    const trade = await unitId(admin, '工商外貿科');
    await apiPost(admin, '/api/users', {
      username: 'trade02',
      displayName: '趙子瑜',
      unitId: trade,
      kind: 'staff',
      roles: [{ role: 'requester', unitId: trade }],
      password: 'Trade-pass-2026!',
      reason: '工商外貿科新進人員',
    });
    await admin.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '帳號清查' }).click();
    await admin.getByRole('heading', { level: 1, name: '帳號清查' }).waitFor();
    await admin.getByRole('button', { name: '立即開始清查' }).click();
    await admin.waitForURL(/\/account-reviews\/[0-9a-f-]{36}$/);
    const reviewUrl = new URL(admin.url()).pathname;
    const heading = admin.getByRole('heading', { level: 1, name: /^\d+ 年[上下]半年帳號清查$/ });
    const title = (await heading.textContent()) ?? '';
    await admin
      .getByRole('status')
      .filter({ hasText: `已開始「${title}」` })
      .waitFor();

    // The section chief of 工商外貿科 sees the accounts of the unit waiting for him.
    const chiefContext = await govdesk.context();
    const chief = await chiefContext.newPage();
    await signIn(chief, 'chief01', DEMO_PASSWORD);
    await chief.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '帳號清查' }).click();
    const card = chief.getByRole('listitem').filter({ hasText: title });
    await card.getByText('待我清查 2').waitFor();
    await card.getByRole('link', { name: title }).click();
    await chief.getByRole('heading', { level: 1, name: title }).waitFor();
    await chief.getByLabel('只顯示待清查的帳號').check();
    const unit = chief.getByRole('region', { name: '工商外貿科', exact: true });
    const rows = unit.getByRole('table', { name: '工商外貿科的帳號' }).getByRole('row');
    await rows.filter({ hasText: 'company01' }).waitFor();
    await rows.filter({ hasText: 'trade02' }).waitFor();
    expect(await axeViolations(chief)).toEqual([]);

    await unit.getByRole('button', { name: '保留（company01）' }).click();
    await chief.getByRole('status').filter({ hasText: '已保留 劉怡君（company01）' }).waitFor();

    // Revoking asks why, and refuses to go on without it.
    await unit.getByRole('button', { name: '撤銷（trade02）' }).click();
    const dialog = chief.getByRole('dialog', { name: '撤銷 趙子瑜（trade02）' });
    await dialog.getByRole('button', { name: '確認撤銷' }).click();
    await dialog.getByText('請填寫撤銷原因。').waitFor();
    expect(await axeViolations(chief)).toEqual([]);
    await dialog.getByLabel(/^撤銷原因/).fill('已調職至投資組，不再需要本科帳號');
    await dialog.getByRole('button', { name: '確認撤銷' }).click();
    await chief.getByRole('status').filter({ hasText: '已撤銷 趙子瑜（trade02）' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    // Answered items leave the "pending only" view.
    await chief.getByText('沒有符合條件的帳號。').waitFor();
    await chiefContext.close();

    // The administrator follows the progress and prints the record.
    await admin.goto('/account-reviews');
    const adminCard = admin.getByRole('listitem').filter({ hasText: title });
    await adminCard.getByText(/^保留 1、撤銷 1、待清查 \d+（共 \d+ 個帳號）$/).waitFor();
    await admin.goto(reviewUrl);
    const decided = admin.getByRole('region', { name: '工商外貿科', exact: true });
    expect(await decided.getByRole('row').filter({ hasText: 'company01' }).textContent()).toContain('保留');
    const revoked = await decided.getByRole('row').filter({ hasText: 'trade02' }).textContent();
    expect(revoked).toContain('撤銷');
    expect(revoked).toContain('已調職至投資組');
    expect(revoked).toContain('林志明');

    await admin.getByRole('link', { name: '列印清查紀錄' }).click();
    await admin.getByRole('heading', { level: 1, name: `${title}紀錄` }).waitFor();
    await admin.getByText('中部科學園區管理局').first().waitFor();
    const record = admin.getByRole('table', { name: '帳號清查明細' });
    const company = await record.getByRole('row').filter({ hasText: 'company01' }).textContent();
    expect(company).toContain('保留');
    expect(company).toContain('林志明');
    expect(company).toMatch(/\d{3}\/\d{2}\/\d{2}/);
    const revokedRow = await record.getByRole('row').filter({ hasText: 'trade02' }).textContent();
    expect(revokedRow).toContain('撤銷');
    expect(revokedRow).toContain('已調職至投資組，不再需要本科帳號');
    await admin.getByText(/^合計：帳號 \d+ 個，保留 1 個，撤銷 1 個，未回覆 \d+ 個。$/).waitFor();
    const signatures = admin.getByRole('table', { name: '核章' });
    for (const who of ['承辦人', '單位主管', '資訊單位主管']) {
      await signatures.getByRole('columnheader', { name: who, exact: true }).waitFor();
    }
    await admin.getByText(/^清查期間$/).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await adminContext.close();
  });
});
