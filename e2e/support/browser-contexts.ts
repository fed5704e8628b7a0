import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'];

/** One person in the browser: an isolated context (own storage, own session) and its first tab. */
export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of this visitor's tabs. */
  errors: string[];
}

export interface MultiUserBrowser {
  /** A new isolated context: nothing (tokens, storage) is shared with other visitors. */
  newVisitor(): Promise<Visitor>;
  close(): Promise<void>;
}

/** One Debian Chromium with a context per person, for tests where several people act in turn. */
export async function launchMultiUserBrowser(options: { baseURL: string }): Promise<MultiUserBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install it with "apt-get update && apt-get install -y chromium"`,
    );
  }
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return {
    async newVisitor() {
      const context = await browser.newContext({
        baseURL: options.baseURL,
        viewport: { width: 1280, height: 800 },
        colorScheme: 'light',
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      context.setDefaultTimeout(10_000);
      const errors: string[] = [];
      context.on('page', (page) => {
        page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          // Chromium logs every 4xx/5xx answer as a console error; the tests assert those themselves.
          if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
            errors.push(`console: ${message.text()}`);
          }
        });
      });
      const page = await context.newPage();
      return { context, page, errors };
    },
    close: () => browser.close(),
  };
}
