import { expect } from 'vitest';
import type { TestClient } from '../helpers/test-app.js';

/** Creates a contact through the API and returns its body (fails the test on anything but 201). */
export async function createContact(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/contacts', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Field names of a problem response's errors. */
export function errorFields(res: { json(): unknown }): string[] {
  return ((res.json() as { errors?: Array<{ field: string }> }).errors ?? []).map((e) => e.field);
}

export async function countRows(client: TestClient, filter: Record<string, unknown> = {}): Promise<number> {
  const res = await client.post('/api/contacts/query', { filter, includeTotal: true, limit: 1 });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total;
}

export async function tagIdByName(client: TestClient, name: string): Promise<string> {
  const tags = (await client.get('/api/tags')).json().items as Array<{ id: string; name: string }>;
  const tag = tags.find((t) => t.name === name);
  if (!tag) throw new Error(`no tag ${name}`);
  return tag.id;
}
