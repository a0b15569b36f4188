import { and, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { bodies, mandates } from '../bodies/bodies.tables';
import { bodyKinds, positionOf, type BodyKind } from '../bodies/body-kinds';
import { grants } from './access.tables';
import { roles, type Role } from './roles';
import { Scope, type TerritoryTree } from './scope';

export interface EffectiveGrant {
  role: Role;
  scopeCode: string;
  source: 'grant' | 'mandate';
  /** The grant row, or the mandate it comes from. */
  sourceId: string;
  endsOn: string | null;
}

export interface AccessRights {
  grants: EffectiveGrant[];
  read: Scope;
  write: Scope;
  isAdmin: boolean;
}

export const MANDATE_GRANTS_SETTING = 'access.mandate_grants';

/**
 * A user's rights today: their explicit grants in force, plus — where the organization enables it —
 * the role each current mandate's position declares, on that body's territory. Derived at every
 * request, so a mandate that ends takes its rights with it the same day.
 */
export async function loadAccessRights(
  db: DbOrTx,
  user: { id: string; personId: string | null },
  today: string,
  options: { isMandateGrantsEnabled: boolean; tree: TerritoryTree },
): Promise<AccessRights> {
  const explicit = await db
    .select()
    .from(grants)
    .where(and(eq(grants.userId, user.id), lte(grants.startsOn, today), or(isNull(grants.endsOn), gte(grants.endsOn, today))));
  const effective: EffectiveGrant[] = explicit.map((g) => ({ role: g.role, scopeCode: g.scopeCode, source: 'grant', sourceId: g.id, endsOn: g.endsOn }));

  if (options.isMandateGrantsEnabled && user.personId) {
    const held = await db
      .select({ id: mandates.id, position: mandates.position, endedOn: mandates.endedOn, kind: bodies.kind, territoryCode: bodies.territoryCode })
      .from(mandates)
      .innerJoin(bodies, eq(bodies.id, mandates.bodyId))
      .where(and(eq(mandates.personId, user.personId), lte(mandates.startedOn, today), or(isNull(mandates.endedOn), gte(mandates.endedOn, today)), ne(bodies.status, 'dissolved')));
    for (const m of held) {
      const kind = m.kind as BodyKind;
      if (!bodyKinds[kind]) continue;
      const role = positionOf(kind, m.position)?.grants;
      if (role) effective.push({ role, scopeCode: m.territoryCode, source: 'mandate', sourceId: m.id, endsOn: m.endedOn });
    }
  }

  const isAdmin = effective.some((g) => roles[g.role].canAdminister);
  const rootsOf = (pick: (r: Role) => boolean) => effective.filter((g) => pick(g.role)).map((g) => (roles[g.role].isNational ? 'MA' : g.scopeCode));
  return {
    grants: effective,
    isAdmin,
    read: Scope.of(rootsOf(() => true), options.tree),
    write: Scope.of(rootsOf((r) => roles[r].canWrite), options.tree),
  };
}

/** The role and territory to show for a user: the strongest grant, the widest territory first. */
export function primaryGrant(rights: AccessRights): { role: Role; scopeCode: string | null } | null {
  const rank: Record<Role, number> = { admin: 0, officer: 1, reader: 2 };
  const sorted = [...rights.grants].sort((a, b) => rank[a.role] - rank[b.role] || a.scopeCode.length - b.scopeCode.length);
  const first = sorted[0];
  if (!first) return null;
  return { role: first.role, scopeCode: roles[first.role].isNational || first.scopeCode === 'MA' ? null : first.scopeCode };
}
