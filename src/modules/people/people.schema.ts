import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { isoDate } from '../../server/http';
import { territoryCode, territoryRef } from '../territory/territory.schema';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, PERSON_STATUSES, SECTORS } from './registry';

const arabicName = z.string().trim().min(1).max(120).regex(/\p{Script=Arabic}/u, 'Arabic script expected');
const latinName = z.string().trim().min(1).max(120).regex(/\p{Script=Latin}/u, 'Latin script expected');
export const gender = z.enum(['female', 'male']);
export const personStatus = z.enum(PERSON_STATUSES);
export const sector = z.enum(SECTORS);

/** Moroccan national identity card number: one or two letters and digits (AB123456), stored in capitals. */
export const cin = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{1,2}\d{3,6}$/, 'CIN: one or two letters then 3 to 6 digits (AB123456)'));

/** A phone number in any usual Moroccan writing (06…, +212 6…, 00212…), stored as E.164 (+2126…). */
export const phone = z.string().transform((s, ctx) => {
  const parsed = parsePhoneNumberFromString(s, 'MA');
  if (!parsed?.isValid()) {
    ctx.addIssue({ code: 'custom', message: `Not a valid phone number: ${s}` });
    return z.NEVER;
  }
  return parsed.number;
});

export const person = z
  .object({
    id: z.string().uuid(),
    givenNameAr: z.string().nullable(),
    familyNameAr: z.string().nullable(),
    givenNameLatin: z.string().nullable(),
    familyNameLatin: z.string().nullable(),
    title: z.string().nullable(),
    gender,
    birthDate: isoDate.nullable(),
    birthYear: z.number().int().nullable(),
    cin: z.string().nullable(),
    phones: z.array(z.string()),
    email: z.string().nullable(),
    communeCode: z.string().nullable(),
    commune: territoryRef.nullable(),
    status: personStatus,
    joinedOn: isoDate.nullable(),
    leftOn: isoDate.nullable(),
    sectors: z.array(z.string()),
    competences: z.array(z.string()),
    notes: z.string().nullable(),
    isErased: z.boolean(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof person>;

const currentYear = new Date().getUTCFullYear();
const personFields = {
  givenNameAr: arabicName.nullable().optional(),
  familyNameAr: arabicName.nullable().optional(),
  givenNameLatin: latinName.nullable().optional(),
  familyNameLatin: latinName.nullable().optional(),
  title: z.string().trim().max(60).nullable().optional(),
  gender,
  birthDate: isoDate.nullable().optional(),
  birthYear: z.number().int().min(1900).max(currentYear).nullable().optional(),
  cin: cin.nullable().optional(),
  phones: z.array(phone).max(5).optional(),
  email: z.string().trim().toLowerCase().email().max(254).nullable().optional(),
  communeCode: territoryCode.nullable().optional(),
  status: personStatus.optional(),
  joinedOn: isoDate.nullable().optional(),
  leftOn: isoDate.nullable().optional(),
  sectors: z.array(sector).max(SECTORS.length).optional(),
  competences: z.array(z.string().trim().toLowerCase().min(2).max(60)).max(20).optional(),
  notes: z.string().max(4000).nullable().optional(),
};

const hasAName = (p: { givenNameAr?: string | null; familyNameAr?: string | null; givenNameLatin?: string | null; familyNameLatin?: string | null }) =>
  !!((p.givenNameAr && p.familyNameAr) || (p.givenNameLatin && p.familyNameLatin));

export const createPersonInput = z
  .strictObject(personFields)
  .refine(hasAName, { message: 'Given and family names are needed in Arabic or in Latin script (or both)', path: ['familyNameAr'] });
export type CreatePersonInput = z.infer<typeof createPersonInput>;
export const updatePersonInput = z.strictObject(personFields).partial();
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;

export const personListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  territory: territoryCode.optional(),
  status: personStatus.optional(),
  gender: gender.optional(),
  sector: sector.optional(),
  competence: z.string().trim().toLowerCase().max(60).optional(),
  ageBand: z.enum(['youth', 'adult']).optional().describe('youth: under 35 (or the configured age)'),
  feeYear: z.coerce.number().int().min(1990).max(2100).optional().describe('only people who paid their fee for that year'),
  feeUnpaidYear: z.coerce.number().int().min(1990).max(2100).optional().describe('only people who did not pay for that year'),
  consent: z.enum(['given', 'withdrawn']).optional().describe('given: has a consent in force for invitations'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const feeInput = z.strictObject({ year: z.number().int().min(1990).max(2100), amount: z.number().positive().max(1_000_000), paidOn: isoDate });
export const consentInput = z.strictObject({ purpose: z.enum(CONSENT_PURPOSES), channel: z.enum(CONSENT_CHANNELS), givenOn: isoDate });
export const withdrawConsentInput = z.strictObject({ purpose: z.enum(CONSENT_PURPOSES).optional(), withdrawnOn: isoDate });
export const fee = z.object({ year: z.number().int(), amount: z.number(), paidOn: isoDate });
export const consent = z.object({ id: z.number().int(), purpose: z.string(), channel: z.string(), givenOn: isoDate, withdrawnOn: isoDate.nullable() });
