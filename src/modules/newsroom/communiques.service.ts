import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/database';
import { isUuid } from '../../lib/ids';
import { conflict, notFound } from '../../server/errors';
import { recordAudit, type Actor } from '../access/audit';
import type { Scope } from '../access/scope';
import { POSITIONS, type BodyKind, type Position } from '../bodies/body-kinds';
import type { minutesContent } from '../meetings/meetings.schema';
import { localDate, toZonedIso } from '../meetings/times';
import type { TerritoryService } from '../territory/territory.service';
import { generateCommunique, organizationFrom, type CommuniqueBody, type CommuniquePerson, type MeetingRecord } from './communique.generator';
import { CommuniquesRepository, type BodyRow, type CommuniqueRow } from './communiques.repository';
import type { Communique, CommuniqueListQuery, UpdateCommuniqueInput } from './communiques.schema';

const toBodyRef = (b: BodyRow) => ({ id: b.id, kind: b.kind as BodyKind, nameAr: b.nameAr, nameFr: b.nameFr, territoryCode: b.territoryCode, status: b.status });
const toCommuniqueBody = (b: BodyRow): CommuniqueBody => ({ id: b.id, kind: b.kind as BodyKind, nameAr: b.nameAr, nameFr: b.nameFr });

export function toCommunique({ communique: c, body }: { communique: CommuniqueRow; body: BodyRow }): Communique {
  return {
    id: c.id,
    meetingId: c.meetingId,
    bodyId: c.bodyId,
    territoryCode: c.territoryCode,
    status: c.status,
    titleAr: c.titleAr,
    bodyAr: c.bodyAr,
    titleFr: c.titleFr,
    bodyFr: c.bodyFr,
    body: toBodyRef(body),
    createdAt: toZonedIso(c.createdAt),
    updatedAt: toZonedIso(c.updatedAt),
  };
}

/** What the audit keeps of a communiqué: the row as stored. */
const auditView = (row: CommuniqueRow) => ({ ...row, createdAt: undefined, updatedAt: undefined });
const isPosition = (p: string): p is Position => (POSITIONS as readonly string[]).includes(p);

/**
 * Communiqués: a draft is generated from a meeting's record (its attendance, the approved minutes —
 * else the latest draft — and its decisions) and then edited by hand. Publishing comes with the newsroom.
 */
export class CommuniquesService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
  ) {}

  /** The territory of a communiqué, for scope checks; null when there is no such communiqué. */
  async territoriesOf(id: string): Promise<string[] | null> {
    if (!isUuid(id)) return null;
    const code = await new CommuniquesRepository(this.db).territoryOf(id);
    return code ? [code] : null;
  }

  async get(id: string): Promise<Communique> {
    const row = await new CommuniquesRepository(this.db).findById(id);
    if (!row) throw notFound('communique_not_found');
    return toCommunique(row);
  }

  async list(query: CommuniqueListQuery, scope: Scope): Promise<{ items: Communique[]; total: number }> {
    if (query.territory) this.territories.require(query.territory);
    const { rows, total } = await new CommuniquesRepository(this.db).list({ meetingId: query.meeting, territory: query.territory, status: query.status, limit: query.limit, offset: query.offset }, scope);
    return { items: rows.map(toCommunique), total };
  }

  /** Writes a new draft from the meeting's record as it stands, and keeps it beside the earlier ones. */
  async generateForMeeting(actor: Actor, meetingId: string): Promise<Communique> {
    return this.db.transaction(async (tx) => {
      const repo = new CommuniquesRepository(tx);
      const meeting = await repo.meeting(meetingId);
      if (!meeting) throw notFound('meeting_not_found');
      if (meeting.status === 'cancelled') throw conflict('meeting_cancelled');
      const draft = generateCommunique(await this.recordOf(tx, meeting.id));
      const row = await repo.insert({ meetingId: meeting.id, bodyId: meeting.bodyId, territoryCode: meeting.territoryCode, status: 'draft', ...draft, createdBy: actor.userId });
      await recordAudit(tx, actor, { action: 'create', resource: 'communique', resourceId: row.id, territoryCode: row.territoryCode, after: auditView(row) });
      const [body] = await repo.bodies([row.bodyId]);
      if (!body) throw new Error('the organizing body of a meeting is missing');
      return toCommunique({ communique: row, body });
    });
  }

  /** Edits the text of a draft; a published communiqué is not changed here. */
  async update(actor: Actor, id: string, input: UpdateCommuniqueInput): Promise<Communique> {
    return this.db.transaction(async (tx) => {
      const repo = new CommuniquesRepository(tx);
      const current = await repo.lock(id);
      if (!current) throw notFound('communique_not_found');
      if (current.status !== 'draft') throw conflict('communique_not_draft');
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<CommuniqueRow>;
      const isChanged = Object.entries(changes).some(([k, v]) => current[k as keyof CommuniqueRow] !== v);
      const row = isChanged ? await repo.update(id, changes) : current;
      if (isChanged) await recordAudit(tx, actor, { action: 'update', resource: 'communique', resourceId: id, territoryCode: row.territoryCode, before: auditView(current), after: auditView(row) });
      const [body] = await repo.bodies([row.bodyId]);
      if (!body) throw new Error('the body of a communiqué is missing');
      return toCommunique({ communique: row, body });
    });
  }

  /** The meeting's record as the generator reads it: people with their mandates of the meeting's day, minutes per agenda item, decisions. */
  async recordOf(db: DbOrTx, meetingId: string): Promise<MeetingRecord> {
    const repo = new CommuniquesRepository(db);
    const meeting = await repo.meeting(meetingId);
    if (!meeting) throw notFound('meeting_not_found');
    // One after the other: inside a transaction a PostgreSQL client runs one query at a time.
    const attendance = await repo.attendance(meeting.id);
    const agenda = await repo.agenda(meeting.id);
    const minutes = await repo.minutesOf(meeting.id);
    const decisions = await repo.decisions(meeting.id);
    // Read leniently: the record is written by the minutes' own rules, the communiqué only follows it.
    const content = (minutes?.content ?? { items: [] }) as z.infer<typeof minutesContent>;

    const personIds = new Set<string>();
    for (const id of [meeting.chairPersonId, meeting.convenedByPersonId]) if (id) personIds.add(id);
    for (const a of attendance) personIds.add(a.personId);
    for (const item of content.items ?? []) for (const s of item.speeches ?? []) if (s.personId) personIds.add(s.personId);
    for (const d of decisions) if (d.byPersonId) personIds.add(d.byPersonId);
    const day = localDate(meeting.startsAt, meeting.timeZone);
    const peopleRows = await repo.people([...personIds]);
    const mandateRows = await repo.mandatesOn([...personIds], day);
    const persons = new Map<string, CommuniquePerson>(
      peopleRows.map((p) => [
        p.id,
        {
          id: p.id,
          givenNameAr: p.givenNameAr,
          familyNameAr: p.familyNameAr,
          givenNameLatin: p.givenNameLatin,
          familyNameLatin: p.familyNameLatin,
          honorific: p.title,
          gender: p.gender,
          mandates: mandateRows.filter((m) => m.personId === p.id && isPosition(m.position)).map((m) => ({ position: m.position as Position, body: toCommuniqueBody(m.body) })),
        },
      ]),
    );
    const personOf = (id: string | null) => (id ? (persons.get(id) ?? null) : null);

    const bodyIds = [meeting.bodyId, ...(meeting.convenedByBodyId ? [meeting.convenedByBodyId] : [])];
    const bodies = new Map((await repo.bodies(bodyIds)).map((b) => [b.id, b]));
    const organizer = bodies.get(meeting.bodyId);
    if (!organizer) throw new Error('the organizing body of a meeting is missing');
    const convenerBody = meeting.convenedByBodyId ? bodies.get(meeting.convenedByBodyId) : undefined;
    const convenerPerson = personOf(meeting.convenedByPersonId);

    return {
      organization: await this.organizationOf(repo, organizer),
      body: toCommuniqueBody(organizer),
      kind: meeting.kind,
      mode: meeting.mode,
      place: meeting.place,
      address: meeting.address,
      title: meeting.title,
      purpose: meeting.purpose,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timeZone: meeting.timeZone,
      convener: convenerPerson ? { person: convenerPerson } : convenerBody ? { body: toCommuniqueBody(convenerBody) } : null,
      chair: personOf(meeting.chairPersonId),
      attendance: attendance.flatMap((a) => {
        const person = personOf(a.personId);
        return person ? [{ person, presence: a.presence, isGuest: a.isGuest, title: a.title }] : [];
      }),
      agenda: agenda.map((item) => {
        const written = content.items?.find((i) => i.agendaItemId === item.id);
        return {
          title: item.title,
          speeches: (written?.speeches ?? []).map((s) => ({ person: personOf(s.personId ?? null), speaker: s.speaker ?? null, summary: s.summary })),
          notes: written?.notes ?? null,
        };
      }),
      decisions: decisions.map((d) => ({ text: d.text, by: personOf(d.byPersonId) })),
    };
  }

  /** The organization is named after its top body, found by going up from the organizing body. */
  private async organizationOf(repo: CommuniquesRepository, organizer: BodyRow): Promise<MeetingRecord['organization']> {
    let top = organizer;
    for (let depth = 0; top.parentId && depth < 10; depth++) {
      const [parent] = await repo.bodies([top.parentId]);
      if (!parent) break;
      top = parent;
    }
    return organizationFrom(toCommuniqueBody(top));
  }
}
