import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database';
import { todayInMorocco } from '../../lib/dates';
import type { Locale } from '../../server/locale';
import { recordAudit, type Actor } from '../access/audit';
import type { Scope } from '../access/scope';
import type { TerritoryService } from '../territory/territory.service';
import { ActionsRepository, type ActionStatus } from './actions.repository';
import { actionFilterOf, isActionOverdue, type ActionListQuery } from './actions.service';
import type { PersonRefRow } from './meetings.repository';
import { localDate } from './times';

type Label = Record<Locale, string>;
type ExportRow = Awaited<ReturnType<ActionsRepository['exportPage']>>[number];
export type ActionExportQuery = Omit<ActionListQuery, 'limit' | 'offset'>;
export type ActionExportFormat = 'csv' | 'xlsx';

const PAGE = 2_000;

const STATUS: Record<ActionStatus, Label> = {
  open: { ar: 'مفتوح', fr: 'Ouverte', en: 'Open' },
  in_progress: { ar: 'قيد الإنجاز', fr: 'En cours', en: 'In progress' },
  done: { ar: 'منجز', fr: 'Réalisée', en: 'Done' },
  dropped: { ar: 'متخلى عنه', fr: 'Abandonnée', en: 'Dropped' },
};
const YES_NO: Record<'yes' | 'no', Label> = { yes: { ar: 'نعم', fr: 'Oui', en: 'Yes' }, no: { ar: 'لا', fr: 'Non', en: 'No' } };

function personName(p: PersonRefRow | null, locale: Locale): string {
  if (!p) return '';
  const ar = [p.givenNameAr, p.familyNameAr].filter(Boolean).join(' ');
  const latin = [p.givenNameLatin, p.familyNameLatin].filter(Boolean).join(' ');
  return (locale === 'ar' ? ar || latin : latin || ar) || '';
}

const COLUMNS: Array<{ header: Label; value: (r: ExportRow, locale: Locale, today: string) => string; isDate?: boolean }> = [
  { header: { ar: 'الإجراء', fr: 'Action', en: 'Action' }, value: (r) => r.action.title },
  { header: { ar: 'الحالة', fr: 'Statut', en: 'Status' }, value: (r, l) => STATUS[r.action.status][l] },
  { header: { ar: 'متأخر', fr: 'En retard', en: 'Overdue' }, value: (r, l, today) => YES_NO[isActionOverdue(r.action, today) ? 'yes' : 'no'][l] },
  { header: { ar: 'أجل الإنجاز', fr: 'Échéance', en: 'Due on' }, value: (r) => r.action.dueOn ?? '', isDate: true },
  { header: { ar: 'المسؤول', fr: 'Responsable', en: 'Owner' }, value: (r, l) => personName(r.ownerPerson as PersonRefRow | null, l) },
  { header: { ar: 'الهيئة المسؤولة', fr: 'Instance responsable', en: 'Owner body' }, value: (r, l) => (r.ownerBody ? (l === 'ar' ? r.ownerBody.nameAr : r.ownerBody.nameFr) : '') },
  { header: { ar: 'رمز التراب', fr: 'Code territoire', en: 'Territory code' }, value: (r) => r.territory.code },
  { header: { ar: 'التراب', fr: 'Territoire', en: 'Territory' }, value: (r, l) => (l === 'ar' ? r.territory.nameAr : r.territory.nameFr) },
  { header: { ar: 'ملاحظة', fr: 'Note', en: 'Note' }, value: (r) => r.action.statusNote ?? '' },
  { header: { ar: 'الاجتماع', fr: 'Réunion', en: 'Meeting' }, value: (r) => r.meeting?.title ?? '' },
  { header: { ar: 'تاريخ الاجتماع', fr: 'Date de la réunion', en: 'Meeting date' }, value: (r) => (r.meeting ? localDate(r.meeting.startsAt) : ''), isDate: true },
  { header: { ar: 'القرار', fr: 'Décision', en: 'Decision' }, value: (r) => r.decisionText ?? '' },
  { header: { ar: 'المعرف', fr: 'Identifiant', en: 'Id' }, value: (r) => r.action.id },
];

/**
 * A filtered actions list (the filters and order of GET /api/actions) as CSV or XLSX, within the
 * reader's scope; each export is audited with its filters and how many actions it held.
 */
export class ActionsExportService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
  ) {}

  async export(actor: Actor, query: ActionExportQuery, scope: Scope, format: ActionExportFormat, locale: Locale): Promise<Buffer> {
    if (query.territory) this.territories.require(query.territory);
    const today = todayInMorocco();
    const repo = new ActionsRepository(this.db);
    const filter = actionFilterOf(query);
    const rows: ExportRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await repo.exportPage(filter, scope, today, { limit: PAGE, offset });
      rows.push(...page);
      if (page.length < PAGE) break;
    }
    const file = format === 'csv' ? toCsv(rows, locale, today) : await toXlsx(rows, locale, today);
    await recordAudit(this.db, actor, {
      action: 'export',
      resource: 'actions',
      resourceId: randomUUID(),
      territoryCode: query.territory ?? (scope.isAll ? null : scope.roots.length === 1 ? scope.roots[0] : null),
      after: { format, filters: query, count: rows.length },
    });
    return file;
  }
}

function toCsv(rows: ExportRow[], locale: Locale, today: string): Buffer {
  // The byte order mark makes spreadsheet programs read Arabic as UTF-8.
  const text = `\ufeff${stringify([COLUMNS.map((c) => c.header[locale]), ...rows.map((r) => COLUMNS.map((c) => c.value(r, locale, today)))])}`;
  return Buffer.from(text, 'utf8');
}

async function toXlsx(rows: ExportRow[], locale: Locale, today: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === 'ar' ? 'الإجراءات' : locale === 'fr' ? 'Actions' : 'Actions', { views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header[locale], width: c.isDate ? 12 : 28, ...(c.isDate ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  for (const r of rows) {
    sheet.addRow(
      COLUMNS.map((c) => {
        const v = c.value(r, locale, today);
        return c.isDate && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
