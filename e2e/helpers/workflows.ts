import type { Locator, Page } from 'playwright-core';

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
