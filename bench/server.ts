import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import type { Dataset } from './generate/dataset.js';

export interface BenchServer {
  baseUrl: string;
  pid: number;
  /** Resident memory now and the high-water mark since start (MB), from /proc (Linux). */
  memory(): { rssMb: number | null; peakRssMb: number | null };
  /** Starts sampling RSS every 50 ms; the returned function stops and gives the peak seen. */
  sampleRss(): () => number | null;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function waitUntilUp(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not answer within 120 s:\n${output()}`);
}

/**
 * The real server (src/server/cli/start.ts) as a child process over the dataset: no demo seed, no
 * job worker (except for the import/export scenarios, which run as jobs), no web app, warnings
 * only, rate limit out of the way, the bench-only routes on.
 */
export async function startServer(
  dataset: Dataset,
  opts: { worker?: boolean; dataDir: string; profileDir?: string },
): Promise<BenchServer> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: dataset.databaseUrl ?? '',
    SQLITE_FILE: dataset.sqliteFile ?? '',
    SEED_DEMO: 'false',
    RUN_WORKER: opts.worker ? 'true' : 'false',
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: 'warn',
    SERVE_WEB: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    BENCH_ROUTES: 'true',
  };
  // the server as `npm start` runs it: compiled to dist/, started by node itself (not npm, which
  // forks), so the child's pid is the server's, for its memory readings
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  const profile = opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, 'dist/server/cli/start.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
    if (process.env.BENCH_SERVER_LOG === 'true') process.stderr.write(b);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilUp(baseUrl, child, () => out);
  const pid = child.pid!;
  return {
    baseUrl,
    pid,
    memory: () => ({ rssMb: procStatusMb(pid, 'VmRSS'), peakRssMb: procStatusMb(pid, 'VmHWM') }),
    sampleRss() {
      let peak: number | null = null;
      const timer = setInterval(() => {
        const rss = procStatusMb(pid, 'VmRSS');
        if (rss !== null && (peak === null || rss > peak)) peak = rss;
      }, 50);
      return () => {
        clearInterval(timer);
        return peak;
      };
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
