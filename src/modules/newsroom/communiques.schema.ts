import { z } from 'zod';
import { bodyRef } from '../bodies/bodies.schema';
import { isoInstant } from '../meetings/meetings.schema';
import { COMMUNIQUE_STATUSES } from './communiques.tables';

/** Communiqués (بلاغات): drafts generated from a meeting's record, edited by hand before publishing. */
export const communiqueStatus = z.enum(COMMUNIQUE_STATUSES);

export const communique = z
  .object({
    id: z.string().uuid(),
    meetingId: z.string().uuid().nullable(),
    bodyId: z.string().uuid(),
    territoryCode: z.string(),
    status: communiqueStatus,
    titleAr: z.string(),
    bodyAr: z.string(),
    titleFr: z.string().nullable(),
    bodyFr: z.string().nullable(),
    body: bodyRef,
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({ id: 'Communique' });
export type Communique = z.infer<typeof communique>;

export const communiqueListQuery = z.strictObject({
  meeting: z.string().uuid().optional(),
  territory: z.string().optional(),
  status: communiqueStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CommuniqueListQuery = z.infer<typeof communiqueListQuery>;

const title = z.string().trim().min(1).max(1000);
const text = z.string().trim().min(1).max(100_000);
export const updateCommuniqueInput = z.strictObject({
  titleAr: title.optional(),
  bodyAr: text.optional(),
  titleFr: title.nullable().optional(),
  bodyFr: text.nullable().optional(),
});
export type UpdateCommuniqueInput = z.infer<typeof updateCommuniqueInput>;
