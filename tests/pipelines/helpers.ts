import { expect } from 'vitest';
import type { Pipeline } from '../../src/shared/contracts/pipelines.js';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { insertContact } from '../helpers/fixtures.js';
import { seedWithClients, type TestApp, type TestClient } from '../helpers/test-app.js';

/** The workspace's pipelines (by name) as the API returns them. */
export async function pipelinesByName(client: TestClient): Promise<Record<string, Pipeline>> {
  const res = await client.get('/api/pipelines');
  expect(res.statusCode).toBe(200);
  return Object.fromEntries((res.json().items as Pipeline[]).map((p) => [p.name, p]));
}

export function stageId(p: Pipeline, name: string): string {
  const s = p.stages.find((x) => x.name === name);
  if (!s) throw new Error(`no stage ${name} in ${p.name}`);
  return s.id;
}

/** Creates a deal through the API and returns its body (fails the test on anything but 201). */
export async function createDeal(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/deals', body);
  if (res.statusCode !== 201) throw new Error(`create deal: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function move(
  client: TestClient,
  deal: { id: string; version: number },
  stage: string,
  extra: Record<string, unknown> = {},
) {
  return client.post(`/api/deals/${deal.id}/move`, { stageId: stage, version: deal.version, ...extra });
}

export async function contact(t: TestApp, workspaceId: string, firstName = 'Siti', typeKey: string | null = null) {
  return insertContact(t.ctx, workspaceId, { firstName, typeKey });
}

/** The test app's controllable clock. */
export function clock(t: TestApp): ManualClock {
  return t.clock as ManualClock;
}

/** Sessions outlive the months these tests travel through. */
export const LONG_SESSIONS = { manualClock: true, config: { SESSION_TTL_HOURS: 24 * 3650 } };

/** A school workspace with its clients and its enrollment funnel (seed 000). */
export async function schoolFunnel(t: TestApp) {
  const s = await seedWithClients(t, 'school');
  const p = (await pipelinesByName(s.manager))['Enrollment 2027/28'];
  return { ...s, p };
}
