import { ApiError, type ApiIssue } from '../api/client';
import {
  PERSON_SECTORS,
  PERSON_STATUSES,
  type AgeBand,
  type ConsentState,
  type Gender,
  type PeopleQuery,
  type Person,
  type PersonInput,
  type PersonNames,
  type PersonSector,
  type PersonStatus,
} from '../api/types';
import type { Locale } from '../i18n/direction';

const ARABIC_LETTER = /[\u0600-\u06FF]/;

const joined = (...parts: (string | null | undefined)[]) =>
  parts
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ');

/** "إدريس عميمي" or '' when the person has no name in Arabic script. */
export function arabicName(person: PersonNames): string {
  return joined(person.givenNameAr, person.familyNameAr);
}

/** "Driss Amimi" or '' when the person has no name in Latin script. */
export function latinName(person: PersonNames): string {
  return joined(person.givenNameLatin, person.familyNameLatin);
}

/**
 * The name to show a person by: the Arabic interface shows the Arabic name, falling back to the Latin
 * one; French and English show the Latin name, falling back to the Arabic one. '' for an erased person.
 */
export function personName(person: PersonNames | null | undefined, locale: Locale): string {
  if (!person) return '';
  const arabic = arabicName(person);
  const latin = latinName(person);
  const isArabicName = locale === 'ar' ? !!arabic : !latin && !!arabic;
  const name = isArabicName ? arabic : latin;
  if (!name) return '';
  // A title is written in one script ("الدكتور", "Dr"): it is shown only beside a name in the same script.
  const title = person.title?.trim();
  return title && ARABIC_LETTER.test(title) === isArabicName ? `${title} ${name}` : name;
}

/** The name in the other script than `personName` shows, when the person has one: '' otherwise. */
export function otherScriptName(person: PersonNames, locale: Locale): string {
  const arabic = arabicName(person);
  const latin = latinName(person);
  if (!arabic || !latin) return '';
  return locale === 'ar' ? latin : arabic;
}

/** Age in whole years from the birth date; from the birth year alone, the age reached this year. Null when unknown. */
export function ageOf(person: Pick<Person, 'birthDate' | 'birthYear'>, today: Date = new Date()): number | null {
  const match = person.birthDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(person.birthDate) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const hadBirthday = today.getMonth() + 1 > month || (today.getMonth() + 1 === month && today.getDate() >= day);
    return today.getFullYear() - year - (hadBirthday ? 0 : 1);
  }
  return person.birthYear ? today.getFullYear() - person.birthYear : null;
}

/** "+212 6 12 34 56 78": a Moroccan E.164 number in the groups it is read in; other numbers as stored. */
export function formatPhone(e164: string): string {
  const match = /^\+212(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return match ? `+212 ${match.slice(1).join(' ')}` : e164;
}

// The people list's filters live in the address so that a filtered list can be shared and bookmarked;
// they use the API's own names.
export const PEOPLE_FILTER_KEYS = [
  'territory',
  'status',
  'gender',
  'sector',
  'competence',
  'ageBand',
  'feeYear',
  'feeUnpaidYear',
  'consent',
] as const;
export type PeopleFilterKey = (typeof PEOPLE_FILTER_KEYS)[number];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

const yearOf = (value: string | null): number | null => {
  if (!value || !/^\d{4}$/.test(value)) return null;
  return Number(value);
};

/** The filters read from the address; values the API would refuse are left out. */
export function peopleQueryOf(params: URLSearchParams): PeopleQuery {
  return {
    q: params.get('q')?.trim() || null,
    territory: params.get('territory') || null,
    status: oneOf<PersonStatus>(PERSON_STATUSES, params.get('status')),
    gender: oneOf<Gender>(['female', 'male'], params.get('gender')),
    sector: oneOf<PersonSector>(PERSON_SECTORS, params.get('sector')),
    competence: params.get('competence')?.trim().toLowerCase() || null,
    ageBand: oneOf<AgeBand>(['youth', 'adult'], params.get('ageBand')),
    feeYear: yearOf(params.get('feeYear')),
    feeUnpaidYear: yearOf(params.get('feeUnpaidYear')),
    consent: oneOf<ConsentState>(['given', 'withdrawn'], params.get('consent')),
  };
}

/** How many filters (besides the search words) narrow the list. */
export function activeFilterCount(query: PeopleQuery): number {
  return PEOPLE_FILTER_KEYS.filter((key) => query[key] !== null && query[key] !== undefined).length;
}

/** `params` with `key` set to `value`, or removed when the value is empty. */
export function withParam(params: URLSearchParams, key: string, value: string | number | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === undefined || value === '') next.delete(key);
  else next.set(key, String(value));
  return next;
}

export const EMPTY_PERSON: PersonInput = {
  givenNameAr: null,
  familyNameAr: null,
  givenNameLatin: null,
  familyNameLatin: null,
  title: null,
  gender: 'female',
  birthDate: null,
  birthYear: null,
  cin: null,
  phones: [],
  email: null,
  communeCode: null,
  status: 'member',
  joinedOn: null,
  leftOn: null,
  sectors: [],
  competences: [],
  notes: null,
};

/** The editable fields of a person as the form starts from them. */
export function personInputOf(person: Person): PersonInput {
  return {
    givenNameAr: person.givenNameAr,
    familyNameAr: person.familyNameAr,
    givenNameLatin: person.givenNameLatin,
    familyNameLatin: person.familyNameLatin,
    title: person.title,
    gender: person.gender,
    birthDate: person.birthDate,
    birthYear: person.birthYear,
    cin: person.cin,
    phones: person.phones,
    email: person.email,
    communeCode: person.communeCode,
    status: person.status,
    joinedOn: person.joinedOn,
    leftOn: person.leftOn,
    sectors: person.sectors.filter((s): s is PersonSector => (PERSON_SECTORS as readonly string[]).includes(s)),
    competences: person.competences,
    notes: person.notes,
  };
}

const textOrNull = (value: string | null) => value?.trim() || null;

/**
 * What the form sends: blank texts become null, empty phone lines are dropped, competences are lowercase
 * tags without repeats. A birth date gives the birth year. CIN and phones are normalized by the server.
 */
export function cleanPersonInput(input: PersonInput): PersonInput {
  const birthDate = textOrNull(input.birthDate);
  return {
    ...input,
    givenNameAr: textOrNull(input.givenNameAr),
    familyNameAr: textOrNull(input.familyNameAr),
    givenNameLatin: textOrNull(input.givenNameLatin),
    familyNameLatin: textOrNull(input.familyNameLatin),
    title: textOrNull(input.title),
    birthDate,
    birthYear: birthDate ? Number(birthDate.slice(0, 4)) : input.birthYear,
    cin: textOrNull(input.cin),
    phones: input.phones.map((phone) => phone.trim()).filter(Boolean),
    email: textOrNull(input.email),
    joinedOn: textOrNull(input.joinedOn),
    leftOn: textOrNull(input.leftOn),
    competences: [...new Set(input.competences.map((c) => c.trim().toLowerCase()).filter(Boolean))],
    notes: textOrNull(input.notes),
  };
}

/** The file name of a person's data export: "tanzim-person-<id>-<date>.json". */
export function personDataFileName(personId: string, today: string): string {
  return `tanzim-person-${personId.slice(0, 8)}-${today}.json`;
}

/** "Invalid request: body.cin: …; body.phones.0: …" read back into issues, for answers that carry only the message. */
function issuesInMessage(message: string): ApiIssue[] {
  return message.split('; ').flatMap((part) => {
    const match = /\b(body(?:\.\w+)+): (.*)$/.exec(part);
    return match ? [{ path: match[1]!, message: match[2]! }] : [];
  });
}

/**
 * The server's refusals of single fields, by field name (`cin`, `phones`…), to show beside the inputs.
 * A CIN already held by someone else answers 409 `cin_taken`, which belongs to the CIN field too.
 */
export function fieldErrorsOf(error: unknown): Partial<Record<keyof PersonInput, string>> {
  const found: Partial<Record<keyof PersonInput, string>> = {};
  if (!(error instanceof ApiError)) return found;
  if (error.code === 'cin_taken') found.cin = error.message;
  for (const issue of error.issues.length > 0 ? error.issues : issuesInMessage(error.message)) {
    const [root, field] = issue.path.split('.');
    if (root !== 'body' || !field || !(field in EMPTY_PERSON)) continue;
    const key = field as keyof PersonInput;
    found[key] = found[key] ? `${found[key]} · ${issue.message}` : issue.message;
  }
  return found;
}
