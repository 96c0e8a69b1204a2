import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { unreadable } from './sniff.js';
import { VCARD_HEADERS, vcardRecords } from './vcard.js';

// Every supported file as the same thing: a header row, then data rows of text cells, each with
// the line number a person would look up (the spreadsheet row; the card number in a vCard file).
// Everything streams: only the current row is held in memory.

export interface SourceSpec {
  file: string;
  format: 'csv' | 'xlsx' | 'vcf' | 'json';
  encoding: string;
  delimiter: string | null;
  sheet: string | null;
  /** JSON imports: the column names (rows are objects). */
  headers?: string[];
}

export interface SourceRow {
  line: number;
  cells: string[];
}

/** The header row (first yielded, line 1) and every non-empty data row after it. */
export async function* readRows(spec: SourceSpec): AsyncGenerator<SourceRow> {
  // A file that went missing is an error of this read, not an unhandled stream error that ends the process.
  await fs.promises.access(spec.file, fs.constants.R_OK);
  const source =
    spec.format === 'xlsx'
      ? xlsxRows(spec)
      : spec.format === 'vcf'
        ? vcfRows(spec)
        : spec.format === 'json'
          ? ndjsonRows(spec)
          : csvRows(spec);
  for await (const row of source) if (row.line === 1 || row.cells.some((c) => c.trim() !== '')) yield row;
}

function decoded(spec: SourceSpec): Readable {
  const raw = fs.createReadStream(spec.file);
  if (spec.encoding === 'utf-8') return raw;
  // pipeline, not pipe: a read error reaches the reader instead of going unhandled
  return pipeline(
    raw,
    iconv.decodeStream(spec.encoding) as unknown as NodeJS.ReadWriteStream,
    () => undefined,
  ) as unknown as Readable;
}

async function* csvRows(spec: SourceSpec): AsyncGenerator<SourceRow> {
  const parser = pipeline(
    decoded(spec),
    parse({
      delimiter: spec.delimiter ?? ',',
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
    () => undefined,
  );
  let isFirst = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: isFirst ? 1 : info.lines, cells: record };
      isFirst = false;
    }
  } catch (err) {
    if (err instanceof CsvError) throw unreadable(`The file could not be read as CSV: ${err.message}`);
    throw err;
  }
}

/** A cell as text: dates as ISO dates (or date-times), formulas as their results, rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    return '';
  }
  return String(value);
}

type SheetReader = AsyncIterable<{ number: number; values: unknown[] }> & { name: string };

/** Sheets of a workbook as they stream past (exceljs, about 30 MB, is loaded the first time a workbook is read). */
async function* workbookReader(file: string): AsyncIterable<SheetReader> {
  const { default: ExcelJS } = await import('exceljs');
  const options = {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  };
  yield* new ExcelJS.stream.xlsx.WorkbookReader(file, options as never) as unknown as AsyncIterable<SheetReader>;
}

/** Sheet names of a workbook, in order. */
export async function xlsxSheetNames(file: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const sheet of workbookReader(file)) {
      names.push(sheet.name);
      for await (const _row of sheet) break; // the names are all we need
    }
  } catch {
    throw unreadable('The Excel file could not be opened; it may be damaged or password-protected');
  }
  return names;
}

async function* xlsxRows(spec: SourceSpec): AsyncGenerator<SourceRow> {
  let found = false;
  try {
    for await (const sheet of workbookReader(spec.file)) {
      if (found || (spec.sheet !== null && sheet.name !== spec.sheet)) {
        for await (const _row of sheet) break;
        continue;
      }
      found = true;
      let headerLine: number | null = null;
      for await (const row of sheet) {
        const cells = row.values.slice(1).map(cellText);
        if (headerLine === null) {
          if (!cells.some((c) => c.trim())) continue;
          headerLine = row.number;
          yield { line: 1, cells };
        } else {
          yield { line: row.number, cells };
        }
      }
    }
  } catch (err) {
    if (err instanceof Error && 'code' in err) throw err;
    throw unreadable('The Excel file could not be read; it may be damaged or password-protected');
  }
}

async function* vcfRows(spec: SourceSpec): AsyncGenerator<SourceRow> {
  yield { line: 1, cells: [...VCARD_HEADERS] };
  const lines = readline.createInterface({ input: decoded(spec), crlfDelay: Infinity });
  let n = 0;
  for await (const cells of vcardRecords(lines)) yield { line: ++n, cells };
}

async function* ndjsonRows(spec: SourceSpec): AsyncGenerator<SourceRow> {
  const headers = spec.headers ?? [];
  yield { line: 1, cells: headers };
  const lines = readline.createInterface({ input: fs.createReadStream(spec.file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const obj = JSON.parse(line) as Record<string, unknown>;
    yield { line: ++n, cells: headers.map((h) => (obj[h] === null || obj[h] === undefined ? '' : String(obj[h]))) };
  }
}
