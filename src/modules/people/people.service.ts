import type { Db } from '../../db/database';
import { isUuid } from '../../lib/ids';
import { notFound, unprocessable, conflict } from '../../server/errors';
import { recordAudit, recordAudits, type Actor } from '../access/audit';
import type { Scope } from '../access/scope';
import type { TerritoryService } from '../territory/territory.service';
import { PeopleRepository, type PeopleFilter, type PersonRow } from './people.repository';
import type { CreatePersonInput, Person, PersonListQuery, UpdatePersonInput } from './people.schema';
import { personSearchTokens, searchPeople } from './person-search';
import { DEFAULT_YOUTH_MAX_AGE } from './registry';

type PersonWithCommune = NonNullable<Awaited<ReturnType<PeopleRepository['findById']>>>;

export function toPerson({ person, commune }: PersonWithCommune): Person {
  return {
    id: person.id,
    givenNameAr: person.givenNameAr,
    familyNameAr: person.familyNameAr,
    givenNameLatin: person.givenNameLatin,
    familyNameLatin: person.familyNameLatin,
    title: person.title,
    gender: person.gender,
    birthDate: person.birthDate,
    birthYear: person.birthYear,
    cin: person.cin,
    phones: person.phones,
    email: person.email,
    communeCode: person.communeCode,
    commune: commune ?? null,
    status: person.status,
    joinedOn: person.joinedOn,
    leftOn: person.leftOn,
    sectors: person.sectors,
    competences: person.competences,
    notes: person.notes,
    isErased: person.erasedAt !== null,
  };
}

/** What the audit keeps of a person: the row without the derived search tokens. */
export const auditPerson = (row: PersonRow) => ({ ...row, searchTokens: undefined, createdAt: undefined, updatedAt: undefined });

export class PeopleService {
  youthMaxAge = DEFAULT_YOUTH_MAX_AGE;

  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
  ) {}

  async get(id: string): Promise<Person> {
    const row = await new PeopleRepository(this.db).findById(id);
    if (!row) throw notFound('person_not_found');
    return toPerson(row);
  }

  /** The territories a person belongs to, for scope checks; null when there is no such person. */
  async territoriesOf(id: string): Promise<string[] | null> {
    if (!isUuid(id)) return null;
    return new PeopleRepository(this.db).territoriesOf(id);
  }

  /** Where a person belongs and whether they were erased, for the audit's masking. */
  async accessFacts(id: string): Promise<{ territories: string[]; isErased: boolean } | null> {
    if (!isUuid(id)) return null;
    const repo = new PeopleRepository(this.db);
    const [territories, row] = await Promise.all([repo.territoriesOf(id), repo.findById(id)]);
    if (!territories || !row) return null;
    return { territories, isErased: row.person.erasedAt !== null };
  }

  /** Born after this date: young (under the configured age) today. */
  youthBornAfter(today = new Date()): string {
    const d = new Date(Date.UTC(today.getUTCFullYear() - this.youthMaxAge - 1, today.getUTCMonth(), today.getUTCDate()));
    return d.toISOString().slice(0, 10);
  }

  private filterOf(query: PersonListQuery): PeopleFilter {
    if (query.territory) this.territories.require(query.territory);
    const { q: _q, limit: _l, offset: _o, ...rest } = query;
    return { ...rest, youthBornAfter: this.youthBornAfter() };
  }

  /**
   * A page of people in the scope. With `q`, a tolerant name search (person-search.ts): the query's
   * words are looked up in the dictionary of name tokens, then the people holding them are fetched
   * through the GIN index, best matches first, and ranked.
   */
  async list(query: PersonListQuery, scope: Scope) {
    const repo = new PeopleRepository(this.db);
    const filter = this.filterOf(query);
    const found = query.q ? await searchPeople(repo, query.q, filter, scope, { offset: query.offset, limit: query.limit }) : null;
    if (found) return { items: (await repo.findManyById(found.ids)).map(toPerson), total: found.total };
    const { rows, total } = await repo.list({ ...filter, limit: query.limit, offset: query.offset }, scope);
    return { items: rows.map(toPerson), total };
  }

  /** People who left more than `years` years ago and are still held: the list to review for erasure. */
  async retention(years: number, scope: Scope) {
    const today = new Date();
    const before = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
    const rows = await new PeopleRepository(this.db).leftBefore(before, scope);
    return { items: rows.map(toPerson), total: rows.length };
  }

  private assertCommune(code: string | null | undefined) {
    if (!code) return;
    const t = this.territories.get(code);
    if (!t) throw unprocessable('territory_not_found', { code });
    if (t.level !== 'commune') throw unprocessable('commune_required', { code });
  }

  async create(actor: Actor, input: CreatePersonInput): Promise<Person> {
    this.assertCommune(input.communeCode);
    const id = await this.db.transaction(async (tx) => {
      const repo = new PeopleRepository(tx);
      if (input.cin && (await repo.findByCin(input.cin))) throw conflict('cin_taken');
      const row = await repo.insert({
        ...input,
        title: input.title ?? null,
        birthYear: input.birthYear ?? (input.birthDate ? Number(input.birthDate.slice(0, 4)) : null),
        communeCode: input.communeCode ?? null,
        searchTokens: personSearchTokens(input),
      });
      await recordAudit(tx, actor, { action: 'create', resource: 'person', resourceId: row.id, territoryCode: row.communeCode, after: auditPerson(row) });
      return row.id;
    });
    return this.get(id);
  }

  /** Adds many already-validated people in one transaction (demo data, bulk tools); returns their ids in order. */
  async createMany(actor: Actor, inputs: CreatePersonInput[]): Promise<string[]> {
    for (const input of inputs) this.assertCommune(input.communeCode);
    return this.db.transaction(async (tx) => {
      const rows = await new PeopleRepository(tx).insertMany(
        inputs.map((input) => ({
          ...input,
          title: input.title ?? null,
          birthYear: input.birthYear ?? (input.birthDate ? Number(input.birthDate.slice(0, 4)) : null),
          communeCode: input.communeCode ?? null,
          searchTokens: personSearchTokens(input),
        })),
      );
      await recordAudits(
        tx,
        actor,
        rows.map((row) => ({ action: 'create', resource: 'person', resourceId: row.id, territoryCode: row.communeCode, after: auditPerson(row) })),
      );
      return rows.map((r) => r.id);
    });
  }

  async update(actor: Actor, id: string, input: UpdatePersonInput): Promise<Person> {
    this.assertCommune(input.communeCode);
    await this.db.transaction(async (tx) => {
      const repo = new PeopleRepository(tx);
      const current = await repo.findById(id);
      if (!current || current.person.erasedAt) throw notFound('person_not_found');
      if (input.cin && input.cin !== current.person.cin && (await repo.findByCin(input.cin))) throw conflict('cin_taken');
      const merged = { ...current.person, ...input };
      if (!((merged.givenNameAr && merged.familyNameAr) || (merged.givenNameLatin && merged.familyNameLatin))) throw unprocessable('name_required');
      const row = await repo.update(
        id,
        { ...input, ...(input.birthDate && input.birthYear === undefined ? { birthYear: Number(input.birthDate.slice(0, 4)) } : {}), searchTokens: personSearchTokens(merged) },
        current.person.searchTokens,
      );
      await recordAudit(tx, actor, { action: 'update', resource: 'person', resourceId: id, territoryCode: row.communeCode, before: auditPerson(current.person), after: auditPerson(row) });
    });
    return this.get(id);
  }
}

/** What the registry keeps beside a person: fees and consents, and the data-protection rights over them (law 09-08). */
export class PersonRecordsService {
  constructor(private readonly db: Db) {}

  /** An export of a person's data is itself recorded: who took it and when. */
  async recordAccess(actor: Actor, personId: string, territoryCode: string | null) {
    await recordAudit(this.db, actor, { action: 'export_data', resource: 'person', resourceId: personId, territoryCode });
  }

  async fees(personId: string) {
    return (await new PeopleRepository(this.db).fees(personId)).map((f) => ({ year: f.year, amount: Number(f.amount), paidOn: f.paidOn }));
  }

  async consents(personId: string) {
    return (await new PeopleRepository(this.db).consents(personId)).map((c) => ({ id: c.id, purpose: c.purpose, channel: c.channel, givenOn: c.givenOn, withdrawnOn: c.withdrawnOn }));
  }

  private async requireLiving(repo: PeopleRepository, id: string) {
    const current = await repo.findById(id);
    if (!current || current.person.erasedAt) throw notFound('person_not_found');
    return current;
  }

  async recordFee(actor: Actor, personId: string, fee: { year: number; amount: number; paidOn: string }) {
    await this.db.transaction(async (tx) => {
      const repo = new PeopleRepository(tx);
      const current = await this.requireLiving(repo, personId);
      await repo.upsertFee(personId, fee);
      await recordAudit(tx, actor, { action: 'record_fee', resource: 'person', resourceId: personId, territoryCode: current.person.communeCode, after: fee });
    });
    return this.fees(personId);
  }

  /** Fees and consents of many people at once, in one transaction (demo data, bulk tools). */
  async recordMany(actor: Actor, input: { fees: Array<{ personId: string; year: number; amount: number; paidOn: string }>; consents: Array<{ personId: string; purpose: string; channel: string; givenOn: string }> }) {
    await this.db.transaction(async (tx) => {
      const repo = new PeopleRepository(tx);
      await repo.insertFees(input.fees);
      await repo.insertConsents(input.consents);
      await recordAudits(tx, actor, [
        ...input.fees.map((f) => ({ action: 'record_fee', resource: 'person', resourceId: f.personId, after: f })),
        ...input.consents.map((c) => ({ action: 'give_consent', resource: 'person', resourceId: c.personId, after: c })),
      ]);
    });
  }

  async addConsent(actor: Actor, personId: string, consent: { purpose: string; channel: string; givenOn: string }) {
    await this.db.transaction(async (tx) => {
      const repo = new PeopleRepository(tx);
      const current = await this.requireLiving(repo, personId);
      const row = await repo.addConsent(personId, consent);
      await recordAudit(tx, actor, { action: 'give_consent', resource: 'person', resourceId: personId, territoryCode: current.person.communeCode, after: row });
    });
    return this.consents(personId);
  }

  /** Withdrawal takes the person out of invitation lists at once (those lists ask for a consent in force). */
  async withdrawConsent(actor: Actor, personId: string, input: { purpose?: string | undefined; withdrawnOn: string }) {
    await this.db.transaction(async (tx) => {
      const repo = new PeopleRepository(tx);
      const current = await this.requireLiving(repo, personId);
      const rows = await repo.withdrawConsents(personId, input.withdrawnOn, input.purpose);
      await recordAudit(tx, actor, { action: 'withdraw_consent', resource: 'person', resourceId: personId, territoryCode: current.person.communeCode, after: rows });
    });
    return this.consents(personId);
  }

  /**
   * Erasure: the person stays as an anonymous row (gender, commune, status, year of birth) so that
   * counts and mandates' history stay consistent; names, identity card, contacts and notes go, and the
   * audit trail's personal fields for this person are no longer shown (see AuditService masking).
   */
  async erase(actor: Actor, personId: string) {
    await this.db.transaction(async (tx) => {
      const repo = new PeopleRepository(tx);
      const current = await this.requireLiving(repo, personId);
      const row = await repo.update(
        personId,
        {
          givenNameAr: null,
          familyNameAr: null,
          givenNameLatin: null,
          familyNameLatin: null,
          title: null,
          birthDate: null,
          cin: null,
          phones: [],
          email: null,
          notes: null,
          competences: [],
          searchTokens: [],
          erasedAt: new Date(),
        },
        current.person.searchTokens,
      );
      await repo.withdrawConsents(personId, new Date().toISOString().slice(0, 10));
      await recordAudit(tx, actor, { action: 'erase', resource: 'person', resourceId: personId, territoryCode: row.communeCode, after: { erasedAt: row.erasedAt } });
    });
  }
}
