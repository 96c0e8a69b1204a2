import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    // Files share a worker's loaded modules instead of each importing the whole app again (a third
    // of the run's time went to imports). Tests keep no state in modules: each builds its own app
    // and database (tests/helpers), and caches in src key by the database handle.
    isolate: false,
    // Two workers: one runs its tests while the other waits on the database.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});
