import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Import } from '../../src/shared/contracts/import-export.js';
import type { Dialect } from '../../src/server/db/database.js';
import { JobWorker } from '../../src/server/modules/jobs/job-worker.js';
import {
  createTestApp,
  seedWithClients,
  type TestApp,
  type TestAppOptions,
  type TestClient,
} from '../helpers/test-app.js';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

/** A test app whose DATA_DIR (uploads, export files) is a fresh temp folder, removed on close. */
export async function createImportApp(
  dialect: Dialect,
  opts: TestAppOptions = {},
): Promise<TestApp & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-import-'));
  const t = await createTestApp(dialect, { ...opts, config: { DATA_DIR: dataDir, ...opts.config } });
  return {
    ...t,
    dataDir,
    async close() {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function seeded(t: TestApp, template: 'school' | 'hospital' | 'sales' | 'blank' = 'school') {
  return seedWithClients(t, template);
}

/** A multipart/form-data body: fields first, then the file. */
export function multipartBody(
  file: { name: string; content: Buffer | string; type?: string },
  fields: Record<string, string> = {},
) {
  const boundary = `----crmtest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
  );
  parts.push(typeof file.content === 'string' ? Buffer.from(file.content) : file.content);
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(
  client: TestClient,
  name: string,
  content: Buffer | string,
  fields: Record<string, string> = {},
  query = '',
) {
  const { payload, headers } = multipartBody({ name, content }, fields);
  return client.request('POST', `/api/imports${query}`, payload, headers);
}

/** Runs queued jobs until none is due (imports, validations, undo, exports). */
export async function runJobs(t: TestApp): Promise<void> {
  const worker = new JobWorker(t.ctx, { workerId: 'test-worker' });
  for (let i = 0; i < 20; i++) if (!(await worker.runDueJobs())) return;
}

export async function getImport(client: TestClient, id: string): Promise<Import> {
  const res = await client.get(`/api/imports/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Upload -> options -> validate -> run, as the wizard does; returns the finished import. */
export async function importThrough(
  t: TestApp,
  client: TestClient,
  name: string,
  content: Buffer | string,
  setup: { entity?: string; options?: Record<string, unknown>; mapping?: Array<string | null> } = {},
): Promise<Import> {
  const res = await upload(client, name, content, setup.entity ? { entity: setup.entity } : {});
  expect(res.statusCode, res.body).toBe(201);
  const created: Import = res.json();
  if (setup.options || setup.mapping) {
    const patched = await client.patch(`/api/imports/${created.id}`, {
      ...(setup.options ? { options: setup.options } : {}),
      ...(setup.mapping ? { mapping: setup.mapping } : {}),
    });
    expect(patched.statusCode, patched.body).toBe(200);
  }
  const validated = await client.post(`/api/imports/${created.id}/validate`);
  expect(validated.statusCode, validated.body).toBe(202);
  await runJobs(t);
  expect((await getImport(client, created.id)).status).toBe('validated');
  const started = await client.post(`/api/imports/${created.id}/run`);
  expect(started.statusCode, started.body).toBe(202);
  await runJobs(t);
  return getImport(client, created.id);
}

/** Live contacts of a workspace with their phones and emails, by full name. */
export async function contactsByName(t: TestApp, workspaceId: string) {
  const rows = await t.ctx.db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .execute();
  const phones = await t.ctx.db
    .selectFrom('contact_phones')
    .select(['contact_id', 'e164'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const emails = await t.ctx.db
    .selectFrom('contact_emails')
    .select(['contact_id', 'email'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.full_name,
      {
        ...r,
        phones: phones.filter((p) => p.contact_id === r.id).map((p) => p.e164),
        emails: emails.filter((e) => e.contact_id === r.id).map((e) => e.email),
      },
    ]),
  );
}
