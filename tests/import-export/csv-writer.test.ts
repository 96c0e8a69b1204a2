import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, csvWriter, neutralizeFormula } from '../../src/server/modules/import-export/exporting/writers.js';

// The export writes CSV itself, a page at a time; files must stay byte for byte what csv-stringify
// (default options, formulas neutralized first) wrote before.
const CELLS = [
  '',
  'plain',
  'Nasution, Siti',
  'say "hi"',
  'two\nlines',
  'cr\rhere',
  'crlf\r\nhere',
  '"',
  ',',
  ' spaced ',
  'Ça va',
  '日本語',
  '😀 emoji',
  '=HYPERLINK("http://evil.example")',
  '@Jahat',
  '-2+3',
  '+6281234567001; +6281311110001',
  '-1500',
  '+62 (812) 345-67',
  '\tTab',
  '\r',
  '+1;',
  '=1,2',
  '-',
  '+',
  "'quoted",
  'a;b',
];

const library = (rows: string[][]) => stringify(rows.map((row) => row.map(neutralizeFormula)));

describe('CSV writer', () => {
  it('writes every cell as csv-stringify does', () => {
    const rows = CELLS.map((cell, i) => [cell, CELLS[(i * 7) % CELLS.length], String(i)]);
    expect(csvLines(rows)).toBe(library(rows));
    expect(csvLines(CELLS.map((cell) => [cell]))).toBe(library(CELLS.map((cell) => [cell])));
  });

  it('neutralizes what a spreadsheet would run and leaves numbers alone', () => {
    const runs = ['=1+1', '@SUM(A1)', '-2+3', '+cmd', '\t=1', '\r=1', '+1;', '+62 812; =1', '+'];
    const numbers = ['-1500', '+6281234567001', '+62 (812) 345-67; -1.5', ' 12', '', 'plain', '1+1'];
    for (const value of runs) expect(neutralizeFormula(value), value).toBe(`'${value}`);
    for (const value of numbers) expect(neutralizeFormula(value), value).toBe(value);
  });

  it('starts with a BOM and the header, then the pages in order', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = csvWriter(out, ['First name', 'Tags']);
    await writer.write([['Siti', 'Asrama, Beasiswa']]);
    await writer.write([['=cmd', '']]);
    await writer.end();
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('First name,Tags\nSiti,"Asrama, Beasiswa"\n\'=cmd,\n');
  });
});
