import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { ADMIN_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

/** The password step; a second factor is asked next. */
async function password(page: Page, username: string, secret: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^帳號/).fill(username);
  await page.getByLabel(/^密碼/).fill(secret);
  await page.getByRole('button', { name: '登入', exact: true }).click();
  await page.getByLabel(/^驗證碼/).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: '登出', exact: true }).click();
  await page.waitForURL('**/sign-in');
}

describe('second factor (SEC-1)', () => {
  it('holds an administrator until enrolled, then asks for a code or a recovery code at sign-in', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);

    // The agency requires a second factor of administrators (the demo starts without).
    await page.goto('/admin/settings');
    const security = page.getByRole('region', { name: '帳號安全' });
    await security.getByLabel('系統管理者須使用雙因子驗證').check();
    await security.getByRole('button', { name: '儲存' }).click();
    await page.waitForURL('**/account');
    await page.getByText('依機關規定，系統管理者須先設定雙因子驗證').waitFor();
    const menu = page.getByRole('navigation', { name: '主選單' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['帳號設定']);
    await page.goto('/requests');
    await page.waitForURL('**/account');

    // Enrolment: QR code, the key for typing in, a code from the app.
    const factor = page.getByRole('region', { name: '雙因子驗證' });
    await factor.getByRole('button', { name: '設定雙因子驗證' }).click();
    await factor.getByRole('img', { name: '雙因子驗證設定用 QR Code' }).waitFor();
    const secret = ((await factor.getByTestId('mfa-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await factor.getByLabel(/^輸入 App 顯示的 6 位數驗證碼/).fill(totpCode(secret));
    await factor.getByRole('button', { name: '啟用雙因子驗證' }).click();

    // The recovery codes, shown once, with the advice to store them now.
    const codes = factor.getByTestId('recovery-codes').getByRole('listitem');
    await codes.first().waitFor();
    const recovery = (await codes.allTextContents()).map((c) => c.trim());
    expect(recovery).toHaveLength(10);
    expect(recovery[0]).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}$/);
    await factor.getByText(/請立即將這些備用碼列印或抄寫下來/).waitFor();
    await factor.getByRole('button', { name: '列印備用碼' }).waitFor();
    // The hold is lifted: the whole menu is back.
    await menu.getByRole('link', { name: '使用者管理' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await factor.getByRole('button', { name: '我已妥善保存備用碼' }).click();
    await factor.getByText('剩餘備用碼').waitFor();
    await signOut(page);

    // Password, then the code of the next step (each code works once).
    await password(page, 'admin', ADMIN_PASSWORD);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/^驗證碼/).fill('000000');
    await page.getByRole('button', { name: '驗證並登入' }).click();
    await page.getByRole('alert').filter({ hasText: '驗證碼錯誤或已使用過' }).waitFor();
    await page.getByLabel(/^驗證碼/).fill(totpCode(secret, 1));
    await page.getByRole('button', { name: '驗證並登入' }).click();
    await page.waitForURL('**/requests');
    await page.getByRole('heading', { level: 1, name: '申請案件' }).waitFor();
    await signOut(page);

    // A recovery code instead of the app, once.
    await password(page, 'admin', ADMIN_PASSWORD);
    await page.getByLabel(/^驗證碼/).fill(recovery[0] ?? '');
    await page.getByRole('button', { name: '驗證並登入' }).click();
    await page.waitForURL('**/requests');
    await page.goto('/account');
    await page
      .getByRole('region', { name: '雙因子驗證' })
      .getByText(/^9 組$/)
      .waitFor();
    await context.close();
  });
});
