import { describe, expect, it } from 'vitest';
import type { AssetDetail } from '../src/shared/api/asset.schema.js';
import { apiPost, unitId } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { signIn } from './helpers/browser.js';
import { DEMO_PASSWORD } from './helpers/server.js';
import { useGovDesk } from './helpers/suite.js';

const govdesk = useGovDesk();

describe('the asset register and deputies (issue 6, ITSM-3, ORG-3)', () => {
  it('finds an item, changes its rack location, relates two items, and appoints a deputy who may then edit', async () => {
    // The data-centre administrator; the items are entered through the API (approvals are another test's subject).
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'dcadmin01', DEMO_PASSWORD);
    const trade = await unitId(page, '工商外貿科');
    const server = await apiPost<AssetDetail>(page, '/api/assets', {
      assetNumber: 'DC-E2E-0001',
      name: '貿易管理系統 AP 主機',
      kind: 'server_ap',
      ownerUnitId: trade,
      rackLocation: '3F 機房 A05-U12',
      ipAddresses: ['10.20.1.15'],
      os: 'Linux',
      osVersion: 'Ubuntu 24.04',
    });
    await apiPost<AssetDetail>(page, '/api/assets', {
      assetNumber: 'NET-E2E-0001',
      name: '核心交換器',
      kind: 'network_device',
      ownerUnitId: trade,
    });

    // Find it in the register.
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '資產清冊' }).click();
    await page.getByRole('heading', { level: 1, name: '資產清冊' }).waitFor();
    await page.getByRole('searchbox', { name: /^搜尋/ }).fill('10.20.1.15');
    await page.getByRole('button', { name: '查詢' }).click();
    await page.getByRole('status').filter({ hasText: '共 1 項資產' }).waitFor();
    const table = page.getByRole('table', { name: '資產清冊' });
    const row = table.getByRole('row').filter({ hasText: 'DC-E2E-0001' });
    expect(await row.textContent()).toContain('3F 機房 A05-U12');
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('link', { name: 'DC-E2E-0001' }).click();
    await page.getByRole('heading', { level: 1, name: '資產 DC-E2E-0001' }).waitFor();

    // Change its rack location; the history says from what to what.
    await page.getByRole('button', { name: '編輯資產資料' }).click();
    await page.getByLabel(/^機櫃位置/).fill('3F 機房 B02-U20');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('status').filter({ hasText: '已儲存資產資料。' }).waitFor();
    const details = page.getByRole('region', { name: '資產資料' });
    await details.getByText('3F 機房 B02-U20', { exact: true }).waitFor();
    const history = page.getByRole('region', { name: '異動紀錄' });
    await history.getByText('機櫃位置：3F 機房 A05-U12 → 3F 機房 B02-U20').waitFor();

    // Relate it to the switch it is connected to.
    const relations = page.getByRole('region', { name: '關聯', exact: true });
    await relations.getByRole('searchbox', { name: /^尋找對方資產/ }).fill('NET-E2E');
    await relations.getByRole('button', { name: '搜尋' }).click();
    await relations.getByLabel('對方資產', { exact: true }).selectOption({ label: 'NET-E2E-0001 核心交換器' });
    await relations.getByLabel('關聯', { exact: true }).selectOption({ label: '連接至' });
    await relations.getByRole('button', { name: '建立關聯' }).click();
    await page.getByRole('status').filter({ hasText: '已建立關聯。' }).waitFor();
    const relationRow = relations
      .getByRole('table', { name: '本項資產的關聯' })
      .getByRole('row')
      .filter({ hasText: 'NET-E2E-0001' });
    expect(await relationRow.textContent()).toContain('連接至');
    await history.getByText('連接至 NET-E2E-0001').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The switch's page reads the relation the other way.
    await relationRow.getByRole('link', { name: 'NET-E2E-0001' }).click();
    await page.getByRole('heading', { level: 1, name: '資產 NET-E2E-0001' }).waitFor();
    const back = page
      .getByRole('region', { name: '關聯', exact: true })
      .getByRole('row')
      .filter({ hasText: 'DC-E2E-0001' });
    expect(await back.textContent()).toContain('被連接自');

    // The administrator goes on leave: the network administrator deputises for the week.
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '職務代理' }).click();
    await page.getByRole('heading', { level: 1, name: '職務代理' }).waitFor();
    const form = page.getByRole('region', { name: '指定職務代理人' });
    await form.getByText('被代理人：周家豪（本人）').waitFor();
    expect(await form.getByLabel(/^代理角色/).inputValue()).toContain('dc_admin');
    await form.getByRole('searchbox', { name: /^尋找代理人/ }).fill('network01');
    await form.getByRole('button', { name: '搜尋' }).click();
    await form.getByLabel(/^代理人/).selectOption({ label: '孫偉倫（資訊服務科）' });
    await form.getByLabel(/^代理事由/).fill('年度休假');
    await form.getByRole('button', { name: '指定', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已指定 孫偉倫 代理 周家豪 的「資訊機房管理員」。' }).waitFor();
    const deputyRow = page.getByRole('table', { name: '職務代理紀錄' }).getByRole('row').filter({ hasText: '孫偉倫' });
    await deputyRow.getByText('代理中').waitFor();
    expect(await deputyRow.textContent()).toContain('年度休假');
    expect(await axeViolations(page)).toEqual([]);

    // The deputy now keeps the register as the data-centre administrator would.
    const deputyContext = await govdesk.context();
    const deputy = await deputyContext.newPage();
    await signIn(deputy, 'network01', DEMO_PASSWORD);
    await deputy.goto(`/assets/${server.id}`);
    await deputy.getByRole('heading', { level: 1, name: '資產 DC-E2E-0001' }).waitFor();
    await deputy.getByRole('button', { name: '編輯資產資料' }).waitFor();
    await deputy.goto('/deputies');
    const seen = deputy.getByRole('table', { name: '職務代理紀錄' }).getByRole('row').filter({ hasText: '周家豪' });
    await seen.getByText('代理中').waitFor();
    expect(await seen.getByRole('button').count()).toBe(0);

    // Revoked by the administrator on return: the deputy's next page no longer offers editing.
    await deputyRow.getByRole('button', { name: '撤銷 孫偉倫 代理「資訊機房管理員」' }).click();
    await page.getByRole('status').filter({ hasText: '已撤銷職務代理。' }).waitFor();
    await deputyRow.getByText('已撤銷').waitFor();
    await deputy.goto(`/assets/${server.id}`);
    await deputy.getByRole('heading', { level: 1, name: '資產 DC-E2E-0001' }).waitFor();
    await deputy.getByRole('region', { name: '資產資料' }).getByText('3F 機房 B02-U20', { exact: true }).waitFor();
    expect(await deputy.getByRole('button', { name: '編輯資產資料' }).count()).toBe(0);

    await deputyContext.close();
    await context.close();
  });
});
