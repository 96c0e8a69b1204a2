import fs from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../../http/errors.js';

// What kind of file an upload is, read from its first bytes (not its name alone): Excel, vCard or
// delimited text; the text's encoding (BOM, valid UTF-8, else detected, e.g. Windows-1252); the
// delimiter (comma, semicolon, tab or pipe). Binary garbage is refused here, before any parsing.

export type FileFormat = 'csv' | 'xlsx' | 'vcf' | 'json';

export interface FileInfo {
  format: FileFormat;
  encoding: string;
  delimiter: string | null;
}

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

export function unreadable(detail: string): AppError {
  return new AppError('IMPORT_FILE_UNREADABLE', detail, { field: 'file' });
}

export function emptyFile(detail = 'The file is empty'): AppError {
  return new AppError('IMPORT_FILE_EMPTY', detail, { field: 'file' });
}

async function readSample(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The encoding of a text sample: from its BOM, UTF-8 when it decodes cleanly, else detected. */
export function detectEncoding(sample: Buffer): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    const guess = (chardet.detect(sample) ?? 'windows-1252').toLowerCase();
    // Latin-1 labels are read as Windows-1252, its superset (curly quotes, euro sign).
    if (/^iso-8859-1$|^ascii$/.test(guess)) return 'windows-1252';
    return iconv.encodingExists(guess) && !guess.startsWith('utf') ? guess : 'windows-1252';
  }
}

export function decodeSample(sample: Buffer, encoding: string): string {
  return iconv.decode(sample, encoding).replace(/^\uFEFF/, '');
}

/** Text that is mostly control characters or undecodable bytes is not a spreadsheet. */
function looksBinary(text: string): boolean {
  if (!text.length) return false;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad / text.length > 0.01;
}

/** Counts a delimiter per line outside double quotes. */
function countsPerLine(lines: string[], delimiter: string): number[] {
  return lines.map((line) => {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === delimiter && !quoted) n++;
    }
    return n;
  });
}

/** The delimiter whose count is steadiest (and highest) over the first lines. */
export function sniffDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 50);
  if (lines.length > 1 && text.length >= SAMPLE_BYTES - 4) lines.pop(); // the last line may be cut off
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const counts = countsPerLine(lines, delimiter);
    if (!counts[0]) continue;
    const steady = counts.filter((c) => c === counts[0]).length / counts.length;
    const score = steady * 1000 + counts[0];
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export async function sniffFile(file: string, fileName: string): Promise<FileInfo> {
  const sample = await readSample(file);
  if (!sample.length) throw emptyFile();
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04)
    return { format: 'xlsx', encoding: 'binary', delimiter: null };
  if (sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0)
    throw unreadable('This is an old Excel (.xls) file; save it as .xlsx or CSV and upload that');
  if (/\.(xlsx|xls|xlsm|ods|numbers|pdf|docx?|zip|png|jpe?g)$/i.test(fileName))
    throw unreadable(`"${fileName}" is not a spreadsheet this import can read; use CSV, .xlsx or .vcf`);
  const encoding = detectEncoding(sample);
  const text = decodeSample(sample, encoding);
  if (looksBinary(text))
    throw unreadable(`"${fileName}" does not contain readable text; it may be a different kind of file renamed`);
  if (!text.trim()) throw emptyFile();
  if (/^\s*BEGIN:VCARD/i.test(text)) return { format: 'vcf', encoding, delimiter: null };
  return { format: 'csv', encoding, delimiter: sniffDelimiter(text) };
}
