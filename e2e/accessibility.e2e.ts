import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { PHONE, signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { fileRequestViaApi, isoDaysFromToday } from './helpers/requests.js';
import { DEMO_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

/** Waits until the page has its heading, i.e. its data has arrived. */
async function settled(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('accessibility, WCAG 2.1 AA (PLAT-2)', () => {
  it('finds no axe-core violations on the main pages in zh-TW', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();

    await page.goto('/sign-in');
    await settled(page, '登入資訊服務申請系統');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant-TW');
    expect(await page.title()).toBe('登入｜GovDesk 資訊服務申請系統');
    expect(await axeViolations(page)).toEqual([]);
    // The first Tab reaches the skip link, which leads to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要內容');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);

    await signIn(page, 'staff01', DEMO_PASSWORD);
    const request = await fileRequestViaApi(page);
    await page.reload();
    await settled(page, '我的申請');
    await page.getByRole('link', { name: request.number }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/requests/new');
    await settled(page, '新增資訊服務申請');
    expect(await axeViolations(page)).toEqual([]);
    // With the errors of an empty form showing, too.
    await page.getByLabel(/^摘要/).fill('');
    await page.getByRole('button', { name: '送出申請' }).click();
    await page.getByText('請填寫摘要。').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/requests/${request.id}`);
    await settled(page, `申請單 ${request.number}`);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/account');
    await settled(page, '帳號設定');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/no-such-page');
    await settled(page, '找不到網頁');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds no violations in English, nor at 375 px with the menu open', async () => {
    const context = await govdesk.context(PHONE);
    const page = await context.newPage();
    await signIn(page, 'desk01', DEMO_PASSWORD);
    await fileRequestViaApi(page, { title: '新進人員電腦設定', type: 'equipment', wishedDate: isoDaysFromToday(60) });
    await page.reload();
    await settled(page, '申請案件');
    // Phone-size screens get cards, not a table, and a menu button instead of the menu.
    expect(await page.getByRole('table').count()).toBe(0);
    await page.getByRole('listitem').filter({ hasText: '新進人員電腦設定' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '開啟選單' }).click();
    const menuButton = page.getByRole('button', { name: '關閉選單' });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '新增申請' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await settled(page, 'Request queue');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
