import type { Db } from '../../db/database';
import { todayInMorocco } from '../../lib/dates';
import { conflict, notFound, unprocessable } from '../../server/errors';
import { recordAudit, type Actor } from '../access/audit';
import type { Scope } from '../access/scope';
import { isUuid } from '../../lib/ids';
import { PeopleRepository } from '../people/people.repository';
import { BodiesRepository } from './bodies.repository';
import type { Mandate } from './bodies.schema';
import { bodyKinds, positionLabels, positionOf, type BodyKind, type Position } from './body-kinds';
import { MandatesRepository } from './mandates.repository';

type MandateWithRefs = NonNullable<Awaited<ReturnType<MandatesRepository['findById']>>>;

function toMandate({ mandate, person, body }: MandateWithRefs): Mandate {
  return {
    id: mandate.id,
    bodyId: mandate.bodyId,
    personId: mandate.personId,
    position: mandate.position as Position,
    startedOn: mandate.startedOn,
    endedOn: mandate.endedOn,
    person,
    body: { ...body, kind: body.kind as BodyKind },
  };
}

export class MandatesService {
  constructor(private readonly db: Db) {}

  async list(filter: { bodyId?: string | undefined; personId?: string | undefined; currentOnly?: boolean }, scope: Scope): Promise<Mandate[]> {
    return (await new MandatesRepository(this.db).list(filter, scope)).map(toMandate);
  }

  /** The territory of a mandate's body, for scope checks; null when there is no such mandate. */
  async territoriesOf(id: string): Promise<string[] | null> {
    if (!isUuid(id)) return null;
    const code = await new MandatesRepository(this.db).territoryOf(id);
    return code ? [code] : null;
  }

  async get(id: string): Promise<Mandate> {
    const row = await new MandatesRepository(this.db).findById(id);
    if (!row) throw notFound('mandate_not_found');
    return toMandate(row);
  }

  /** Gives a position to a person; for a one-holder position the previous holder's mandate ends that day. */
  async create(actor: Actor, input: { bodyId: string; personId: string; position: Position; startedOn: string }): Promise<Mandate> {
    const id = await this.db.transaction(async (tx) => {
      const bodiesRepo = new BodiesRepository(tx);
      const repo = new MandatesRepository(tx);
      const body = await bodiesRepo.findById(input.bodyId);
      if (!body) throw unprocessable('body_not_found');
      if (body.body.status === 'dissolved') throw unprocessable('body_dissolved');
      const kind = body.body.kind as BodyKind;
      const declared = positionOf(kind, input.position);
      if (!declared) throw unprocessable('position_not_allowed', { position: positionLabels[input.position], kind: bodyKinds[kind].label });
      if (!(await new PeopleRepository(tx).findById(input.personId))) throw unprocessable('person_not_found');
      if (input.startedOn > todayInMorocco()) throw unprocessable('date_in_future', { date: input.startedOn });
      const open = await repo.openOf(input.bodyId, input.position);
      if (open.some((m) => m.personId === input.personId)) throw conflict('mandate_already_held');
      if (declared.isSingle) {
        for (const previous of open) {
          if (previous.startedOn > input.startedOn) throw unprocessable('end_before_start');
          const ended = await repo.end(previous.id, input.startedOn);
          await recordAudit(tx, actor, { action: 'update', resource: 'mandate', resourceId: previous.id, territoryCode: body.body.territoryCode, before: previous, after: ended });
        }
      }
      const row = await repo.insert(input);
      await recordAudit(tx, actor, { action: 'create', resource: 'mandate', resourceId: row.id, territoryCode: body.body.territoryCode, after: row });
      return row.id;
    });
    return this.get(id);
  }

  async end(actor: Actor, id: string, endedOn: string): Promise<Mandate> {
    await this.db.transaction(async (tx) => {
      const repo = new MandatesRepository(tx);
      const current = await repo.findById(id);
      if (!current) throw notFound('mandate_not_found');
      if (current.mandate.endedOn) throw conflict('mandate_already_ended');
      if (endedOn < current.mandate.startedOn) throw unprocessable('end_before_start');
      if (endedOn > todayInMorocco()) throw unprocessable('date_in_future', { date: endedOn });
      const ended = await repo.end(id, endedOn);
      await recordAudit(tx, actor, { action: 'update', resource: 'mandate', resourceId: id, territoryCode: current.body.territoryCode, before: current.mandate, after: ended });
    });
    return this.get(id);
  }
}
