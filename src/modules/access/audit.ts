import type { DbOrTx } from '../../db/database';
import { auditLog } from './access.tables';

/** Who acts, and from where: every write of every service receives one. */
export interface Actor {
  userId: string | null;
  ip: string | null;
}

export const systemActor: Actor = { userId: null, ip: null };

export interface AuditEntry {
  action: string;
  resource: string;
  resourceId: string;
  /** The territory the resource belongs to: officers read the audit of their territory through it. */
  territoryCode?: string | null | undefined;
  before?: unknown;
  after?: unknown;
}

const rowOf = (actor: Actor, entry: AuditEntry) => ({
  userId: actor.userId,
  ip: actor.ip,
  action: entry.action,
  resource: entry.resource,
  resourceId: entry.resourceId,
  territoryCode: entry.territoryCode ?? null,
  before: entry.before ?? null,
  after: entry.after ?? null,
});

/** Writes the audit row in the caller's transaction, so a write and its audit commit or fail together. */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(rowOf(actor, entry));
}

/** The same for many writes at once (bulk creation), in batches. */
export async function recordAudits(tx: DbOrTx, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) await tx.insert(auditLog).values(entries.slice(i, i + 500).map((e) => rowOf(actor, e)));
}
