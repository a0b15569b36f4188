import { z } from 'zod';
import { isoDate } from '../../server/http';
import { territoryCode, territoryLevel, territoryRef } from '../territory/territory.schema';
import { BODY_KINDS, BODY_STATUSES, POSITIONS, SECTORS } from './body-kinds';

export const bodyKind = z.enum(BODY_KINDS);
export const bodyStatus = z.enum(BODY_STATUSES);
export const sector = z.enum(SECTORS);
export const position = z.enum(POSITIONS);
const name = z.string().trim().min(2).max(300);

export const body = z
  .object({
    id: z.string().uuid(),
    kind: bodyKind,
    sector: sector.nullable(),
    territoryCode: z.string(),
    parentId: z.string().uuid().nullable(),
    nameAr: z.string(),
    nameFr: z.string(),
    status: bodyStatus,
    statusSince: isoDate,
    predecessorId: z.string().uuid().nullable(),
    successorId: z.string().uuid().nullable(),
    territory: territoryRef,
  })
  .meta({ id: 'Body' });
export type Body = z.infer<typeof body>;

export const bodyRef = z.object({ id: z.string().uuid(), kind: bodyKind, nameAr: z.string(), nameFr: z.string(), territoryCode: z.string(), status: bodyStatus }).meta({ id: 'BodyRef' });

export const bodyEvent = z
  .object({
    id: z.number().int(),
    bodyId: z.string().uuid(),
    at: isoDate,
    type: z.enum(['created', 'status_changed', 'renamed', 'constituted_from', 'succeeded_by']),
    fromStatus: bodyStatus.nullable(),
    toStatus: bodyStatus.nullable(),
    note: z.string().nullable(),
    relatedBodyId: z.string().uuid().nullable(),
  })
  .meta({ id: 'BodyEvent' });
export type BodyEvent = z.infer<typeof bodyEvent>;

export const personRef = z
  .object({
    id: z.string().uuid(),
    givenNameAr: z.string().nullable(),
    familyNameAr: z.string().nullable(),
    givenNameLatin: z.string().nullable(),
    familyNameLatin: z.string().nullable(),
    title: z.string().nullable(),
  })
  .meta({ id: 'PersonRef' });

export const mandate = z
  .object({
    id: z.string().uuid(),
    bodyId: z.string().uuid(),
    personId: z.string().uuid(),
    position,
    startedOn: isoDate,
    endedOn: isoDate.nullable(),
    person: personRef,
    body: bodyRef,
  })
  .meta({ id: 'Mandate' });
export type Mandate = z.infer<typeof mandate>;

export const bodyDetail = body.extend({
  history: z.array(bodyEvent),
  mandates: z.array(mandate),
  parent: body.nullable(),
  children: z.array(body),
});

export const createBodyInput = z.strictObject({
  kind: bodyKind,
  sector: sector.nullable().optional(),
  territoryCode,
  parentId: z.string().uuid().nullable().optional().describe('Omitted: the nearest active body of an allowed parent kind whose territory contains this one'),
  nameAr: name,
  nameFr: name,
  status: z.enum(['preparatory', 'constituted']).optional(),
  statusDate: isoDate.optional().describe('Date of the initial status; today when omitted'),
});
export type CreateBodyInput = z.infer<typeof createBodyInput>;

export const renameBodyInput = z.strictObject({ nameAr: name.optional(), nameFr: name.optional(), note: z.string().max(1000).optional() });
export const changeStatusInput = z.strictObject({ status: bodyStatus, date: isoDate, note: z.string().trim().max(1000).optional() });
export const constituteInput = z.strictObject({ date: isoDate, nameAr: name.optional(), nameFr: name.optional(), note: z.string().trim().max(1000).optional() });

export const bodyListQuery = z.strictObject({
  territory: territoryCode.optional(),
  kind: bodyKind.optional(),
  status: bodyStatus.optional(),
  q: z.string().trim().max(100).optional(),
  includeDissolved: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

export const idParams = z.strictObject({ id: z.string().uuid() });

export const createMandateInput = z.strictObject({ bodyId: z.string().uuid(), personId: z.string().uuid(), position, startedOn: isoDate });
export const endMandateInput = z.strictObject({ endedOn: isoDate });
export const mandateListQuery = z.strictObject({ body: z.string().uuid().optional(), person: z.string().uuid().optional(), current: z.enum(['true', 'false']).optional() });

export const bodyKindsResponse = z.object({
  items: z.array(
    z.object({
      kind: bodyKind,
      levels: z.array(territoryLevel),
      parentKinds: z.array(bodyKind),
      positions: z.array(z.object({ code: position, isSingle: z.boolean() })),
      isCoverage: z.boolean(),
    }),
  ),
});

const coverageStatus = z.enum(['constituted', 'preparatory', 'none']);
export const memberCounts = z
  .object({
    members: z.number().int().describe('members and cadres living there'),
    women: z.number().int().describe('women among them'),
    youth: z.number().int().describe('young members (under 35, or the configured age)'),
  })
  .meta({ id: 'MemberCounts' });
export const coverageTotals = z
  .object({ communes: z.number().int(), constituted: z.number().int(), preparatory: z.number().int(), none: z.number().int(), coveredShare: z.number() })
  .extend(memberCounts.shape)
  .meta({ id: 'CoverageTotals' });
export type CoverageTotals = z.infer<typeof coverageTotals>;

export const coverage = z
  .object({
    territory: z.object({ code: z.string(), level: territoryLevel, nameAr: z.string(), nameFr: z.string(), population: z.number().int().nullable() }),
    totals: coverageTotals,
    communes: z.array(
      z.object({
        code: z.string(),
        nameAr: z.string(),
        nameFr: z.string(),
        population: z.number().int().nullable(),
        status: coverageStatus,
        counts: memberCounts,
        bodies: z.array(z.object({ id: z.string().uuid(), kind: bodyKind, nameAr: z.string(), nameFr: z.string(), status: bodyStatus })),
      }),
    ),
    children: z.array(z.object({ code: z.string(), level: territoryLevel, nameAr: z.string(), nameFr: z.string(), totals: coverageTotals })),
    uncovered: z.array(z.object({ code: z.string(), nameAr: z.string(), nameFr: z.string(), population: z.number().int().nullable() })),
  })
  .meta({ id: 'Coverage' });
export type Coverage = z.infer<typeof coverage>;
