import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { DESKTOP, launchBrowser, newContext, type ViewportSize } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export type GovDeskSuite = {
  /** The running server's address, e.g. http://127.0.0.1:40123. */
  readonly baseUrl: string;
  /** A fresh browser context (own cookies and storage) on the server. */
  context(viewport?: ViewportSize): Promise<BrowserContext>;
};

/** Starts one real GovDesk server and one Chromium for the test file, and stops both after it. */
export function useGovDesk(): GovDeskSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({ template: inject('govdeskTemplateDir') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get baseUrl() {
      if (!server) throw new Error('the server has not started');
      return server.baseUrl;
    },
    context(viewport = DESKTOP) {
      if (!browser || !server) throw new Error('the browser has not started');
      return newContext(browser, server.baseUrl, viewport);
    },
  };
}
