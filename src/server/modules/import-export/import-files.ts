import type { Config } from '../../config.js';
import { AppError } from '../../http/errors.js';
import { pathOf } from './files/storage.js';
import { detectPreset, type Preset } from './mapping/suggest.js';
import { readRows, type SourceSpec } from './parsing/row-source.js';
import { emptyFile, sniffFile, unreadable } from './parsing/sniff.js';
import { xlsxSheetNames } from './parsing/row-source.js';

// Reading what the wizard shows right after an upload: the kind of file, its sheets, the header
// row and the first rows, and which known export it is.

export const PREVIEW_ROWS = 10;

export interface FileOverview {
  format: SourceSpec['format'];
  encoding: string;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  preview: string[][];
  preset: Preset | null;
}

/** The header row and first data rows of a stored file (IMPORT_FILE_EMPTY when there are no data rows). */
export async function readHead(spec: SourceSpec): Promise<{ headers: string[]; preview: string[][] }> {
  let headers: string[] | null = null;
  const preview: string[][] = [];
  for await (const row of readRows(spec)) {
    if (!headers) headers = row.cells.map((h, i) => h.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`);
    else preview.push(row.cells.map((c) => c.slice(0, 200)));
    if (preview.length >= PREVIEW_ROWS) break;
  }
  if (!headers || !headers.length) throw emptyFile();
  if (!preview.length) throw emptyFile('The file has a header row but no data rows');
  return { headers, preview };
}

export async function overviewOf(
  config: Config,
  fileKey: string,
  fileName: string,
  sheet?: string | null,
): Promise<FileOverview> {
  const file = pathOf(config, fileKey);
  const info = await sniffFile(file, fileName);
  const sheets = info.format === 'xlsx' ? await xlsxSheetNames(file) : [];
  if (info.format === 'xlsx' && !sheets.length) throw unreadable('The Excel file has no sheets');
  const spec = { file, format: info.format, encoding: info.encoding, delimiter: info.delimiter };
  if (info.format === 'xlsx' && !sheet) {
    // the first sheet with data rows (workbooks often open with a cover or summary sheet)
    for (const name of sheets) {
      try {
        const head = await readHead({ ...spec, sheet: name });
        return { ...info, sheets, sheet: name, ...head, preset: detectPreset(info.format, head.headers) };
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'IMPORT_FILE_EMPTY')) throw err;
      }
    }
    throw emptyFile('No sheet of the workbook has data rows');
  }
  const chosen = info.format === 'xlsx' ? (sheet && sheets.includes(sheet) ? sheet : sheets[0]) : null;
  const head = await readHead({ ...spec, sheet: chosen });
  return { ...info, sheets, sheet: chosen, ...head, preset: detectPreset(info.format, head.headers) };
}

/** Column names of JSON rows, in order of first appearance. */
export function jsonHeaders(rows: Array<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}
