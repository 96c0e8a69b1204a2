import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real server: built web app, fresh SQLite database in a temp dir, demo users seeded.
 * Run `npx playwright test` (or one file: `npx playwright test e2e/shell.spec.ts`). Uses Debian's Chromium;
 * never run `playwright install`.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
// Workers re-read this file; the env var makes them reuse the main process's directory.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  outputDir: path.join(os.tmpdir(), 'crm-e2e-results'),
  // One worker: the specs share one server and database, and the machine is small.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'en-US',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npm run build && npm start',
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATA_DIR: process.env.E2E_DATA_DIR,
      DATABASE_URL: '',
      SQLITE_FILE: '',
      SEED_DEMO: 'true',
      DEMO_TEMPLATE: 'school',
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      MAIL_TRANSPORT: 'log',
      RATE_LIMIT_PER_MINUTE: '10000',
      LOGIN_MAX_FAILURES: '50',
    },
  },
});
