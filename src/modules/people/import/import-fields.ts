import { hasArabicLetters, normalizeArabic } from '../../../lib/names';
import type { ImportColumn } from './import.tables';

/** The person fields a file column can fill, in the order the mapping editor shows them. */
export const IMPORT_FIELDS = [
  'givenNameAr',
  'familyNameAr',
  'givenNameLatin',
  'familyNameLatin',
  'gender',
  'birthDate',
  'cin',
  'phones',
  'email',
  'communeCode',
  'status',
  'joinedOn',
  'sectors',
  'competences',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields several columns may fill (each column adds its values). */
export const MULTI_COLUMN_FIELDS: ReadonlySet<ImportField> = new Set(['phones', 'sectors', 'competences']);

/**
 * Headers commonly found in members' files, in Arabic, French and English, per field. A name header
 * that does not say its script ("Nom", "الاسم") is settled by the script of the column's first values.
 */
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  givenNameAr: ['الاسم الشخصي', 'الاسم الشخصي بالعربية', 'prenom arabe', 'prenom ar', 'prenom en arabe', 'given name ar', 'given name arabic', 'first name arabic', 'givennamear'],
  familyNameAr: ['الاسم العائلي', 'النسب', 'الاسم العائلي بالعربية', 'nom arabe', 'nom ar', 'nom en arabe', 'family name ar', 'family name arabic', 'last name arabic', 'familynamear'],
  givenNameLatin: ['prenom latin', 'prenom fr', 'prenom en francais', 'given name latin', 'الاسم الشخصي بالفرنسية', 'givennamelatin'],
  familyNameLatin: ['nom latin', 'nom fr', 'nom en francais', 'family name latin', 'الاسم العائلي بالفرنسية', 'familynamelatin'],
  gender: ['الجنس', 'النوع', 'sexe', 'genre', 'gender', 'sex'],
  birthDate: ['تاريخ الازدياد', 'تاريخ الميلاد', 'تاريخ الولادة', 'date de naissance', 'ne le', 'nee le', 'naissance', 'birth date', 'date of birth', 'birthdate', 'dob'],
  cin: ['رقم البطاقة الوطنية', 'البطاقة الوطنية', 'رقم البطاقة', 'ب ت و', 'cin', 'cnie', 'carte nationale', 'n cin', 'numero cin', 'national id', 'id card', 'cin number'],
  phones: ['الهاتف', 'رقم الهاتف', 'الهاتف المحمول', 'telephone', 'tel', 'gsm', 'portable', 'mobile', 'phone', 'phone number', 'numero de telephone', 'phones'],
  email: ['البريد الالكتروني', 'البريد الإلكتروني', 'email', 'e mail', 'courriel', 'mail', 'adresse email', 'adresse e mail'],
  communeCode: ['الجماعة', 'جماعة الاقامة', 'commune', 'code commune', 'commune de residence', 'commune code', 'municipality', 'communecode'],
  status: ['الصفة', 'الوضعية', 'statut', 'qualite', 'status'],
  joinedOn: ['تاريخ الانخراط', 'date d adhesion', 'adhesion', 'date adhesion', 'joined on', 'joined', 'membership date', 'joinedon'],
  sectors: ['القطاع', 'القطاعات', 'secteur', 'secteurs', 'sector', 'sectors'],
  competences: ['الكفاءات', 'الكفاءة', 'المهنة', 'competences', 'competence', 'skills', 'profession'],
  notes: ['ملاحظات', 'ملاحظة', 'remarques', 'remarque', 'notes', 'note', 'observations', 'commentaire'],
};

// Headers that name a person's name without its script.
const NAME_WITHOUT_SCRIPT: Record<string, 'given' | 'family'> = {
  الاسم: 'given',
  prenom: 'given',
  prenoms: 'given',
  'first name': 'given',
  firstname: 'given',
  'given name': 'given',
  nom: 'family',
  'nom de famille': 'family',
  'last name': 'family',
  lastname: 'family',
  'family name': 'family',
  surname: 'family',
};

/** A header reduced to what tells it apart: no accents, case, punctuation, trailing number ("Téléphone 2"). */
export function normalizeHeader(header: string): string {
  const h = header.trim();
  if (hasArabicLetters(h)) return normalizeArabic(h.replace(/\s*\d+$/u, '')).replace(/^ال/u, '');
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s*\d+$/u, '');
}

const ALIAS_INDEX = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const alias of HEADER_ALIASES[field]) ALIAS_INDEX.set(normalizeHeader(alias), field);
const NAME_INDEX = new Map(Object.entries(NAME_WITHOUT_SCRIPT).map(([k, v]) => [normalizeHeader(k), v] as const));

/** Whether most of the non-empty sample values are written in Arabic script. */
function isMostlyArabic(values: readonly string[]): boolean {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return false;
  return filled.filter(hasArabicLetters).length * 2 >= filled.length;
}

/**
 * The mapping a file most likely wants: a saved mapping's choice for a header first, then the common
 * headers. Each single-valued field is taken by its first column only.
 */
export function guessColumns(headers: readonly string[], sample: readonly (readonly string[])[], saved?: Record<string, string | null>): ImportColumn[] {
  const taken = new Set<string>();
  return headers.map((header, i) => {
    const key = normalizeHeader(header);
    let field: string | null | undefined = saved && key in saved ? saved[key] : undefined;
    if (field === undefined) {
      const part = NAME_INDEX.get(key);
      if (part) {
        const isArabic = isMostlyArabic(sample.map((row) => row[i] ?? ''));
        field = part === 'given' ? (isArabic ? 'givenNameAr' : 'givenNameLatin') : isArabic ? 'familyNameAr' : 'familyNameLatin';
      } else {
        field = ALIAS_INDEX.get(key) ?? (IMPORT_FIELDS as readonly string[]).find((f) => f.toLowerCase() === header.trim().toLowerCase()) ?? null;
      }
    }
    if (field && !MULTI_COLUMN_FIELDS.has(field as ImportField)) {
      if (taken.has(field)) field = null;
      else taken.add(field);
    }
    return { header, field: field ?? null };
  });
}

/** What a saved mapping keeps: the field of each header, by normalized header. */
export function mappingOf(columns: readonly ImportColumn[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const c of columns) out[normalizeHeader(c.header)] = c.field;
  return out;
}
