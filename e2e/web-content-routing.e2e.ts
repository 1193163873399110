import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSend } from './helpers/api.js';
import { axeViolations } from './helpers/axe.js';
import { usePeople } from './helpers/people.js';
import { fileRequestViaApi, isoDaysFromToday } from './helpers/requests.js';
import { ADMIN_PASSWORD } from './helpers/server.js';
import { useGovDesk } from './helpers/suite.js';
import { actViaApi, signInViaApi, takeAction } from './helpers/workflows.js';

const govdesk = useGovDesk();
const people = usePeople(govdesk);

type Route = {
  menu: string;
  item: string;
  responsibleUnit: string;
  dataProvider: string;
  note: string;
  selfService: boolean;
};

/** 附件二 as the API has it now. */
async function routing(page: Page): Promise<Route[]> {
  const response = await page.request.get('/api/reference/web-content-routing');
  return ((await response.json()) as { rows: Route[] }).rows;
}

describe('附件二, the website maintenance table (TYPE-4), edited by an administrator', () => {
  it('is found under the settings, edited in place, saved, and still there after a reload', async () => {
    const context = await govdesk.context();
    const page = await signInViaApi(context, 'admin', ADMIN_PASSWORD);
    await page.goto('/requests');
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '系統設定' }).click();
    const section = page.getByRole('region', { name: '網站內容更新維護單位分配表（附件二）' });
    await section.getByRole('link', { name: '檢視及編輯附件二' }).click();
    await page.getByRole('heading', { level: 1, name: '網站內容更新維護單位分配表（附件二）' }).waitFor();
    const shipped = await routing(page);
    expect(shipped.length).toBeGreaterThan(80);
    const table = page.getByRole('table', { name: '附件二 網站內容更新維護單位分配表' });
    await page.getByText(`顯示 ${shipped.length} 列，共 ${shipped.length} 列`).waitFor();
    // Every cell is named by its column and row, as a screen reader announces it.
    expect(await table.getByRole('textbox', { name: '抬頭（第 1 列）' }).inputValue()).toBe(shipped[0]?.menu);

    // The row of 訓練進修, found with the filter: 投資組 maintains it itself through the CMS.
    const number = shipped.findIndex((r) => r.item === '訓練進修') + 1;
    expect(number).toBeGreaterThan(0);
    await page.getByLabel(/^篩選/).fill('訓練進修');
    await page.getByText(`顯示 1 列，共 ${shipped.length} 列`).waitFor();
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([String(number)]);
    expect(await axeViolations(page)).toEqual([]);
    await table.getByRole('textbox', { name: `備註（第 ${number} 列）` }).fill('投資組已有後端管理系統，自行上稿');
    await table.getByRole('checkbox', { name: `自行維護（後端管理系統）（第 ${number} 列）` }).check();
    await page.getByText('有尚未儲存的變更。').waitFor();

    // A cell left empty: the server's message appears under it, and the focus goes there (the filter stays).
    const unit = table.getByRole('textbox', { name: `負責組室（第 ${number} 列）` });
    await unit.fill('');
    await page.getByRole('button', { name: '儲存附件二' }).click();
    await page.getByRole('alert').filter({ hasText: '有 1 個欄位需要修正' }).waitFor();
    expect(await unit.getAttribute('aria-invalid')).toBe('true');
    const message = await unit.getAttribute('aria-describedby');
    expect(
      await page.locator(`[id="${(message ?? '').split(' ').find((id) => id.endsWith('-error'))}"]`).textContent(),
    ).toBe('必填');
    await expect.poll(() => unit.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.getByText(`顯示 1 列，共 ${shipped.length} 列`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await unit.fill('投資組');
    // Corrected, the cell's message and the alert go.
    expect(await unit.getAttribute('aria-invalid')).toBe('false');
    expect(await page.getByRole('alert').filter({ hasText: '個欄位需要修正' }).count()).toBe(0);

    // A row repeating another's menu and item is caught before sending.
    await page.getByRole('button', { name: '新增一列' }).click();
    const added = shipped.length + 1;
    const menu = table.getByRole('textbox', { name: `抬頭（第 ${added} 列）` });
    await expect.poll(() => menu.evaluate((input) => input === document.activeElement)).toBe(true);
    await menu.fill('園區公告');
    await table.getByRole('textbox', { name: `項目（第 ${added} 列）` }).fill('訓練進修');
    await table.getByRole('textbox', { name: `負責組室（第 ${added} 列）` }).fill('人事室');
    await table.getByText(`與第 ${number} 列的抬頭及項目相同`).waitFor();
    await page.getByRole('button', { name: '儲存附件二' }).click();
    await page.getByRole('alert').filter({ hasText: '有抬頭及項目重複的列' }).waitFor();
    // Deleted again, and the table saves.
    await table.getByRole('button', { name: `刪除第 ${added} 列（園區公告／訓練進修）` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已刪除第 ${added} 列（園區公告／訓練進修）` })
      .waitFor();
    await page.getByRole('button', { name: '儲存附件二' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已儲存附件二，共 ${shipped.length} 列。` })
      .waitFor();
    expect(await page.getByText('有尚未儲存的變更。').count()).toBe(0);

    // After a reload the page shows what the server keeps.
    await page.reload();
    await page.getByLabel(/^篩選/).fill('訓練進修');
    await page.getByText(`顯示 1 列，共 ${shipped.length} 列`).waitFor();
    expect(await table.getByRole('textbox', { name: `備註（第 ${number} 列）` }).inputValue()).toBe(
      '投資組已有後端管理系統，自行上稿',
    );
    expect(await table.getByRole('checkbox', { name: `自行維護（後端管理系統）（第 ${number} 列）` }).isChecked()).toBe(
      true,
    );
    const saved = await routing(page);
    expect(saved.length).toBe(shipped.length);
    expect(saved[number - 1]).toMatchObject({ item: '訓練進修', responsibleUnit: '投資組', selfService: true });
    await context.close();
  });

  it('is what the IT section routes by: a unit with its own back office gets its request back (2.4.5)', async () => {
    // 附件二 says 投資組 maintains 園區公告／訓練進修 itself (set through the API here).
    const admin = await people.page('admin');
    const rows = (await routing(admin)).map((r) => (r.item === '訓練進修' ? { ...r, selfService: true } : r));
    await apiSend(admin, 'PUT', '/api/reference/web-content-routing', { rows });

    // 投資組 asks the desk to post a course anyway; the desk has passed it on (through the API).
    const staff = await people.page('staff01');
    const request = await fileRequestViaApi(staff, {
      type: 'web_content',
      wishedDate: isoDaysFromToday(14),
      title: '刊登 12 月訓練課程',
      description: '請於訓練進修刊登 12 月資訊安全課程。',
      form: { menu: '園區公告', item: '訓練進修', changeKind: 'add' },
    });
    const session = (await (await staff.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const upload = await staff.request.post(`/api/requests/${request.id}/attachments`, {
      multipart: { file: { name: '課程.txt', mimeType: 'text/plain', buffer: Buffer.from('資訊安全課程') } },
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    expect(upload.status()).toBe(201);
    const desk = await people.page('desk01');
    await actViaApi(desk, request.id, 'receive');
    await actViaApi(desk, request.id, 'pass_desk_review', { opinion: '內容詳實。' });

    // The IT officer sees 附件二's row on the request, and returns it with the explanation it asks for.
    const it = await people.at('itofficer01', request.id);
    const hint = it.getByRole('region', { name: '附件二對照（網站內容更新維護單位分配表）' });
    await hint.locator('dl').waitFor();
    expect(await hint.textContent()).toMatch(/負責組室\s*投資組.*自行維護（後端管理系統）\s*是/s);
    const returned = await takeAction(it, '依網站內容更新維護單位分配表審核', async (dialog) => {
      await dialog.getByLabel(/^抬頭/).fill('園區公告');
      await dialog.getByLabel(/^項目/).fill('訓練進修');
      await dialog.getByLabel(/^負責組室/).fill('投資組');
      await dialog.getByRole('checkbox', { name: '負責單位為申請之業務單位' }).check();
      await dialog.getByRole('checkbox', { name: '已提供後端管理系統可由申請單位自行處理' }).check();
      await dialog.getByLabel(/^資訊承辦人意見/).fill('依附件二由投資組自行維護。');
      // Returning asks for the explanation the requester will read.
      await dialog.getByRole('button', { name: '送出「依網站內容更新維護單位分配表審核」' }).click();
      await dialog.getByText('請填寫解釋原因。').waitFor();
      await dialog.getByLabel(/^解釋原因/).fill('訓練進修由投資組以後端管理系統自行上稿，請逕行維護。');
    });
    expect(returned).toContain('目前狀態：已退件');
    expect(returned).toContain('解釋原因後退件（由申請單位自行上後端管理系統維護）');

    // The requester reads why.
    await people.at('staff01', request.id);
    const record = staff.getByRole('region', { name: '簽核及處理紀錄' });
    expect(await record.getByRole('region', { name: '審核意見' }).textContent()).toMatch(
      /資訊承辦人意見黃俊傑.*說明內容\s*訓練進修由投資組以後端管理系統自行上稿，請逕行維護。/s,
    );
  });
});
