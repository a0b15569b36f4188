import { z } from 'zod';
import type { Locale } from '../../../server/locale';
import type { ImportField } from './import-fields';

/**
 * Why a line of an imported file is rejected, in the reader's language. A reason is stored as a code
 * and its values, and rendered when read, so the same report reads in Arabic, French or English.
 */
const reasons = {
  required: { ar: 'الخانة «{field}» إلزامية.', fr: 'Le champ « {field} » est obligatoire.', en: 'The field "{field}" is required.' },
  name_required: {
    ar: 'يلزم الاسم الشخصي والعائلي بالعربية أو بالحروف اللاتينية.',
    fr: 'Le prénom et le nom sont nécessaires, en arabe ou en caractères latins.',
    en: 'Given and family names are needed in Arabic or in Latin script.',
  },
  arabic_script_expected: { ar: '«{value}» ليس مكتوبا بالحروف العربية.', fr: '« {value} » n’est pas écrit en caractères arabes.', en: '"{value}" is not written in Arabic script.' },
  latin_script_expected: { ar: '«{value}» ليس مكتوبا بالحروف اللاتينية.', fr: '« {value} » n’est pas écrit en caractères latins.', en: '"{value}" is not written in Latin script.' },
  cin_invalid: {
    ar: 'رقم البطاقة الوطنية «{value}» غير صالح: حرف أو حرفان ثم من 3 إلى 6 أرقام.',
    fr: 'Numéro de CIN « {value} » invalide : une ou deux lettres puis 3 à 6 chiffres.',
    en: 'Identity card number "{value}" is invalid: one or two letters then 3 to 6 digits.',
  },
  phone_invalid: { ar: '«{value}» ليس رقم هاتف صالحا.', fr: '« {value} » n’est pas un numéro de téléphone valide.', en: '"{value}" is not a valid phone number.' },
  email_invalid: { ar: '«{value}» ليس بريدا إلكترونيا صالحا.', fr: '« {value} » n’est pas une adresse e-mail valide.', en: '"{value}" is not a valid e-mail address.' },
  date_invalid: {
    ar: '«{value}» ليس تاريخا صالحا (مثلا 1985-03-21 أو 21/03/1985).',
    fr: '« {value} » n’est pas une date valide (par exemple 1985-03-21 ou 21/03/1985).',
    en: '"{value}" is not a valid date (for example 1985-03-21 or 21/03/1985).',
  },
  year_invalid: { ar: 'سنة الازدياد «{value}» غير مقبولة.', fr: 'L’année de naissance « {value} » n’est pas acceptable.', en: 'The birth year "{value}" is not acceptable.' },
  gender_invalid: {
    ar: 'الجنس «{value}» غير معروف (ذكر أو أنثى).',
    fr: 'Sexe « {value} » inconnu (homme/H ou femme/F).',
    en: 'Unknown gender "{value}" (male/M or female/F).',
  },
  status_invalid: {
    ar: 'الصفة «{value}» غير معروفة (متعاطف، منخرط، إطار).',
    fr: 'Statut « {value} » inconnu (sympathisant, membre, cadre).',
    en: 'Unknown status "{value}" (sympathizer, member, cadre).',
  },
  sector_invalid: { ar: 'القطاع «{value}» غير معروف.', fr: 'Secteur « {value} » inconnu.', en: 'Unknown sector "{value}".' },
  too_long: { ar: '«{value}» أطول من {max} حرفا.', fr: '« {value} » dépasse {max} caractères.', en: '"{value}" is longer than {max} characters.' },
  too_short: { ar: '«{value}» قصير جدا.', fr: '« {value} » est trop court.', en: '"{value}" is too short.' },
  too_many: { ar: 'أكثر من {max} قيم.', fr: 'Plus de {max} valeurs.', en: 'More than {max} values.' },
  commune_not_found: {
    ar: 'لا توجد جماعة باسم أو رمز «{value}».',
    fr: 'Aucune commune n’a le nom ou le code « {value} ».',
    en: 'No commune has the name or code "{value}".',
  },
  commune_ambiguous: {
    ar: '«{value}» اسم {count} جماعات؛ استعمل رمزها (9 أرقام).',
    fr: '« {value} » est le nom de {count} communes ; donnez son code (9 chiffres).',
    en: '"{value}" names {count} communes; give its code (9 digits).',
  },
  not_a_commune: { ar: 'الرمز «{value}» ليس رمز جماعة.', fr: 'Le code « {value} » n’est pas celui d’une commune.', en: 'The code "{value}" is not a commune’s.' },
  outside_scope: {
    ar: 'الجماعة «{value}» خارج التراب الذي تدبره.',
    fr: 'La commune « {value} » est hors de votre territoire.',
    en: 'The commune "{value}" is outside your territory.',
  },
  commune_required_for_scope: {
    ar: 'حدد جماعة الإقامة: بدونها لا يستورد الشخص إلا على المستوى الوطني.',
    fr: 'Indiquez la commune de résidence : sans elle, seule l’administration nationale peut importer la personne.',
    en: 'Give the commune of residence: without it only national administrators can import the person.',
  },
  cin_taken: {
    ar: 'رقم البطاقة الوطنية «{value}» مسجل لشخص آخر.',
    fr: 'Le numéro de CIN « {value} » est déjà enregistré pour une autre personne.',
    en: 'The identity card number "{value}" is already registered for another person.',
  },
  line_unreadable: { ar: 'سطر غير مقروء: {details}', fr: 'Ligne illisible : {details}', en: 'Unreadable line: {details}' },
  duplicate_skipped: {
    ar: 'مكرر ({kind}) لم يستورد: {with}.',
    fr: 'Doublon ({kind}) non importé : {with}.',
    en: 'Duplicate ({kind}) not imported: {with}.',
  },
  invalid: { ar: '{details}', fr: '{details}', en: '{details}' },
} satisfies Record<string, Record<Locale, string>>;

export type RowErrorCode = keyof typeof reasons;

const fieldLabels: Record<ImportField, Record<Locale, string>> = {
  givenNameAr: { ar: 'الاسم الشخصي (بالعربية)', fr: 'Prénom (arabe)', en: 'Given name (Arabic)' },
  familyNameAr: { ar: 'الاسم العائلي (بالعربية)', fr: 'Nom (arabe)', en: 'Family name (Arabic)' },
  givenNameLatin: { ar: 'الاسم الشخصي (بالحروف اللاتينية)', fr: 'Prénom (latin)', en: 'Given name (Latin)' },
  familyNameLatin: { ar: 'الاسم العائلي (بالحروف اللاتينية)', fr: 'Nom (latin)', en: 'Family name (Latin)' },
  gender: { ar: 'الجنس', fr: 'Sexe', en: 'Gender' },
  birthDate: { ar: 'تاريخ الازدياد', fr: 'Date de naissance', en: 'Birth date' },
  cin: { ar: 'رقم البطاقة الوطنية', fr: 'CIN', en: 'Identity card' },
  phones: { ar: 'الهاتف', fr: 'Téléphone', en: 'Phone' },
  email: { ar: 'البريد الإلكتروني', fr: 'E-mail', en: 'E-mail' },
  communeCode: { ar: 'الجماعة', fr: 'Commune', en: 'Commune' },
  status: { ar: 'الصفة', fr: 'Statut', en: 'Status' },
  joinedOn: { ar: 'تاريخ الانخراط', fr: 'Date d’adhésion', en: 'Joined on' },
  sectors: { ar: 'القطاعات', fr: 'Secteurs', en: 'Sectors' },
  competences: { ar: 'الكفاءات', fr: 'Compétences', en: 'Competences' },
  notes: { ar: 'ملاحظات', fr: 'Notes', en: 'Notes' },
};

const duplicateKinds: Record<string, Record<Locale, string>> = {
  cin: { ar: 'نفس رقم البطاقة الوطنية', fr: 'même CIN', en: 'same identity card' },
  phone: { ar: 'نفس الهاتف', fr: 'même téléphone', en: 'same phone' },
  name_birth: { ar: 'اسم مشابه ونفس تاريخ الازدياد', fr: 'nom proche et même date de naissance', en: 'similar name and same birth date' },
};

const duplicateOf = {
  lines: { ar: 'السطر {lines}', fr: 'ligne {lines}', en: 'line {lines}' },
  registry: { ar: 'شخص مسجل', fr: 'une personne déjà enregistrée', en: 'a person already registered' },
};

const zodLocales: Record<Locale, () => { localeError: (issue: never) => string | undefined | { message: string } }> = {
  ar: z.locales.ar as never,
  fr: z.locales.fr as never,
  en: z.locales.en as never,
};

export function fieldLabel(field: string, locale: Locale): string {
  return fieldLabels[field as ImportField]?.[locale] ?? field;
}

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

/** A stored reason in the reader's language. */
export function renderReason(code: string, params: Record<string, unknown>, locale: Locale): string {
  if (code === 'invalid' && params.issue) {
    const rendered = zodLocales[locale]().localeError(params.issue as never);
    return (typeof rendered === 'string' ? rendered : rendered?.message) ?? String((params.issue as { message?: string }).message ?? code);
  }
  const entry = reasons[code as RowErrorCode];
  if (!entry) return code;
  const values: Record<string, unknown> = { ...params };
  if (typeof params.field === 'string') values.field = fieldLabel(params.field, locale);
  if (code === 'duplicate_skipped') {
    values.kind = duplicateKinds[String(params.kind)]?.[locale] ?? params.kind;
    const parts: string[] = [];
    const lines = Array.isArray(params.lines) ? (params.lines as number[]) : [];
    if (lines.length) parts.push(fill(duplicateOf.lines[locale], { lines: lines.slice(0, 5).join(', ') }));
    if (params.inRegistry) parts.push(duplicateOf.registry[locale]);
    values.with = parts.join(locale === 'ar' ? '، ' : ', ');
  }
  return fill(entry[locale], values);
}
