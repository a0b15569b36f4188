import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../access/access.tables';

/** A file column and the person field it fills (null: ignored). */
export interface ImportColumn {
  header: string;
  field: string | null;
}

/**
 * An import of people from a CSV or XLSX file, and its progress: a job other processes can read, and
 * the checkpoint (`writtenThroughLine`) a killed import resumes from.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    fileName: text('file_name').notNull(),
    /** Where the uploaded file is kept (needed again for the rejects file). */
    filePath: text('file_path').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    columns: jsonb('columns').$type<ImportColumn[]>().notNull(),
    mappingName: text('mapping_name'),
    mode: text('mode', { enum: ['all', 'valid'] }),
    /** uploaded → queued → running → done | failed; `action` says whether the run was a dry run or the import. */
    status: text('status', { enum: ['uploaded', 'queued', 'running', 'done', 'failed'] }).notNull().default('uploaded'),
    action: text('action', { enum: ['dry_run', 'run'] }),
    stage: text('stage', { enum: ['validating', 'duplicates', 'writing'] }),
    /** The write scope of the user who started it, as territory roots (MA: everywhere), kept for a resumed run. */
    scopeRoots: text('scope_roots').array(),
    /** The mapping the staged rows were validated with; null until a validation completes. */
    validatedColumns: jsonb('validated_columns').$type<ImportColumn[]>(),
    duplicateDecisions: jsonb('duplicate_decisions').$type<Record<string, 'skip' | 'import'>>(),
    defaultDecision: text('default_decision', { enum: ['skip', 'import'] }).notNull().default('skip'),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsValid: integer('rows_valid').notNull().default(0),
    rowsInvalid: integer('rows_invalid').notNull().default(0),
    duplicateGroups: integer('duplicate_groups').notNull().default(0),
    rowsSkipped: integer('rows_skipped').notNull().default(0),
    rowsToWrite: integer('rows_to_write').notNull().default(0),
    rowsWritten: integer('rows_written').notNull().default(0),
    /** The last file line written to the registry: batches commit together with it. */
    writtenThroughLine: integer('written_through_line').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    errorCode: text('error_code'),
    /** Which process runs the job and until when its lease holds (several servers on one PostgreSQL). */
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_user_idx').on(t.userId, t.createdAt), index('import_jobs_status_idx').on(t.status)],
);

/** A named column mapping of the organization, offered again for the next file with the same headers. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Normalized header → person field. */
    fields: jsonb('fields').$type<Record<string, string | null>>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_name_unique').on(t.name)],
);

/**
 * The valid rows of a file, validated and normalized, waiting to be written: the registry is written
 * from here in batches by line, and duplicates are found here with SQL rather than in memory.
 */
export const importRows = pgTable(
  'import_rows',
  {
    // No foreign key: a million staged rows would each pay a lookup; a job's rows are deleted with it.
    jobId: uuid('job_id').notNull(),
    line: integer('line').notNull(),
    /** The id the person will have: chosen at validation, so a replayed batch could never create a second person. */
    personId: uuid('person_id').notNull(),
    givenNameAr: text('given_name_ar'),
    familyNameAr: text('family_name_ar'),
    givenNameLatin: text('given_name_latin'),
    familyNameLatin: text('family_name_latin'),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    birthYear: integer('birth_year'),
    cin: text('cin'),
    phones: text('phones').array().notNull(),
    email: text('email'),
    communeCode: text('commune_code'),
    status: text('status').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }),
    sectors: text('sectors').array().notNull(),
    competences: text('competences').array().notNull(),
    notes: text('notes'),
    searchTokens: text('search_tokens').array().notNull(),
    /** Phonetic keys of the full name, one per script, to find similar names born the same day. */
    nameKeys: text('name_keys').array().notNull().default(sql`'{}'::text[]`),
    isSkipped: boolean('is_skipped').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.line] })],
);

/** Every problem of every rejected line, as a code and its values, rendered in the reader's language. */
export const importRowErrors = pgTable(
  'import_row_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: uuid('job_id').notNull(),
    line: integer('line').notNull(),
    /** Index of the file column at fault, when one is. */
    columnIndex: smallint('column_index'),
    field: text('field'),
    code: text('code').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('import_row_errors_job_line_idx').on(t.jobId, t.line)],
);

/** Rows that look like the same person, in the file or in the registry, for a human to decide. */
export const importDuplicates = pgTable(
  'import_duplicates',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    groupNo: integer('group_no').notNull(),
    kind: text('kind', { enum: ['cin', 'phone', 'name_birth'] }).notNull(),
    lines: integer('lines').array().notNull(),
    personIds: uuid('person_ids').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.groupNo] })],
);
