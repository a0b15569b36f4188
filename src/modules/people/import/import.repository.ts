import { and, desc, eq, inArray, lt, or, sql, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database';
import type { Actor } from '../../access/audit';
import { importDuplicates, importJobs, importMappings, importRowErrors } from './import.tables';
import type { RowError, StagedRow } from './row-validator';

export type ImportJobRow = typeof importJobs.$inferSelect;
type ImportJobPatch = Partial<typeof importJobs.$inferInsert>;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The columns of `import_rows` in the order the staging writers send them. */
export const STAGED_COLUMNS = [
  'job_id', 'line', 'person_id', 'given_name_ar', 'family_name_ar', 'given_name_latin', 'family_name_latin', 'gender', 'birth_date', 'birth_year',
  'cin', 'phones', 'email', 'commune_code', 'status', 'joined_on', 'sectors', 'competences', 'notes', 'search_tokens', 'name_keys',
] as const;

export function stagedRecord(jobId: string, r: StagedRow): Record<(typeof STAGED_COLUMNS)[number], unknown> {
  return {
    job_id: jobId,
    line: r.line,
    person_id: r.personId,
    given_name_ar: r.givenNameAr,
    family_name_ar: r.familyNameAr,
    given_name_latin: r.givenNameLatin,
    family_name_latin: r.familyNameLatin,
    gender: r.gender,
    birth_date: r.birthDate,
    birth_year: r.birthYear,
    cin: r.cin,
    phones: r.phones,
    email: r.email,
    commune_code: r.communeCode,
    status: r.status,
    joined_on: r.joinedOn,
    sectors: r.sectors,
    competences: r.competences,
    notes: r.notes,
    search_tokens: r.searchTokens,
    name_keys: r.nameKeys,
  };
}

// The range of staged rows one batch writes: lines after the checkpoint up to `to`, not skipped.
const batchRows = (jobId: string, from: number, to: number) => sql`job_id = ${jobId} and line > ${from} and line <= ${to} and not is_skipped`;

export class ImportRepository {
  constructor(private readonly db: DbOrTx) {}

  async insertJob(values: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
    const [row] = await this.db.insert(importJobs).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async findJob(id: string): Promise<ImportJobRow | undefined> {
    const [row] = await this.db.select().from(importJobs).where(eq(importJobs.id, id));
    return row;
  }

  async updateJob(id: string, patch: ImportJobPatch): Promise<void> {
    await this.db
      .update(importJobs)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(importJobs.id, id));
  }

  listJobs(userId: string | null, limit: number) {
    return this.db
      .select()
      .from(importJobs)
      .where(userId ? eq(importJobs.userId, userId) : undefined)
      .orderBy(desc(importJobs.createdAt))
      .limit(limit);
  }

  /**
   * Takes a job for this process unless another live process holds it: the lease is renewed while the
   * job runs, so a job whose process died is taken over once its lease has run out.
   */
  async claim(id: string, owner: string, leaseMs: number, ignoreLease: boolean): Promise<boolean> {
    const until = new Date(Date.now() + leaseMs);
    const free = ignoreLease ? undefined : or(isNull(importJobs.leaseUntil), lt(importJobs.leaseUntil, new Date()), eq(importJobs.leaseOwner, owner));
    const rows = await this.db
      .update(importJobs)
      .set({ leaseOwner: owner, leaseUntil: until, status: 'running', updatedAt: new Date() })
      .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['queued', 'running']), free))
      .returning({ id: importJobs.id });
    return rows.length === 1;
  }

  /** Jobs whose files and staged rows have served their time: finished before `finishedBefore`, or uploaded and never run before `uploadedBefore`. */
  expiredJobs(finishedBefore: Date, uploadedBefore: Date) {
    return this.db
      .select({ id: importJobs.id, filePath: importJobs.filePath })
      .from(importJobs)
      .where(or(and(inArray(importJobs.status, ['done', 'failed']), lt(importJobs.finishedAt, finishedBefore)), and(eq(importJobs.status, 'uploaded'), lt(importJobs.createdAt, uploadedBefore))));
  }

  async unfinishedJobIds(): Promise<string[]> {
    const rows = await this.db
      .select({ id: importJobs.id })
      .from(importJobs)
      .where(inArray(importJobs.status, ['queued', 'running']))
      .orderBy(importJobs.createdAt);
    return rows.map((r) => r.id);
  }

  mappings() {
    return this.db.select().from(importMappings).orderBy(desc(importMappings.updatedAt));
  }

  async saveMapping(name: string, fields: Record<string, string | null>, userId: string | null) {
    await this.db
      .insert(importMappings)
      .values({ name, fields, updatedBy: userId })
      .onConflictDoUpdate({ target: importMappings.name, set: { fields, updatedBy: userId, updatedAt: new Date() } });
  }

  async clearStaging(jobId: string): Promise<void> {
    await this.db.execute(sql`delete from import_rows where job_id = ${jobId}`);
    await this.db.delete(importRowErrors).where(eq(importRowErrors.jobId, jobId));
    await this.db.delete(importDuplicates).where(eq(importDuplicates.jobId, jobId));
  }

  async deleteStagedRows(jobId: string): Promise<void> {
    await this.db.execute(sql`delete from import_rows where job_id = ${jobId}`);
  }

  /** After the import: the staged rows go, but those of duplicate groups stay for the report. */
  async deleteWrittenRows(jobId: string): Promise<void> {
    await this.db.execute(sql`
      delete from import_rows where job_id = ${jobId}
      and line not in (select unnest(lines) from import_duplicates where job_id = ${jobId})`);
  }

  /** Staged rows as a JSON array of records, through one parameter (PGlite, which has no COPY from a client stream). */
  async insertStaged(json: string): Promise<void> {
    const columns = sql.raw(STAGED_COLUMNS.join(', '));
    await this.db.execute(sql`insert into import_rows (${columns}) select ${columns} from json_populate_recordset(null::import_rows, ${json}::json)`);
  }

  async insertErrors(jobId: string, errors: readonly RowError[]): Promise<void> {
    if (errors.length === 0) return;
    const json = JSON.stringify(errors.map((e) => ({ job_id: jobId, line: e.line, column_index: e.columnIndex, field: e.field, code: e.code, params: e.params })));
    await this.db.execute(sql`
      insert into import_row_errors (job_id, line, column_index, field, code, params)
      select job_id, line, column_index, field, code, params from json_populate_recordset(null::import_row_errors, ${json}::json)`);
  }

  async stagedCount(jobId: string): Promise<number> {
    const [row] = rowsOf<{ n: number }>(await this.db.execute(sql`select count(*)::int as n from import_rows where job_id = ${jobId}`));
    return row?.n ?? 0;
  }

  async invalidLineCount(jobId: string): Promise<number> {
    const [row] = rowsOf<{ n: number }>(await this.db.execute(sql`select count(distinct line)::int as n from import_row_errors where job_id = ${jobId} and code <> 'duplicate_skipped'`));
    return row?.n ?? 0;
  }

  /**
   * Groups of rows that look like one person, found with SQL over the staged rows rather than in
   * memory: the same identity card, the same phone, or names with the same phonetic key and the same
   * birth date, within the file and against the registry. Returns how many groups were found.
   */
  async findDuplicates(jobId: string): Promise<number> {
    await this.db.delete(importDuplicates).where(eq(importDuplicates.jobId, jobId));
    // Every key of every staged row, in one scan, into a temporary table; then the keys that repeat
    // (a hash aggregate) or that the registry holds, and only for those, their lines and people.
    await this.db.execute(sql`create temporary table import_keys (kind text not null, key text not null, birth_date date, line int not null) on commit drop`);
    await this.db.execute(sql`
      insert into import_keys (kind, key, birth_date, line)
      select k.kind, k.key, k.birth_date, r.line from import_rows r
      cross join lateral (
        select 'cin' as kind, r.cin as key, null::date as birth_date where r.cin is not null
        union all select 'phone', ph, null from unnest(r.phones) ph
        union all select 'name_birth', nk, r.birth_date from unnest(r.name_keys) nk where r.birth_date is not null) k
      where r.job_id = ${jobId}`);
    await this.db.execute(sql`analyze import_keys`);
    await this.db.execute(sql`
      create temporary table import_dup_keys on commit drop as
      select kind, key, birth_date from import_keys group by kind, key, birth_date having count(*) > 1
      union
      select 'cin', k.key, null from import_keys k join people p on p.cin = k.key where k.kind = 'cin'
      union
      select 'phone', k.key, null from import_keys k
        join (select unnest(phones) as ph from people where erased_at is null and cardinality(phones) > 0) p on p.ph = k.key where k.kind = 'phone'
      union
      select 'name_birth', k.key, k.birth_date from import_keys k
        join people p on p.birth_date = k.birth_date and p.search_tokens @> string_to_array(k.key, ' ')
        where k.kind = 'name_birth' and p.erased_at is null`);
    await this.db.execute(sql`
      with groups as (
        select d.kind, array_agg(k.line order by k.line) as lines,
          case d.kind
            when 'cin' then (select array_agg(p.id) from people p where p.cin = d.key)
            when 'phone' then (select array_agg(p.id) from people p where p.phones @> array[d.key] and p.erased_at is null)
            else (select array_agg(p.id) from people p where p.birth_date = d.birth_date and p.search_tokens @> string_to_array(d.key, ' ') and p.erased_at is null)
          end as person_ids
        from import_dup_keys d join import_keys k on k.kind = d.kind and k.key = d.key and k.birth_date is not distinct from d.birth_date
        group by d.kind, d.key, d.birth_date),
      kept as (
        -- One group per set of lines for similar names (a name in both scripts gives two keys).
        select distinct on (kind, lines, person_ids) kind, lines, coalesce(person_ids, '{}') as person_ids from groups)
      insert into import_duplicates (job_id, group_no, kind, lines, person_ids)
      select ${jobId}, row_number() over (order by lines[1], kind, lines), kind, lines, person_ids from kept`);
    const [row] = rowsOf<{ n: number }>(await this.db.execute(sql`select count(*)::int as n from import_duplicates where job_id = ${jobId}`));
    return row?.n ?? 0;
  }

  /**
   * Marks the rows the decisions leave out: every file row of a group that matches the registry, or
   * the rows after the first of a group found within the file. The same identity card is never
   * imported twice (the registry keeps one person per card), whatever the decision. Each skipped row
   * gets its reason for the rejects file.
   */
  async applyDecisions(jobId: string, decisions: Record<string, 'skip' | 'import'>, fallback: 'skip' | 'import'): Promise<{ skipped: number; toWrite: number }> {
    await this.db.execute(sql`update import_rows set is_skipped = false where job_id = ${jobId} and is_skipped`);
    await this.db.delete(importRowErrors).where(and(eq(importRowErrors.jobId, jobId), eq(importRowErrors.code, 'duplicate_skipped')));
    await this.db.execute(sql`
      with
      decided as (
        select group_no, kind, lines, cardinality(person_ids) > 0 as in_registry,
          case when kind = 'cin' then 'skip' else coalesce(${JSON.stringify(decisions)}::jsonb ->> group_no::text, ${fallback}) end as decision
        from import_duplicates where job_id = ${jobId}),
      skipped as (
        select unnest(case when in_registry then lines else lines[2:] end) as line, group_no, kind, lines, in_registry from decided where decision = 'skip'),
      marked as (
        update import_rows set is_skipped = true where job_id = ${jobId} and line in (select line from skipped) returning line)
      insert into import_row_errors (job_id, line, code, params)
      select ${jobId}, s.line, 'duplicate_skipped',
        jsonb_build_object('kind', s.kind, 'groupNo', s.group_no, 'lines', to_jsonb(array_remove(s.lines, s.line)), 'inRegistry', s.in_registry)
      from skipped s`);
    const [row] = rowsOf<{ skipped: number; to_write: number }>(
      await this.db.execute(sql`select count(*) filter (where is_skipped)::int as skipped, count(*) filter (where not is_skipped)::int as to_write from import_rows where job_id = ${jobId}`),
    );
    return { skipped: row?.skipped ?? 0, toWrite: row?.to_write ?? 0 };
  }

  /** The last line of the next batch of at most `size` rows to write after `afterLine`; null when none is left. */
  async nextBatchEnd(jobId: string, afterLine: number, size: number): Promise<number | null> {
    const [row] = rowsOf<{ last: number | null }>(
      await this.db.execute(sql`select max(line) as last from (select line from import_rows where job_id = ${jobId} and line > ${afterLine} and not is_skipped order by line limit ${size}) b`),
    );
    return row?.last ?? null;
  }

  /** Rows of a batch whose identity card was registered since the dry run (by someone else meanwhile). */
  async cinTakenSince(jobId: string, from: number, to: number): Promise<Array<{ line: number; cin: string }>> {
    return rowsOf<{ line: number; cin: string }>(
      await this.db.execute(
        sql`select r.line, r.cin from import_rows r join people p on p.cin = r.cin and p.id <> r.person_id where r.job_id = ${jobId} and r.line > ${from} and r.line <= ${to} and not r.is_skipped`,
      ),
    );
  }

  async skipLines(jobId: string, lines: readonly number[]): Promise<void> {
    if (lines.length === 0) return;
    await this.db.execute(sql`update import_rows set is_skipped = true where job_id = ${jobId} and line = any(${`{${lines.join(',')}}`}::int[])`);
  }

  /**
   * Writes one batch of staged rows into the registry, in the caller's transaction: the people, their
   * name tokens counted once per batch, and the audit. Returns how many people were created. Written
   * twice, a batch creates nobody the second time (the ids were chosen at validation).
   *
   * Audit: one row per batch and commune (`create_people` on the import, with the ids of the people
   * created) rather than one per person, so a million-row import writes about a hundred audit rows per
   * commune instead of a million, while an officer still reads, through the commune, who imported whom
   * into their territory. The import itself gets one more row with its counts when it ends.
   */
  async writeBatch(jobId: string, from: number, to: number, actor: Actor): Promise<number> {
    // One statement: the staged rows are read once, and the tokens and audit come from what was inserted.
    const [row] = rowsOf<{ n: number }>(
      await this.db.execute(sql`
        with
        ins as (
          insert into people (id, given_name_ar, family_name_ar, given_name_latin, family_name_latin, gender, birth_date, birth_year, cin, phones,
            email, commune_code, status, joined_on, sectors, competences, notes, search_tokens)
          select person_id, given_name_ar, family_name_ar, given_name_latin, family_name_latin, gender, birth_date, birth_year, cin, phones,
            email, commune_code, status, joined_on, sectors, competences, notes, search_tokens
          from import_rows where ${batchRows(jobId, from, to)}
          on conflict (id) do nothing
          returning id, search_tokens, commune_code),
        tokens as (
          insert into name_tokens (token, people)
          select t, count(*) from ins cross join unnest(ins.search_tokens) t group by t
          order by t -- the same lock order in every batch: two batches at once wait for each other, never deadlock
          on conflict (token) do update set people = name_tokens.people + excluded.people),
        audit as (
          insert into audit_log (user_id, ip, action, resource, resource_id, territory_code, after)
          select ${actor.userId}::uuid, ${actor.ip}::inet, 'create_people', 'import', ${jobId}, commune_code,
            jsonb_build_object('personIds', jsonb_agg(id order by id), 'lines', jsonb_build_array(${from + 1}::int, ${to}::int))
          from ins group by commune_code)
        select count(*)::int as n from ins`),
    );
    return row?.n ?? 0;
  }

  async errorsPage(jobId: string, limit: number, offset: number) {
    const [items, [count]] = await Promise.all([
      this.db.select().from(importRowErrors).where(eq(importRowErrors.jobId, jobId)).orderBy(importRowErrors.line, importRowErrors.id).limit(limit).offset(offset),
      this.db.select({ n: sql<number>`count(*)::int` }).from(importRowErrors).where(eq(importRowErrors.jobId, jobId)),
    ]);
    return { items, total: count?.n ?? 0 };
  }

  /** The problems of the rejected lines after `afterLine`, in line order, for the rejects file. */
  errorsAfter(jobId: string, afterLine: number, limit: number) {
    return this.db
      .select()
      .from(importRowErrors)
      .where(and(eq(importRowErrors.jobId, jobId), sql`${importRowErrors.line} > ${afterLine}`, sql`${importRowErrors.line} <= (select coalesce(max(line), ${afterLine}) from (select distinct line from import_row_errors where job_id = ${jobId} and line > ${afterLine} order by line limit ${limit}) l)`))
      .orderBy(importRowErrors.line, importRowErrors.id);
  }

  async duplicatesPage(jobId: string, limit: number, offset: number) {
    const [items, [count]] = await Promise.all([
      this.db.select().from(importDuplicates).where(eq(importDuplicates.jobId, jobId)).orderBy(importDuplicates.groupNo).limit(limit).offset(offset),
      this.db.select({ n: sql<number>`count(*)::int` }).from(importDuplicates).where(eq(importDuplicates.jobId, jobId)),
    ]);
    return { items, total: count?.n ?? 0 };
  }

  /** The names and communes of registry people a duplicate group points to. */
  async registryPeople(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return rowsOf<{ id: string; given_name_ar: string | null; family_name_ar: string | null; given_name_latin: string | null; family_name_latin: string | null; commune_code: string | null; birth_date: string | null }>(
      await this.db.execute(sql`select id, given_name_ar, family_name_ar, given_name_latin, family_name_latin, commune_code, birth_date::text from people where id = any(${`{${ids.join(',')}}`}::uuid[])`),
    );
  }

  /** Staged rows of some lines (the file's side of duplicate groups). */
  async stagedLines(jobId: string, lines: readonly number[]) {
    if (lines.length === 0) return [];
    return rowsOf<{ line: number; given_name_ar: string | null; family_name_ar: string | null; given_name_latin: string | null; family_name_latin: string | null; cin: string | null; phones: string[]; birth_date: string | null; commune_code: string | null }>(
      await this.db.execute(sql`select line, given_name_ar, family_name_ar, given_name_latin, family_name_latin, cin, phones, birth_date::text, commune_code from import_rows where job_id = ${jobId} and line = any(${`{${lines.join(',')}}`}::int[]) order by line`),
    );
  }
}
