import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { auditLog } from './access.tables';
import type { AccessRights } from './grants';

/** Fields of a person that are personal data: shown only to a reader who may read that person today. */
const PERSONAL_FIELDS: Record<string, readonly string[]> = {
  person: ['givenNameAr', 'familyNameAr', 'givenNameLatin', 'familyNameLatin', 'birthYear', 'title'],
  user: ['email', 'name'],
};
export const MASK = '•••';

export interface AuditQuery {
  resource?: string | undefined;
  id?: string | undefined;
  user?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

function mask(value: unknown, fields: readonly string[]): unknown {
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const f of fields) if (copy[f] !== undefined && copy[f] !== null) copy[f] = MASK;
  return copy;
}

export class AuditService {
  constructor(
    private readonly db: Db,
    /** The territories a person belongs to today and whether they were erased (people module), to decide what to mask. */
    private readonly personAccess: (id: string) => Promise<{ territories: string[]; isErased: boolean } | null>,
  ) {}

  /**
   * The audit rows the reader may see, newest first: everything for an administrator; for an officer,
   * the writes on resources of the territories they may write. Pages by id (`before`).
   */
  async list(query: AuditQuery, rights: AccessRights) {
    const scope = rights.isAdmin ? undefined : rights.write.condition(auditLog.territoryCode);
    const conditions = [
      scope,
      query.resource ? eq(auditLog.resource, query.resource) : undefined,
      query.id ? eq(auditLog.resourceId, query.id) : undefined,
      query.user ? eq(auditLog.userId, query.user) : undefined,
      query.from ? gte(auditLog.at, new Date(query.from)) : undefined,
      query.to ? lte(auditLog.at, new Date(query.to)) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    const where = conditions.length ? and(...conditions) : undefined;
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(auditLog)
        .where(and(where, query.before ? lt(auditLog.id, query.before) : undefined))
        .orderBy(desc(auditLog.id))
        .limit(query.limit),
      this.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
    ]);
    const readable = new Map<string, boolean>();
    const items = [];
    for (const row of rows) {
      const fields = PERSONAL_FIELDS[row.resource] ?? [];
      let isMasked = false;
      // An erased person's fields are masked for everyone; otherwise for those who may not read the person today.
      if (fields.length && (row.resource === 'person' || !rights.isAdmin)) {
        if (!readable.has(row.resourceId)) {
          const found = row.resource === 'person' ? await this.personAccess(row.resourceId) : null;
          readable.set(row.resourceId, !!found && !found.isErased && (rights.isAdmin || found.territories.some((c) => rights.read.covers(c))));
        }
        isMasked = !readable.get(row.resourceId);
      }
      items.push({
        id: row.id,
        at: row.at.toISOString(),
        userId: row.userId,
        ip: row.ip,
        action: row.action,
        resource: row.resource,
        resourceId: row.resourceId,
        territoryCode: row.territoryCode,
        before: isMasked ? mask(row.before, fields) : row.before,
        after: isMasked ? mask(row.after, fields) : row.after,
        isMasked,
      });
    }
    const last = rows[rows.length - 1];
    return { items, total: count?.n ?? 0, nextBefore: rows.length === query.limit && last ? last.id : null };
  }
}
