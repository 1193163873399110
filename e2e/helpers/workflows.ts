import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { RequestDetail } from '../../src/shared/api/request.schema.js';
import { apiPost } from './api.js';

/** The zh-TW title of every request type, as the catalogue API gives them (GET /api/request-types). */
export async function requestTypeTitles(page: Page): Promise<Record<string, string>> {
  const response = await page.request.get('/api/request-types');
  if (!response.ok()) throw new Error(`GET /api/request-types failed: ${response.status()}`);
  const types = (await response.json()) as { type: string; title: { 'zh-TW': string } }[];
  return Object.fromEntries(types.map((t) => [t.type, t.title['zh-TW']]));
}

/** Whether an element sits in a visually hidden box (1 × 1 px, clipped): there for screen readers only. */
export function isVisuallyHidden(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const box = node.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) return true;
    }
    return false;
  });
}

/**
 * Signs in through the API in a browser context, whose pages then share the session: quicker than
 * the sign-in page when a test passes a request from person to person.
 */
export async function signInViaApi(context: BrowserContext, username: string, password: string): Promise<Page> {
  const response = await context.request.post('/api/auth/login', { data: { username, password } });
  if (response.status() !== 200) throw new Error(`Signing in ${username} failed: ${response.status()}`);
  return context.newPage();
}

/** Takes a workflow action through the API: a step a test needs but is not about. */
export function actViaApi(
  page: Page,
  requestId: string,
  action: string,
  fields: Record<string, unknown> = {},
): Promise<RequestDetail> {
  return apiPost<RequestDetail>(page, `/api/requests/${requestId}/actions/${action}`, { fields });
}

/**
 * Takes a workflow action on the request page: its button in 「辦理」, its dialog filled by `fill`,
 * sent; resolves with the announcement once the dialog has closed.
 */
export async function takeAction(
  page: Page,
  label: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<string> {
  await page.getByRole('region', { name: '辦理' }).getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: `送出「${label}」` }).click();
  const status = page.getByRole('status').filter({ hasText: `已完成「${label}」` });
  try {
    await status.waitFor({ timeout: 20_000 });
  } catch (error) {
    // Say what the page shows instead: the dialog's messages and fields, or where it went.
    const shown = (await dialog.isVisible()) ? await dialog.innerText() : `no dialog; at ${page.url()}`;
    throw new Error(`「${label}」 was not confirmed. The page shows:\n${shown}`, { cause: error });
  }
  await dialog.waitFor({ state: 'detached' });
  return (await status.textContent()) ?? '';
}

/** The ids of the states the flow diagram marks as current. */
export function markedSteps(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: '流程進度' })
    .locator('g.flow-state[data-active]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state') ?? ''));
}
