import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../../../db/database';
import type { Locale } from '../../../server/locale';
import { recordAudit, type Actor } from '../../access/audit';
import type { Scope } from '../../access/scope';
import type { TerritoryService } from '../../territory/territory.service';
import { toPerson, type PeopleService } from '../people.service';
import type { Person, PersonListQuery } from '../people.schema';
import { sectorLabels, type PersonSector } from '../registry';
import { PeopleExportRepository } from './export.repository';

const PAGE = 2_000;

type Label = Record<Locale, string>;

/**
 * The columns of an export, with headers an import recognizes again (the mapping guess knows them in
 * the three languages), so an exported list can be corrected in a spreadsheet and imported back.
 */
const COLUMNS: Array<{ header: Label; value: (p: Person, locale: Locale) => string | Date | null; isDate?: boolean }> = [
  { header: { ar: 'المعرف', fr: 'Identifiant', en: 'Id' }, value: (p) => p.id },
  { header: { ar: 'الاسم العائلي (بالعربية)', fr: 'Nom (arabe)', en: 'Family name (Arabic)' }, value: (p) => p.familyNameAr },
  { header: { ar: 'الاسم الشخصي (بالعربية)', fr: 'Prénom (arabe)', en: 'Given name (Arabic)' }, value: (p) => p.givenNameAr },
  { header: { ar: 'الاسم العائلي (بالحروف اللاتينية)', fr: 'Nom (latin)', en: 'Family name (Latin)' }, value: (p) => p.familyNameLatin },
  { header: { ar: 'الاسم الشخصي (بالحروف اللاتينية)', fr: 'Prénom (latin)', en: 'Given name (Latin)' }, value: (p) => p.givenNameLatin },
  { header: { ar: 'اللقب', fr: 'Titre', en: 'Title' }, value: (p) => p.title },
  { header: { ar: 'الجنس', fr: 'Sexe', en: 'Gender' }, value: (p, l) => GENDER[p.gender][l] },
  { header: { ar: 'تاريخ الازدياد', fr: 'Date de naissance', en: 'Birth date' }, value: (p) => p.birthDate ?? (p.birthYear ? String(p.birthYear) : null), isDate: true },
  { header: { ar: 'رقم البطاقة الوطنية', fr: 'CIN', en: 'Identity card' }, value: (p) => p.cin },
  { header: { ar: 'الهاتف', fr: 'Téléphone', en: 'Phone' }, value: (p) => p.phones.join(' ; ') },
  { header: { ar: 'البريد الإلكتروني', fr: 'E-mail', en: 'E-mail' }, value: (p) => p.email },
  { header: { ar: 'رمز الجماعة', fr: 'Code commune', en: 'Commune code' }, value: (p) => p.communeCode },
  { header: { ar: 'الجماعة', fr: 'Commune', en: 'Commune' }, value: (p, l) => (p.commune ? (l === 'ar' ? p.commune.nameAr : p.commune.nameFr) : null) },
  { header: { ar: 'الصفة', fr: 'Statut', en: 'Status' }, value: (p, l) => STATUS[p.status][l] },
  { header: { ar: 'تاريخ الانخراط', fr: 'Date d’adhésion', en: 'Joined on' }, value: (p) => p.joinedOn, isDate: true },
  { header: { ar: 'تاريخ المغادرة', fr: 'Date de départ', en: 'Left on' }, value: (p) => p.leftOn, isDate: true },
  { header: { ar: 'القطاعات', fr: 'Secteurs', en: 'Sectors' }, value: (p, l) => p.sectors.map((s) => sectorLabels[s as PersonSector]?.[l] ?? s).join(' ; ') },
  { header: { ar: 'الكفاءات', fr: 'Compétences', en: 'Competences' }, value: (p) => p.competences.join(' ; ') },
  { header: { ar: 'ملاحظات', fr: 'Notes', en: 'Notes' }, value: (p) => p.notes },
];
const GENDER: Record<Person['gender'], Label> = { female: { ar: 'أنثى', fr: 'Femme', en: 'Female' }, male: { ar: 'ذكر', fr: 'Homme', en: 'Male' } };
const STATUS: Record<Person['status'], Label> = {
  sympathizer: { ar: 'متعاطف', fr: 'Sympathisant', en: 'Sympathizer' },
  member: { ar: 'منخرط', fr: 'Membre', en: 'Member' },
  cadre: { ar: 'إطار', fr: 'Cadre', en: 'Cadre' },
};

export type ExportFormat = 'csv' | 'xlsx';
export type ExportQuery = Omit<PersonListQuery, 'limit' | 'offset'>;

/**
 * Exports of a filtered people list as CSV or XLSX, streamed page by page (by id) so that the whole
 * registry can be exported without holding it in memory, within the reader's scope. Each export is
 * audited once it ends: who, which filters, how many people, and whether the download completed.
 */
export class PeopleExportService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly people: PeopleService,
  ) {}

  /** The people of the list, page by page. A name search is ranked and bounded like the list's. */
  private async *pages(query: ExportQuery, scope: Scope): AsyncGenerator<Person[]> {
    if (query.territory) this.territories.require(query.territory);
    if (query.q) {
      const { items } = await this.people.list({ ...query, limit: 500, offset: 0 }, scope);
      yield items;
      return;
    }
    const { q: _q, ...filter } = query;
    const repo = new PeopleExportRepository(this.db);
    const youthBornAfter = this.people.youthBornAfter();
    let after: string | null = null;
    for (;;) {
      const rows = await repo.page({ ...filter, youthBornAfter }, scope, after, PAGE);
      if (rows.length === 0) return;
      yield rows.map(toPerson);
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.person.id;
    }
  }

  /** The file as a stream; the audit row is written when the stream ends, however it ends. */
  export(actor: Actor, query: ExportQuery, scope: Scope, format: ExportFormat, locale: Locale): Readable {
    let count = 0;
    let isComplete = false;
    const audit = () =>
      recordAudit(this.db, actor, {
        action: 'export',
        resource: 'people',
        resourceId: randomUUID(),
        territoryCode: query.territory ?? (scope.isAll ? null : scope.roots.length === 1 ? scope.roots[0] : null),
        after: { format, filters: query, count, isComplete },
      }).catch(() => undefined);
    const pages = this.pages(query, scope);
    const counted = async function* () {
      try {
        for await (const page of pages) {
          count += page.length;
          yield page;
        }
        isComplete = true;
      } finally {
        await audit();
      }
    };
    return format === 'csv' ? Readable.from(csvChunks(counted(), locale)) : xlsxStream(counted(), locale);
  }
}

async function* csvChunks(pages: AsyncIterable<Person[]>, locale: Locale): AsyncGenerator<string> {
  // The byte order mark makes spreadsheet programs read the Arabic names as UTF-8.
  yield `\ufeff${stringify([COLUMNS.map((c) => c.header[locale])])}`;
  for await (const page of pages) yield stringify(page.map((p) => COLUMNS.map((c) => c.value(p, locale) ?? '')));
}

function xlsxStream(pages: AsyncIterable<Person[]>, locale: Locale): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(locale === 'ar' ? 'المنخرطون' : locale === 'fr' ? 'Personnes' : 'People', { views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header[locale], width: c.isDate ? 12 : 20, ...(c.isDate ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  void (async () => {
    try {
      for await (const page of pages) {
        if (out.destroyed) break;
        for (const p of page) {
          sheet
            .addRow(
              COLUMNS.map((c) => {
                const v = c.value(p, locale);
                // Full dates as spreadsheet dates; a birth year alone stays text.
                return c.isDate && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v;
              }),
            )
            .commit();
        }
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}
