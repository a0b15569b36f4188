import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo.seed';
import { ApiClient, createTestPlatform, type TestPlatform } from '../support/platform';

/** Exports of people lists: the list's filters and scope, CSV and XLSX content, the audit, and an export imported back. */

let platform: TestPlatform;
let admin: ApiClient;
let amimi: ApiClient;

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  admin = await new ApiClient(platform.app, 'fr').signIn('admin@demo.tanzim.ma');
  amimi = await new ApiClient(platform.app, 'fr').signIn('amimi@demo.tanzim.ma');
});
afterAll(() => platform?.close());

/** Every id of a list, page by page. */
async function listIds(client: ApiClient, query: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await client.get(`/api/people?${query}&limit=500&offset=${offset}`)).json();
    ids.push(...page.items.map((p: { id: string }) => p.id));
    if (ids.length >= page.total) return ids.sort();
  }
}

/** A CSV export parsed into header and rows (quoted fields with commas handled). */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let isQuoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (isQuoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') isQuoted = false;
      else field += c;
    } else if (c === '"') isQuoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  const [header = [], ...rows] = records;
  return { header, rows };
}

describe('CSV export', () => {
  it('is the filtered list, in French, with a byte order mark', async () => {
    const res = await admin.get(`/api/people/export?format=csv&lang=fr&territory=${DEMO.codes.province}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="people-03451-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.body.startsWith('\ufeff')).toBe(true);
    const { header, rows } = parseCsv(res.body);
    expect(header).toEqual([
      'Identifiant', 'Nom (arabe)', 'Prénom (arabe)', 'Nom (latin)', 'Prénom (latin)', 'Titre', 'Sexe', 'Date de naissance', 'CIN', 'Téléphone', 'E-mail',
      'Code commune', 'Commune', 'Statut', 'Date d’adhésion', 'Date de départ', 'Secteurs', 'Compétences', 'Notes',
    ]);
    expect(rows.map((r) => r[0]).sort()).toEqual(await listIds(admin, `territory=${DEMO.codes.province}`));
    const amimiRow = rows.find((r) => r[3] === 'Amimi' && r[4] === 'Driss');
    expect(amimiRow).toBeDefined();
    expect(amimiRow!.slice(1, 3)).toEqual(['عميمي', 'إدريس']);
    expect(amimiRow![6]).toBe('Homme');
    expect(amimiRow![12]).toBe('Sefrou');
  });

  it('applies the other filters of the list', async () => {
    const res = await admin.get(`/api/people/export?format=csv&lang=fr&territory=${DEMO.codes.province}&gender=female&sector=youth`);
    const { rows } = parseCsv(res.body);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[6] === 'Femme' && r[16]!.includes('Jeunes'))).toBe(true);
    expect(rows.map((r) => r[0]).sort()).toEqual(await listIds(admin, `territory=${DEMO.codes.province}&gender=female&sector=youth`));
  });

  it("keeps to the reader's scope", async () => {
    const res = await amimi.get('/api/people/export?format=csv');
    expect(res.statusCode).toBe(200);
    const ids = parseCsv(res.body).rows.map((r) => r[0]).sort();
    expect(ids).toEqual(await listIds(amimi, ''));
    const everyone = await listIds(admin, '');
    expect(ids.length).toBeLessThan(everyone.length);
    const fes = await listIds(admin, `territory=${DEMO.codes.fesPrefecture}`);
    expect(ids.filter((id) => fes.includes(id!))).toEqual([]);
    expect((await amimi.get(`/api/people/export?territory=${DEMO.codes.fesPrefecture}`)).body.trim().split('\n')).toHaveLength(1);
  });

  it('is recorded in the audit: who, which filters, how many', async () => {
    const audit = (await admin.get('/api/audit?resource=people&limit=50')).json().items as Array<{ action: string; userId: string; after: { format: string; filters: Record<string, unknown>; count: number; isComplete: boolean } }>;
    const exported = audit.filter((a) => a.action === 'export');
    expect(exported.length).toBeGreaterThanOrEqual(4);
    const filtered = exported.find((a) => a.after.filters.sector === 'youth');
    expect(filtered?.after).toMatchObject({ format: 'csv', filters: { territory: DEMO.codes.province, gender: 'female', sector: 'youth' }, isComplete: true });
    expect(filtered?.after.count).toBe((await listIds(admin, `territory=${DEMO.codes.province}&gender=female&sector=youth`)).length);
  });

  it('can be imported back: every column is recognized', async () => {
    const exported = await admin.get(`/api/people/export?format=csv&lang=fr&territory=${DEMO.codes.bhalil}`);
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/imports?fileName=export.csv',
      headers: { cookie: admin['cookie'], 'x-tanzim-csrf': '1', 'content-type': 'text/csv' },
      payload: exported.body,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().columns.map((c: { field: string | null }) => c.field)).toEqual([
      null, 'familyNameAr', 'givenNameAr', 'familyNameLatin', 'givenNameLatin', null, 'gender', 'birthDate', 'cin', 'phones', 'email',
      'communeCode', null, 'status', 'joinedOn', null, 'sectors', 'competences', 'notes',
    ]);
  });
});

describe('XLSX export', () => {
  it('is a workbook with one row per person, right to left in Arabic', async () => {
    const res = await platform.app.inject({ method: 'GET', url: `/api/people/export?format=xlsx&territory=${DEMO.codes.bhalil}`, headers: { cookie: admin['cookie'], 'accept-language': 'ar' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1).slice(0, 4)).toEqual(['المعرف', 'الاسم العائلي (بالعربية)', 'الاسم الشخصي (بالعربية)', 'الاسم العائلي (بالحروف اللاتينية)']);
    const ids: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(String((row.values as unknown[])[1]));
    });
    expect(ids.sort()).toEqual(await listIds(admin, `territory=${DEMO.codes.bhalil}`));
    const withDate = (() => {
      for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(15).value instanceof Date) return sheet.getRow(r).getCell(15).value;
      return null;
    })();
    expect(withDate).toBeInstanceOf(Date);
  });
});
