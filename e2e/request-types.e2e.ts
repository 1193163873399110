import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { PHONE, signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { DEMO_PASSWORD } from './helpers/server.js';
import { isVisuallyHidden, requestTypeTitles } from './helpers/workflows.js';

const govdesk = useGovDesk();

/** Opens the catalogue from the menu and waits for every type. */
async function openCatalogue(page: Page, titles: Record<string, string>): Promise<void> {
  const nav = page.getByRole('navigation', { name: '主選單' });
  if (await nav.isVisible()) await nav.getByRole('link', { name: '申請類別' }).click();
  else await page.goto('/request-types');
  await page.getByRole('heading', { level: 1, name: '申請類別' }).waitFor();
  for (const title of Object.values(titles)) await page.getByRole('region', { name: title, exact: true }).waitFor();
}

describe('the request-type catalogue (issue 3)', () => {
  it('shows a requester all nine types, one flow as a diagram and as a list of steps', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'staff01', DEMO_PASSWORD);
    const titles = await requestTypeTitles(page);
    expect(Object.keys(titles).sort()).toEqual(
      [
        'app_dev',
        'dc_equipment',
        'equipment',
        'general',
        'relocation',
        'rule_change',
        'security_incident',
        'vendor_account',
        'web_content',
      ].sort(),
    );
    await openCatalogue(page, titles);
    expect(await page.locator('main section[data-type]').count()).toBe(9);

    // What each type prints, how it is filed and whether it needs an account.
    const incident = page.getByRole('region', { name: titles.security_incident, exact: true });
    await incident.getByText('附件三　資通安全事件通報單').waitFor();
    const vendor = page.getByRole('region', { name: titles.vendor_account, exact: true });
    await vendor.getByText('附件四　廠商系統管理者帳號申請表').waitFor();
    await vendor.getByText('不需要：廠商免帳號線上申請').waitFor();
    await vendor.getByRole('note').filter({ hasText: '不需要帳號即可申請' }).waitFor();
    const general = page.getByRole('region', { name: titles.general, exact: true });
    await general.getByText('附件一　資訊服務申請單').waitFor();
    await general.getByText('需要：以機關帳號登入後申請').waitFor();
    // Issue 6: the data-centre application, with its description and printed form.
    const dataCentre = page.getByRole('region', { name: titles.dc_equipment, exact: true });
    await dataCentre.getByText('資訊機房設備移（攜）出入申請單').waitFor();
    expect(await dataCentre.textContent()).toContain('網路資安科主管核准');
    // Issue 4: the rule-change notice of a connected agency, printed as a record.
    const ruleChange = page.getByRole('region', { name: titles.rule_change, exact: true });
    await ruleChange.getByText('通知及處理紀錄').waitFor();
    expect(await ruleChange.textContent()).toContain('十個工作天');

    // The flow: a drawing in a scrollable box, and its steps as a list for screen readers.
    const show = general.getByRole('button', { name: '查看流程' });
    await show.click();
    expect(await show.getAttribute('aria-expanded')).toBe('true');
    const diagram = general.getByRole('region', { name: `${titles.general}流程圖（可捲動）` });
    await diagram.getByRole('img', { name: new RegExp(`^${titles.general}的流程圖`) }).waitFor();
    expect(await diagram.locator('g.flow-state').count()).toBeGreaterThan(20);
    const steps = general.getByRole('list', { name: `${titles.general}的流程步驟` });
    // Hidden from sight but there for screen readers until 「以清單檢視」.
    expect(await isVisuallyHidden(steps)).toBe(true);
    await steps.getByRole('listitem').filter({ hasText: '科長簽章' }).first().waitFor({ state: 'attached' });
    const stepTexts = await steps.locator(':scope > li').allTextContents();
    expect(stepTexts[0]).toContain('資訊服務需求申請');
    expect(stepTexts.join('\n')).toMatch(/「資訊服務台收件」 → 審查：是否為 IT 服務/);
    expect(await axeViolations(page)).toEqual([]);

    await general.getByRole('switch', { name: '以清單檢視' }).check();
    await steps.waitFor();
    expect(await isVisuallyHidden(steps)).toBe(false);
    expect(await diagram.count()).toBe(0);
    await general.getByText('流程從「資訊服務需求申請').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Starting a request of the type goes to the new-request form with the type chosen.
    await general.getByRole('link', { name: `填寫「${titles.general}」` }).click();
    await page.waitForURL('**/requests/new?type=general');
    await page.getByRole('heading', { level: 1, name: '新增資訊服務申請' }).waitFor();
    expect(await page.getByLabel(/^申請類別/).inputValue()).toBe('general');
    await page.getByRole('link', { name: /查看各申請類別的說明與流程/ }).waitFor();
    await context.close();
  });

  it('fits a phone: the diagram scrolls in its box, the page never sideways', async () => {
    const context = await govdesk.context(PHONE);
    const page = await context.newPage();
    await signIn(page, 'staff01', DEMO_PASSWORD);
    const titles = await requestTypeTitles(page);
    await openCatalogue(page, titles);
    const general = page.getByRole('region', { name: titles.general, exact: true });
    await general.getByRole('button', { name: '查看流程' }).click();
    const diagram = general.getByRole('region', { name: `${titles.general}流程圖（可捲動）` });
    await diagram.waitFor();
    // The drawing is wider than the screen; its box scrolls, the page does not.
    expect(await diagram.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await general.getByRole('button', { name: '放大' }).click();
    await general.getByText('75%').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await general.getByRole('switch', { name: '以清單檢視' }).check();
    await general.getByRole('list', { name: `${titles.general}的流程步驟` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
