import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { ADMIN_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

describe('password reset (SEC-1)', () => {
  it('asks for a username and says a link was sent, whether or not the account exists', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '忘記密碼？' }).click();
    await page.getByRole('heading', { level: 1, name: '忘記密碼' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '寄送重設連結' }).click();
    await page.getByText('請填寫帳號。').waitFor();
    await page.getByLabel(/^帳號/).fill('staff01');
    await page.getByRole('button', { name: '寄送重設連結' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '若帳號「staff01」存在且登記了電子郵件，重設密碼的連結已寄出' })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The same words for an account that does not exist.
    await page.goto('/forgot-password');
    await page.getByLabel(/^帳號/).fill('nobody-here');
    await page.getByRole('button', { name: '寄送重設連結' }).click();
    await page.getByRole('status').filter({ hasText: '若帳號「nobody-here」存在' }).waitFor();
    await context.close();
  });

  it('refuses a link that is not valid, and offers a new one', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await page.goto('/reset-password?token=not-a-valid-token-at-all-0000');
    await page.getByRole('heading', { level: 1, name: '重設密碼' }).waitFor();
    await page.getByLabel(/^新密碼/).fill('Fresh-pass-2026!');
    await page.getByLabel(/^再次輸入新密碼/).fill('Fresh-pass-2026!');
    await page.getByRole('button', { name: '設定新密碼' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByRole('link', { name: '重新申請重設密碼連結' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('sets a new password through the mailed link, which then signs in', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await page.goto('/forgot-password');
    await page.getByLabel(/^帳號/).fill('asset01');
    await page.getByRole('button', { name: '寄送重設連結' }).click();
    await page.getByRole('status').filter({ hasText: '若帳號「asset01」存在' }).waitFor();

    // The mail, as the administrator's outbox keeps it without an SMTP server.
    const adminContext = await govdesk.context();
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    const outbox = (await (await admin.request.get('/api/admin/outbox')).json()) as { to: string; body: string }[];
    const mail = outbox.find((m) => m.to.startsWith('asset01@'));
    const link = /\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail?.body ?? '')?.[0];
    expect(link).toBeDefined();
    await adminContext.close();

    await page.goto(link ?? '');
    await page.getByRole('heading', { level: 1, name: '重設密碼' }).waitFor();
    await page.getByLabel(/^新密碼/).fill('Fresh-pass-2026!');
    await page.getByLabel(/^再次輸入新密碼/).fill('Other-pass-2026!');
    await page.getByRole('button', { name: '設定新密碼' }).click();
    await page.getByText('兩次輸入的新密碼不一致。').waitFor();
    await page.getByLabel(/^再次輸入新密碼/).fill('Fresh-pass-2026!');
    await page.getByRole('button', { name: '設定新密碼' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByRole('status').filter({ hasText: '密碼已重設，請以新密碼登入。' }).waitFor();
    await signIn(page, 'asset01', 'Fresh-pass-2026!');
    await context.close();
  });
});
