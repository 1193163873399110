import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { PHONE, signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { fileRequestViaApi } from './helpers/requests.js';
import { DEMO_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

describe('service levels and notifications (SLA-2, SLA-4, issue 4)', () => {
  it('shows the desk SLA badges, sorts by time left, and reports on service levels', async () => {
    const staffContext = await govdesk.context();
    const staff = await staffContext.newPage();
    await signIn(staff, 'staff01', DEMO_PASSWORD);
    const filed = await fileRequestViaApi(staff, { type: 'general', title: '服務時限測試：網路斷線' });
    await staffContext.close();

    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'desk01', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '申請案件' }).waitFor();

    const row = page.getByRole('row').filter({ hasText: filed.number });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('計時中');
    expect(rowText).toMatch(/期限\s*\d{3}\/\d{2}\/\d{2} \d{2}:\d{2}/);

    await page.getByLabel(/^排序/).selectOption({ label: '依剩餘時間（最急迫優先）' });
    await page.getByRole('button', { name: '查詢', exact: true }).click();
    await page.waitForURL(/sort=dueAt/);
    await page.getByRole('row').filter({ hasText: filed.number }).waitFor();

    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '服務水準報表' }).click();
    await page.getByRole('heading', { level: 1, name: '服務水準報表' }).waitFor();
    const table = page.getByRole('table', { name: /服務水準統計/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await table.textContent()).toContain('一般資訊服務');
    const csv = page.getByRole('link', { name: '下載 CSV' });
    expect(await csv.getAttribute('href')).toMatch(/^\/api\/reports\/service-levels\?.*groupBy=type.*&format=csv$/);
    const download = await page.request.get((await csv.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(/^分組方式/).selectOption({ label: '服務時限目標' });
    await page.getByRole('button', { name: '產生報表' }).click();
    await page.getByRole('rowheader', { name: 'fault.response' }).waitFor();
    await context.close();
  });

  it('tells the desk about the new request and lets it be marked read', async () => {
    const staffContext = await govdesk.context();
    const staff = await staffContext.newPage();
    await signIn(staff, 'staff01', DEMO_PASSWORD);
    const filed = await fileRequestViaApi(staff, { title: '通知測試：印表機卡紙' });
    await staffContext.close();

    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'desk01', DEMO_PASSWORD);
    const bell = page.getByRole('link', { name: /^通知，\d+ 則未讀$/ });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: '通知' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `開啟申請單 ${filed.number}` }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('未讀');
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: /^將「.*」標為已讀$/ }).click();
    await page.getByRole('status').filter({ hasText: '已將通知標為已讀' }).waitFor();
    await row.getByText('已讀', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);

    await page.getByRole('button', { name: '全部標為已讀' }).click();
    // The bell no longer announces unread notices.
    await expect.poll(() => page.getByRole('link', { name: /則未讀$/ }).count(), { timeout: 10_000 }).toBe(0);
    await context.close();
  });

  it('fits the report on a phone', async () => {
    const context = await govdesk.context(PHONE);
    const page = await context.newPage();
    await signIn(page, 'desk01', DEMO_PASSWORD);
    await page.goto('/reports/service-levels');
    await page.getByRole('heading', { level: 1, name: '服務水準報表' }).waitFor();
    await page.getByRole('link', { name: '下載 CSV' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
