import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { emailFor, generatePerson } from '../generate/people.js';
import { generatePhone } from '../generate/phones.js';
import { Rng } from '../generate/prng.js';
import { CITIES } from '../generate/vocabulary.js';
import { knownPhones, purgeContacts } from './sample.js';
import type { BenchContext, ThroughputResult, ThroughputScenario } from './types.js';

/** Whether the running server has a route whose path starts with the prefix (read from its OpenAPI document). */
async function hasRoute(b: BenchContext, prefix: string): Promise<boolean> {
  const res = await fetch(`${b.server.baseUrl}/api/openapi.json`);
  if (!res.ok) return false;
  const doc = (await res.json()) as { paths?: Record<string, unknown> };
  return Object.keys(doc.paths ?? {}).some((p) => p.startsWith(prefix));
}

async function api<T>(b: BenchContext, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${b.server.baseUrl}${url}`, {
    method,
    headers: body === undefined ? b.session.headers : b.session.writeHeaders,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${(await res.text()).slice(0, 500)}`);
  return (await res.json()) as T;
}

/** Polls until `done` says so (or the time is up). */
async function waitFor<T>(get: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await get();
  while (!done(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    v = await get();
  }
  return v;
}

/**
 * Rows an import run is measured with: a quarter of the scale, between 2,000 and 250,000
 * (BENCH_IMPORT_ROWS sets it, e.g. to profile a long import on a small dataset).
 */
export function importRowsFor(contacts: number): number {
  const asked = Number(process.env.BENCH_IMPORT_ROWS);
  if (asked > 0) return Math.round(asked);
  return Math.max(2000, Math.min(250_000, Math.round(contacts / 4)));
}

/**
 * A school's spreadsheet of new parents, as an Indonesian Excel saves it: semicolons, Indonesian
 * headers, numbers typed every which way; one row in ten is someone already in the CRM.
 */
async function writeImportCsv(file: string, rows: number, knownPhones: string[]): Promise<void> {
  const rng = new Rng(777);
  const out = fs.createWriteStream(file);
  const lines: string[] = ['Nama Depan;Nama Belakang;Email;No. HP;Kota'];
  for (let i = 0; i < rows; i++) {
    const p = generatePerson(rng);
    const phone = knownPhones.length && rng.chance(0.1) ? rng.pick(knownPhones) : generatePhone(rng, p.isExpat).raw;
    // a multiple of 7 makes emailFor append it: new parents have addresses of their own
    lines.push(
      [p.firstName, p.lastName ?? '', emailFor(rng, p, 7 * (100_000_000 + i)), phone, rng.pick(CITIES)[0]].join(';'),
    );
    if (lines.length >= 5000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines.length = 0;
    }
  }
  out.end(lines.length ? `${lines.join('\n')}\n` : '');
  await once(out, 'finish');
}

/** Removes for good what an undone import created (see purgeContacts). */
async function purgeImported(b: BenchContext, importId: string): Promise<number> {
  const batches = await b.database.db
    .selectFrom('import_batches')
    .select('created_ids')
    .where('import_id', '=', importId)
    .execute();
  const ids = batches.flatMap((r) =>
    typeof r.created_ids === 'string' ? (JSON.parse(r.created_ids) as string[]) : r.created_ids,
  );
  await purgeContacts(b, ids);
  return ids.length;
}

interface ImportView {
  id: string;
  status: string;
  mapping: Array<string | null>;
  counts: { rowsDone: number; created: number; updated: number; skipped: number; failed: number };
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

const seconds = (from: string | null, to: string | null) =>
  from && to ? (new Date(to).getTime() - new Date(from).getTime()) / 1000 : NaN;

export const importContacts: ThroughputScenario = {
  name: 'import.contacts',
  title: 'Import a CSV of new parents (validation, phone normalization, duplicate check): rows/s, peak RSS',
  async run(b): Promise<ThroughputResult> {
    if (!(await hasRoute(b, '/api/imports')))
      return { available: false, note: 'not available yet (no import endpoint)' };
    const rows = importRowsFor(b.manifest.plan.contacts);
    const file = path.join(b.workDir, `import-${rows}.csv`);
    await writeImportCsv(file, rows, await knownPhones(b));
    const form = new FormData();
    form.append('file', await fs.openAsBlob(file, { type: 'text/csv' }), 'orang-tua-baru.csv');
    const res = await fetch(`${b.server.baseUrl}/api/imports?entity=contacts`, {
      method: 'POST',
      headers: { cookie: b.session.cookie, 'x-csrf-token': b.session.csrfToken },
      body: form,
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${(await res.text()).slice(0, 500)}`);
    const uploaded = (await res.json()) as ImportView;
    const stopSampling = b.server.sampleRss();
    await api(b, 'POST', `/api/imports/${uploaded.id}/run`, {});
    const finished = await waitFor(
      () => api<ImportView>(b, 'GET', `/api/imports/${uploaded.id}`),
      (v) => ['completed', 'failed', 'cancelled'].includes(v.status),
      30 * 60_000,
    );
    const peakRssMb = stopSampling();
    const took = seconds(finished.startedAt, finished.finishedAt);
    const counts = finished.counts;
    // put the workspace back as it was: the import's own undo removes what it created
    let undo = 'nothing to undo';
    if (counts.created || counts.updated) {
      await api(b, 'POST', `/api/imports/${uploaded.id}/undo`, {});
      undo = (
        await waitFor(
          () => api<ImportView>(b, 'GET', `/api/imports/${uploaded.id}`),
          (v) => v.status === 'undone' || v.status === 'failed',
          30 * 60_000,
        )
      ).status;
      if (undo === 'undone') undo += `, ${(await purgeImported(b, uploaded.id)).toLocaleString('en')} rows purged`;
    }
    fs.rmSync(file, { force: true });
    if (finished.status !== 'completed')
      return {
        available: true,
        rows: counts.rowsDone,
        note: `import ${finished.status}: ${finished.error ?? ''} (mapping ${JSON.stringify(uploaded.mapping)})`,
      };
    return {
      available: true,
      rows: counts.rowsDone,
      seconds: took,
      rowsPerSecond: Math.round(counts.rowsDone / took),
      peakRssMb: peakRssMb === null ? null : Math.round(peakRssMb),
      note: `${counts.created} created, ${counts.skipped} skipped as duplicates, ${counts.failed} failed of ${rows}; undo: ${undo}`,
    };
  },
};

interface ExportView {
  id: string;
  status: string;
  rowCount: number;
  createdAt: string;
  finishedAt: string | null;
  fileSize: number | null;
  error: string | null;
}

export const exportContacts: ThroughputScenario = {
  name: 'export.contacts',
  title: 'Export every contact to CSV (all columns, phones included) as a job: rows/s, peak RSS',
  async run(b): Promise<ThroughputResult> {
    if (!(await hasRoute(b, '/api/exports')))
      return { available: false, note: 'not available yet (no export endpoint)' };
    const stopSampling = b.server.sampleRss();
    const created = await api<ExportView>(b, 'POST', '/api/exports', { entity: 'contacts', format: 'csv' });
    const finished = await waitFor(
      () => api<ExportView>(b, 'GET', `/api/exports/${created.id}`),
      (v) => v.status === 'completed' || v.status === 'failed',
      30 * 60_000,
    );
    const peakRssMb = stopSampling();
    const took = seconds(finished.createdAt, finished.finishedAt);
    return {
      available: true,
      rows: finished.rowCount,
      seconds: took,
      rowsPerSecond: Math.round(finished.rowCount / took),
      peakRssMb: peakRssMb === null ? null : Math.round(peakRssMb),
      note: `${finished.status}: ${finished.rowCount.toLocaleString('en')} rows, ${((finished.fileSize ?? 0) / 1048576).toFixed(1)} MB${finished.error ? `; ${finished.error}` : ''}`,
    };
  },
};
