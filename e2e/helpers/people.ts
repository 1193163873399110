import type { BrowserContext, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './server.js';
import type { GovDeskSuite } from './suite.js';
import { signInViaApi } from './workflows.js';

export type People = {
  /** The person's page, signed in once (through the API) in a context of their own and reused. */
  page(username: string): Promise<Page>;
  /** The person's page on a request, once its heading is there. */
  at(username: string, requestId: string): Promise<Page>;
};

/**
 * The people a test passes a request between, each in a browser context of their own (demo users,
 * and `admin`); their contexts close after the file.
 */
export function usePeople(govdesk: GovDeskSuite): People {
  const people = new Map<string, { context: BrowserContext; page: Page }>();
  afterAll(async () => {
    for (const { context } of people.values()) await context.close();
  });
  const page = async (username: string) => {
    let person = people.get(username);
    if (!person) {
      const context = await govdesk.context();
      const password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD;
      person = { context, page: await signInViaApi(context, username, password) };
      people.set(username, person);
    }
    return person.page;
  };
  return {
    page,
    async at(username, requestId) {
      const p = await page(username);
      await p.goto(`/requests/${requestId}`);
      await p.getByRole('heading', { level: 1, name: /^申請單 CTSP-/ }).waitFor();
      return p;
    },
  };
}

/** Sends the new-request form and waits for the request's page: its id and number. */
export async function submitNewRequest(page: Page): Promise<{ id: string; number: string }> {
  await page.getByRole('button', { name: '送出申請' }).click();
  try {
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  } catch (error) {
    // Say why the form stayed: its alerts, which name the fields.
    const alerts = await page.getByRole('alert').allInnerTexts();
    throw new Error(`The request was not filed. The page's alerts:\n${alerts.join('\n') || '(none)'}`, {
      cause: error,
    });
  }
  const heading = await page.getByRole('heading', { level: 1, name: /申請單 CTSP-/ }).textContent();
  return { id: page.url().split('/').at(-1) ?? '', number: /CTSP-\d+-\d+/.exec(heading ?? '')?.[0] ?? '' };
}

/** The current step or steps as the request page names them under 「流程進度」. */
export async function currentStepText(page: Page): Promise<string> {
  const progress = page.getByRole('region', { name: '流程進度' });
  await progress.getByRole('img', { name: /的流程圖/ }).waitFor();
  return (await progress.getByRole('definition').first().textContent()) ?? '';
}

/** Follows the printed form's links: the PDF's content type, then the print page's text (附件一). */
export async function printedForm(page: Page): Promise<{ form: string; pdfType: string }> {
  const href = (await page.getByRole('link', { name: '下載 PDF' }).getAttribute('href')) ?? '';
  const pdf = await page.request.get(href);
  const pdfType = pdf.headers()['content-type'] ?? '';
  await page.getByRole('link', { name: '列印申請單' }).click();
  await page.getByRole('heading', { level: 1, name: '資訊服務申請單' }).waitFor();
  const form = (await page.locator('article.print-form').textContent()) ?? '';
  return { form, pdfType };
}
