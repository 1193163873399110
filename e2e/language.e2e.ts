import { describe, expect, it } from 'vitest';
import { signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { fileRequestViaApi } from './helpers/requests.js';
import { DEMO_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

describe('languages and dates (PLAT-1)', () => {
  it('switches to English, remembers it, and shows dates in ROC and ISO form', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'staff01', DEMO_PASSWORD);
    const request = await fileRequestViaApi(page, { applicationDate: '2026-11-20', wishedDate: '2026-12-18' });

    // In Chinese first: ROC dates with the ISO date beside them.
    await page.goto(`/requests/${request.id}`);
    const details = page.getByRole('region', { name: '申請資料' });
    await details.getByText('民國115年12月18日（2026-12-18）').waitFor();
    await details.getByText('民國115年11月20日（2026-11-20）').waitFor();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: `Request ${request.number}` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe(`Request ${request.number} | GovDesk IT Service Requests`);
    const english = page.getByRole('region', { name: 'Details' });
    await english.getByText('2026-12-18 (ROC 115/12/18)').waitFor();
    expect(await english.textContent()).toContain('Wished completion date');
    expect(await english.textContent()).toContain('General IT service');
    expect(await page.getByRole('region', { name: 'History' }).textContent()).toContain('Request created');
    // Timestamps too: ISO date and time in Taipei, then the ROC date.
    expect(await english.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(ROC \d+\/\d{2}\/\d{2}\)/);

    // The choice survives a reload, and the list speaks English.
    await page.goto('/requests');
    await page.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: request.number });
    expect(await row.textContent()).toContain('Submitted');
    expect(await row.textContent()).toContain('2026-12-18 (ROC 115/12/18)');

    await page.getByRole('button', { name: '切換為繁體中文' }).click();
    await page.getByRole('heading', { level: 1, name: '我的申請' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant-TW');
    await context.close();
  });
});
