/** What the server writes in place of a personal value the reader may not see. */
export const MASK = '•••';

export interface DiffLine {
  key: string;
  before: unknown;
  after: unknown;
  isChanged: boolean;
}

/** A value that is not an object (the setting's `true`, a missing side) is shown under this key. */
export const VALUE_KEY = 'value';

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return null;
}

function isSame(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The keys of an audit entry's before and after side by side, in the order they first appear, with the
 * changed ones marked. A creation has no before and a deletion no after; a scalar stands under `value`.
 */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (b === null || a === null) {
    const beforeValue = b === null ? before : undefined;
    const afterValue = a === null ? after : undefined;
    return [{ key: VALUE_KEY, before: beforeValue, after: afterValue, isChanged: !isSame(beforeValue, afterValue) }];
  }
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({ key, before: b[key], after: a[key], isChanged: !isSame(b[key], a[key]) }));
}

/** A value as one line of text: '—' when absent, JSON for lists and objects. */
export function auditValueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The first characters of an id, enough to tell users apart in a table. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '—';
}
