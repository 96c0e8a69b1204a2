import type { Dialect } from '../src/server/db/database.js';
import { parseScale } from './generate/plan.js';

export interface BenchOptions {
  scale: string;
  db: Dialect;
  /** Scenario names (or prefixes, e.g. "contacts") to run; all when empty. */
  only: string[];
  seconds: number;
  warmupSeconds: number;
  rawSeconds: number;
  regenerate: boolean;
  /** Write V8 CPU profiles of the server into this directory (open in Chrome DevTools). */
  profileDir?: string;
  /** Only make sure the dataset exists (generate or reuse it), run nothing. */
  prepareOnly: boolean;
  outDir: string;
  /** Where SQLite datasets are cached (default bench/.cache). */
  cacheDir?: string;
  pgUrl?: string;
}

const USAGE = `Usage: npm run bench -- [--scale 1m|100k|10k] [--db sqlite|postgres] [--only name[,name]]
       [--duration seconds] [--warmup seconds] [--raw-seconds seconds] [--regenerate] [--prepare-only] [--profile dir] [--out dir] [--cache-dir dir] [--pg-url url]`;

export function parseArgs(argv: string[]): BenchOptions {
  const opts: BenchOptions = {
    scale: '100k',
    db: 'sqlite',
    only: [],
    seconds: 10,
    warmupSeconds: 2,
    rawSeconds: 3,
    regenerate: false,
    prepareOnly: false,
    outDir: 'bench/results',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    const number = (name: string) => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: a number of seconds, please\n${USAGE}`);
      return n;
    };
    switch (flag) {
      case '--scale':
        opts.scale = value().toLowerCase();
        parseScale(opts.scale);
        break;
      case '--db': {
        const db = value();
        if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--db: sqlite or postgres\n${USAGE}`);
        opts.db = db;
        break;
      }
      case '--only':
        opts.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--duration':
        opts.seconds = number('--duration');
        break;
      case '--warmup':
        opts.warmupSeconds = number('--warmup');
        break;
      case '--raw-seconds':
        opts.rawSeconds = number('--raw-seconds');
        break;
      case '--regenerate':
        opts.regenerate = true;
        break;
      case '--prepare-only':
        opts.prepareOnly = true;
        break;
      case '--profile':
        opts.profileDir = value();
        break;
      case '--out':
        opts.outDir = value();
        break;
      case '--cache-dir':
        opts.cacheDir = value();
        break;
      case '--pg-url':
        opts.pgUrl = value();
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${argv[i]}\n${USAGE}`);
    }
  }
  return opts;
}

export function selected(name: string, only: string[]): boolean {
  return !only.length || only.some((o) => name === o || name.startsWith(`${o}.`) || name.startsWith(o));
}
