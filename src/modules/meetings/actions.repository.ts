import { and, asc, desc, eq, inArray, isNotNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import type { Scope } from '../access/scope';
import { withinTerritory } from '../bodies/bodies.repository';
import { bodies } from '../bodies/bodies.tables';
import { people } from '../people/people.tables';
import { territories } from '../territory/territory.tables';
import { bodyRefColumns, personRefColumns } from './meetings.repository';
import { actions, meetingDecisions, meetings, type ACTION_STATUSES } from './meetings.tables';

export type ActionRow = typeof actions.$inferSelect;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ActionSort = 'dueOn' | '-dueOn' | 'updatedAt' | '-updatedAt' | 'status';

export interface ActionFilter {
  territory?: string | undefined;
  statuses?: ActionStatus[] | undefined;
  isOverdue?: boolean | undefined;
  /** A person or a body owning the action. */
  owner?: string | undefined;
  meeting?: string | undefined;
  sort: ActionSort;
}

const actionWithOwners = { action: actions, ownerPerson: personRefColumns, ownerBody: bodyRefColumns };

/** Open or in progress past its due date, with `today` the date in Morocco. */
export const overdueCondition = (today: string): SQL => and(inArray(actions.status, ['open', 'in_progress']), isNotNull(actions.dueOn), lt(actions.dueOn, today)) as SQL;

const ORDER: Record<ActionSort, SQL[]> = {
  dueOn: [sql`${actions.dueOn} asc nulls last`, asc(actions.createdAt)],
  '-dueOn': [sql`${actions.dueOn} desc nulls last`, asc(actions.createdAt)],
  updatedAt: [asc(actions.updatedAt)],
  '-updatedAt': [desc(actions.updatedAt)],
  // Work to do first: open, in progress, then done and dropped.
  status: [sql`array_position(array['open','in_progress','done','dropped']::text[], ${actions.status})`, sql`${actions.dueOn} asc nulls last`],
};

/** Actions that follow from decisions, where they roll up, and their counts for the board. */
export class ActionsRepository {
  constructor(private readonly db: DbOrTx) {}

  async findById(id: string) {
    const [row] = await this.db
      .select(actionWithOwners)
      .from(actions)
      .leftJoin(people, eq(people.id, actions.ownerPersonId))
      .leftJoin(bodies, eq(bodies.id, actions.ownerBodyId))
      .where(eq(actions.id, id));
    return row;
  }

  async territoryOf(id: string): Promise<string | null> {
    const [row] = await this.db.select({ code: actions.territoryCode }).from(actions).where(eq(actions.id, id));
    return row?.code ?? null;
  }

  private conditions(filter: Omit<ActionFilter, 'sort'>, scope: Scope, today: string): SQL | undefined {
    const conditions = [
      scope.condition(actions.territoryCode),
      filter.territory ? withinTerritory(filter.territory) : undefined,
      filter.statuses?.length ? inArray(actions.status, filter.statuses) : undefined,
      filter.isOverdue === true ? overdueCondition(today) : filter.isOverdue === false ? not(overdueCondition(today)) : undefined,
      filter.owner ? or(eq(actions.ownerPersonId, filter.owner), eq(actions.ownerBodyId, filter.owner)) : undefined,
      filter.meeting ? eq(actions.meetingId, filter.meeting) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    return conditions.length ? and(...conditions) : undefined;
  }

  async list(filter: ActionFilter, scope: Scope, today: string, page: { limit: number; offset: number }) {
    const where = this.conditions(filter, scope, today);
    const [rows, [count]] = await Promise.all([
      this.db
        .select(actionWithOwners)
        .from(actions)
        .innerJoin(territories, eq(territories.code, actions.territoryCode))
        .leftJoin(people, eq(people.id, actions.ownerPersonId))
        .leftJoin(bodies, eq(bodies.id, actions.ownerBodyId))
        .where(where)
        .orderBy(...ORDER[filter.sort], asc(actions.id))
        .limit(page.limit)
        .offset(page.offset),
      this.db.select({ n: sql<number>`count(*)::int` }).from(actions).innerJoin(territories, eq(territories.code, actions.territoryCode)).where(where),
    ]);
    return { rows, total: count?.n ?? 0 };
  }

  /** The rows of an export: the list's filters and order, with the meeting and the decision each action follows from. */
  exportPage(filter: ActionFilter, scope: Scope, today: string, page: { limit: number; offset: number }) {
    return this.db
      .select({
        ...actionWithOwners,
        territory: { code: territories.code, nameAr: territories.nameAr, nameFr: territories.nameFr },
        meeting: { title: meetings.title, startsAt: meetings.startsAt },
        decisionText: meetingDecisions.text,
      })
      .from(actions)
      .innerJoin(territories, eq(territories.code, actions.territoryCode))
      .leftJoin(people, eq(people.id, actions.ownerPersonId))
      .leftJoin(bodies, eq(bodies.id, actions.ownerBodyId))
      .leftJoin(meetings, eq(meetings.id, actions.meetingId))
      .leftJoin(meetingDecisions, eq(meetingDecisions.id, actions.decisionId))
      .where(this.conditions(filter, scope, today))
      .orderBy(...ORDER[filter.sort], asc(actions.id))
      .limit(page.limit)
      .offset(page.offset);
  }

  async insert(values: typeof actions.$inferInsert): Promise<ActionRow> {
    const [row] = await this.db.insert(actions).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async update(id: string, values: Partial<typeof actions.$inferInsert>): Promise<ActionRow> {
    const [row] = await this.db
      .update(actions)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(actions.id, id))
      .returning();
    if (!row) throw new Error('update matched no row');
    return row;
  }

  /** Counts per territory of the action, status and lateness, inside a territory and a scope. */
  countsByTerritory(code: string, scope: Scope, today: string) {
    return this.db
      .select({ territoryCode: actions.territoryCode, status: actions.status, isOverdue: sql<boolean>`coalesce(${overdueCondition(today)}, false)`, n: sql<number>`count(*)::int` })
      .from(actions)
      .innerJoin(territories, eq(territories.code, actions.territoryCode))
      .where(and(scope.condition(actions.territoryCode), withinTerritory(code)))
      .groupBy(actions.territoryCode, actions.status, sql`3`);
  }

  /** Open and in-progress actions per owner, inside a territory and a scope. */
  countsByOwner(code: string, scope: Scope, today: string) {
    return this.db
      .select({
        ownerPersonId: actions.ownerPersonId,
        ownerBodyId: actions.ownerBodyId,
        open: sql<number>`(count(*) filter (where ${actions.status} = 'open'))::int`,
        inProgress: sql<number>`(count(*) filter (where ${actions.status} = 'in_progress'))::int`,
        overdue: sql<number>`(count(*) filter (where ${overdueCondition(today)}))::int`,
      })
      .from(actions)
      .innerJoin(territories, eq(territories.code, actions.territoryCode))
      .where(and(scope.condition(actions.territoryCode), withinTerritory(code), inArray(actions.status, ['open', 'in_progress'])))
      .groupBy(actions.ownerPersonId, actions.ownerBodyId);
  }
}
