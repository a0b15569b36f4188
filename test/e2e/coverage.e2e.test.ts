import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo.seed';
import { apiSignIn, launchChromium, screenshot, startDemoServer } from '../support/browser';
import type { TestPlatform } from '../support/platform';

const EL_MENZEL = '034510103';

let platform: TestPlatform;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  ({ platform, baseUrl } = await startDemoServer());
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  page.on('console', (msg) => {
    // A signed-out visit asks /api/auth/me and gets 401 by design; Chromium logs that as a failed resource.
    if (msg.type() === 'error' && !msg.text().includes('status of 401')) consoleErrors.push(msg.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const mapPaths = (status?: string) => page.locator(`[data-testid="coverage-map"] path[data-code]${status ? `[data-status="${status}"]` : ''}`);

describe('coverage dashboard in the browser', () => {
  it('opens in Arabic, right to left, and asks a visitor to sign in before showing members’ data', async () => {
    await page.goto(`${baseUrl}/coverage/${DEMO.codes.province}`);
    await page.getByTestId('sign-in-prompt').waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await mapPaths().count()).toBe(0);
  });

  it("shows Sefrou's 23 communes on the map with 3 covered", async () => {
    await apiSignIn(context, baseUrl, 'amimi@demo.tanzim.ma');
    await page.goto(`${baseUrl}/coverage/${DEMO.codes.province}`);
    await expect.poll(() => mapPaths().count(), { timeout: 30_000 }).toBe(23);
    expect(await mapPaths('constituted').count()).toBe(1);
    expect(await mapPaths('preparatory').count()).toBe(2);
    expect(await mapPaths('none').count()).toBe(20);
    await expect.poll(() => page.getByTestId('coverage-totals').innerText()).toContain('3 / 23');
    expect(await page.locator(`[data-testid="coverage-map"] path[data-code="${DEMO.codes.immouzzer}"]`).getAttribute('data-status')).toBe('constituted');
    await screenshot(page, 'coverage-sefrou-ar');
  });

  it('creates a preparatory committee in another commune from the map, and coverage reads 4 of 23', async () => {
    await page.locator(`[data-testid="coverage-map"] path[data-code="${EL_MENZEL}"]`).click();
    await page.getByTestId('create-body-here').click();
    await page.getByTestId('body-form').waitFor();
    // The form comes prefilled for the commune: kind, parent and names.
    await expect.poll(() => page.getByTestId('body-name-ar').inputValue(), { timeout: 15_000 }).toContain('المنزل');
    await expect.poll(() => page.getByTestId('body-parent').inputValue(), { timeout: 15_000 }).not.toBe('');
    await screenshot(page, 'body-new-ar');
    await page.getByTestId('body-submit').click();
    await page.getByTestId('body-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('body-name').innerText()).toContain('المنزل');

    await page.goto(`${baseUrl}/coverage/${DEMO.codes.province}`);
    await expect.poll(() => page.getByTestId('coverage-totals').innerText(), { timeout: 30_000 }).toContain('4 / 23');
    await expect.poll(() => page.locator(`[data-testid="coverage-map"] path[data-code="${EL_MENZEL}"]`).getAttribute('data-status')).toBe('preparatory');
    // The server agrees with what the page shows.
    const totals = (await (await context.request.get(`${baseUrl}/api/territories/${DEMO.codes.province}/coverage`)).json()).totals;
    expect(totals).toMatchObject({ constituted: 1, preparatory: 3, none: 19 });
  });

  it('switches to French, left to right, and remembers it', async () => {
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => page.getByTestId('coverage-title').innerText()).toContain('Sefrou');
    // After the switch the navigation sits on the left and the page beside it, not under it.
    await expect
      .poll(async () => {
        const nav = await page.getByTestId('nav-coverage').boundingBox();
        const title = await page.getByTestId('coverage-title').boundingBox();
        return nav && title ? title.x > nav.x + nav.width : false;
      })
      .toBe(true);
    await screenshot(page, 'coverage-sefrou-fr');
    await page.reload();
    await expect.poll(() => mapPaths().count(), { timeout: 30_000 }).toBe(23);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await screenshot(page, 'coverage-sefrou-fr-reloaded');
  });

  it('drills down from the region to the province', async () => {
    await page.goto(`${baseUrl}/coverage/${DEMO.codes.region}`);
    await expect.poll(() => mapPaths().count(), { timeout: 30_000 }).toBe(9);
    await screenshot(page, 'coverage-region-fr');
    await page.locator(`[data-testid="coverage-map"] path[data-code="${DEMO.codes.province}"]`).click();
    await expect.poll(() => page.url()).toContain(`/coverage/${DEMO.codes.province}`);
    await expect.poll(() => mapPaths().count(), { timeout: 30_000 }).toBe(23);
  });

  it('logged no error in the browser console (Content-Security-Policy included)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
