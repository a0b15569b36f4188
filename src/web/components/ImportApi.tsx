import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import i18n from '../i18n';

/** The import API's shapes (see GET /api/openapi.json, tag "imports"). */
export const IMPORT_FIELDS = [
  'givenNameAr',
  'familyNameAr',
  'givenNameLatin',
  'familyNameLatin',
  'gender',
  'birthDate',
  'cin',
  'phones',
  'email',
  'communeCode',
  'status',
  'joinedOn',
  'sectors',
  'competences',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportColumn {
  header: string;
  field: string | null;
}

export interface ImportJob {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  fileSize: number;
  headers: string[];
  columns: ImportColumn[];
  mappingName: string | null;
  mode: 'all' | 'valid' | null;
  status: 'uploaded' | 'queued' | 'running' | 'done' | 'failed';
  action: 'dry_run' | 'run' | null;
  stage: 'validating' | 'duplicates' | 'writing' | null;
  progress: { done: number; total: number; percent: number };
  rows: { total: number; valid: number; invalid: number; skipped: number; toWrite: number; written: number };
  duplicateGroups: number;
  createdCount: number;
  isValidated: boolean;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface UploadedJob extends ImportJob {
  sample: string[][];
}

export interface RowProblem {
  line: number;
  column: string | null;
  field: string | null;
  code: string;
  reason: string;
}

export interface DuplicateGroup {
  group: number;
  kind: 'cin' | 'phone' | 'name_birth';
  rows: Array<{ line: number; name: string; cin: string | null; phones: string[]; birthDate: string | null; communeCode: string | null }>;
  registry: Array<{ id: string | null; name: string | null; communeCode: string | null; birthDate: string | null }>;
  canImport: boolean;
}

export interface ImportMapping {
  name: string;
  fields: Record<string, string | null>;
  updatedAt: string;
}

export type DuplicateDecision = 'skip' | 'import';

async function call<T>(method: 'GET' | 'POST', path: string, body?: BodyInit, contentType = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'ar' };
  if (method !== 'GET') {
    headers['X-Tanzim-CSRF'] = '1';
    headers['Content-Type'] = contentType;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, 'network', i18n.t('error.network'));
  }
  const text = await response.text();
  const payload = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message || i18n.t('error.http', { status: response.status }));
  }
  return payload as T;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importApi = {
  /** The file goes as the raw body: the browser streams it, the server writes it to disk as it arrives. */
  upload: (file: File, mapping?: string | null) =>
    call<UploadedJob>(
      'POST',
      `/api/imports?fileName=${encodeURIComponent(file.name)}${mapping ? `&mapping=${encodeURIComponent(mapping)}` : ''}`,
      file,
      file.name.toLowerCase().endsWith('.xlsx') ? XLSX_TYPE : 'text/csv',
    ),
  job: (id: string) => call<ImportJob>('GET', `/api/imports/${encodeURIComponent(id)}`),
  dryRun: (id: string, input: { columns: ImportColumn[]; saveMappingAs?: string }) => call<ImportJob>('POST', `/api/imports/${encodeURIComponent(id)}/dry-run`, JSON.stringify(input)),
  run: (id: string, input: { mode: 'all' | 'valid'; columns: ImportColumn[]; duplicateDecisions: Record<string, DuplicateDecision>; defaultDecision: DuplicateDecision; saveMappingAs?: string }) =>
    call<ImportJob>('POST', `/api/imports/${encodeURIComponent(id)}/run`, JSON.stringify(input)),
  problems: (id: string, offset: number, limit: number) => call<{ items: RowProblem[]; total: number }>('GET', `/api/imports/${encodeURIComponent(id)}/problems?offset=${offset}&limit=${limit}`),
  duplicates: (id: string, offset: number, limit: number) => call<{ items: DuplicateGroup[]; total: number }>('GET', `/api/imports/${encodeURIComponent(id)}/duplicates?offset=${offset}&limit=${limit}`),
  mappings: () => call<{ items: ImportMapping[] }>('GET', '/api/import-mappings'),
  rejectsUrl: (id: string) => `/api/imports/${encodeURIComponent(id)}/rejects.csv`,
};

export const isOver = (job: ImportJob) => job.status === 'done' || job.status === 'failed' || job.status === 'uploaded';

/** Follows a job while it is queued or running (every 700 ms), and stops once it is over. */
export function useImportJob(initial: ImportJob | null): [ImportJob | null, (job: ImportJob) => void] {
  const [job, setJob] = useState(initial);
  const id = job?.id;
  const isRunning = job !== null && !isOver(job);
  useEffect(() => {
    if (!id || !isRunning) return;
    let isCurrent = true;
    const timer = setInterval(() => {
      importApi.job(id).then(
        (next) => {
          if (isCurrent) setJob(next);
        },
        () => undefined,
      );
    }, 700);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [id, isRunning]);
  return [job, setJob];
}
