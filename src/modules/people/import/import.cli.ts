import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../../db/database';
import type { Locale } from '../../../server/locale';
import { systemActor } from '../../access/audit';
import { Scope } from '../../access/scope';
import type { TerritoryService } from '../../territory/territory.service';
import { fieldLabel } from './import-messages';
import type { ImportJobView } from './import.schema';
import { ImportService, type ImportViewer } from './import.service';
import { formatOf } from './row-reader';

export interface ImportCommandOptions {
  file?: string | undefined;
  mapping?: string | undefined;
  mode: 'all' | 'valid';
  isDryRun: boolean;
  isResume: boolean;
  duplicates: 'skip' | 'import';
  rejects?: string | undefined;
  lang: Locale;
}

const viewer: ImportViewer = { userId: null, isAdmin: true };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const number = (n: number) => n.toLocaleString('en-US');

/** A text progress bar on standard error: redrawn in place on a terminal, one line a second otherwise. */
class ProgressBar {
  private lastStage = '';
  private lastAt = 0;
  private readonly isTty = process.stderr.isTTY === true;

  show(job: ImportJobView, isLast = false) {
    const stage = job.stage ?? job.status;
    const width = 30;
    const filled = Math.round((job.progress.percent / 100) * width);
    const detail =
      job.stage === 'writing' ? `${number(job.rows.written)}/${number(job.rows.toWrite)} rows written` : `${number(job.rows.total)} rows read, ${number(job.rows.invalid)} invalid`;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${job.progress.percent.toFixed(1).padStart(5)}% ${stage.padEnd(10)} ${detail}`;
    if (this.isTty) {
      process.stderr.write(`\r${line}\u001b[K${isLast ? '\n' : ''}`);
      return;
    }
    const now = Date.now();
    if (isLast || stage !== this.lastStage || now - this.lastAt >= 1000) {
      process.stderr.write(`${line}\n`);
      this.lastAt = now;
      this.lastStage = stage;
    }
  }
}

async function follow(imports: ImportService, id: string, lang: Locale): Promise<ImportJobView> {
  const bar = new ProgressBar();
  for (;;) {
    const job = imports.view(await imports.job(id, viewer), lang);
    const isOver = job.status === 'done' || job.status === 'failed' || job.status === 'uploaded';
    bar.show(job, isOver);
    if (isOver) return job;
    await sleep(200);
  }
}

async function summarize(imports: ImportService, job: ImportJobView, opts: ImportCommandOptions, rejectsPath: string | null) {
  const { rows } = job;
  console.log(`${job.fileName}: ${number(rows.total)} rows, ${number(rows.valid)} valid, ${number(rows.invalid)} invalid, ${number(job.duplicateGroups)} duplicate groups.`);
  if (job.action === 'run' && job.status === 'done') console.log(`Created ${number(job.createdCount)} people (${number(rows.skipped)} duplicates skipped).`);
  if (job.status === 'failed' && job.error) console.log(`Nothing more was written: ${job.error.message}`);
  const problems = await imports.problems(job.id, viewer, opts.lang, 20, 0);
  for (const p of problems.items) console.log(`  line ${p.line}${p.column ? `, ${p.column}` : p.field ? `, ${fieldLabel(p.field, opts.lang)}` : ''}: ${p.reason}`);
  if (problems.total > problems.items.length) console.log(`  … ${number(problems.total - problems.items.length)} more problems`);
  if (rejectsPath && problems.total > 0) {
    const out = fs.createWriteStream(rejectsPath);
    for await (const chunk of imports.rejects(job.id, viewer, opts.lang)) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    console.log(`Rejected lines with their reasons: ${rejectsPath}`);
  }
}

/**
 * `tanzim import people FILE`: the same import as the web page's, run in this process against the data
 * directory (or DATABASE_URL), with a progress bar on standard error. `--resume` finishes the imports
 * a killed process left behind, from their last written batch. Returns the exit code.
 */
export async function runImportCommand(database: Database, territories: TerritoryService, opts: ImportCommandOptions): Promise<number> {
  const imports = new ImportService(database, territories);
  const writeScope = Scope.all(territories);
  try {
    if (opts.isResume) {
      const ids = await imports.resumeUnfinished();
      if (ids.length === 0) console.log('No unfinished import.');
      let code = 0;
      for (const id of ids) {
        const job = await follow(imports, id, opts.lang);
        await summarize(imports, job, opts, null);
        if (job.status !== 'done') code = 1;
      }
      await imports.whenIdle();
      return code;
    }
    if (!opts.file) throw new Error('Name the file to import (or pass --resume).');
    const filePath = path.resolve(opts.file);
    if (!fs.existsSync(filePath)) throw new Error(`${opts.file}: no such file.`);
    const format = formatOf(undefined, filePath);
    if (!format) throw new Error(`${opts.file}: a .csv or .xlsx file is expected.`);
    const { job } = await imports.createJob(viewer, { fileName: path.basename(filePath), filePath, format, size: fs.statSync(filePath).size, mappingName: opts.mapping });
    const mapped = job.columns.map((c) => `${c.header} → ${c.field ?? '—'}`).join(', ');
    console.error(`Columns${job.mappingName ? ` (mapping ${job.mappingName})` : ''}: ${mapped}`);
    if (opts.isDryRun) await imports.startDryRun(systemActor, viewer, writeScope, job.id, {});
    else await imports.startRun(systemActor, viewer, writeScope, job.id, { mode: opts.mode, defaultDecision: opts.duplicates });
    const done = await follow(imports, job.id, opts.lang);
    await imports.whenIdle();
    const rejectsPath = opts.rejects ?? filePath.replace(/\.[^.]+$/, '') + '.rejects.csv';
    await summarize(imports, done, opts, rejectsPath);
    return done.status === 'done' ? 0 : 1;
  } finally {
    await imports.stop();
  }
}
