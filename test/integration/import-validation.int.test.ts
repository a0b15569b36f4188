import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { DEMO } from '../../src/demo/demo.seed';
import { ImportService } from '../../src/modules/people/import/import.service';
import { ApiClient, createTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Imports of people through the API, on the demo data: the dry run's report in French, the two modes,
 * the rejects file, duplicates within the file and against the registry, saved mappings and XLSX.
 */

let platform: TestPlatform;
let admin: ApiClient;

beforeAll(async () => {
  platform = await createTestPlatform({ demo: true });
  admin = await new ApiClient(platform.app, 'fr').signIn('admin@demo.tanzim.ma');
});
afterAll(() => platform?.close());

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(client: ApiClient, fileName: string, body: string | Buffer, type = CSV, query = '') {
  return platform.app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(fileName)}${query}`,
    headers: { cookie: client['cookie'], 'x-tanzim-csrf': '1', 'content-type': type, 'accept-language': 'fr' },
    payload: body,
  });
}

/** Polls the job until it is over. */
async function settle(client: ApiClient, id: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await client.get(`/api/imports/${id}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function uploadAndCheck(client: ApiClient, fileName: string, body: string | Buffer, type = CSV) {
  const res = await upload(client, fileName, body, type);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await client.post(`/api/imports/${id}/dry-run`, {})).statusCode).toBe(202);
  return { id, job: await settle(client, id), uploaded: res.json() };
}

/** How many people of the registry have this identity card (names alone would also match the demo's members). */
async function withCin(cin: string): Promise<number> {
  const result = (await platform.database.db.execute(sql`select count(*)::int as n from people where cin = ${cin}`)) as unknown as { rows: Array<{ n: number }> };
  return result.rows[0]!.n;
}
const findByName = async (q: string) => (await admin.get(`/api/people?q=${encodeURIComponent(q)}&limit=50`)).json().items as Array<{ cin: string | null }>;
const csv = (rows: string[][]) => rows.map((r) => r.map((v) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';')).join('\r\n') + '\r\n';

const HEADERS = ['Nom', 'Prénom', 'الاسم العائلي', 'الاسم الشخصي', 'Sexe', 'Date de naissance', 'CIN', 'Téléphone', 'Téléphone 2', 'Commune', 'Secteurs'];
const good = (family: string, given: string, familyAr: string, givenAr: string, cin: string, phone: string, commune: string = DEMO.codes.bhalil, birth = '14/07/1990') => [
  family,
  given,
  familyAr,
  givenAr,
  'F',
  birth,
  cin,
  phone,
  '',
  commune,
  'Femmes; Jeunes',
];

describe('the dry run', () => {
  let id: string;
  let problems: Array<{ line: number; column: string | null; field: string | null; code: string; reason: string }>;

  beforeAll(async () => {
    const file = csv([
      HEADERS,
      good('Lahlou', 'Sanae', 'لحلو', 'سناء', 'QA100001', '0661000001'), // line 2: valid
      ['Lahlou', 'Hind', 'لحلو', 'هند', 'F', '03/02/1991', '12345', '0661000002', '', DEMO.codes.bhalil, ''], // line 3: CIN
      ['Lahlou', 'Mouna', '', '', 'F', '1992-05-06', 'QA100003', '06 12', '', DEMO.codes.bhalil, ''], // line 4: phone
      ['Lahlou', 'Ghita', '', '', 'F', '31/02/1993', 'QA100004', '0661000004', '', 'Atlantide', ''], // line 5: date, commune
      ['Lahlou', 'Salma', '', '', '', '', 'QA100005', '', '', DEMO.codes.bhalil, ''], // line 6: gender missing
      ['', 'Loubna', '', 'لبنى', 'F', '', '', '', '', DEMO.codes.bhalil, ''], // line 7: no full name in either script
      ['Lahlou', 'Nadia', 'Lahlou', '', 'F', '', 'QA100007', '', '', 'Bhalil', 'Astronautes'], // line 8: Latin in the Arabic column, unknown sector
    ]);
    const res = await uploadAndCheck(admin, 'adherents.csv', file);
    id = res.id;
    expect(res.job).toMatchObject({ status: 'done', action: 'dry_run', rows: { total: 7, valid: 1, invalid: 6 } });
    const page = await admin.get(`/api/imports/${id}/problems?limit=100`);
    expect(page.statusCode).toBe(200);
    problems = page.json().items;
  });

  it('maps the columns from their headers in Arabic and French', async () => {
    const job = (await admin.get(`/api/imports/${id}`)).json();
    expect(job.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'familyNameLatin',
      'givenNameLatin',
      'familyNameAr',
      'givenNameAr',
      'gender',
      'birthDate',
      'cin',
      'phones',
      'phones',
      'communeCode',
      'sectors',
    ]);
  });

  it('reports every problem with its line, its column and the reason in French', () => {
    const at = (line: number, code: string) => problems.find((p) => p.line === line && p.code === code);
    expect(at(3, 'cin_invalid')).toMatchObject({ column: 'CIN', reason: 'Numéro de CIN « 12345 » invalide : une ou deux lettres puis 3 à 6 chiffres.' });
    expect(at(4, 'phone_invalid')).toMatchObject({ column: 'Téléphone', reason: '« 06 12 » n’est pas un numéro de téléphone valide.' });
    expect(at(5, 'date_invalid')).toMatchObject({ column: 'Date de naissance', reason: expect.stringContaining('« 31/02/1993 » n’est pas une date valide') });
    expect(at(5, 'commune_not_found')).toMatchObject({ column: 'Commune', reason: 'Aucune commune n’a le nom ou le code « Atlantide ».' });
    expect(at(6, 'required')).toMatchObject({ field: 'gender', reason: 'Le champ « Sexe » est obligatoire.' });
    expect(at(7, 'name_required')?.reason).toBe('Le prénom et le nom sont nécessaires, en arabe ou en caractères latins.');
    expect(at(8, 'arabic_script_expected')).toMatchObject({ column: 'الاسم العائلي', reason: '« Lahlou » n’est pas écrit en caractères arabes.' });
    expect(at(8, 'sector_invalid')).toMatchObject({ column: 'Secteurs', reason: 'Secteur « Astronautes » inconnu.' });
    expect(problems.filter((p) => p.line === 2)).toEqual([]);
    expect(new Set(problems.map((p) => p.line))).toEqual(new Set([3, 4, 5, 6, 7, 8]));
  });

  it('writes nothing', async () => {
    expect(await withCin('QA100001')).toBe(0);
  });

  it('answers in the language asked for', async () => {
    const arabic = new ApiClient(platform.app, 'ar');
    arabic['cookie'] = admin['cookie'];
    const items = (await arabic.get(`/api/imports/${id}/problems?limit=100`)).json().items as Array<{ line: number; code: string; reason: string }>;
    expect(items.find((p) => p.line === 3 && p.code === 'cin_invalid')?.reason).toBe('رقم البطاقة الوطنية «12345» غير صالح: حرف أو حرفان ثم من 3 إلى 6 أرقام.');
  });
});

describe('the two modes', () => {
  const rows = [
    HEADERS,
    good('Berrada', 'Imane', 'برادة', 'إيمان', 'QB200001', '0662000001'),
    good('Berrada', 'Hajar', 'برادة', 'هاجر', 'QB200002', '0662000002'),
    ['Berrada', 'Wafae', '', '', 'F', '', 'QB2', '', '', DEMO.codes.bhalil, ''], // line 4: bad CIN
    good('Berrada', 'Fadwa', 'برادة', 'فدوى', 'QB200004', '0662000004', 'Bhalil'),
  ];

  it('all or nothing writes nothing when a line is invalid', async () => {
    const res = await upload(admin, 'tout.csv', csv(rows));
    const id = res.json().id;
    expect((await admin.post(`/api/imports/${id}/run`, { mode: 'all' })).statusCode).toBe(202);
    const job = await settle(admin, id);
    expect(job).toMatchObject({ status: 'failed', createdCount: 0, error: { code: 'import_invalid_rows', message: '1 ligne(s) invalide(s) : rien n’a été importé (tout ou rien).' } });
    expect(await withCin('QB200001')).toBe(0);
    expect(await withCin('QB200004')).toBe(0);
  });

  it('valid lines only: imports the good lines, and the rejects file has the bad ones with their reason', async () => {
    const res = await upload(admin, 'valides.csv', csv(rows));
    const id = res.json().id;
    expect((await admin.post(`/api/imports/${id}/run`, { mode: 'valid' })).statusCode).toBe(202);
    const job = await settle(admin, id);
    expect(job).toMatchObject({ status: 'done', createdCount: 3, rows: { total: 4, valid: 3, invalid: 1, written: 3 } });
    for (const cin of ['QB200001', 'QB200002', 'QB200004']) expect(await withCin(cin)).toBe(1);
    expect((await findByName('Fadwa Berrada')).map((p) => p.cin)).toContain('QB200004');
    const fadwa = (await findByName('Fadwa Berrada')).find((p) => p.cin === 'QB200004');
    expect(fadwa).toMatchObject({ communeCode: DEMO.codes.bhalil, cin: 'QB200004', phones: ['+212662000004'], gender: 'female', birthDate: '1990-07-14', sectors: ['women', 'youth'] });

    const rejects = await admin.get(`/api/imports/${id}/rejects.csv`);
    expect(rejects.statusCode).toBe(200);
    expect(rejects.headers['content-type']).toContain('text/csv');
    const lines = rejects.body.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe(`${HEADERS.join(',')},reason`);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Berrada,Wafae,,,F,,QB2,,,034510101,,');
    expect(lines[1]).toContain('CIN: Numéro de CIN « QB2 » invalide');
  });

  it('all or nothing imports everything when every line is valid', async () => {
    const res = await upload(admin, 'tout-bon.csv', csv([HEADERS, good('Kettani', 'Zineb', 'الكتاني', 'زينب', 'QC300001', '0663000001'), good('Kettani', 'Souad', 'الكتاني', 'سعاد', 'QC300002', '0663000002')]));
    const id = res.json().id;
    expect((await admin.post(`/api/imports/${id}/run`, { mode: 'all' })).statusCode).toBe(202);
    expect(await settle(admin, id)).toMatchObject({ status: 'done', createdCount: 2 });
    expect(await withCin('QC300001')).toBe(1);
    expect(await withCin('QC300002')).toBe(1);
  });

  it('audits the import: one row with its counts, and the people created per commune', async () => {
    const audit = (await admin.get('/api/audit?resource=import&limit=100')).json().items as Array<{ action: string; territoryCode: string | null; after: Record<string, unknown> }>;
    const summary = audit.find((a) => a.action === 'import' && a.after.fileName === 'valides.csv');
    expect(summary?.after).toMatchObject({ mode: 'valid', rows: 4, invalid: 1, created: 3 });
    const batches = audit.filter((a) => a.action === 'create_people' && (a.after.personIds as string[]).length > 0);
    expect(batches.some((b) => b.territoryCode === DEMO.codes.bhalil)).toBe(true);
  });
});

describe('duplicates', () => {
  let id: string;
  let registered: string;
  let groups: Array<{ group: number; kind: string; rows: Array<{ line: number }>; registry: Array<{ id: string | null }>; canImport: boolean }>;

  beforeAll(async () => {
    const res = await admin.post('/api/people', {
      givenNameAr: 'نوال',
      familyNameAr: 'الصنهاجي',
      givenNameLatin: 'Naoual',
      familyNameLatin: 'Sanhaji',
      gender: 'female',
      birthDate: '1984-09-09',
      cin: 'QD400000',
      phones: ['0664000000'],
      communeCode: DEMO.codes.bhalil,
    });
    expect(res.statusCode).toBe(201);
    registered = res.json().id;
    const file = csv([
      HEADERS,
      good('Tahiri', 'Asmae', 'الطاهري', 'أسماء', 'QD400001', '0664000001'), // 2: same CIN as 3
      good('Tahiri', 'Asmaa', 'الطاهري', 'أسماء', 'QD400001', '0664000011'), // 3
      good('Jazouli', 'Latifa', 'الجزولي', 'لطيفة', 'QD400004', '0664000004'), // 4: same phone as 5
      good('Jazouli', 'Malika', 'الجزولي', 'مليكة', 'QD400005', '0664000004'), // 5
      good('Sanhaji', 'Nawal', '', '', 'QD400006', '0664000006', DEMO.codes.bhalil, '09/09/1984'), // 6: like the registered person
      good('Soussi', 'Rachida', 'السوسي', 'رشيدة', 'QD400000', '0664000007'), // 7: the registered person's CIN
      good('Ghazouani', 'Hanane', 'الغزواني', 'حنان', 'QD400008', '0664000008', DEMO.codes.bhalil, '01/01/1980'), // 8: same person as 9, other script
      ['', '', 'الغزواني', 'حنان', 'F', '01/01/1980', 'QD400009', '0664000009', '', DEMO.codes.bhalil, ''], // 9
      good('Alami', 'Karima', 'العلمي', 'كريمة', 'QD400010', '0664000010'), // 10: no duplicate
    ]);
    const up = await uploadAndCheck(admin, 'doublons.csv', file);
    id = up.id;
    expect(up.job.rows).toMatchObject({ valid: 9, invalid: 0 });
    groups = (await admin.get(`/api/imports/${id}/duplicates?limit=100`)).json().items;
  });

  const linesOf = (kind: string) => groups.filter((g) => g.kind === kind).map((g) => g.rows.map((r) => r.line));

  it('finds the same identity card, the same phone and similar names born the same day, in the file', () => {
    expect(linesOf('cin')).toContainEqual([2, 3]);
    expect(linesOf('phone')).toContainEqual([4, 5]);
    expect(linesOf('name_birth')).toContainEqual([8, 9]);
    expect(groups.flatMap((g) => g.rows.map((r) => r.line))).not.toContain(10);
  });

  it('and against the registry', () => {
    const cin = groups.find((g) => g.kind === 'cin' && g.rows.some((r) => r.line === 7));
    expect(cin?.registry.map((p) => p.id)).toEqual([registered]);
    expect(cin?.canImport).toBe(false);
    const name = groups.find((g) => g.kind === 'name_birth' && g.rows.some((r) => r.line === 6));
    expect(name?.registry.map((p) => p.id)).toEqual([registered]);
    expect(name?.canImport).toBe(true);
  });

  it('imports or skips each group as decided', async () => {
    const phone = groups.find((g) => g.kind === 'phone')!;
    const name = groups.find((g) => g.kind === 'name_birth' && g.rows.some((r) => r.line === 6))!;
    const res = await admin.post(`/api/imports/${id}/run`, { mode: 'valid', duplicateDecisions: { [phone.group]: 'import', [name.group]: 'import' }, defaultDecision: 'skip' });
    expect(res.statusCode).toBe(202);
    const job = await settle(admin, id);
    // Skipped: line 3 (second of a CIN), 7 (CIN of the registry), 9 (second of a similar name).
    expect(job).toMatchObject({ status: 'done', createdCount: 6, rows: { skipped: 3 } });
    for (const cin of ['QD400001', 'QD400004', 'QD400005', 'QD400006', 'QD400008', 'QD400010']) expect(await withCin(cin)).toBe(1);
    for (const cin of ['QD400009']) expect(await withCin(cin)).toBe(0);
    expect(await withCin('QD400000')).toBe(1);
    expect((await findByName('Nawal Sanhaji')).map((p) => p.cin)).toEqual(expect.arrayContaining(['QD400000', 'QD400006']));
    const rejects = (await admin.get(`/api/imports/${id}/rejects.csv`)).body.trim().split(/\r?\n/).slice(1);
    expect(rejects).toHaveLength(3);
    expect(rejects.find((l) => l.includes('QD400000'))).toContain('Doublon (même CIN) non importé : une personne déjà enregistrée.');
    expect(rejects.find((l) => l.includes('Asmaa'))).toContain('Doublon (même CIN) non importé : ligne 2.');
  });
});

describe('mappings and spreadsheets', () => {
  it('saves a mapping and offers it for the next file with the same headers', async () => {
    const file = csv([
      ['N°', 'Famille', 'Personnel', 'Genre', 'Lieu'],
      ['1', 'Marini', 'Safae', 'F', DEMO.codes.bhalil],
    ]);
    const first = (await upload(admin, 'maison.csv', file)).json();
    expect(first.columns.map((c: { field: string | null }) => c.field)).toEqual([null, null, null, 'gender', null]);
    const columns = [
      { header: 'N°', field: null },
      { header: 'Famille', field: 'familyNameLatin' },
      { header: 'Personnel', field: 'givenNameLatin' },
      { header: 'Genre', field: 'gender' },
      { header: 'Lieu', field: 'communeCode' },
    ];
    expect((await admin.post(`/api/imports/${first.id}/dry-run`, { columns, saveMappingAs: 'Fichier de la maison' })).statusCode).toBe(202);
    expect(await settle(admin, first.id)).toMatchObject({ rows: { valid: 1, invalid: 0 } });
    const mappings = (await admin.get('/api/import-mappings')).json().items;
    expect(mappings.map((m: { name: string }) => m.name)).toContain('Fichier de la maison');
    const second = (await upload(admin, 'maison-2.csv', file)).json();
    expect(second.mappingName).toBe('Fichier de la maison');
    expect(second.columns).toEqual(columns);
  });

  it('reads an XLSX workbook: dates, numbers and text cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Adhérents');
    sheet.addRow(['الاسم العائلي', 'الاسم الشخصي', 'الجنس', 'تاريخ الازدياد', 'الهاتف', 'الجماعة', 'رقم البطاقة الوطنية']);
    sheet.addRow(['المنصوري', 'خديجة', 'أنثى', new Date(Date.UTC(1979, 10, 3)), 612345678, 'بهاليل', 'QE500001']);
    sheet.addRow(['المنصوري', 'عائشة', 'أنثى', 'pas une date', 612345679, Number(DEMO.codes.bhalil), 'QE500002']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { id, job } = await uploadAndCheck(admin, 'adherents.xlsx', buffer, XLSX);
    expect(job).toMatchObject({ format: 'xlsx', rows: { total: 2, valid: 1, invalid: 1 } });
    const problems = (await admin.get(`/api/imports/${id}/problems`)).json().items;
    expect(problems).toEqual([expect.objectContaining({ line: 3, column: 'تاريخ الازدياد', code: 'date_invalid' })]);
    expect((await admin.post(`/api/imports/${id}/run`, { mode: 'valid' })).statusCode).toBe(202);
    expect(await settle(admin, id)).toMatchObject({ status: 'done', createdCount: 1 });
    const khadija = (await findByName('خديجة المنصوري')).find((p) => p.cin === 'QE500001');
    expect(khadija).toMatchObject({ birthDate: '1979-11-03', phones: ['+212612345678'], communeCode: DEMO.codes.bhalil, cin: 'QE500001' });
  });

  it('refuses a file that is neither CSV nor XLSX, and an empty one', async () => {
    const pdf = await upload(admin, 'tract.pdf', Buffer.from('%PDF-1.4'), 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    const empty = await upload(admin, 'vide.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('import_file_empty');
  });
});

describe('old imports', () => {
  it('lose their file and staged rows after a week, and keep their counts', async () => {
    const res = await upload(admin, 'ancien.csv', csv([HEADERS, good('Slaoui', 'Ghita', 'السلاوي', 'غيثة', 'QG700001', '0667000001'), ['Slaoui', 'X', '', '', 'F', '', '1', '', '', '', '']]));
    const id = res.json().id;
    expect((await admin.post(`/api/imports/${id}/dry-run`, {})).statusCode).toBe(202);
    await settle(admin, id);
    const { filePath } = ((await platform.database.db.execute(sql`select file_path as "filePath" from import_jobs where id = ${id}`)) as unknown as { rows: Array<{ filePath: string }> }).rows[0]!;
    expect(fs.existsSync(filePath)).toBe(true);
    await platform.database.db.execute(sql`update import_jobs set finished_at = now() - interval '8 days' where id = ${id}`);
    expect(await new ImportService(platform.database, platform.services.territories).purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(filePath)).toBe(false);
    expect((await admin.get(`/api/imports/${id}/problems`)).json().total).toBe(0);
    expect((await admin.get(`/api/imports/${id}`)).json()).toMatchObject({ rows: { total: 2, valid: 1, invalid: 1 }, isValidated: false });
    expect((await admin.get(`/api/imports/${id}/rejects.csv`)).statusCode).toBe(404);
    expect((await admin.post(`/api/imports/${id}/run`, { mode: 'valid' })).statusCode).toBe(202);
    expect(await settle(admin, id)).toMatchObject({ status: 'failed', error: { code: 'import_file_missing' } });
  });
});
