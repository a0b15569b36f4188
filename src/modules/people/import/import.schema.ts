import { z } from 'zod';
import { IMPORT_FIELDS } from './import-fields';

export const importField = z.enum(IMPORT_FIELDS);

/** A file column and the person field it fills; null leaves the column out. */
export const importColumn = z.strictObject({ header: z.string().max(200), field: importField.nullable() }).meta({ id: 'ImportColumn' });

export const importMode = z.enum(['all', 'valid']).describe('all: one transaction, nothing written if a line is invalid; valid: the valid lines, in batches');
export const duplicateDecision = z.enum(['skip', 'import']);

export const uploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(255).optional().describe('the file name, when not given in the X-File-Name header'),
  mapping: z.string().trim().min(1).max(100).optional().describe('a saved mapping to start from'),
});

export const dryRunInput = z.strictObject({
  columns: z.array(importColumn).max(500).optional().describe("one entry per column of the file, in the file's order"),
  saveMappingAs: z.string().trim().min(1).max(100).optional().describe('save these columns as a named mapping for the next files'),
});

export const runInput = dryRunInput.extend({
  mode: importMode,
  duplicateDecisions: z.record(z.string().regex(/^\d+$/), duplicateDecision).optional().describe('per duplicate group number: skip its rows, or import them anyway'),
  defaultDecision: duplicateDecision.default('skip').describe('for the groups not decided'),
});

export const importJob = z
  .object({
    id: z.string().uuid(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    fileSize: z.number().int(),
    headers: z.array(z.string()),
    columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
    mappingName: z.string().nullable(),
    mode: importMode.nullable(),
    status: z.enum(['uploaded', 'queued', 'running', 'done', 'failed']),
    action: z.enum(['dry_run', 'run']).nullable(),
    stage: z.enum(['validating', 'duplicates', 'writing']).nullable(),
    progress: z.object({ done: z.number(), total: z.number(), percent: z.number() }).describe('of the current stage: bytes read while validating, rows written while writing'),
    rows: z.object({ total: z.number().int(), valid: z.number().int(), invalid: z.number().int(), skipped: z.number().int(), toWrite: z.number().int(), written: z.number().int() }),
    duplicateGroups: z.number().int(),
    createdCount: z.number().int(),
    isValidated: z.boolean().describe('a dry run (or a run) has checked every line with the current columns'),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJobView = z.infer<typeof importJob>;

export const uploadResult = importJob.extend({ sample: z.array(z.array(z.string())).describe('the first lines of the file, as text') });

export const rowProblem = z
  .object({ line: z.number().int(), column: z.string().nullable().describe("the file's header of the column at fault"), field: z.string().nullable(), code: z.string(), reason: z.string() })
  .meta({ id: 'ImportRowProblem' });

const duplicateRow = z.object({ line: z.number().int(), name: z.string(), cin: z.string().nullable(), phones: z.array(z.string()), birthDate: z.string().nullable(), communeCode: z.string().nullable() });
const registryPerson = z.object({ id: z.string().uuid().nullable().describe('null when the person is outside your territory'), name: z.string().nullable(), communeCode: z.string().nullable(), birthDate: z.string().nullable() });

export const duplicateGroup = z
  .object({
    group: z.number().int(),
    kind: z.enum(['cin', 'phone', 'name_birth']),
    rows: z.array(duplicateRow),
    registry: z.array(registryPerson),
    canImport: z.boolean().describe('false for the same identity card: the registry keeps one person per card'),
  })
  .meta({ id: 'ImportDuplicateGroup' });

export const pageQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).default(0) });

export const importMapping = z.object({ name: z.string(), fields: z.record(z.string(), z.string().nullable()), updatedAt: z.string() }).meta({ id: 'ImportMapping' });
export const saveMappingInput = z.strictObject({ name: z.string().trim().min(1).max(100), columns: z.array(importColumn).min(1).max(500) });
