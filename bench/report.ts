import fs from 'node:fs';
import path from 'node:path';
import type { Machine } from './machine.js';
import { ms } from './stats.js';
import { describeTarget, TARGETS } from './targets.js';

export interface ResultRow {
  scenario: string;
  title: string;
  concurrency: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  requestsPerSecond: number | null;
  requests: number | null;
  /** Failed requests (connection errors, timeouts, non-2xx answers). */
  failures: number;
  rawP50Ms: number | null;
  rawP95Ms: number | null;
  /** API p95 / raw p95. */
  ratio: number | null;
  rowsPerSecond?: number | null;
  peakRssMb?: number | null;
  /** contacts.get@50: its requests/s as a share of the bare route's. */
  shareOfBareRps?: number | null;
  target: string;
  met: boolean | null;
  note?: string;
  details?: Record<string, unknown>;
}

export interface Report {
  command: string;
  scale: string;
  db: string;
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  dataset: { generated: boolean; generationSeconds: number; rows: Record<string, number>; generatorVersion: number };
  settings: { seconds: number; warmupSeconds: number; rawSeconds: number };
  serverRssMb: { afterRun: number | null; peak: number | null };
  rows: ResultRow[];
}

/** Judges a row against its target (null when there is none or nothing was measured). */
export function judge(row: ResultRow): ResultRow {
  const t = TARGETS[row.scenario];
  const target = describeTarget(t);
  const hasCriteria = t && (t.p95Ms ?? t.minShareOfBareRps ?? t.minRowsPerSecond ?? t.maxPeakRssMb) !== undefined;
  if (!t || !hasCriteria || (row.p95Ms === null && row.rowsPerSecond == null && row.shareOfBareRps == null))
    return { ...row, target, met: null };
  const tooManyFailures = row.requests !== null && row.failures > Math.max(1, row.requests * 0.01);
  const checks: boolean[] = [!tooManyFailures];
  if (t.p95Ms !== undefined) checks.push(row.p95Ms !== null && row.p95Ms <= t.p95Ms);
  if (t.minShareOfBareRps !== undefined) checks.push((row.shareOfBareRps ?? 0) >= t.minShareOfBareRps);
  if (t.minRowsPerSecond !== undefined) checks.push((row.rowsPerSecond ?? 0) >= t.minRowsPerSecond);
  if (t.maxPeakRssMb !== undefined) checks.push(row.peakRssMb != null && row.peakRssMb < t.maxPeakRssMb);
  return {
    ...row,
    target,
    met: checks.every(Boolean),
    ...(tooManyFailures ? { note: `${row.failures} failed requests${row.note ? `; ${row.note}` : ''}` } : {}),
  };
}

const num = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const msText = (v: number | null) => (v === null ? '—' : String(ms(v)));

/** The readable table (also the README's Performance section, as Markdown). */
export function formatTable(rows: ResultRow[]): string {
  const header = ['Scenario', 'Conc.', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'raw p95 ms', 'API/raw', 'Target', 'Met'];
  const body = rows.map((r) => {
    const rate = r.rowsPerSecond != null ? `${num(r.rowsPerSecond)} rows/s` : num(r.requestsPerSecond);
    const extra = [
      r.shareOfBareRps != null ? `${Math.round(r.shareOfBareRps * 100)}% of bare` : '',
      r.peakRssMb != null ? `peak RSS ${num(r.peakRssMb)} MB` : '',
      r.note ?? '',
    ]
      .filter(Boolean)
      .join('; ');
    const met =
      r.met === null ? (extra ? `— (${extra})` : '—') : `${r.met ? 'met' : 'NOT met'}${extra ? ` (${extra})` : ''}`;
    return [
      r.scenario,
      r.concurrency === null ? '—' : String(r.concurrency),
      msText(r.p50Ms),
      msText(r.p95Ms),
      msText(r.p99Ms),
      rate,
      msText(r.rawP95Ms),
      r.ratio === null ? '—' : `${num(r.ratio, 1)}x`,
      r.target || '—',
      met,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Writes bench/results/<timestamp>-<scale>-<db>.json and latest.json; returns the first path. */
export function writeReport(dir: string, report: Report): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-').replace(/Z$/, '');
  const file = path.join(dir, `${stamp}-${report.scale}-${report.db}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  return file;
}
