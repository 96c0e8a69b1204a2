import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { login, unique } from './helpers';

// An import that stopped for good (its job died) shows Retry in the import history; Retry resumes it.
test('import history: Retry on a failed import resumes it, with a toast', async ({ page }) => {
  const tag = unique('Ulang');
  await login(page, 'admin', { next: '/imports' });
  const csrf = (await (await page.request.get('/api/auth/session')).json()).csrfToken as string;
  const uploaded = await page.request.post('/api/imports', {
    headers: { 'x-csrf-token': csrf },
    multipart: {
      entity: 'contacts',
      file: {
        name: `${tag}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `Nama Lengkap,No. HP\nRatna ${tag},0812-9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}\n`,
        ),
      },
    },
  });
  expect(uploaded.ok(), await uploaded.text()).toBe(true);
  const id = (await uploaded.json()).id as string;
  // what the job queue leaves when an import's job dies: the import failed, its file kept
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'crm.sqlite'));
  db.prepare(`update imports set status = 'failed', error = 'The import stopped' where id = ?`).run(id);
  db.close();

  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(`${tag}\\.csv`) });
  await expect(row).toContainText('Failed');
  await row.getByRole('button', { name: `Retry the import of ${tag}.csv` }).click();
  await expect(page.getByText('The import continues where it stopped')).toBeVisible();
  await expect(row).toContainText('Done', { timeout: 30_000 });
  await expect(row.getByRole('button', { name: /Retry/ })).toHaveCount(0);
  const found = await page.request.get(`/api/contacts/search?q=${encodeURIComponent(tag)}`);
  expect((await found.json()).items).toHaveLength(1);
});
