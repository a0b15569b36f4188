import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/database';
import { AppError, notFound } from '../../../server/errors';
import type { Locale } from '../../../server/locale';
import { renderMessage, type MessageCode } from '../../../server/messages';
import { recordAudit, type Actor } from '../../access/audit';
import type { Scope } from '../../access/scope';
import type { TerritoryService } from '../../territory/territory.service';
import { guessColumns, mappingOf, normalizeHeader } from './import-fields';
import { renderReason } from './import-messages';
import { openStagingWriter } from './import-staging';
import { ImportRepository, type ImportJobRow } from './import.repository';
import type { ImportJobView } from './import.schema';
import type { ImportColumn } from './import.tables';
import { importJobs } from './import.tables';
import { cellText, FileFormatError, formatOf, openRows, type FileRow } from './row-reader';
import { openValidation, type ValidatedBatch } from './validation-pool';

/** Who looks at an import: its author, or an administrator, sees it; nobody else learns it exists. */
export interface ImportViewer {
  userId: string | null;
  isAdmin: boolean;
}

export interface ImportServiceOptions {
  /** Where uploaded files are kept until their import is finished. */
  filesDir?: string;
  /** Rows per written batch (and per checkpoint). */
  batchSize?: number;
  /** Worker threads validating big files (0: validate in the main thread). */
  workers?: number;
}

// How long a job stays with a process that stopped renewing it (tests shorten it to see a takeover).
const LEASE_MS = Number(process.env.TANZIM_IMPORT_LEASE_MS ?? 60_000);
const VALIDATE_BATCH = 2_000;
const MAX_IN_FLIGHT = 6;
/** Batches written at once on PostgreSQL. */
const WRITE_CONCURRENCY = Number(process.env.TANZIM_IMPORT_WRITERS ?? 2);
/** Files from this size are validated in worker threads; smaller ones are done before a worker would start. */
const WORKERS_FROM_BYTES = 16 * 1024 * 1024;
const REJECT_PAGE = 2_000;
/**
 * A pause after each written batch, in milliseconds (0 in use). The kill -9 test sets it so that its
 * kill lands between batches on any machine, however fast the writing is there.
 */
const BATCH_PAUSE_MS = Number(process.env.TANZIM_IMPORT_BATCH_PAUSE_MS ?? 0);
const pauseAfterBatch = () => (BATCH_PAUSE_MS > 0 ? new Promise<void>((r) => setTimeout(r, BATCH_PAUSE_MS)) : Promise.resolve());

export const DEFAULT_IMPORT_DIR = () => process.env.TANZIM_IMPORT_DIR ?? path.join(os.tmpdir(), 'tanzim-imports');

class TooLarge extends Error {}

/** Runs a transaction again when PostgreSQL chose it as the victim of a deadlock (two batches on the same counters). */
async function retryDeadlocks<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
      if (i >= attempts || (code !== '40P01' && code !== '40001')) throw err;
      await new Promise((r) => setTimeout(r, 20 * i));
    }
  }
}

const sameColumns = (a: readonly ImportColumn[] | null, b: readonly ImportColumn[]) =>
  !!a && a.length === b.length && a.every((c, i) => c.header === b[i]!.header && c.field === b[i]!.field);

/**
 * Imports of people from CSV and XLSX files, as jobs stored in the database:
 *
 * 1. upload — the file is streamed to disk, its headers read and a column mapping guessed;
 * 2. validation (the dry run) — the file is read row by row, each row checked with the API's schema
 *    and staged in `import_rows` (or its problems in `import_row_errors`), then duplicates are found
 *    with SQL over the staged rows and the registry;
 * 3. writing — the staged rows go into the registry in batches; each batch commits together with the
 *    job's checkpoint, so an import killed half-way resumes after its last batch and never writes a
 *    row twice. In all-or-nothing mode, every batch is in one transaction instead.
 *
 * Jobs run one at a time in the process that started them; a job left running by a dead process is
 * resumed at start-up (or by `tanzim import people --resume`) once its lease has run out.
 */
export class ImportService {
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly filesDir: string;
  readonly batchSize: number;
  readonly workers: number;
  private readonly queue: string[] = [];
  private worker: Promise<void> | null = null;
  private isStopped = false;
  /**
   * The job this process runs, as it stands: readers get it from here, without waiting for (or not
   * seeing) an all-or-nothing transaction in progress.
   */
  private readonly live = new Map<string, ImportJobRow>();
  private readonly actors = new Map<string, Actor>();

  constructor(
    private readonly database: Database,
    private readonly territories: TerritoryService,
    options: ImportServiceOptions = {},
  ) {
    this.filesDir = options.filesDir ?? DEFAULT_IMPORT_DIR();
    this.batchSize = options.batchSize ?? Number(process.env.TANZIM_IMPORT_BATCH ?? 10_000);
    this.workers = options.workers ?? Number(process.env.TANZIM_IMPORT_WORKERS ?? Math.min(4, os.availableParallelism()));
  }

  private get repo() {
    return new ImportRepository(this.database.db);
  }

  // ---- reading ----

  async job(id: string, viewer: ImportViewer): Promise<ImportJobRow> {
    const row = this.live.get(id) ?? (/^[0-9a-f-]{36}$/i.test(id) ? await this.repo.findJob(id) : undefined);
    if (!row || (!viewer.isAdmin && row.userId !== viewer.userId)) throw notFound('import_not_found');
    return { ...row };
  }

  view(row: ImportJobRow, locale: Locale): ImportJobView {
    const isWriting = row.stage === 'writing';
    const done = isWriting ? row.rowsWritten : row.status === 'done' ? row.fileSize : row.bytesRead;
    const total = isWriting ? row.rowsToWrite : row.fileSize;
    const errorParams: Record<string, number> = row.errorCode === 'import_invalid_rows' ? { count: row.rowsInvalid } : {};
    return {
      id: row.id,
      fileName: row.fileName,
      format: row.format,
      fileSize: row.fileSize,
      headers: row.headers,
      columns: row.columns,
      mappingName: row.mappingName,
      mode: row.mode,
      status: row.status,
      action: row.action,
      stage: row.stage,
      progress: { done, total, percent: total > 0 ? Math.min(100, Math.round((done / total) * 1000) / 10) : row.status === 'done' ? 100 : 0 },
      rows: { total: row.rowsTotal, valid: row.rowsValid, invalid: row.rowsInvalid, skipped: row.rowsSkipped, toWrite: row.rowsToWrite, written: row.rowsWritten },
      duplicateGroups: row.duplicateGroups,
      createdCount: row.createdCount,
      isValidated: sameColumns(row.validatedColumns, row.columns),
      error: row.errorCode ? { code: row.errorCode, message: renderMessage(row.errorCode as MessageCode, locale, errorParams) } : null,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  async list(viewer: ImportViewer, limit = 50) {
    const rows = await this.repo.listJobs(viewer.isAdmin ? null : viewer.userId, limit);
    return rows.map((r) => this.live.get(r.id) ?? r);
  }

  async problems(id: string, viewer: ImportViewer, locale: Locale, limit: number, offset: number) {
    const job = await this.job(id, viewer);
    const { items, total } = await this.repo.errorsPage(id, limit, offset);
    return {
      items: items.map((e) => ({
        line: e.line,
        column: e.columnIndex === null ? null : (job.headers[e.columnIndex] ?? null),
        field: e.field,
        code: e.code,
        reason: renderReason(e.code, e.params, locale),
      })),
      total,
    };
  }

  /** Duplicate groups with the file's rows and the registry's people; people outside the reader's territory stay unnamed. */
  async duplicates(id: string, viewer: ImportViewer, readScope: Scope, limit: number, offset: number) {
    await this.job(id, viewer);
    const { items, total } = await this.repo.duplicatesPage(id, limit, offset);
    const lines = [...new Set(items.flatMap((g) => g.lines))];
    const staged = new Map((await this.repo.stagedLines(id, lines)).map((r) => [r.line, r]));
    const registry = new Map((await this.repo.registryPeople([...new Set(items.flatMap((g) => g.personIds))])).map((p) => [p.id, p]));
    const nameOf = (p: { given_name_ar: string | null; family_name_ar: string | null; given_name_latin: string | null; family_name_latin: string | null }) =>
      [[p.given_name_latin, p.family_name_latin].filter(Boolean).join(' '), [p.given_name_ar, p.family_name_ar].filter(Boolean).join(' ')].filter(Boolean).join(' — ');
    return {
      items: items.map((g) => ({
        group: g.groupNo,
        kind: g.kind,
        canImport: g.kind !== 'cin',
        rows: g.lines.map((line) => {
          const r = staged.get(line);
          return { line, name: r ? nameOf(r) : '', cin: r?.cin ?? null, phones: r?.phones ?? [], birthDate: r?.birth_date ?? null, communeCode: r?.commune_code ?? null };
        }),
        registry: g.personIds.map((pid) => {
          const p = registry.get(pid);
          const isReadable = !!p && (readScope.isAll || readScope.covers(p.commune_code));
          return isReadable ? { id: pid, name: nameOf(p), communeCode: p.commune_code, birthDate: p.birth_date } : { id: null, name: null, communeCode: null, birthDate: null };
        }),
      })),
      total,
    };
  }

  async mappings() {
    return (await this.repo.mappings()).map((m) => ({ name: m.name, fields: m.fields, updatedAt: m.updatedAt.toISOString() }));
  }

  async saveMapping(userId: string | null, name: string, columns: readonly ImportColumn[]) {
    await this.repo.saveMapping(name, mappingOf(columns), userId);
  }

  // ---- upload ----

  /** Streams an uploaded file to disk (refusing it past `maxBytes`), reads its headers and guesses the mapping. */
  async upload(viewer: ImportViewer, input: { fileName: string; contentType: string | undefined; body: Readable; maxBytes: number; mappingName?: string | undefined }) {
    const format = formatOf(input.contentType, input.fileName);
    if (!format) {
      input.body.resume();
      throw new AppError(415, 'import_file_type');
    }
    fs.mkdirSync(this.filesDir, { recursive: true, mode: 0o700 });
    const id = randomUUID();
    const filePath = path.join(this.filesDir, `${id}.${format}`);
    let size = 0;
    const limiter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > input.maxBytes ? new TooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(input.body, limiter, fs.createWriteStream(filePath, { mode: 0o600 }));
    } catch (err) {
      fs.rmSync(filePath, { force: true });
      if (err instanceof TooLarge) throw new AppError(413, 'payload_too_large');
      throw err;
    }
    try {
      return await this.createJob(viewer, { id, fileName: input.fileName, filePath, format, size, mappingName: input.mappingName });
    } catch (err) {
      fs.rmSync(filePath, { force: true });
      throw err;
    }
  }

  /** A job for a file already on disk (the command line imports a file in place). */
  async createJob(viewer: ImportViewer, input: { id?: string; fileName: string; filePath: string; format: 'csv' | 'xlsx'; size: number; mappingName?: string | undefined }) {
    if (input.size === 0) throw new AppError(400, 'import_file_empty');
    const { headers, sample } = await this.readHead(input.filePath, input.format);
    const saved = await this.pickMapping(headers, input.mappingName);
    const columns = guessColumns(headers, sample, saved?.fields);
    const job = await this.repo.insertJob({
      ...(input.id ? { id: input.id } : {}),
      userId: viewer.userId,
      fileName: input.fileName,
      filePath: input.filePath,
      format: input.format,
      fileSize: input.size,
      headers,
      columns,
      mappingName: saved?.name ?? null,
    });
    return { job, sample: sample.slice(0, 5) };
  }

  private async readHead(filePath: string, format: 'csv' | 'xlsx') {
    let source;
    try {
      source = await openRows(filePath, format);
    } catch (err) {
      if (err instanceof FileFormatError) throw new AppError(400, err.code);
      throw new AppError(400, 'import_file_unreadable');
    }
    const sample: string[][] = [];
    try {
      for await (const batch of source.batches) {
        for (const row of batch) if (!row.unreadable && sample.length < 20) sample.push(source.headers.map((_, i) => cellText(row.cells[i])));
        if (sample.length >= 20) break;
      }
    } catch {
      throw new AppError(400, 'import_file_unreadable');
    } finally {
      source.close();
    }
    if (source.headers.every((h) => h === '')) throw new AppError(400, 'import_file_empty');
    return { headers: source.headers, sample };
  }

  /** The named mapping, or the saved mapping that knows most of these headers. */
  private async pickMapping(headers: readonly string[], name: string | undefined) {
    const all = await this.repo.mappings();
    if (name) {
      const named = all.find((m) => m.name === name);
      if (!named) throw new AppError(404, 'import_mapping_not_found', { name });
      return named;
    }
    const keys = headers.map(normalizeHeader);
    let best: (typeof all)[number] | undefined;
    let bestCount = 0;
    for (const m of all) {
      const count = keys.filter((k) => k in m.fields).length;
      if (count > bestCount && count * 2 >= keys.length) [best, bestCount] = [m, count];
    }
    return best;
  }

  // ---- starting ----

  private async prepare(actor: Actor, viewer: ImportViewer, writeScope: Scope, id: string, input: { columns?: ImportColumn[] | undefined; saveMappingAs?: string | undefined }) {
    const job = await this.job(id, viewer);
    if (job.status === 'queued' || job.status === 'running' || (job.status === 'done' && job.action === 'run')) throw new AppError(409, 'import_busy');
    const columns = input.columns ?? job.columns;
    if (columns.length !== job.headers.length) throw new AppError(400, 'import_columns_mismatch', { count: job.headers.length });
    const normalized = columns.map((c, i) => ({ header: job.headers[i]!, field: c.field }));
    if (input.saveMappingAs) await this.repo.saveMapping(input.saveMappingAs, mappingOf(normalized), actor.userId);
    this.actors.set(id, actor);
    return { job, columns: normalized, scopeRoots: writeScope.isAll ? ['MA'] : [...writeScope.roots] };
  }

  async startDryRun(actor: Actor, viewer: ImportViewer, writeScope: Scope, id: string, input: { columns?: ImportColumn[] | undefined; saveMappingAs?: string | undefined }) {
    const { columns, scopeRoots } = await this.prepare(actor, viewer, writeScope, id, input);
    await this.repo.updateJob(id, {
      columns,
      scopeRoots,
      status: 'queued',
      action: 'dry_run',
      stage: null,
      errorCode: null,
      validatedColumns: null,
      mappingName: input.saveMappingAs ?? null,
      finishedAt: null,
    });
    this.enqueue(id);
    return this.job(id, viewer);
  }

  async startRun(
    actor: Actor,
    viewer: ImportViewer,
    writeScope: Scope,
    id: string,
    input: { mode: 'all' | 'valid'; columns?: ImportColumn[] | undefined; saveMappingAs?: string | undefined; duplicateDecisions?: Record<string, 'skip' | 'import'> | undefined; defaultDecision?: 'skip' | 'import' | undefined },
  ) {
    const { job, columns, scopeRoots } = await this.prepare(actor, viewer, writeScope, id, input);
    // A validation made with another mapping or by someone with another territory is not reused.
    const isSameScope = JSON.stringify(job.scopeRoots ?? []) === JSON.stringify(scopeRoots);
    await this.repo.updateJob(id, {
      columns,
      scopeRoots,
      mode: input.mode,
      duplicateDecisions: input.duplicateDecisions ?? {},
      defaultDecision: input.defaultDecision ?? 'skip',
      status: 'queued',
      action: 'run',
      stage: null,
      errorCode: null,
      finishedAt: null,
      ...(input.saveMappingAs ? { mappingName: input.saveMappingAs } : {}),
      ...(isSameScope ? {} : { validatedColumns: null }),
    });
    this.enqueue(id);
    return this.job(id, viewer);
  }

  // ---- running ----

  private enqueue(id: string) {
    if (!this.queue.includes(id)) this.queue.push(id);
    if (!this.worker) {
      this.worker = this.drain().finally(() => {
        this.worker = null;
      });
    }
  }

  private async drain() {
    for (let id = this.queue.shift(); id !== undefined && !this.isStopped; id = this.queue.shift()) {
      try {
        await this.process(id);
      } catch {
        // process() records its own failures on the job; a database gone away is retried at next start.
      }
    }
  }

  /** Resolves when no job is left in this process's queue. */
  async whenIdle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  /** Picks up the jobs a stopped or killed process left queued or running. */
  async resumeUnfinished(): Promise<string[]> {
    const ids = await this.repo.unfinishedJobIds();
    for (const id of ids) this.enqueue(id);
    return ids;
  }

  /**
   * Removes what old imports keep: the uploaded files (only those in this service's own folder, never a
   * file the command line imported in place) and the staged rows, problems and duplicates. The jobs
   * themselves stay, with their counts, as the history of imports.
   */
  async purgeExpired(keepDays = Number(process.env.TANZIM_IMPORT_KEEP_DAYS ?? 7)): Promise<number> {
    const day = 86_400_000;
    const expired = await this.repo.expiredJobs(new Date(Date.now() - keepDays * day), new Date(Date.now() - day));
    for (const job of expired) {
      if (path.dirname(path.resolve(job.filePath)) === path.resolve(this.filesDir)) fs.rmSync(job.filePath, { force: true });
      await this.repo.clearStaging(job.id);
      // Nothing validated is left: a later run would have to read the file again.
      await this.repo.updateJob(job.id, { validatedColumns: null });
    }
    return expired.length;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    this.queue.length = 0;
    await this.worker;
  }

  private setLive(id: string, patch: Partial<ImportJobRow>) {
    const row = this.live.get(id);
    if (row) this.live.set(id, { ...row, ...patch, updatedAt: new Date() });
  }

  /** Saves progress on the job (and renews its lease), and shows it to readers at once. */
  private async progress(id: string, patch: Partial<ImportJobRow>) {
    this.setLive(id, patch);
    const { id: _id, createdAt: _c, ...rest } = patch;
    // Renewed while the job runs; given back (null) when it ends.
    const leaseUntil = patch.leaseOwner === null ? null : new Date(Date.now() + LEASE_MS);
    await this.repo.updateJob(id, { ...rest, leaseUntil });
  }

  private async process(id: string) {
    const repo = this.repo;
    // PGlite belongs to one process (the data-directory lock): a lease left by a dead process is void.
    if (!(await repo.claim(id, this.owner, LEASE_MS, this.database.engine === 'pglite'))) return;
    let job = (await repo.findJob(id))!;
    this.live.set(id, job);
    try {
      if (job.stage !== 'writing' && !sameColumns(job.validatedColumns, job.columns)) {
        await this.validate(job);
        job = (await repo.findJob(id))!;
        this.live.set(id, job);
      }
      if (job.action === 'dry_run') {
        await this.progress(id, { status: 'done', stage: null, finishedAt: new Date(), leaseOwner: null });
        return;
      }
      if (job.stage !== 'writing') {
        const { skipped, toWrite } = await repo.applyDecisions(id, job.duplicateDecisions ?? {}, job.defaultDecision);
        if (job.mode === 'all' && job.rowsInvalid > 0) {
          await this.progress(id, { status: 'failed', stage: null, rowsSkipped: skipped, rowsToWrite: toWrite, errorCode: 'import_invalid_rows', finishedAt: new Date(), leaseOwner: null });
          return;
        }
        await this.progress(id, { stage: 'writing', rowsSkipped: skipped, rowsToWrite: toWrite, rowsWritten: 0, writtenThroughLine: 0, createdCount: 0 });
        job = (await repo.findJob(id))!;
        this.live.set(id, job);
      }
      await this.write(job);
      // The staged copies are no longer needed; the problems stay for the report and the rejects file.
      await repo.deleteWrittenRows(id);
    } catch (err) {
      const code = err instanceof AppError ? err.code : err instanceof FileFormatError ? err.code : (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'import_file_missing' : 'internal';
      if (code === 'internal') console.error(`import ${id} failed:`, err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 6).join('\n') : err);
      await this.progress(id, { status: 'failed', errorCode: code, finishedAt: new Date(), leaseOwner: null }).catch(() => undefined);
    } finally {
      this.live.delete(id);
      this.actors.delete(id);
    }
  }

  /** Reads the whole file, stages the valid rows and records the problems of the others, then finds duplicates. */
  private async validate(job: ImportJobRow) {
    const repo = this.repo;
    const id = job.id;
    await repo.clearStaging(id);
    await this.progress(id, { stage: 'validating', bytesRead: 0, rowsTotal: 0, rowsValid: 0, rowsInvalid: 0, duplicateGroups: 0, rowsSkipped: 0, rowsToWrite: 0, validatedColumns: null });
    const setup = {
      jobId: id,
      columns: job.columns,
      scopeRoots: job.scopeRoots ?? ['MA'],
      territories: this.territories.list({ limit: 100_000, offset: 0 }).items,
      output: this.database.engine === 'postgres' ? ('copy' as const) : ('json' as const),
    };
    const validation = await openValidation(setup, this.territories, { workers: job.fileSize >= WORKERS_FROM_BYTES ? this.workers : 0 });
    const source = await openRows(job.filePath, job.format);
    const writer = await openStagingWriter(this.database, id);
    const counts = { valid: 0, invalid: 0 };
    // Batches are validated ahead (in workers) while earlier ones are written, in the order of the file.
    const inFlight: Array<Promise<ValidatedBatch>> = [];
    let lastProgress = 0;
    const writeNext = async () => {
      const batch = await inFlight.shift()!;
      await writer.write(batch.payload);
      await repo.insertErrors(id, batch.errors);
      counts.valid += batch.valid;
      counts.invalid += batch.invalid;
      if (Date.now() - lastProgress > 500) {
        lastProgress = Date.now();
        await this.progress(id, { bytesRead: source.bytesRead(), rowsTotal: counts.valid + counts.invalid, rowsValid: counts.valid, rowsInvalid: counts.invalid });
      }
      // Let requests in between batches: when validation runs in the server's own thread, it is CPU work.
      await yieldToIo();
    };
    try {
      let rows: FileRow[] = [];
      for await (const chunk of source.batches) {
        for (const row of chunk) {
          rows.push(row);
          if (rows.length < VALIDATE_BATCH) continue;
          inFlight.push(validation.validate(rows));
          rows = [];
          if (inFlight.length >= MAX_IN_FLIGHT) await writeNext();
        }
      }
      if (rows.length) inFlight.push(validation.validate(rows));
      while (inFlight.length) await writeNext();
      await writer.finish();
    } catch (err) {
      await Promise.allSettled(inFlight);
      await writer.abort().catch(() => undefined);
      throw err;
    } finally {
      source.close();
      await validation.close();
    }
    if (this.database.engine === 'postgres') await this.database.db.execute(sql`analyze import_rows`);
    await this.progress(id, { stage: 'duplicates', bytesRead: job.fileSize, rowsTotal: counts.valid + counts.invalid, rowsValid: counts.valid, rowsInvalid: counts.invalid });
    const groups = await this.database.db.transaction(async (tx) => {
      // Enough memory for hash aggregates over a million keys instead of sorts on disk.
      if (this.database.engine === 'postgres') await tx.execute(sql`set local work_mem = '128MB'`);
      return new ImportRepository(tx).findDuplicates(id);
    });
    await this.progress(id, { stage: null, duplicateGroups: groups, validatedColumns: job.columns });
  }

  /** Writes the staged rows into the registry from the checkpoint on. */
  private async write(job: ImportJobRow) {
    const id = job.id;
    const actor = this.actors.get(id) ?? { userId: job.userId, ip: null };
    const cinColumn = job.columns.findIndex((c) => c.field === 'cin');
    const isPostgres = this.database.engine === 'postgres';
    let checkpoint = job.writtenThroughLine;
    let written = job.rowsWritten;
    const summary = (tx: Parameters<typeof recordAudit>[0], created: number) =>
      recordAudit(tx, actor, {
        action: 'import',
        resource: 'import',
        resourceId: id,
        territoryCode: job.scopeRoots?.length === 1 && job.scopeRoots[0] !== 'MA' ? job.scopeRoots[0] : null,
        after: { fileName: job.fileName, mode: job.mode, rows: job.rowsTotal, invalid: job.rowsInvalid, skipped: job.rowsSkipped, created },
      });

    // One batch: rows whose identity card got registered meanwhile are set aside, the rest written.
    const batch = async (repo: ImportRepository, from: number, to: number, isAllOrNothing: boolean) => {
      const taken = await repo.cinTakenSince(id, from, to);
      if (taken.length > 0) {
        if (isAllOrNothing) throw new AppError(409, 'cin_taken');
        await repo.skipLines(id, taken.map((t) => t.line));
        await repo.insertErrors(id, taken.map((t) => ({ line: t.line, columnIndex: cinColumn >= 0 ? cinColumn : null, field: 'cin', code: 'cin_taken' as const, params: { value: t.cin } })));
      }
      return repo.writeBatch(id, from, to, actor);
    };

    if (job.mode === 'all') {
      // All or nothing: one transaction; progress is shown from memory, the job row being part of it.
      await this.database.db.transaction(async (tx) => {
        const repo = new ImportRepository(tx);
        for (let to = await repo.nextBatchEnd(id, checkpoint, this.batchSize); to !== null; to = await repo.nextBatchEnd(id, checkpoint, this.batchSize)) {
          written += await batch(repo, checkpoint, to, true);
          checkpoint = to;
          this.setLive(id, { rowsWritten: written, createdCount: written, writtenThroughLine: to });
          await pauseAfterBatch();
          await yieldToIo();
        }
        await summary(tx, written);
        await repo.updateJob(id, { rowsWritten: written, createdCount: written, writtenThroughLine: checkpoint, status: 'done', stage: null, finishedAt: new Date(), leaseOwner: null, leaseUntil: null });
      });
      return;
    }

    // Valid lines: each batch in a transaction of its own, with the checkpoint. On PostgreSQL two
    // batches are written at once (each database connection has a core of its own); the checkpoint a
    // batch saves is then the end of the batches known committed before it, never beyond, so a resumed
    // import may write a batch again — which is harmless, a batch being idempotent (ids fixed at
    // validation: a person already there is passed over, with their tokens and audit).
    const concurrency = isPostgres ? WRITE_CONCURRENCY : 1;
    let committed = checkpoint;
    let cursor = checkpoint;
    const finished = new Map<number, number>();
    const writeRange = async (from: number, to: number) => {
      const created = await retryDeadlocks(() =>
        this.database.db.transaction(async (tx) => {
          // A batch lost to a crash of the database server is not lost to the import: its checkpoint goes with it.
          if (isPostgres) await tx.execute(sql`set local synchronous_commit = off; set local work_mem = '64MB'`);
          const n = await batch(new ImportRepository(tx), from, to, false);
          const through = from <= committed ? to : committed;
          await tx
            .update(importJobs)
            .set({
              writtenThroughLine: sql`greatest(${importJobs.writtenThroughLine}, ${through})`,
              rowsWritten: sql`${importJobs.rowsWritten} + ${n}`,
              createdCount: sql`${importJobs.createdCount} + ${n}`,
              leaseUntil: new Date(Date.now() + LEASE_MS),
              updatedAt: new Date(),
            })
            .where(sql`${importJobs.id} = ${id}`);
          return n;
        }),
      );
      written += created;
      finished.set(from, to);
      while (finished.has(committed)) {
        const next = finished.get(committed)!;
        finished.delete(committed);
        committed = next;
      }
      this.setLive(id, { rowsWritten: written, createdCount: written, writtenThroughLine: committed });
      await pauseAfterBatch();
    };
    const running = new Set<Promise<void>>();
    try {
      for (;;) {
        const to = await this.repo.nextBatchEnd(id, cursor, this.batchSize);
        if (to === null) break;
        const task: Promise<void> = writeRange(cursor, to).finally(() => running.delete(task));
        running.add(task);
        cursor = to;
        if (running.size >= concurrency) await Promise.race(running);
        await yieldToIo();
      }
      await Promise.all(running);
    } catch (err) {
      await Promise.allSettled(running);
      throw err;
    }
    checkpoint = committed;
    await this.database.db.transaction(async (tx) => {
      await summary(tx, written);
      await new ImportRepository(tx).updateJob(id, { status: 'done', stage: null, writtenThroughLine: checkpoint, finishedAt: new Date(), leaseOwner: null, leaseUntil: null });
    });
  }

  // ---- rejects ----

  /**
   * The rejected lines as CSV: the file's own columns, then `reason`, in the reader's language. The
   * file is read again alongside the problems in line order, so neither is held in memory.
   */
  async *rejects(id: string, viewer: ImportViewer, locale: Locale): AsyncGenerator<string> {
    const job = await this.job(id, viewer);
    if (!fs.existsSync(job.filePath)) throw new AppError(404, 'import_file_missing');
    const repo = this.repo;
    yield `\ufeff${stringify([[...job.headers, 'reason']])}`;
    let problems = await repo.errorsAfter(id, 0, REJECT_PAGE);
    if (problems.length === 0) return;
    let at = 0;
    const source = await openRows(job.filePath, job.format);
    try {
      for await (const batch of source.batches) {
        for (const row of batch) {
          while (at < problems.length && problems[at]!.line < row.line) at++;
          if (at >= problems.length) {
            problems = await repo.errorsAfter(id, row.line - 1, REJECT_PAGE);
            at = 0;
            if (problems.length === 0) return;
          }
          if (problems[at]!.line !== row.line) continue;
          const reasons: string[] = [];
          for (; at < problems.length && problems[at]!.line === row.line; at++) {
            const p = problems[at]!;
            const column = p.columnIndex === null ? null : job.headers[p.columnIndex];
            const reason = renderReason(p.code, p.params, locale);
            reasons.push(column ? `${column}: ${reason}` : reason);
          }
          yield stringify([[...job.headers.map((_, i) => cellText(row.cells[i])), reasons.join(' ; ')]]);
        }
      }
    } finally {
      source.close();
    }
  }
}
