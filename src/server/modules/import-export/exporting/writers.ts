import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';

// Streaming writers for exports: rows go out as they come, so memory holds one page at a time.

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula.
 * Such cells get a leading ' so they stay text. Plain numbers and phone numbers (+62 812-...,
 * -1500, several separated by ;) cannot call anything and are left as they are.
 */
export function neutralizeFormula(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (value.split(';').every((part) => /^\s*[+-]?[\d\s().,-]+$/.test(part))) return value;
  return `'${value}`;
}

export interface RowWriter {
  /** Writes a page of rows; resolves when the output can take more. */
  write(rows: string[][]): Promise<void>;
  end(): Promise<void>;
}

/** UTF-8 CSV with a BOM (so Excel reads accents right), header first. */
export function csvWriter(out: Writable, headers: string[]): RowWriter {
  const csv = stringify({ bom: true });
  csv.pipe(out);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('close', resolve);
    out.on('error', reject);
    csv.on('error', reject);
  });
  // a page goes in at once; then wait for the file to drain (memory holds about one page)
  const push = async (rows: string[][]) => {
    let full = false;
    for (const row of rows) full = !csv.write(row.map(neutralizeFormula)) || full;
    if (full) await new Promise((resolve) => csv.once('drain', resolve));
  };
  let started = push([headers]);
  return {
    async write(rows) {
      await started;
      started = push(rows);
    },
    async end() {
      await started;
      csv.end();
      await finished;
    },
  };
}

/** An .xlsx workbook with one sheet, rows committed as they are written (exceljs streaming writer). */
export async function xlsxWriter(out: Writable, headers: string[], sheetName: string): Promise<RowWriter> {
  const { default: ExcelJS } = await import('exceljs'); // about 30 MB, loaded when a workbook is first written
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  return {
    async write(rows) {
      for (const row of rows) sheet.addRow(row.map(neutralizeFormula)).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
