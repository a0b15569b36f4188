import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO } from '../../src/demo/demo.seed';
import { createTestPlatform, type TestPlatform } from './platform';

/** Debian's Chromium, launched the way this machine allows (no sandbox as root, no background network). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** The demo platform listening on a free local port, for a browser to visit. */
export async function startDemoServer(opts: { smtpUrl?: string } = {}): Promise<{ platform: TestPlatform; baseUrl: string }> {
  const platform = await createTestPlatform({ demo: true, ...opts });
  await platform.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = platform.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  platform.services.access.publicUrl = baseUrl;
  return { platform, baseUrl };
}

/** Signs in through the API (not the form), as a test's starting point; the browser context keeps the cookie. */
export async function apiSignIn(context: BrowserContext, baseUrl: string, email: string, password: string = DEMO.password): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: { email, password }, headers: { 'x-tanzim-csrf': '1' } });
  if (res.status() !== 200) throw new Error(`sign-in failed with ${res.status()}`);
}

export const SCREENSHOT_DIR = path.resolve(process.env.TANZIM_SCREENSHOT_DIR ?? 'test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
