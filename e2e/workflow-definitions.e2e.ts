import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/axe.js';
import { signIn } from './helpers/browser.js';
import { useGovDesk } from './helpers/suite.js';
import { ADMIN_PASSWORD } from './helpers/server.js';

const govdesk = useGovDesk();

type Definition = {
  type: string;
  version: number;
  states: Record<string, { on?: Record<string, Array<{ target?: string }> | { target?: string } | undefined> }>;
};

/** Opens Administration → 流程定義 from the menu, on the versions of 「申請資訊服務」 (general). */
async function openWorkflows(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '流程定義' }).click();
  await page.getByRole('heading', { level: 1, name: '流程定義' }).waitFor();
  expect(await page.getByLabel(/^申請類別/).inputValue()).toBe('general');
}

describe('workflow definitions (issue 3)', () => {
  it('lets an administrator download a definition and import it back as a new version', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await openWorkflows(page);

    const versions = page.getByRole('table', { name: '申請資訊服務的流程版本' });
    const first = versions.getByRole('row').filter({ hasText: '第 1 版' });
    await first.getByText('目前版本').waitFor();
    await first.getByRole('cell', { name: '系統內建' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Download version 1 as general.v1.json.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('link', { name: /^下載 JSON/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('general.v1.json');
    const definition = JSON.parse(await readFile(await download.path(), 'utf8')) as Definition;
    expect(definition.type).toBe('general');
    expect(definition.version).toBe(1);

    // Import it back as version 2 through the file picker; the file's content is shown before it goes.
    const importing = page.getByRole('region', { name: '匯入新版本' });
    await importing.getByLabel(/^選擇 JSON 檔/).setInputFiles({
      name: 'general.v2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...definition, version: 2 }, null, 2)),
    });
    const box = importing.getByLabel(/^流程定義 JSON/);
    await expect.poll(async () => (await box.inputValue()).includes('"version": 2')).toBe(true);
    await importing.getByRole('button', { name: '匯入新版本' }).click();
    await page.getByRole('status').filter({ hasText: '已發布申請資訊服務第 2 版' }).waitFor();

    const second = versions.getByRole('row').filter({ hasText: '第 2 版' });
    await second.getByText('目前版本').waitFor();
    await second.getByRole('cell', { name: '系統管理者' }).waitFor();
    await first.getByText('舊版本').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The catalogue now offers version 2.
    await page.goto('/request-types');
    await page.getByRole('region', { name: '申請資訊服務', exact: true }).getByText('第 2 版').waitFor();
    await context.close();
  });

  it('names the path of each problem when an imported definition is broken', async () => {
    const context = await govdesk.context();
    const page = await context.newPage();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await openWorkflows(page);
    const response = await page.request.get('/api/request-types/general/definition');
    const definition = (await response.json()) as Definition;
    const broken = structuredClone(definition);
    broken.version = definition.version + 1;
    const triage = broken.states.triage?.on?.triage;
    if (!Array.isArray(triage) || !triage[0]) throw new Error('general has no triage branches to break');
    triage[0].target = 'no_such_state';

    const importing = page.getByRole('region', { name: '匯入新版本' });
    await importing.getByLabel(/^流程定義 JSON/).fill(JSON.stringify(broken));
    await importing.getByRole('button', { name: '匯入新版本' }).click();
    const alert = importing.getByRole('alert');
    await alert.getByText(/流程定義有 \d+ 個問題，未匯入/).waitFor();
    const problem = alert.getByRole('listitem').filter({ hasText: 'states.triage.on.triage[0].target' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('no_such_state');
    expect(await axeViolations(page)).toEqual([]);

    // Text that is not JSON is caught before it is sent.
    await importing.getByLabel(/^流程定義 JSON/).fill('{"version": ');
    await importing.getByRole('button', { name: '匯入新版本' }).click();
    await importing.getByText(/^不是有效的 JSON/).waitFor();

    // Nothing was published.
    const versions = page.getByRole('table', { name: '申請資訊服務的流程版本' });
    expect(
      await versions
        .getByRole('row')
        .filter({ hasText: `第 ${broken.version} 版` })
        .count(),
    ).toBe(0);
    await context.close();
  });
});
