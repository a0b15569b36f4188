import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo.seed';
import { writeSampleCsv } from '../../src/modules/people/import/sample-people';
import { apiSignIn, launchChromium, screenshot, startDemoServer } from '../support/browser';
import type { TestPlatform } from '../support/platform';

/**
 * The provincial secretary of Sefrou imports a file of 10,000 members through the import page: a dry
 * run reports the broken lines, the valid ones are imported with a progress bar, the rejected lines
 * are downloaded with their reasons, and an imported person is found by a misspelled name in either
 * script.
 */

let platform: TestPlatform;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dir: string;
let file: string;

const ROWS = 10_000;
// 0-based row indexes; the file line is index + 2.
const BROKEN = new Map<number, (row: string[]) => string[]>([
  [100, (r) => r.map((v, i) => (i === 6 ? '12345' : v))], // identity card
  [2_000, (r) => r.map((v, i) => (i === 7 ? '06 12' : v))], // phone
  [4_000, (r) => r.map((v, i) => (i === 8 ? DEMO.codes.fesCity : v))], // commune outside Sefrou
  [6_000, (r) => r.map((v, i) => (i === 4 ? '?' : i === 5 ? '31/02/1990' : v))], // gender and date
  [
    7_000,
    () => ['بنسليمان', 'زبيدة', 'Benslimane', 'Zoubida', 'F', '17/04/1969', 'ZZ777001', '0670777001', DEMO.codes.bhalil, 'cadre', 'Femmes'], // the person looked for
  ],
]);

const batchSetting = process.env.TANZIM_IMPORT_BATCH;
beforeAll(async () => {
  // Batches of a thousand rows: the progress bar moves several times on a small file.
  process.env.TANZIM_IMPORT_BATCH = '1000';
  ({ platform, baseUrl } = await startDemoServer());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanzim-e2e-import-'));
  file = path.join(dir, 'adherents-sefrou.csv');
  const communes = platform.services.territories.communesWithin(DEMO.codes.province).map((c) => c.code);
  await writeSampleCsv(file, { rows: ROWS, seed: 5, communes, broken: BROKEN });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await apiSignIn(context, baseUrl, 'amimi@demo.tanzim.ma');
});
afterAll(async () => {
  if (batchSetting === undefined) delete process.env.TANZIM_IMPORT_BATCH;
  else process.env.TANZIM_IMPORT_BATCH = batchSetting;
  await browser?.close();
  await platform?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Notes every stage the progress bar shows, however briefly (a small file goes fast). */
async function watchProgress() {
  await page.evaluate(() => {
    const w = window as unknown as { progressStages: string[]; progressObserver?: MutationObserver };
    w.progressStages = [];
    w.progressObserver?.disconnect();
    w.progressObserver = new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      const stage = bar?.getAttribute('data-stage');
      if (stage && !w.progressStages.includes(stage)) w.progressStages.push(stage);
    });
    w.progressObserver.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}
const progressSeen = () => page.evaluate(() => (window as unknown as { progressStages: string[] }).progressStages);

const jobOf = async () => {
  const id = await page.getByTestId('import-page').getAttribute('data-job');
  const res = await context.request.get(`${baseUrl}/api/imports/${id}`, { headers: { 'accept-language': 'fr' } });
  return res.json();
};

describe('importing members through the web page', () => {
  it('uploads the file and shows the guessed mapping', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-upload').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-upload-button').click();
    await page.getByTestId('import-mapping').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="import-mapping"] tbody tr').count()).toBe(11);
    const job = await jobOf();
    expect(job.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'familyNameAr', 'givenNameAr', 'familyNameLatin', 'givenNameLatin', 'gender', 'birthDate', 'cin', 'phones', 'communeCode', 'status', 'sectors',
    ]);
  });

  it('reports the broken lines in a dry run, with a progress bar while it checks', { timeout: 120_000 }, async () => {
    await watchProgress();
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 90_000 });
    expect(await progressSeen()).toContain('validating');
    const job = await jobOf();
    expect(job).toMatchObject({ status: 'done', action: 'dry_run', rows: { total: ROWS, invalid: 4, valid: ROWS - 4 } });
    for (const index of [100, 2_000, 4_000, 6_000]) await page.locator(`[data-testid="import-problems"] tr[data-line="${index + 2}"]`).first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="import-problems"] tr[data-line="4002"]').getAttribute('data-code')).toBe('outside_scope');
    await screenshot(page, 'import-dry-run-ar');
  });

  it('imports the valid lines with a progress bar, and offers the rejected ones with their reasons', { timeout: 180_000 }, async () => {
    await page.getByTestId('import-mode-valid').check();
    await watchProgress();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 150_000 });
    // The bar showed the job under way; on a fast server the write can end before a 'writing' state is polled.
    expect((await progressSeen()).length).toBeGreaterThan(0);
    const job = await jobOf();
    expect(job.status).toBe('done');
    expect(job.createdCount).toBe(ROWS - 4 - job.rows.skipped);
    await screenshot(page, 'import-done-ar');

    const href = await page.getByTestId('import-rejects-after').getAttribute('href');
    const rejects = await context.request.get(`${baseUrl}${href}`, { headers: { 'accept-language': 'fr' } });
    expect(rejects.status()).toBe(200);
    const lines = (await rejects.text()).replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('الاسم العائلي,الاسم الشخصي,Nom,Prénom,Sexe,Date de naissance,CIN,Téléphone,Commune,Statut,Secteurs,reason');
    expect(lines).toHaveLength(1 + 4 + job.rows.skipped);
    expect(lines.find((l) => l.includes(',12345,'))).toContain('Numéro de CIN « 12345 » invalide');
    expect(lines.find((l) => l.includes(DEMO.codes.fesCity))).toContain('est hors de votre territoire');
  });

  it('finds an imported person by a misspelled name in either script', async () => {
    const search = async (q: string) => (await (await context.request.get(`${baseUrl}/api/people?q=${encodeURIComponent(q)}`)).json()).items as Array<{ cin: string | null; familyNameLatin: string | null }>;
    expect((await search('Zoubeida Benslimen')).map((p) => p.cin)).toContain('ZZ777001');
    expect((await search('زبيده بنسلمان')).map((p) => p.cin)).toContain('ZZ777001');
    expect((await search('Benslimane')).find((p) => p.cin === 'ZZ777001')?.familyNameLatin).toBe('Benslimane');
  });
});
