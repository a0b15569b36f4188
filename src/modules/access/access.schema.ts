import { z } from 'zod';
import { isoDate } from '../../server/http';
import { territoryCode } from '../territory/territory.schema';
import { ROLES } from './roles';

export const email = z.string().trim().toLowerCase().email().max(254);
export const password = z.string().min(10).max(200);
export const role = z.enum(ROLES);

export const loginInput = z.strictObject({ email, password: z.string().min(1).max(200) });
export const setupInput = z.strictObject({ token: z.string().min(10).max(200), email, name: z.string().trim().min(1).max(200), password });

export const user = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    name: z.string(),
    role: role.nullable().describe("The strongest role in force (explicit or from a mandate); null when the user has none today"),
    scopeCode: z.string().nullable().describe('Territory of that role; null for the whole country'),
    isActive: z.boolean(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const grant = z.object({ id: z.string().uuid(), role, scopeCode: z.string(), startsOn: isoDate, endsOn: isoDate.nullable() }).meta({ id: 'Grant' });
export type Grant = z.infer<typeof grant>;

export const effectiveGrant = z.object({ role, scopeCode: z.string(), source: z.enum(['grant', 'mandate']), endsOn: isoDate.nullable() });

export const userDetail = user
  .extend({ personId: z.string().uuid().nullable(), grants: z.array(grant), effectiveGrants: z.array(effectiveGrant) })
  .meta({ id: 'UserDetail' });
export type UserDetail = z.infer<typeof userDetail>;

export const userEnvelope = z.object({ user });
export const meEnvelope = z.object({ user: user.extend({ grants: z.array(effectiveGrant) }) });

export const inviteInput = z.strictObject({ email, name: z.string().trim().min(1).max(200), role, scopeCode: territoryCode, personId: z.string().uuid().nullable().optional() });
export const invitationResult = z.object({ user, isEmailSent: z.boolean(), link: z.string().describe('The one-time link, for the administrator to pass on when no e-mail could be sent') });
export const acceptInvitationInput = z.strictObject({ token: z.string().min(10).max(200), password });
export const passwordResetRequest = z.strictObject({ email });
export const passwordResetInput = z.strictObject({ token: z.string().min(10).max(200), password });
export const grantInput = z.strictObject({ role, scopeCode: territoryCode, startsOn: isoDate.optional(), endsOn: isoDate.nullable().optional() });
export const endGrantInput = z.strictObject({ endsOn: isoDate.optional() });
export const accessSettings = z.object({ mandateGrants: z.boolean().describe("Whether a current mandate gives its holder the role its position declares on the body's territory") });
