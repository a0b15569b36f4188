import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/** A cell as a file gives it: text in CSV; text, number, date or boolean in XLSX. */
export type Cell = string | number | boolean | Date | null;

/** One record of the file with its line number (1 is the header line); `unreadable` when it could not be parsed. */
export interface FileRow {
  line: number;
  cells: Cell[];
  unreadable?: string;
}

export interface RowSource {
  headers: string[];
  /** The records after the header, a chunk of the file at a time (one await per chunk, not per row). */
  batches: AsyncIterable<FileRow[]>;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
  close(): void;
}

export type FileFormat = 'csv' | 'xlsx';

export class FileFormatError extends Error {
  constructor(readonly code: 'import_file_empty' | 'import_file_unreadable') {
    super(code);
  }
}

/** The text of a cell as a person would read it in the file (dates as YYYY-MM-DD). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

function countingStream(filePath: string): { stream: Readable; bytesRead: () => number } {
  let bytes = 0;
  const stream = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  stream.on('data', (chunk) => (bytes += chunk.length));
  // Errors reach whoever reads the stream; one nobody reads (given up early) must not crash the process.
  stream.on('error', () => undefined);
  return { stream, bytesRead: () => bytes };
}

/** The delimiter of a CSV file: whichever of ; , tab | appears most on its first line outside quotes. */
function detectDelimiter(filePath: string): string {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
    let isQuoted = false;
    for (const ch of text) {
      if (ch === '"') isQuoted = !isQuoted;
      else if (!isQuoted && (ch === '\n' || ch === '\r')) break;
      else if (!isQuoted && ch in counts) counts[ch]!++;
    }
    const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
    return count > 0 ? best : ',';
  } finally {
    fs.closeSync(fd);
  }
}

/** A quoted field longer than this is taken for a quote left open: its line is reported unreadable. */
const MAX_QUOTED_CHARS = 64 * 1024;

/**
 * Splits CSV text into records, keeping line numbers. Most lines have no quote and are split at once;
 * quoted fields (delimiters, quotes doubled, line breaks inside) go through a small state machine. A
 * quote left open does not swallow the rest of the file: past MAX_QUOTED_CHARS, its line is handed
 * on as unreadable and reading starts again on the next line. A quote inside an unquoted field is
 * kept as text, as spreadsheet programs do.
 */
export class CsvScanner {
  private text = '';
  private line = 1;

  constructor(private readonly delimiter: string) {}

  /** Records complete in the text so far; `isEnd` when no more text will come. */
  push(chunk: string, isEnd = false): FileRow[] {
    const out: FileRow[] = [];
    this.text += chunk;
    let at = 0;
    const s = this.text;
    const d = this.delimiter;
    for (;;) {
      if (at >= s.length) break;
      const nl = s.indexOf('\n', at);
      if (nl === -1 && !isEnd) break;
      const end = nl === -1 ? s.length : nl;
      const quote = s.indexOf('"', at);
      if (quote === -1 || quote > end) {
        const raw = s.charCodeAt(end - 1) === 13 ? s.slice(at, end - 1) : s.slice(at, end);
        if (raw !== '') out.push({ line: this.line, cells: raw.split(d) });
        this.line++;
        at = end + 1;
        continue;
      }
      const parsed = this.quoted(s, at, isEnd);
      if (parsed === null) break;
      if (parsed.isBroken) {
        out.push({ line: this.line, cells: [s.slice(at, end).replace(/\r$/, '')], unreadable: 'QUOTE_NOT_CLOSED' });
        this.line++;
        at = end + 1;
        continue;
      }
      out.push({ line: this.line, cells: parsed.cells });
      this.line += parsed.lines;
      at = parsed.next;
    }
    this.text = s.slice(at);
    return out;
  }

  /** One record with quotes from `at`: its cells, where the next one starts and how many lines it took; null for more text. */
  private quoted(s: string, at: number, isEnd: boolean): { cells: string[]; next: number; lines: number; isBroken?: boolean } | null {
    const d = this.delimiter;
    const cells: string[] = [];
    let field = '';
    let i = at;
    let lines = 1;
    let isQuoted = false;
    let isFieldStart = true;
    let quotedFrom = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (isQuoted) {
        if (c === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          if (i + 1 >= s.length && !isEnd) return null;
          isQuoted = false;
          i++;
          continue;
        }
        if (c === '\n') lines++;
        if (i - quotedFrom > MAX_QUOTED_CHARS) return { cells: [], next: 0, lines: 0, isBroken: true };
        field += c;
        i++;
        continue;
      }
      if (c === '"' && isFieldStart) {
        isQuoted = true;
        isFieldStart = false;
        quotedFrom = i;
        i++;
        continue;
      }
      if (c === d) {
        cells.push(field);
        field = '';
        isFieldStart = true;
        i++;
        continue;
      }
      if (c === '\n' || (c === '\r' && s[i + 1] === '\n')) {
        cells.push(field);
        return { cells, next: i + (c === '\r' ? 2 : 1), lines };
      }
      if (c === '\r' && i + 1 >= s.length && !isEnd) return null;
      field += c;
      isFieldStart = false;
      i++;
    }
    if (!isEnd) return null;
    if (isQuoted) return { cells: [], next: 0, lines: 0, isBroken: true };
    cells.push(field);
    return { cells, next: s.length, lines };
  }
}

const isBlank = (row: FileRow) => !row.unreadable && row.cells.every((c) => c === null || String(c).trim() === '');

async function openCsv(filePath: string): Promise<RowSource> {
  const scanner = new CsvScanner(detectDelimiter(filePath));
  const { stream, bytesRead } = countingStream(filePath);
  const decoder = new StringDecoder('utf8');
  async function* chunks(): AsyncGenerator<FileRow[]> {
    let isFirst = true;
    for await (const chunk of stream) {
      let text = decoder.write(chunk as Buffer);
      if (isFirst) {
        text = text.replace(/^\ufeff/, '');
        isFirst = false;
      }
      yield scanner.push(text).filter((r) => !isBlank(r));
    }
    yield scanner.push(decoder.end(), true).filter((r) => !isBlank(r));
  }
  const { headers, rest } = await splitHeader(chunks());
  if (!headers) {
    stream.destroy();
    throw new FileFormatError('import_file_empty');
  }
  return { headers, batches: rest, bytesRead, close: () => stream.destroy() };
}

/** The first readable record as headers, and the batches after it. */
async function splitHeader(batches: AsyncGenerator<FileRow[]>): Promise<{ headers: string[] | null; rest: AsyncGenerator<FileRow[]> }> {
  let headers: string[] | null = null;
  let remainder: FileRow[] = [];
  // Read by hand: leaving a for-await loop would close the generator the rest comes from.
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    const at = next.value.findIndex((r) => !r.unreadable);
    if (at === -1) continue;
    headers = next.value[at]!.cells.map((h) => cellText(h).trim());
    remainder = next.value.slice(at + 1);
    break;
  }
  async function* rest(): AsyncGenerator<FileRow[]> {
    if (remainder.length) yield remainder;
    yield* batches;
  }
  return { headers, rest: rest() };
}

function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return xlsxCell(v.result);
    if (v.text !== undefined) return xlsxCell(v.text);
    if (v.error !== undefined) return null;
  }
  return String(value);
}

/**
 * The first worksheet of an XLSX file, row by row, through ExcelJS's streaming reader. Shared strings
 * are cached (an XLSX stores each distinct text once, apart from the rows), so memory grows with the
 * number of distinct texts rather than with the rows.
 */
async function openXlsx(filePath: string): Promise<RowSource> {
  const { stream, bytesRead } = countingStream(filePath);
  const input = new PassThrough();
  stream.pipe(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  async function* chunks(): AsyncGenerator<FileRow[]> {
    for await (const sheet of reader) {
      let batch: FileRow[] = [];
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        const record = { line: row.number, cells };
        if (!isBlank(record)) batch.push(record);
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      yield batch;
      break; // the first worksheet only
    }
  }
  let split;
  try {
    split = await splitHeader(chunks());
  } catch {
    stream.destroy();
    throw new FileFormatError('import_file_unreadable');
  }
  if (!split.headers) {
    stream.destroy();
    throw new FileFormatError('import_file_empty');
  }
  return { headers: split.headers, batches: split.rest, bytesRead, close: () => stream.destroy() };
}

/** Opens a file of people row by row, never holding more than a buffer of it in memory. */
export async function openRows(filePath: string, format: FileFormat): Promise<RowSource> {
  return format === 'xlsx' ? openXlsx(filePath) : openCsv(filePath);
}

/** The format of a file from its content type or name; null when neither says. */
export function formatOf(contentType: string | undefined, fileName: string): FileFormat | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/plain') return 'csv';
  if (type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}
