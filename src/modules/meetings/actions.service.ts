import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/database';
import { todayInMorocco } from '../../lib/dates';
import { isUuid } from '../../lib/ids';
import { notFound, unprocessable } from '../../server/errors';
import { recordAudit, type Actor } from '../access/audit';
import type { Scope } from '../access/scope';
import type { TerritoryService } from '../territory/territory.service';
import { ActionsRepository, type ActionFilter, type ActionRow, type ActionStatus } from './actions.repository';
import type { action, actionBoard, actionListQuery, createActionInput, updateActionInput } from './meetings.schema';
import { MeetingsRepository, type BodyRefRow, type PersonRefRow } from './meetings.repository';
import { isPersonReadable, toBodyRef, type MeetingViewer } from './meetings.service';
import { toZonedIso } from './times';

export type Action = z.infer<typeof action>;
export type ActionBoard = z.infer<typeof actionBoard>;
export type ActionListQuery = z.infer<typeof actionListQuery>;
export type CreateActionInput = z.infer<typeof createActionInput>;
export type UpdateActionInput = z.infer<typeof updateActionInput>;

const PENDING: ReadonlySet<ActionStatus> = new Set(['open', 'in_progress']);

/** Open or in progress past its due date, in Morocco's calendar. */
export const isActionOverdue = (a: { status: ActionStatus; dueOn: string | null }, today: string) => PENDING.has(a.status) && a.dueOn !== null && a.dueOn < today;

export function toAction(row: { action: ActionRow; ownerPerson: PersonRefRow | null; ownerBody: BodyRefRow | null }, today: string): Action {
  const a = row.action;
  return {
    id: a.id,
    meetingId: a.meetingId,
    decisionId: a.decisionId,
    territoryCode: a.territoryCode,
    title: a.title,
    ownerPersonId: a.ownerPersonId,
    ownerBodyId: a.ownerBodyId,
    ownerPerson: row.ownerPerson,
    ownerBody: row.ownerBody ? toBodyRef(row.ownerBody) : null,
    dueOn: a.dueOn,
    status: a.status,
    statusNote: a.statusNote,
    isOverdue: isActionOverdue(a, today),
    createdAt: toZonedIso(a.createdAt),
    updatedAt: toZonedIso(a.updatedAt),
  };
}

/** The list's query as repository filters. */
export function actionFilterOf(query: Omit<ActionListQuery, 'limit' | 'offset'>): ActionFilter {
  return {
    territory: query.territory,
    statuses: query.status === undefined ? undefined : [query.status].flat(),
    isOverdue: query.isOverdue === undefined ? undefined : query.isOverdue === 'true',
    owner: query.owner,
    meeting: query.meeting,
    sort: query.sort,
  };
}

/**
 * Actions that follow from a meeting's decisions: what, who owns it (a person or a body), when it is
 * due, where it stands. An action rolls up to its owner body's territory (else its meeting's), so the
 * level above sees it on its board, province by province or commune by commune.
 */
export class ActionsService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
  ) {}

  /** The territory of an action, for scope checks; null when there is no such action. */
  async territoriesOf(id: string): Promise<string[] | null> {
    if (!isUuid(id)) return null;
    const code = await new ActionsRepository(this.db).territoryOf(id);
    return code ? [code] : null;
  }

  async get(id: string, db: DbOrTx = this.db): Promise<Action> {
    const row = await new ActionsRepository(db).findById(id);
    if (!row) throw notFound('action_not_found');
    return toAction(row as Parameters<typeof toAction>[0], todayInMorocco());
  }

  async list(query: ActionListQuery, scope: Scope): Promise<{ items: Action[]; total: number }> {
    if (query.territory) this.territories.require(query.territory);
    const today = todayInMorocco();
    const { rows, total } = await new ActionsRepository(this.db).list(actionFilterOf(query), scope, today, query);
    return { items: rows.map((r) => toAction(r as Parameters<typeof toAction>[0], today)), total };
  }

  async create(actor: Actor, viewer: MeetingViewer, input: CreateActionInput): Promise<Action> {
    const id = await this.db.transaction(async (tx) => {
      const found = await new MeetingsRepository(tx).findDecision(input.decisionId);
      if (!found) throw unprocessable('decision_not_found');
      const ownerPersonId = input.ownerPersonId ?? null;
      const ownerBodyId = input.ownerBodyId ?? null;
      if (!ownerPersonId && !ownerBodyId) throw unprocessable('action_owner_required');
      if (ownerPersonId) await this.requireOwnerPerson(tx, ownerPersonId, viewer);
      const ownerBody = ownerBodyId ? await this.requireOwnerBody(tx, ownerBodyId, viewer) : null;
      const row = await new ActionsRepository(tx).insert({
        meetingId: found.meeting.id,
        decisionId: found.decision.id,
        territoryCode: ownerBody?.territoryCode ?? found.meeting.territoryCode,
        title: input.title,
        ownerPersonId,
        ownerBodyId,
        dueOn: input.dueOn ?? null,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, { action: 'create', resource: 'action', resourceId: row.id, territoryCode: row.territoryCode, after: row });
      return row.id;
    });
    return this.get(id);
  }

  /** Changes an action; a change of status carries its note (a status changed without one clears the old note). */
  async update(actor: Actor, viewer: MeetingViewer, id: string, input: UpdateActionInput): Promise<Action> {
    await this.db.transaction(async (tx) => {
      const repo = new ActionsRepository(tx);
      const found = await repo.findById(id);
      if (!found) throw notFound('action_not_found');
      const current = found.action;
      const ownerPersonId = input.ownerPersonId !== undefined ? input.ownerPersonId : current.ownerPersonId;
      const ownerBodyId = input.ownerBodyId !== undefined ? input.ownerBodyId : current.ownerBodyId;
      if (!ownerPersonId && !ownerBodyId) throw unprocessable('action_owner_required');
      if (ownerPersonId && ownerPersonId !== current.ownerPersonId) await this.requireOwnerPerson(tx, ownerPersonId, viewer);
      const changes: Partial<ActionRow> = {};
      if (ownerBodyId !== current.ownerBodyId) {
        const ownerBody = ownerBodyId ? await this.requireOwnerBody(tx, ownerBodyId, viewer) : null;
        const meetingTerritory = current.meetingId ? await new MeetingsRepository(tx).territoryOf(current.meetingId) : null;
        Object.assign(changes, { ownerBodyId, territoryCode: ownerBody?.territoryCode ?? meetingTerritory ?? current.territoryCode });
      }
      if (ownerPersonId !== current.ownerPersonId) changes.ownerPersonId = ownerPersonId;
      if (input.title !== undefined && input.title !== current.title) changes.title = input.title;
      if (input.dueOn !== undefined && input.dueOn !== current.dueOn) changes.dueOn = input.dueOn;
      const isStatusChanged = input.status !== undefined && input.status !== current.status;
      if (isStatusChanged) changes.status = input.status;
      const statusNote = input.statusNote !== undefined ? input.statusNote || null : isStatusChanged ? null : current.statusNote;
      if (statusNote !== current.statusNote) changes.statusNote = statusNote;
      if (Object.keys(changes).length === 0) return;
      const row = await repo.update(id, changes);
      await recordAudit(tx, actor, { action: 'update', resource: 'action', resourceId: id, territoryCode: row.territoryCode, before: current, after: row });
    });
    return this.get(id);
  }

  /**
   * The roll-up of a territory's actions within the scope: totals, one line per child territory (the
   * provinces of a region, the communes of a province — with zeros where nothing is pending), and the
   * pending actions per owner. Without a territory, the caller's own.
   */
  async board(code: string | undefined, scope: Scope): Promise<ActionBoard> {
    const territoryCode = code ?? (scope.isAll || scope.roots.length !== 1 ? 'MA' : (scope.roots[0] ?? 'MA'));
    const territory = this.territories.require(territoryCode);
    const visible = scope.within(territoryCode);
    if (visible.isEmpty) throw notFound('territory_not_found', { code: territoryCode });
    const today = todayInMorocco();
    const repo = new ActionsRepository(this.db);
    const [counts, owners] = await Promise.all([repo.countsByTerritory(territoryCode, visible, today), repo.countsByOwner(territoryCode, visible, today)]);

    const children = this.territories
      .children(territoryCode)
      .filter((child) => visible.covers(child.code) || visible.roots.some((r) => this.territories.contains(child.code, r)))
      .map((child) => ({ code: child.code, nameAr: child.nameAr, nameFr: child.nameFr, open: 0, inProgress: 0, overdue: 0, done: 0 }));
    const totals = { open: 0, inProgress: 0, done: 0, dropped: 0, overdue: 0 };
    for (const c of counts) {
      const key = c.status === 'in_progress' ? 'inProgress' : c.status;
      totals[key] += c.n;
      if (c.isOverdue) totals.overdue += c.n;
      const line = children.find((child) => this.territories.contains(child.code, c.territoryCode));
      if (!line || key === 'dropped') continue;
      line[key] += c.n;
      if (c.isOverdue) line.overdue += c.n;
    }

    const meetingsRepo = new MeetingsRepository(this.db);
    const [persons, ownerBodies] = await Promise.all([
      meetingsRepo.peopleRefs(owners.map((o) => o.ownerPersonId).filter((p): p is string => p !== null)),
      meetingsRepo.bodyRefs(owners.map((o) => o.ownerBodyId).filter((b): b is string => b !== null)),
    ]);
    const byOwner = owners
      .map((o) => {
        const body = o.ownerBodyId ? ownerBodies.get(o.ownerBodyId) : undefined;
        return {
          ownerPerson: o.ownerPersonId ? (persons.get(o.ownerPersonId) ?? null) : null,
          ownerBody: body ? toBodyRef(body) : null,
          open: o.open,
          inProgress: o.inProgress,
          overdue: o.overdue,
        };
      })
      .sort((a, b) => b.overdue - a.overdue || b.open + b.inProgress - (a.open + a.inProgress));

    return { territory: { code: territory.code, nameAr: territory.nameAr, nameFr: territory.nameFr, level: territory.level }, totals, byTerritory: children, byOwner };
  }

  private async requireOwnerPerson(db: DbOrTx, personId: string, viewer: MeetingViewer) {
    if (!(await isPersonReadable(db, personId, viewer.read))) throw unprocessable('person_not_found');
  }

  private async requireOwnerBody(db: DbOrTx, bodyId: string, viewer: MeetingViewer): Promise<BodyRefRow> {
    const body = (await new MeetingsRepository(db).bodyRefs([bodyId])).get(bodyId);
    if (!body || !viewer.read.covers(body.territoryCode)) throw unprocessable('body_not_found');
    return body;
  }
}
