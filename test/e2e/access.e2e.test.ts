import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo.seed';
import { apiSignIn, launchChromium, screenshot, startDemoServer } from '../support/browser';
import { ApiClient, type TestPlatform } from '../support/platform';
import { startTestSmtp } from '../support/smtp';

let platform: TestPlatform;
let baseUrl: string;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let admin: ApiClient;

beforeAll(async () => {
  smtp = await startTestSmtp();
  ({ platform, baseUrl } = await startDemoServer({ smtpUrl: smtp.url }));
  browser = await launchChromium();
  admin = await new ApiClient(platform.app).signIn('admin@demo.tanzim.ma');
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await smtp?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  return { context, page: await context.newPage() };
}

const idsIn = (page: Page, attribute: string) => page.locator(`[${attribute}]`).evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a as string) ?? ''), attribute);

describe('the provincial secretary of Sefrou in the browser', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage());
    await apiSignIn(context, baseUrl, 'amimi@demo.tanzim.ma');
  });
  afterAll(() => context?.close());

  it("sees Sefrou's bodies and no other", async () => {
    const sefrou = (await admin.get(`/api/bodies?territory=${DEMO.codes.province}&limit=500`)).json().items.map((b: { id: string }) => b.id).sort();
    const fes = (await admin.get(`/api/bodies?territory=${DEMO.codes.fesPrefecture}`)).json().items.map((b: { id: string }) => b.id);
    expect(fes.length).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/bodies`);
    await page.getByTestId('bodies-table').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await idsIn(page, 'data-body-id')).sort(), { timeout: 15_000 }).toEqual(sefrou);
    await screenshot(page, 'bodies-amimi-ar');
  });

  it("sees Sefrou's people and no other", async () => {
    const all: Array<{ id: string; communeCode: string }> = [];
    for (let offset = 0; ; offset += 500) {
      const page = (await admin.get(`/api/people?limit=500&offset=${offset}`)).json().items as Array<{ id: string; communeCode: string }>;
      all.push(...page);
      if (page.length < 500) break;
    }
    const inSefrou = all.filter((p) => p.communeCode?.startsWith(DEMO.codes.province)).map((p) => p.id).sort();
    expect(all.length).toBeGreaterThan(inSefrou.length);
    // The first page of the list, 50 people, all of them in Sefrou.
    await page.goto(`${baseUrl}/people`);
    await page.getByTestId('people-table').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await idsIn(page, 'data-person-id')).length, { timeout: 15_000 }).toBe(Math.min(50, inSefrou.length));
    const shown = await idsIn(page, 'data-person-id');
    expect(shown.filter((id) => !inSefrou.includes(id))).toEqual([]);
  });

  it('gets 404 for a body of Fès asked by id, in the API and in the page', async () => {
    const fesBody = (await admin.get(`/api/bodies?territory=${DEMO.codes.ouladTayeb}`)).json().items[0].id;
    const res = await context.request.get(`${baseUrl}/api/bodies/${fesBody}`);
    expect(res.status()).toBe(404);
    expect((await res.json()).error.code).toBe('body_not_found');
    await page.goto(`${baseUrl}/bodies/${fesBody}`);
    await expect.poll(() => page.getByTestId('body-page').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-testid="error-alert"], [data-testid="out-of-scope"], [data-testid="not-found"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});

describe('an invitation', () => {
  it('arrives by e-mail, and its link creates a working account in the browser', async () => {
    const res = await admin.post('/api/users/invitations', { email: 'samira@example.ma', name: 'Samira Lahlou', role: 'officer', scopeCode: DEMO.codes.birTamTam });
    expect(res.statusCode).toBe(201);
    const mail = await smtp.waitFor('samira@example.ma');
    const link = mail.text?.match(/https?:\/\/\S+\/invitation\?token=[\w-]+/)?.[0];
    expect(link?.startsWith(baseUrl)).toBe(true);

    const { context, page } = await newPage();
    await page.goto(link ?? '');
    await page.getByTestId('invitation-password').fill('samira-password-1');
    await page.getByTestId('invitation-password-confirm').fill('samira-password-1');
    await screenshot(page, 'invitation-ar');
    await page.getByTestId('invitation-submit').click();
    await expect.poll(() => page.getByTestId('user-name').innerText(), { timeout: 15_000 }).toContain('Samira');
    const me = await (await context.request.get(`${baseUrl}/api/auth/me`)).json();
    expect(me.user).toMatchObject({ email: 'samira@example.ma', role: 'officer', scopeCode: DEMO.codes.birTamTam });
    await context.close();
  });
});

describe('the audit view', () => {
  it('shows the administrator every write of the demo, with before and after', async () => {
    // Every write is there: the count the page announces is the log's; the bodies' writes are read to the end.
    const everything = (await admin.get('/api/audit?limit=1')).json().total as number;
    expect(everything).toBeGreaterThan(300);
    const total = (await admin.get('/api/audit?limit=1&resource=body')).json().total as number;
    expect(total).toBeGreaterThan(10);
    const { context, page } = await newPage();
    await apiSignIn(context, baseUrl, 'admin@demo.tanzim.ma');
    await page.goto(`${baseUrl}/audit`);
    await page.getByTestId('audit-table').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('audit-count').innerText()).toContain(String(everything));
    await page.goto(`${baseUrl}/audit?resource=body`);
    await page.getByTestId('audit-table').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('audit-count').innerText()).toContain(String(total));
    // Load every page, then look at an update that has both sides.
    while ((await page.getByTestId('audit-load-more').count()) > 0) {
      const before = await page.getByTestId('audit-row').count();
      await page.getByTestId('audit-load-more').click();
      await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(before);
    }
    expect(await page.getByTestId('audit-row').count()).toBe(total);
    const update = page.locator('[data-testid="audit-row"][data-action="update"][data-resource="body"]').first();
    await update.getByTestId('audit-expand').click();
    await page.getByTestId('audit-diff').first().waitFor();
    expect(await page.getByTestId('audit-diff').first().innerText()).toMatch(/dissolved|منحلة/);
    await screenshot(page, 'audit-ar');
    await context.close();
  });
});
