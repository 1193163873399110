import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { PHONE, signIn } from './helpers/browser.js';
import { fileRequestViaApi } from './helpers/requests.js';
import { useGovDesk } from './helpers/suite.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

describe('an account’s life (SEC-2, VEN-4)', () => {
  it('is edited with a reason, transferred and offboarded, listing what the person still holds', async () => {
    // 王小明 has an open request of his own.
    const staffContext = await govdesk.context();
    const staff = await staffContext.newPage();
    await signIn(staff, 'staff01', DEMO_PASSWORD);
    const request = await fileRequestViaApi(staff, { title: '調職前的印表機申請' });
    await staffContext.close();

    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto('/admin/users');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'staff01' }) });
    expect(await row.textContent()).toContain('未啟用');
    await row.getByRole('link', { name: 'staff01' }).click();
    await page.getByRole('heading', { level: 1, name: '王小明（staff01）' }).waitFor();
    const holdings = page.getByRole('region', { name: '仍持有的項目' });
    await holdings.getByRole('link', { name: request.number }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);

    // A vendor needs a last working day, and the reason is always asked.
    const details = page.getByRole('region', { name: '帳號資料與角色' });
    await details.getByLabel(/^身分/).selectOption({ label: '委外廠商' });
    await details.getByRole('button', { name: '儲存變更' }).click();
    await details.getByText('委外廠商、約聘僱人員與外部單位帳號須填寫到期日。').waitFor();
    await details.getByText('請填寫異動原因。').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await details.getByLabel(/^身分/).selectOption({ label: '機關員工' });
    await details.getByLabel(/^電話/).fill('04-2565-8588 分機 205');
    await details.getByRole('button', { name: '新增角色' }).click();
    await details.getByLabel('角色 2', { exact: true }).selectOption({ label: '資產清冊管理者' });
    await details.getByLabel(/^異動原因/).fill('兼辦投資組資產清冊');
    await details.getByRole('button', { name: '儲存變更' }).click();
    await page.getByRole('status').filter({ hasText: '已更新 staff01 的帳號資料。' }).waitFor();

    // Transfer: every role goes, the account moves, the open request is still his.
    const offboard = page.getByRole('region', { name: '調職或離職' });
    await offboard.getByLabel(/^新單位/).selectOption({ label: '\u3000\u3000工商外貿科' });
    await offboard.getByLabel(/^異動原因/).fill('人事命令 115 人字第 001 號');
    page.once('dialog', (dialog) => void dialog.accept());
    await offboard.getByRole('button', { name: '辦理調職' }).click();
    await page.getByRole('status').filter({ hasText: '已辦理 王小明 調職至「工商外貿科」' }).waitFor();
    const result = offboard.getByRole('region', { name: '仍持有的項目（請改派或結案）' });
    await result.getByRole('link', { name: request.number }).waitFor();
    expect(await details.getByLabel(/^所屬單位/).inputValue()).not.toBe('');
    expect(await axeViolations(page)).toEqual([]);

    // Leaving disables the account.
    await offboard.getByLabel('離職').check();
    await offboard.getByLabel(/^異動原因/).fill('115 年 12 月 31 日離職');
    page.once('dialog', (dialog) => void dialog.accept());
    await offboard.getByRole('button', { name: '辦理離職' }).click();
    await page.getByRole('status').filter({ hasText: '已辦理 王小明 離職，帳號已停用。' }).waitFor();
    await offboard.getByText('此帳號已停用。').waitFor();
    await page.getByRole('link', { name: '← 回到使用者管理' }).click();
    const after = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'staff01' }) });
    await after.getByText('停用').waitFor();
    await context.close();
  });

  it('reads well on a phone', async () => {
    const context = await govdesk.context(PHONE);
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    const users = (await (await page.request.get('/api/users?q=desk01')).json()) as { id: string }[];
    await page.goto(`/admin/users/${users[0]?.id ?? ''}`);
    await page.getByRole('heading', { level: 1, name: '李佳穎（desk01）' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });
});
