import type { BenchOptions } from './cli.js';
import { runLoad } from './load.js';
import { measureRaw } from './raw-floor.js';
import { judge, type ResultRow } from './report.js';
import type { BenchContext, Scenario, ThroughputScenario } from './scenarios/types.js';

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null);

/** One request scenario: its raw floor (server idle), then the API under load at its concurrency. */
export async function runScenario(
  b: BenchContext,
  s: Scenario,
  opts: BenchOptions,
  log: (line: string) => void,
): Promise<ResultRow> {
  log(`${s.name}: preparing…`);
  const prepared = await s.prepare(b);
  try {
    const raw = prepared.raw ? await measureRaw(prepared.raw, opts.rawSeconds) : null;
    log(
      `${s.name}: ${raw ? `raw p95 ${raw.p95.toFixed(2)} ms; ` : ''}load at concurrency ${s.connections} for ${opts.seconds} s…`,
    );
    const load = await runLoad({
      baseUrl: b.server.baseUrl,
      connections: s.connections,
      seconds: opts.seconds,
      warmupSeconds: opts.warmupSeconds,
      headers: prepared.isWrite ? b.session.writeHeaders : b.session.headers,
      request: prepared.request,
    });
    const failures = load.errors + load.non2xx;
    return judge({
      scenario: s.name,
      title: s.title,
      concurrency: s.connections,
      p50Ms: round(load.p50),
      p95Ms: round(load.p95),
      p99Ms: round(load.p99),
      requestsPerSecond: Math.round(load.requestsPerSecond * 10) / 10,
      requests: load.total,
      failures,
      rawP50Ms: raw ? round(raw.p50) : null,
      rawP95Ms: raw ? round(raw.p95) : null,
      ratio: raw && raw.p95 > 0 && Number.isFinite(load.p95) ? Math.round((load.p95 / raw.p95) * 10) / 10 : null,
      target: '',
      met: null,
      ...(failures ? { note: `status codes ${JSON.stringify(load.statusCodes)}` } : {}),
      details: { ...prepared.details, rawCalls: raw?.n ?? 0, statusCodes: load.statusCodes },
    });
  } finally {
    await prepared.cleanup?.();
  }
}

/** An import/export scenario: rows per second through the job and the server's peak memory. */
export async function runThroughput(
  b: BenchContext,
  s: ThroughputScenario,
  log: (line: string) => void,
): Promise<ResultRow> {
  log(`${s.name}: running…`);
  const r = await s.run(b);
  const row: ResultRow = {
    scenario: s.name,
    title: s.title,
    concurrency: null,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    requestsPerSecond: null,
    requests: null,
    failures: 0,
    rawP50Ms: null,
    rawP95Ms: null,
    ratio: r.rawRowsPerSecond && r.rowsPerSecond ? Math.round((r.rawRowsPerSecond / r.rowsPerSecond) * 10) / 10 : null,
    rowsPerSecond: r.rowsPerSecond ?? null,
    peakRssMb: r.peakRssMb ?? null,
    target: '',
    met: null,
    ...(r.note ? { note: r.note } : {}),
    details: { rows: r.rows, seconds: r.seconds },
  };
  return r.available ? judge(row) : { ...judge(row), met: null };
}

/** contacts.get@50 is judged against the bare route measured in the same run. */
export function compareWithBare(rows: ResultRow[]): ResultRow[] {
  const bare = rows.find((r) => r.scenario === 'http.hello');
  return rows.map((r) =>
    r.scenario === 'contacts.get@50' && bare?.requestsPerSecond && r.requestsPerSecond !== null
      ? judge({ ...r, shareOfBareRps: Math.round((r.requestsPerSecond / bare.requestsPerSecond) * 1000) / 1000 })
      : r,
  );
}
