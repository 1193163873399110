import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

describe('settings, audit trail and sign-ins', () => {
  it('lets the administrator change settings and see the calendar and the mail log', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '系統設定' }).click();
    await page.getByRole('heading', { level: 1, name: '系統設定' }).waitFor();

    const sla = page.getByRole('region', { name: '服務時限' });
    await sla.getByLabel(/^預警門檻/).fill('70, 90');
    await sla.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('status').filter({ hasText: '已儲存「服務時限」' }).waitFor();
    const saved = await page.request.get('/api/settings/sla');
    expect(((await saved.json()) as { warningThresholds: number[] }).warningThresholds).toEqual([0.7, 0.9]);

    const hours = page.getByRole('region', { name: '辦公時間' });
    await hours.getByLabel('第 1 時段開始').waitFor();
    await hours.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('status').filter({ hasText: '已儲存「辦公時間」' }).waitFor();

    // The workflows' units (issue 3): the demo's IT section and business unit, chosen from the units.
    const units = page.getByRole('region', { name: '流程單位' });
    const business = units.getByLabel(/^廠商帳號業務單位/);
    await expect.poll(() => business.locator('option:checked').textContent()).toContain('工商外貿科');
    expect(
      await units
        .getByLabel(/^資訊服務單位/)
        .locator('option:checked')
        .textContent(),
    ).toContain('資訊服務科');
    await business.selectOption({ label: '\u3000投資組' });
    await units.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('status').filter({ hasText: '已儲存「流程單位」' }).waitFor();
    const unitsSaved = (await (await page.request.get('/api/settings/workflow-units')).json()) as {
      businessUnitId: string;
    };
    expect(unitsSaved.businessUnitId).toBe(await business.inputValue());

    const calendar = page.getByRole('region', { name: '辦公日曆' });
    await calendar.getByRole('table', { name: '已載入的日曆' }).waitFor();
    await calendar
      .getByText(/放假|補行上班|沒有特別的放假日/)
      .first()
      .waitFor();
    await calendar.getByLabel(/^匯入日曆 CSV 檔/).setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('not,a,calendar\nfoo,bar,baz\n'),
    });
    await calendar.getByRole('button', { name: '匯入', exact: true }).click();
    await calendar.getByRole('alert').waitFor();

    await page.getByRole('region', { name: '郵件寄送紀錄' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('lets the auditor search, export and verify the audit trail', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'auditor01', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '稽核紀錄' }).click();
    await page.getByRole('heading', { level: 1, name: '稽核紀錄' }).waitFor();
    await page.getByLabel(/^動作/).fill('auth.');
    await page.getByRole('button', { name: '查詢', exact: true }).click();
    const table = page.getByRole('table', { name: /稽核紀錄/ });
    await table.getByText('auth.login').first().waitFor();
    expect(await page.getByRole('link', { name: '下載 CSV' }).getAttribute('href')).toMatch(
      /^\/api\/audit\?.*action=auth\..*&format=csv$/,
    );
    await page.getByRole('button', { name: '驗證稽核軌跡' }).click();
    await page.getByRole('status').filter({ hasText: '稽核軌跡完整' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows recent sign-ins and signs out everywhere', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'staff01', DEMO_PASSWORD);
    await page.goto('/account');
    const signIns = page.getByRole('region', { name: '最近登入紀錄' });
    await signIns.getByRole('cell', { name: '成功' }).first().waitFor();
    await signIns.getByRole('cell', { name: '127.0.0.1' }).first().waitFor();
    await page.getByRole('region', { name: '電子郵件通知' }).getByRole('checkbox').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    page.once('dialog', (dialog) => void dialog.accept());
    await signIns.getByRole('button', { name: '登出所有裝置' }).click();
    await page.waitForURL('**/sign-in');
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await context.close();
  });
});
