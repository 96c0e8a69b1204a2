import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../bench/report.js';
import { SCENARIOS, THROUGHPUT_SCENARIOS } from '../../bench/scenarios/index.js';

// The benchmark end to end at a tiny scale on SQLite, so it keeps working as the app grows:
// generation into a fresh cache, the real server, every scenario, the report. Timings are not judged.
describe('npm run bench (tiny scale, SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('produces a report with a row for every scenario, each request answered', () => {
    const args = [
      '--import',
      'tsx',
      'bench/run.ts',
      '--scale',
      '1k',
      '--db',
      'sqlite',
      '--duration',
      '1',
      '--warmup',
      '0',
      '--raw-seconds',
      '0.2',
      '--out',
      dir,
      '--cache-dir',
      dir,
    ];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(run.stdout).toMatch(/\| Scenario +\| Conc\./);

    const report = JSON.parse(fs.readFileSync(path.join(dir, 'latest.json'), 'utf8')) as Report;
    expect(report).toMatchObject({ scale: '1k', db: 'sqlite', machine: { cores: os.cpus().length } });
    expect(report.dataset.rows.contacts).toBe(1000);
    expect(report.rows.map((r) => r.scenario)).toEqual([
      ...SCENARIOS.map((s) => s.name),
      ...THROUGHPUT_SCENARIOS.map((s) => s.name),
    ]);
    for (const row of report.rows.filter((r) => r.concurrency !== null)) {
      expect({
        scenario: row.scenario,
        answered: (row.requests ?? 0) > 0,
        failures: row.failures,
        p95: Number.isFinite(row.p95Ms),
      }).toEqual({ scenario: row.scenario, answered: true, failures: 0, p95: true });
      if (row.scenario !== 'http.hello')
        expect({ scenario: row.scenario, raw: Number.isFinite(row.rawP95Ms) }).toEqual({
          scenario: row.scenario,
          raw: true,
        });
    }
    for (const row of report.rows.filter((r) => r.concurrency === null))
      expect(row.note ?? row.rowsPerSecond).toBeTruthy();
  }, 300_000);
});
