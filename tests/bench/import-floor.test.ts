import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../helpers/databases.js';
import { DIALECTS } from '../helpers/test-app.js';

// The import floor (bench/import-floor.ts) on a tiny run, so the figure the README quotes can be
// measured again: a new database from the app's migrations, the rows an import writes, a rate.
describe('npm run bench:import-floor (tiny)', () => {
  for (const dialect of DIALECTS) {
    it(`writes the rows on ${dialect} and reports rows/s`, () => {
      const args = [
        '--import',
        'tsx',
        'bench/import-floor.ts',
        '--db',
        dialect,
        '--rows',
        '1500',
        '--batch',
        '500',
        '--preload',
        '500',
        '--without',
        'fts',
        '--pg-url',
        TEST_DATABASE_URL,
      ];
      const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr.slice(-3000)).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(
          `^import floor on ${dialect} \\(batch 500; .*after 500 contacts; without fts\\): 1,500 contacts in [\\d.]+ s = [\\d,]+ rows/s$`,
          'm',
        ),
      );
    }, 150_000);
  }
});
