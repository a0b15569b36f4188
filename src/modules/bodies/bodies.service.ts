import type { Db, Tx } from '../../db/database';
import { todayInMorocco } from '../../lib/dates';
import { conflict, notFound, unprocessable } from '../../server/errors';
import { isUuid } from '../../lib/ids';
import { recordAudit, type Actor } from '../access/audit';
import type { Scope } from '../access/scope';
import type { TerritoryService } from '../territory/territory.service';
import { BodiesRepository, type BodyEventRow, type BodyRow } from './bodies.repository';
import type { Body, BodyEvent, CreateBodyInput } from './bodies.schema';
import { bodyKinds, levelLabels, statusLabels, statusTransitions, type BodyKind, type BodyStatus } from './body-kinds';

type BodyWithTerritory = NonNullable<Awaited<ReturnType<BodiesRepository['findById']>>>;

export function toBody({ body, territory }: BodyWithTerritory): Body {
  return {
    id: body.id,
    kind: body.kind as BodyKind,
    sector: (body.sector as Body['sector']) ?? null,
    territoryCode: body.territoryCode,
    parentId: body.parentId,
    nameAr: body.nameAr,
    nameFr: body.nameFr,
    status: body.status,
    statusSince: body.statusSince,
    predecessorId: body.predecessorId,
    successorId: body.successorId,
    territory,
  };
}

function toEvent(e: BodyEventRow): BodyEvent {
  return {
    id: e.id,
    bodyId: e.bodyId,
    at: e.at,
    type: e.type,
    fromStatus: (e.fromStatus as BodyStatus | null) ?? null,
    toStatus: (e.toStatus as BodyStatus | null) ?? null,
    note: e.note,
    relatedBodyId: e.relatedBodyId,
  };
}

/** What the audit keeps of a body: the row as stored. */
const auditView = (row: BodyRow) => ({ ...row, createdAt: undefined, updatedAt: undefined });

export class BodiesService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
  ) {}

  /** The territory of a body, for scope checks; null when there is no such body. */
  async territoriesOf(id: string): Promise<string[] | null> {
    if (!isUuid(id)) return null;
    const code = await new BodiesRepository(this.db).territoryOf(id);
    return code ? [code] : null;
  }

  async get(id: string): Promise<Body> {
    const row = await new BodiesRepository(this.db).findById(id);
    if (!row) throw notFound('body_not_found');
    return toBody(row);
  }

  async list(
    query: { territory?: string | undefined; kind?: BodyKind | undefined; status?: BodyStatus | undefined; q?: string | undefined; includeDissolved?: string | undefined; limit: number; offset: number },
    scope: Scope,
  ) {
    if (query.territory) this.territories.require(query.territory);
    const { rows, total } = await new BodiesRepository(this.db).list({ ...query, includeDissolved: query.includeDissolved === 'true' }, scope);
    return { items: rows.map(toBody), total };
  }

  /** The body's own history and, for a secretariat that succeeded a committee, the committee's before it. */
  async history(body: Body): Promise<BodyEvent[]> {
    const repo = new BodiesRepository(this.db);
    const chain = [body.id];
    let predecessorId = body.predecessorId;
    while (predecessorId && chain.length < 20) {
      chain.push(predecessorId);
      const prev = await repo.findById(predecessorId);
      predecessorId = prev?.body.predecessorId ?? null;
    }
    // On one date, the predecessor's events come before its successor's (the committee closes, then the secretariat opens).
    const depth = (bodyId: string) => chain.indexOf(bodyId);
    const events = await repo.events(chain);
    events.sort((a, b) => a.at.localeCompare(b.at) || depth(b.bodyId) - depth(a.bodyId) || a.id - b.id);
    return events.map(toEvent);
  }

  async children(id: string, scope: Scope): Promise<Body[]> {
    return (await new BodiesRepository(this.db).childrenOf(id, scope)).map(toBody);
  }

  async create(actor: Actor, input: CreateBodyInput): Promise<Body> {
    return this.db.transaction(async (tx) => {
      return this.insertBody(tx, actor, input, {});
    });
  }

  private async insertBody(tx: Tx, actor: Actor, input: CreateBodyInput, link: { predecessorId?: string }): Promise<Body> {
    const repo = new BodiesRepository(tx);
    const decl = bodyKinds[input.kind];
    const territory = this.territories.get(input.territoryCode);
    if (!territory) throw unprocessable('territory_not_found', { code: input.territoryCode });
    const territoryName = { ar: territory.nameAr, fr: territory.nameFr, en: territory.nameFr };
    if (!decl.levels.includes(territory.level)) {
      throw unprocessable('wrong_level', { kind: decl.label, expected: levelLabels[decl.levels[0] ?? 'commune'], territory: territoryName, actual: levelLabels[territory.level] });
    }
    if (input.kind === 'sector_body' && !input.sector) throw unprocessable('sector_required');
    if (input.kind !== 'sector_body' && input.sector) throw unprocessable('sector_not_allowed');

    const parentId = await this.resolveParent(repo, input, territoryName);

    const status = input.status ?? decl.initialStatus;
    if (!decl.statuses.includes(status)) throw unprocessable('status_transition_invalid', { from: statusLabels[decl.initialStatus], to: statusLabels[status] });
    const date = input.statusDate ?? todayInMorocco();
    if (date > todayInMorocco()) throw unprocessable('date_in_future', { date });

    if (input.kind === 'local_secretariat') await this.assertNoActiveLocalSecretariat(repo, territory.code, territoryName);
    const row = await repo.insert({
      kind: input.kind,
      sector: input.sector ?? null,
      territoryCode: territory.code,
      parentId,
      nameAr: input.nameAr,
      nameFr: input.nameFr,
      status,
      statusSince: date,
      predecessorId: link.predecessorId ?? null,
    });
    await repo.addEvent({ bodyId: row.id, at: date, type: 'created', toStatus: status, userId: actor.userId });
    await recordAudit(tx, actor, { action: 'create', resource: 'body', resourceId: row.id, territoryCode: row.territoryCode, after: auditView(row) });
    return toBody({ body: row, territory: { code: territory.code, level: territory.level, nameAr: territory.nameAr, nameFr: territory.nameFr } });
  }

  private async resolveParent(repo: BodiesRepository, input: CreateBodyInput, territoryName: { ar: string; fr: string; en: string }): Promise<string | null> {
    const decl = bodyKinds[input.kind];
    if (decl.parentKinds.length === 0) {
      if (input.parentId) throw unprocessable('parent_not_allowed', { kind: decl.label });
      return null;
    }
    if (!input.parentId) {
      // The nearest active body of an allowed kind above: the commune's province, then region, then the country.
      const chain = [input.territoryCode, ...this.territories.ancestors(input.territoryCode).map((t) => t.code).reverse()];
      const candidates = await repo.activeOn(chain, decl.parentKinds);
      for (const code of chain) {
        const found = candidates.find((b) => b.territoryCode === code && (input.kind !== 'sector_body' || b.kind !== 'sector_body'));
        if (found) return found.id;
      }
      throw unprocessable('parent_required', { kind: decl.label });
    }
    const parent = await repo.findById(input.parentId);
    if (!parent) throw unprocessable('body_not_found');
    const parentKind = parent.body.kind as BodyKind;
    if (!decl.parentKinds.includes(parentKind)) throw unprocessable('parent_wrong_kind', { parentKind: bodyKinds[parentKind].label, kind: decl.label });
    if (parent.body.status === 'dissolved') throw unprocessable('parent_dissolved');
    if (!this.territories.contains(parent.body.territoryCode, input.territoryCode)) {
      throw unprocessable('parent_outside_territory', { parent: { ar: parent.territory.nameAr, fr: parent.territory.nameFr, en: parent.territory.nameFr }, territory: territoryName });
    }
    return parent.body.id;
  }

  private async assertNoActiveLocalSecretariat(repo: BodiesRepository, code: string, territoryName: { ar: string; fr: string; en: string }) {
    const existing = await repo.activeOn([code], ['local_secretariat']);
    if (existing.length > 0) throw conflict('local_secretariat_exists', { territory: territoryName });
  }

  private async requireForUpdate(repo: BodiesRepository, id: string) {
    const row = await repo.findById(id);
    if (!row) throw notFound('body_not_found');
    return row;
  }

  async rename(actor: Actor, id: string, input: { nameAr?: string | undefined; nameFr?: string | undefined; note?: string | undefined }): Promise<Body> {
    return this.db.transaction(async (tx) => {
      const repo = new BodiesRepository(tx);
      const current = await this.requireForUpdate(repo, id);
      const changes = { ...(input.nameAr ? { nameAr: input.nameAr } : {}), ...(input.nameFr ? { nameFr: input.nameFr } : {}) };
      if (Object.keys(changes).length === 0) return toBody(current);
      const row = await repo.update(id, changes);
      await repo.addEvent({ bodyId: id, at: todayInMorocco(), type: 'renamed', note: input.note ?? `${current.body.nameAr} / ${current.body.nameFr}`, userId: actor.userId });
      await recordAudit(tx, actor, { action: 'update', resource: 'body', resourceId: id, territoryCode: row.territoryCode, before: auditView(current.body), after: auditView(row) });
      return toBody({ body: row, territory: current.territory });
    });
  }

  async changeStatus(actor: Actor, id: string, input: { status: BodyStatus; date: string; note?: string | undefined }): Promise<Body> {
    return this.db.transaction(async (tx) => {
      const repo = new BodiesRepository(tx);
      const current = await this.requireForUpdate(repo, id);
      const from = current.body.status;
      const decl = bodyKinds[current.body.kind as BodyKind];
      if (!statusTransitions[from].includes(input.status) || !decl.statuses.includes(input.status)) {
        throw unprocessable('status_transition_invalid', { from: statusLabels[from], to: statusLabels[input.status] });
      }
      this.assertDate(input.date, current.body.statusSince);
      const row = await repo.update(id, { status: input.status, statusSince: input.date });
      await repo.addEvent({ bodyId: id, at: input.date, type: 'status_changed', fromStatus: from, toStatus: input.status, note: input.note ?? null, userId: actor.userId });
      if (input.status === 'dissolved') await repo.endOpenMandates(id, input.date);
      await recordAudit(tx, actor, { action: 'update', resource: 'body', resourceId: id, territoryCode: row.territoryCode, before: auditView(current.body), after: auditView(row) });
      return toBody({ body: row, territory: current.territory });
    });
  }

  /**
   * A preparatory committee becomes a local secretariat in one step: the secretariat is created as
   * its successor, the committee closes on the same date, and the history of both stays linked.
   */
  async constitute(actor: Actor, id: string, input: { date: string; nameAr?: string | undefined; nameFr?: string | undefined; note?: string | undefined }): Promise<Body> {
    return this.db.transaction(async (tx) => {
      const repo = new BodiesRepository(tx);
      const committee = await this.requireForUpdate(repo, id);
      if (committee.body.kind !== 'preparatory_committee' || committee.body.status === 'dissolved') throw unprocessable('constitute_not_committee');
      this.assertDate(input.date, committee.body.statusSince);
      const t = committee.territory;
      const secretariat = await this.insertBody(
        tx,
        actor,
        {
          kind: 'local_secretariat',
          territoryCode: t.code,
          parentId: committee.body.parentId,
          nameAr: input.nameAr ?? `الأمانة المحلية ${t.nameAr}`,
          nameFr: input.nameFr ?? `Secrétariat local de ${t.nameFr}`,
          status: 'constituted',
          statusDate: input.date,
        },
        { predecessorId: committee.body.id },
      );
      await repo.addEvent({ bodyId: secretariat.id, at: input.date, type: 'constituted_from', relatedBodyId: committee.body.id, note: input.note ?? null, userId: actor.userId });
      const closed = await repo.update(committee.body.id, { status: 'dissolved', statusSince: input.date, successorId: secretariat.id });
      await repo.addEvent({ bodyId: committee.body.id, at: input.date, type: 'succeeded_by', fromStatus: committee.body.status, toStatus: 'dissolved', relatedBodyId: secretariat.id, userId: actor.userId });
      await repo.endOpenMandates(committee.body.id, input.date);
      await recordAudit(tx, actor, { action: 'update', resource: 'body', resourceId: committee.body.id, territoryCode: closed.territoryCode, before: auditView(committee.body), after: auditView(closed) });
      return { ...secretariat, predecessorId: committee.body.id };
    });
  }

  private assertDate(date: string, since: string) {
    if (date > todayInMorocco()) throw unprocessable('date_in_future', { date });
    if (date < since) throw unprocessable('date_before_status', { date, since });
  }
}

