import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Launches the system Chromium headless (CHROMIUM_PATH overrides /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type ViewportSize = { width: number; height: number };

export const DESKTOP: ViewportSize = { width: 1280, height: 900 };
export const PHONE: ViewportSize = { width: 375, height: 812 };

/**
 * A fresh browser context (its own cookies and storage) on the server. It asks for reduced motion,
 * as some people's systems do: the app then opens dialogs and menus without transitions, which
 * spares each step of a test the wait for them to settle.
 */
export function newContext(
  browser: Browser,
  baseURL: string,
  viewport: ViewportSize = DESKTOP,
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport, locale: 'zh-TW', timezoneId: 'Asia/Taipei', reducedMotion: 'reduce' });
}

/** Signs in through the sign-in page and waits for the request list. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(帳號|Username)/).fill(username);
  await page.getByLabel(/^(密碼|Password)/).fill(password);
  await page.getByRole('button', { name: /^(登入|Sign in)$/ }).click();
  await page.waitForURL('**/requests');
}
