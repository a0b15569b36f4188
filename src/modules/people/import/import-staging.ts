import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../db/database';
import { ImportRepository, STAGED_COLUMNS } from './import.repository';
import type { StagedRow } from './row-validator';

/** Writes validated rows into `import_rows` as they come, with backpressure. */
export interface StagingWriter {
  /** Rows already rendered by the validation: COPY text on PostgreSQL, a JSON array on PGlite. */
  write(payload: string): Promise<void>;
  /** Commits what was written. */
  finish(): Promise<void>;
  /** Gives up: nothing written is kept. */
  abort(): Promise<void>;
}

/** A value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  // Most values need no escape: test once rather than replace four times.
  if (typeof value === 'string' && !/[\\\t\n\r]/.test(value)) return value;
  if (Array.isArray(value)) return copyText(`{${value.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`);
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One staged row in COPY's text format, in the order of STAGED_COLUMNS, without an intermediate object. */
export function copyLine(jobId: string, r: StagedRow): string {
  return `${jobId}\t${r.line}\t${r.personId}\t${copyText(r.givenNameAr)}\t${copyText(r.familyNameAr)}\t${copyText(r.givenNameLatin)}\t${copyText(r.familyNameLatin)}\t${copyText(r.gender)}\t${copyText(r.birthDate)}\t${copyText(r.birthYear)}\t${copyText(r.cin)}\t${copyText(r.phones)}\t${copyText(r.email)}\t${copyText(r.communeCode)}\t${copyText(r.status)}\t${copyText(r.joinedOn)}\t${copyText(r.sectors)}\t${copyText(r.competences)}\t${copyText(r.notes)}\t${copyText(r.searchTokens)}\t${copyText(r.nameKeys)}\n`;
}

/**
 * On PostgreSQL, one COPY … FROM STDIN for the whole file on a connection of its own: the fastest way
 * in, and a single statement, so a killed validation leaves no staged row behind.
 */
class CopyStagingWriter implements StagingWriter {
  private constructor(
    private readonly client: pg.PoolClient,
    private readonly stream: Writable,
  ) {}

  static async open(pool: pg.Pool): Promise<CopyStagingWriter> {
    const client = await pool.connect();
    try {
      const stream = client.query(copyFrom(`copy import_rows (${STAGED_COLUMNS.join(', ')}) from stdin`));
      return new CopyStagingWriter(client, stream);
    } catch (err) {
      client.release();
      throw err;
    }
  }

  async write(payload: string): Promise<void> {
    if (payload === '') return;
    if (!this.stream.write(payload)) await Promise.race([once(this.stream, 'drain'), once(this.stream, 'error').then(([e]) => Promise.reject(e as Error))]);
  }

  async finish(): Promise<void> {
    try {
      const done = once(this.stream, 'finish');
      this.stream.end();
      await done;
    } finally {
      this.client.release();
    }
  }

  async abort(): Promise<void> {
    // Destroying the stream aborts the COPY; the connection is not reused.
    this.stream.destroy(new Error('import aborted'));
    this.client.release(true);
  }
}

/** On PGlite, batches of rows through one JSON parameter each, in the order they come. */
class JsonStagingWriter implements StagingWriter {
  constructor(
    private readonly repo: ImportRepository,
    private readonly jobId: string,
  ) {}

  async write(payload: string): Promise<void> {
    if (payload !== '') await this.repo.insertStaged(payload);
  }

  async finish(): Promise<void> {}

  async abort(): Promise<void> {
    await this.repo.deleteStagedRows(this.jobId);
  }
}

export async function openStagingWriter(database: Database, jobId: string): Promise<StagingWriter> {
  if (database.engine === 'postgres') return CopyStagingWriter.open((database.db as unknown as { $client: pg.Pool }).$client);
  return new JsonStagingWriter(new ImportRepository(database.db), jobId);
}
