import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Scope } from '../../access/scope';
import type { Territory } from '../../territory/territory.schema';
import { TerritoryService } from '../../territory/territory.service';
import { stagedRecord } from './import.repository';
import { copyLine } from './import-staging';
import type { ImportColumn } from './import.tables';
import type { FileRow } from './row-reader';
import { RowValidator, type RowError } from './row-validator';

/** What validating a batch of lines gives: the valid rows ready for the staging writer, and the problems of the others. */
export interface ValidatedBatch {
  /** COPY text (PostgreSQL) or a JSON array of records (PGlite). */
  payload: string;
  valid: number;
  invalid: number;
  errors: RowError[];
}

export interface ValidationSetup {
  jobId: string;
  columns: ImportColumn[];
  /** Territory roots of the importer's write scope (MA: everywhere). */
  scopeRoots: string[];
  territories: Territory[];
  output: 'copy' | 'json';
}

export interface Validation {
  validate(rows: FileRow[]): Promise<ValidatedBatch>;
  close(): Promise<void>;
}

/** Validates a batch where it runs: in a worker, or in the main thread for small files. */
export function makeBatchValidator(setup: Omit<ValidationSetup, 'territories'>, territories: TerritoryService): (rows: FileRow[]) => ValidatedBatch {
  const validator = new RowValidator(setup.columns, territories, Scope.of(setup.scopeRoots, territories));
  return (rows) => {
    const errors: RowError[] = [];
    const records: unknown[] = [];
    let payload = '';
    let valid = 0;
    for (const row of rows) {
      const result = validator.validate(row);
      if (!result.ok) {
        for (const e of result.errors) errors.push(e);
        continue;
      }
      valid++;
      if (setup.output === 'copy') payload += copyLine(setup.jobId, result.row);
      else records.push(stagedRecord(setup.jobId, result.row));
    }
    if (setup.output === 'json') payload = records.length ? JSON.stringify(records) : '';
    return { payload, valid, invalid: rows.length - valid, errors };
  };
}

class InlineValidation implements Validation {
  private readonly run: (rows: FileRow[]) => ValidatedBatch;
  constructor(setup: ValidationSetup, territories: TerritoryService) {
    this.run = makeBatchValidator(setup, territories);
  }
  async validate(rows: FileRow[]) {
    return this.run(rows);
  }
  async close() {}
}

// Workers load the TypeScript sources through tsx, as bin/tanzim.js does for the main thread.
const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
const workerEntry = new URL('./validation.worker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerEntry)}); });`;

/**
 * Validation spread over worker threads: checking a line with the schema (phone numbers, scripts,
 * dates) costs tens of microseconds, the bulk of a big import's CPU. Batches go round the workers and
 * their results come back in the order they were sent.
 */
class WorkerValidation implements Validation {
  private next = 0;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (b: ValidatedBatch) => void; reject: (e: Error) => void }>();

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (m: { seq: number; batch?: ValidatedBatch; error?: string }) => {
        const entry = this.waiting.get(m.seq);
        if (!entry) return;
        this.waiting.delete(m.seq);
        if (m.batch) entry.resolve(m.batch);
        else entry.reject(new Error(m.error ?? 'validation failed'));
      });
      w.on('error', (err) => this.failAll(err));
    }
  }

  static async open(setup: ValidationSetup, size: number): Promise<WorkerValidation> {
    // A larger young generation: validation makes many short-lived objects, and fewer scavenges pay off.
    const workers = Array.from({ length: size }, () => new Worker(bootstrap, { eval: true, workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
    try {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              w.once('message', (m: { ready?: boolean }) => (m.ready ? resolve() : reject(new Error('worker did not start'))));
              w.once('error', reject);
            }),
        ),
      );
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
    return new WorkerValidation(workers);
  }

  private failAll(err: Error) {
    for (const entry of this.waiting.values()) entry.reject(err);
    this.waiting.clear();
  }

  validate(rows: FileRow[]): Promise<ValidatedBatch> {
    const seq = this.seq++;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.postMessage({ seq, rows });
    });
  }

  async close() {
    this.failAll(new Error('validation closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Workers for a big file, the main thread for a small one (a worker takes about a second to start). */
export async function openValidation(setup: ValidationSetup, territories: TerritoryService, opts: { workers: number }): Promise<Validation> {
  if (opts.workers < 1) return new InlineValidation(setup, territories);
  try {
    return await WorkerValidation.open(setup, opts.workers);
  } catch {
    return new InlineValidation(setup, territories);
  }
}

