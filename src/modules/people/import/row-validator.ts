import { randomBytes } from 'node:crypto';
import { hasArabicLetters, nameKeys, normalizeArabic } from '../../../lib/names';
import type { Scope } from '../../access/scope';
import type { TerritoryService } from '../../territory/territory.service';
import { createPersonInput, type CreatePersonInput } from '../people.schema';
import { personSearchTokens } from '../person-search';
import { SECTORS, sectorLabels } from '../registry';
import type { ImportField } from './import-fields';
import type { RowErrorCode } from './import-messages';
import type { ImportColumn } from './import.tables';
import { cellText, type Cell, type FileRow } from './row-reader';

/** A row ready to be written: the columns of `import_rows`. */
export interface StagedRow {
  line: number;
  personId: string;
  givenNameAr: string | null;
  familyNameAr: string | null;
  givenNameLatin: string | null;
  familyNameLatin: string | null;
  gender: string;
  birthDate: string | null;
  birthYear: number | null;
  cin: string | null;
  phones: string[];
  email: string | null;
  communeCode: string | null;
  status: string;
  joinedOn: string | null;
  sectors: string[];
  competences: string[];
  notes: string | null;
  searchTokens: string[];
  nameKeys: string[];
}

export interface RowError {
  line: number;
  columnIndex: number | null;
  field: string | null;
  code: RowErrorCode;
  params: Record<string, unknown>;
}

export type RowResult = { ok: true; row: StagedRow } | { ok: false; errors: RowError[] };

/**
 * Time-ordered UUIDs (version 7): people created by one import get neighbouring keys, so the primary
 * key index grows at its end instead of being written all over.
 */
export class Uuid7 {
  private pool = Buffer.alloc(0);
  private offset = 0;
  private lastMs = 0;
  private seq = 0;

  next(): string {
    if (this.offset + 10 > this.pool.length) {
      this.pool = randomBytes(10 * 4096);
      this.offset = 0;
    }
    const now = Date.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.seq = this.pool.readUInt16BE(this.offset) & 0x7ff;
    } else this.seq = (this.seq + 1) & 0xfff;
    const rand = this.pool.subarray(this.offset + 2, this.offset + 10);
    this.offset += 10;
    const ms = this.lastMs.toString(16).padStart(12, '0');
    const hex = rand.toString('hex');
    const seq = (0x7000 | this.seq).toString(16);
    const variant = ((parseInt(hex.slice(0, 2), 16) & 0x3f) | 0x80).toString(16).padStart(2, '0');
    return `${ms.slice(0, 8)}-${ms.slice(8)}-${seq}-${variant}${hex.slice(2, 4)}-${hex.slice(4, 16)}`;
  }
}

const fold = (s: string) =>
  hasArabicLetters(s)
    ? normalizeArabic(s)
    : s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '');

function lookup<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, words] of Object.entries(entries) as Array<[T, readonly string[]]>) for (const w of [key, ...words]) map.set(fold(w), key);
  return map;
}

const GENDERS = lookup({
  female: ['f', 'femme', 'feminin', 'woman', 'w', 'أنثى', 'انثى', 'امرأة', 'سيدة'],
  male: ['m', 'h', 'homme', 'masculin', 'man', 'ذكر', 'رجل'],
});
const STATUSES = lookup({
  sympathizer: ['sympathisant', 'sympathisante', 'sympathiser', 'متعاطف', 'متعاطفة'],
  member: ['membre', 'adherent', 'adherente', 'منخرط', 'منخرطة', 'عضو', 'عضوة'],
  cadre: ['إطار', 'اطار', 'كادر'],
});
const SECTOR_WORDS = lookup(
  Object.fromEntries(
    SECTORS.map((s) => [
      s,
      [
        ...Object.values(sectorLabels[s]),
        ...({ youth: ['jeune', 'شباب'], women: ['femme', 'woman', 'نساء', 'المرأة'], professionals: ['professionnel'], students: ['etudiant', 'student', 'طلبة', 'طالب'], workers: ['travailleur', 'worker', 'عمال'], farmers: ['agriculteur', 'farmer', 'فلاحون', 'فلاح'], elected: ['elu', 'منتخب'] }[s] ?? []),
      ],
    ]),
  ) as Record<(typeof SECTORS)[number], string[]>,
);

const LIST_SEPARATORS = /\s*[;,|/\n]\s*/u;
const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A date in the usual writings (2024-03-21, 21/03/2024, 21-03-2024, 21.03.2024, a spreadsheet date); null when it is none. */
export function parseDate(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    // A spreadsheet serial day number (1 = 1900-01-01, with Excel's 1900 leap-year quirk).
    if (cell < 1 || cell > 80000) return null;
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(cell) * 86_400_000);
    return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const s = String(cell ?? '').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** Bounded memo: names repeat a lot across a members' file, but memory must not grow with the file. */
class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string, make: () => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      v = make();
      this.map.set(key, v);
    }
    return v;
  }
}

const NAME_FIELDS = ['givenNameAr', 'familyNameAr', 'givenNameLatin', 'familyNameLatin'] as const;
const TEXT_LIMIT_FOR_MESSAGES = 80;

/** A commune name as compared for an exact match: normalized, with the Arabic article as optional as the Latin one (البهاليل = بهاليل). */
function exactKey(name: string): string {
  const { key } = nameKeys(name);
  return hasArabicLetters(name) && key.startsWith('ال') && key.length > 4 ? key.slice(2) : key;
}

type CommuneAnswer = { code: string } | { error: RowErrorCode; params: Record<string, unknown> };

/**
 * Turns one line of a file into a person with the API's own schema (`createPersonInput`), or into the
 * list of what is wrong with it, each with its column. The values people write in spreadsheets are
 * read first: dates in day/month/year, "F"/"أنثى", sector names in any of the three languages, a
 * commune by its name (one exact match only) or its HCP code.
 */
export class RowValidator {
  private readonly byField = new Map<ImportField, number[]>();
  private readonly tokens = new Memo<string[]>(50_000);
  private readonly communes = new Memo<CommuneAnswer>(20_000);
  private readonly ids = new Uuid7();

  constructor(
    columns: readonly ImportColumn[],
    private readonly territories: TerritoryService,
    private readonly scope: Scope,
  ) {
    columns.forEach((c, i) => {
      if (!c.field) return;
      const list = this.byField.get(c.field as ImportField) ?? [];
      list.push(i);
      this.byField.set(c.field as ImportField, list);
    });
  }

  private resolveCommune(text: string): CommuneAnswer {
    const digits = text.replace(/\s+/g, '');
    if (/^\d{7,9}$/.test(digits)) {
      const code = digits.padStart(9, '0');
      const t = this.territories.get(code);
      if (!t) return { error: 'commune_not_found', params: { value: text } };
      if (t.level !== 'commune') return { error: 'not_a_commune', params: { value: text } };
      return { code };
    }
    const key = exactKey(text);
    if (!key) return { error: 'commune_not_found', params: { value: text } };
    const hits = this.territories.list({ q: text, level: 'commune', limit: 50, offset: 0 }).items;
    const exact = hits.filter((t) => [t.nameFr, t.nameAr, ...t.aliases].some((n) => exactKey(n) === key));
    if (exact.length === 1) return { code: exact[0]!.code };
    if (exact.length === 0) return { error: 'commune_not_found', params: { value: text } };
    // Two communes of the same name: the one inside the importer's territory, if only one is.
    const mine = exact.filter((t) => this.scope.covers(t.code));
    if (mine.length === 1) return { code: mine[0]!.code };
    return { error: 'commune_ambiguous', params: { value: text, count: exact.length } };
  }

  private tokensOf(field: (typeof NAME_FIELDS)[number], value: string): string[] {
    return this.tokens.get(`${field}\u0000${value}`, () => personSearchTokens({ [field]: value }));
  }

  validate(row: FileRow): RowResult {
    const errors: RowError[] = [];
    const fail = (code: RowErrorCode, columnIndex: number | null, field: string | null, params: Record<string, unknown> = {}) =>
      errors.push({ line: row.line, columnIndex, field, code, params });
    if (row.unreadable) {
      fail('line_unreadable', null, null, { details: row.unreadable });
      return { ok: false, errors };
    }
    const text = (i: number) => cellText(row.cells[i]).trim();
    const short = (s: string) => (s.length > TEXT_LIMIT_FOR_MESSAGES ? `${s.slice(0, TEXT_LIMIT_FOR_MESSAGES)}…` : s);
    const input: Record<string, unknown> = {};
    // Which column each value came from, to name it in a problem: field → column, or field.index → column.
    const source = new Map<string, number>();
    const single = (field: ImportField): { value: string; column: number } | null => {
      for (const column of this.byField.get(field) ?? []) {
        const value = text(column);
        if (value !== '') return { value, column };
      }
      return null;
    };
    const list = (field: ImportField, split: boolean) => {
      const values: string[] = [];
      for (const column of this.byField.get(field) ?? []) {
        const cell = text(column);
        if (!cell) continue;
        for (const v of split ? cell.split(LIST_SEPARATORS) : [cell]) {
          if (!v) continue;
          source.set(`${field}.${values.length}`, column);
          values.push(v);
        }
      }
      return values;
    };

    for (const field of [...NAME_FIELDS, 'cin', 'email', 'notes'] as const) {
      const v = single(field);
      if (!v) continue;
      input[field] = v.value;
      source.set(field, v.column);
    }
    const gender = single('gender');
    if (gender) {
      input.gender = GENDERS.get(fold(gender.value)) ?? gender.value;
      source.set('gender', gender.column);
    }
    const status = single('status');
    if (status) {
      input.status = STATUSES.get(fold(status.value)) ?? status.value;
      source.set('status', status.column);
    }
    for (const field of ['birthDate', 'joinedOn'] as const) {
      for (const column of this.byField.get(field) ?? []) {
        const cell = row.cells[column] ?? null;
        const raw = text(column);
        if (raw === '') continue;
        source.set(field, column);
        if (field === 'birthDate' && /^\d{4}$/.test(raw)) {
          input.birthYear = Number(raw);
          source.set('birthYear', column);
        } else {
          const iso = parseDate(cell);
          if (iso) input[field] = iso;
          else fail('date_invalid', column, field, { value: short(raw) });
        }
        break;
      }
    }
    const phones = list('phones', true);
    if (phones.length) input.phones = phones;
    const sectors = list('sectors', true);
    if (sectors.length) input.sectors = sectors.map((s) => SECTOR_WORDS.get(fold(s)) ?? s);
    const competences = list('competences', true);
    if (competences.length) input.competences = competences;

    const commune = single('communeCode');
    if (commune) {
      source.set('communeCode', commune.column);
      const answer = this.communes.get(commune.value, () => this.resolveCommune(commune.value));
      if ('error' in answer) fail(answer.error, commune.column, 'communeCode', answer.params);
      else if (!this.scope.covers(answer.code)) fail('outside_scope', commune.column, 'communeCode', { value: short(commune.value) });
      else input.communeCode = answer.code;
    } else if (!this.scope.isAll) {
      fail('commune_required_for_scope', null, 'communeCode');
    }

    // The schema checks names only once the rest is valid; every problem of the line is wanted at once.
    const hasName = (input.givenNameAr && input.familyNameAr) || (input.givenNameLatin && input.familyNameLatin);
    if (!hasName) fail('name_required', null, null);
    const parsed = createPersonInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, index] = issue.path as [string | undefined, number | undefined];
        const column = field === undefined ? null : (source.get(index === undefined ? field : `${field}.${index}`) ?? source.get(field) ?? null);
        const raw = column === null ? '' : short(text(column));
        const value = index !== undefined && Array.isArray(input[field!]) ? short(String((input[field!] as unknown[])[index])) : raw;
        if (issue.code === 'custom' && field === 'familyNameAr' && !hasName) continue;
        this.describeIssue(issue, field, value, field !== undefined && input[field] === undefined, column, fail);
      }
    }
    if (errors.length > 0 || !parsed.success) return { ok: false, errors };
    return { ok: true, row: this.staged(row.line, parsed.data) };
  }

  private describeIssue(
    issue: { code: string; message: string; maximum?: unknown },
    field: string | undefined,
    value: string,
    isMissing: boolean,
    column: number | null,
    fail: (code: RowErrorCode, columnIndex: number | null, field: string | null, params?: Record<string, unknown>) => void,
  ) {
    const f = field ?? null;
    if (isMissing) return fail('required', column, f, { field: f });
    if (issue.code === 'too_big') return fail(field === 'phones' || field === 'sectors' || field === 'competences' ? (value === '' ? 'too_many' : 'too_long') : 'too_long', column, f, { value, max: Number(issue.maximum) });
    if (issue.code === 'too_small') return fail(value === '' ? 'required' : 'too_short', column, f, { value, field: f });
    switch (field) {
      case 'givenNameAr':
      case 'familyNameAr':
        return fail('arabic_script_expected', column, f, { value });
      case 'givenNameLatin':
      case 'familyNameLatin':
        return fail('latin_script_expected', column, f, { value });
      case 'cin':
        return fail('cin_invalid', column, f, { value });
      case 'phones':
        return fail('phone_invalid', column, f, { value });
      case 'email':
        return fail('email_invalid', column, f, { value });
      case 'birthDate':
      case 'joinedOn':
        return fail('date_invalid', column, f, { value });
      case 'birthYear':
        return fail('year_invalid', column, 'birthDate', { value });
      case 'gender':
        return fail('gender_invalid', column, f, { value });
      case 'status':
        return fail('status_invalid', column, f, { value });
      case 'sectors':
        return fail('sector_invalid', column, f, { value });
      case 'communeCode':
        return fail('commune_not_found', column, f, { value });
    }
    return fail('invalid', column, f, { issue: { ...issue, input: value } });
  }

  private staged(line: number, p: CreatePersonInput): StagedRow {
    const tokens = new Set<string>();
    const phonetic: Record<'ar' | 'latin', string[]> = { ar: [], latin: [] };
    for (const field of NAME_FIELDS) {
      const value = p[field];
      if (!value) continue;
      for (const t of this.tokensOf(field, value)) {
        tokens.add(t);
        if (t.startsWith('~')) phonetic[field.endsWith('Ar') ? 'ar' : 'latin'].push(t);
      }
    }
    // A name's phonetic key, per script with both names: similar names born the same day are flagged.
    const keys = new Set<string>();
    if (p.givenNameAr && p.familyNameAr && phonetic.ar.length >= 2) keys.add([...new Set(phonetic.ar)].sort().join(' '));
    if (p.givenNameLatin && p.familyNameLatin && phonetic.latin.length >= 2) keys.add([...new Set(phonetic.latin)].sort().join(' '));
    return {
      line,
      personId: this.ids.next(),
      givenNameAr: p.givenNameAr ?? null,
      familyNameAr: p.familyNameAr ?? null,
      givenNameLatin: p.givenNameLatin ?? null,
      familyNameLatin: p.familyNameLatin ?? null,
      gender: p.gender,
      birthDate: p.birthDate ?? null,
      birthYear: p.birthYear ?? (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null),
      cin: p.cin ?? null,
      phones: [...new Set(p.phones ?? [])],
      email: p.email ?? null,
      communeCode: p.communeCode ?? null,
      status: p.status ?? 'member',
      joinedOn: p.joinedOn ?? null,
      sectors: p.sectors ?? [],
      competences: p.competences ?? [],
      notes: p.notes ?? null,
      searchTokens: [...tokens],
      nameKeys: [...keys],
    };
  }
}
