import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { fileRequestViaApi } from './helpers/requests.js';
import { ADMIN_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

describe('accounts (SEC-1, SEC-2)', () => {
  it('lets the administrator create an account that must change its password first', async () => {
    const adminContext = await govdesk.context();
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '使用者管理' }).click();
    await admin.getByRole('heading', { level: 1, name: '使用者管理' }).waitFor();
    await admin.getByRole('rowheader', { name: 'staff01' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    const form = admin.getByRole('region', { name: '新增使用者' });
    await form.getByLabel(/^帳號/).fill('staff99');
    await form.getByLabel(/^姓名/).fill('陳小華');
    await form.getByLabel(/^所屬單位/).selectOption({ label: '\u3000投資組' });
    await form.getByLabel(/^初始密碼/).fill('Initial-pass-2026!');
    await form.getByLabel(/^建立原因/).fill('CTSP-115-00042 新進人員帳號申請');
    await form.getByRole('button', { name: '建立使用者' }).click();
    await admin.getByRole('status').filter({ hasText: '已建立使用者 staff99' }).waitFor();
    await admin.getByRole('rowheader', { name: 'staff99' }).waitFor();
    await adminContext.close();

    const userContext = await govdesk.context();
    const user = await userContext.newPage();
    await user.goto('/sign-in');
    await user.getByLabel(/^帳號/).fill('staff99');
    await user.getByLabel(/^密碼/).fill('Initial-pass-2026!');
    await user.getByRole('button', { name: '登入' }).click();
    await user.waitForURL('**/account');
    await user.getByText('為了帳號安全，請先變更密碼後再繼續使用系統。').waitFor();

    const password = user.getByRole('region', { name: '變更密碼' });
    await password.getByLabel(/^目前密碼/).fill('Initial-pass-2026!');
    await password.getByLabel(/^新密碼/).fill('weakpassword');
    await password.getByLabel(/^再次輸入新密碼/).fill('weakpassword');
    await password.getByRole('button', { name: '變更密碼' }).click();
    // The agency's policy (SEC-1) is the server's to apply; its reason appears at the field.
    await password.locator('[aria-invalid="true"]').waitFor();
    expect(await password.getByLabel(/^新密碼/).getAttribute('aria-invalid')).toBe('true');
    await password.getByLabel(/^新密碼/).fill('Better-pass-2026!');
    await password.getByLabel(/^再次輸入新密碼/).fill('Better-pass-2026!');
    await password.getByRole('button', { name: '變更密碼' }).click();
    await user.getByRole('status').filter({ hasText: '密碼已變更' }).waitFor();

    await user.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '我的申請' }).click();
    await user.getByRole('heading', { level: 1, name: '我的申請' }).waitFor();
    await userContext.close();
  });

  it('creates a personal API token shown once, which works, and revokes it', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto('/account');
    const tokens = page.getByRole('region', { name: '個人 API 權杖' });
    await tokens.getByLabel(/^權杖名稱/).fill('每週報表程式');
    await tokens.getByRole('button', { name: '建立權杖' }).click();
    const secret = await tokens.getByTestId('token-secret').textContent();
    expect(secret?.length ?? 0).toBeGreaterThan(20);
    await tokens.getByRole('cell', { name: '每週報表程式', exact: true }).waitFor();

    const api = await fetch(`${govdesk.baseUrl}/api/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(api.status).toBe(200);

    page.once('dialog', (dialog) => void dialog.accept());
    await tokens.getByRole('button', { name: '撤銷權杖「每週報表程式」' }).click();
    await tokens.getByRole('status').filter({ hasText: '已撤銷權杖「每週報表程式」' }).waitFor();
    await tokens.getByText('您尚未建立任何權杖。').waitFor();
    const revoked = await fetch(`${govdesk.baseUrl}/api/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(revoked.status).toBe(401);
    await context.close();
  });

  it('gives the desk an accessible assignment control and the 附件一 print page', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    const request = await fileRequestViaApi(page, { title: '機房新增伺服器' });
    await page.goto(`/requests/${request.id}`);
    await page.getByRole('region', { name: '分派承辦人' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '列印申請單' }).click();
    await page.getByRole('heading', { level: 1, name: '資訊服務申請單' }).waitFor();
    await page.getByText(request.number).waitFor();
    await page.getByText('民國115年12月18日').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
