import { afterEach, describe, expect, it } from 'vitest';
import { appendEvent, type AnyDomainEvent as DomainEvent } from '../../src/server/modules/events/events.service.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { nowIso } from '../../src/server/platform/clock.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import {
  createTestApp,
  describeEachDialect,
  DIALECTS,
  seedWithClients,
  TestClient,
  type TestApp,
} from '../helpers/test-app.js';
import { eventually, otherWorkspace, startNode } from './support.js';

interface SseMessage {
  event: string;
  data: DomainEvent;
}

/** A browser-like EventSource over fetch: collects messages until closed. */
async function openStream(baseUrl: string, client: TestClient) {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/realtime`, { headers: { cookie: client.cookie }, signal: abort.signal });
  const messages: SseMessage[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const event = field('event');
          const data = field('data');
          if (event && data) messages.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    messages,
    types: () => messages.map((m) => m.event),
    waitFor: (type: string, ms?: number) =>
      eventually(() => messages.find((m) => m.event === type), ms, `event ${type}`),
    close: () => abort.abort(),
  };
}
type Stream = Awaited<ReturnType<typeof openStream>>;

async function listen(t: { app: TestApp['app'] }): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDialect('realtime', (dialect) => {
  let t: TestApp;
  const streams: Stream[] = [];
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await t.close();
  });

  it('delivers only committed events, after the commit', async () => {
    t = await createTestApp(dialect);
    const { workspace } = await seedWithClients(t, 'blank');
    const received: DomainEvent[] = [];
    const unsubscribe = t.ctx.realtime.subscribe(workspace.id, (e) => received.push(e));
    const actor = systemActor(workspace.id);
    // told apart by their entity ids: 'committed', 'rolled_back', 'marker'
    const emit = (trx: Parameters<typeof appendEvent>[1], entityId: string) =>
      appendEvent(t.ctx, trx, actor, { type: 'workspace.updated', entityType: 'workspace', entityId }, nowIso(t.clock));

    await withTransaction(t.ctx.db, async (trx) => {
      await emit(trx, 'committed');
      await sleep(150); // time enough for a premature delivery to show up
      expect(received).toEqual([]);
    });
    await eventually(() => received.find((e) => e.entityId === 'committed'));

    await expect(
      withTransaction(t.ctx.db, async (trx) => {
        await emit(trx, 'rolled_back');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await withTransaction(t.ctx.db, (trx) => emit(trx, 'marker'));
    // Deliveries keep commit order, so once the marker is here a rolled-back event would be too.
    await eventually(() => received.find((e) => e.entityId === 'marker'));
    expect(received.map((e) => e.entityId)).toEqual(['committed', 'marker']);
    unsubscribe();
  });

  it('streams a workspace event over SSE to permitted members of that workspace only', async () => {
    t = await createTestApp(dialect);
    const { admin, viewer, workspace } = await seedWithClients(t);
    const other = await otherWorkspace(t);
    const base = await listen(t);
    const adminStream = await openStream(base, admin);
    const viewerStream = await openStream(base, viewer);
    const outsiderStream = await openStream(base, other.client);
    streams.push(adminStream, viewerStream, outsiderStream);
    expect(adminStream.status).toBe(200);
    expect(adminStream.contentType).toMatch(/^text\/event-stream/);
    expect((await fetch(`${base}/api/realtime`)).status).toBe(401);

    await admin.post('/api/api-keys', { name: 'Only admins hear of this', role: 'viewer' });
    expect((await admin.patch('/api/workspace', { name: 'Pesantren Live' })).statusCode).toBe(200);
    const update = await adminStream.waitFor('workspace.updated');
    expect(update.data).toMatchObject({ workspaceId: workspace.id, entityId: workspace.id, type: 'workspace.updated' });
    await adminStream.waitFor('api_key.created');

    // The viewer gets workspace news but not what needs settings.manage.
    await viewerStream.waitFor('workspace.updated');
    expect(viewerStream.types()).not.toContain('api_key.created');

    // The other workspace hears only its own events.
    await other.client.patch('/api/workspace', { name: 'Elsewhere' });
    const own = await outsiderStream.waitFor('workspace.updated');
    expect(own.data.workspaceId).toBe(other.workspace.id);
    expect(outsiderStream.messages.every((m) => m.data.workspaceId === other.workspace.id)).toBe(true);
  });
});

describe.skipIf(!DIALECTS.includes('postgres'))('realtime across nodes (PostgreSQL LISTEN/NOTIFY)', () => {
  let t: TestApp;
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
    await t.close();
  });

  it('an event written through node A reaches a stream on node B', async () => {
    t = await createTestApp('postgres');
    const { admin, workspace } = await seedWithClients(t);
    // Node B: another server process over the same database, on the same channel.
    const nodeB = await startNode(t.testDb, { channelSuffix: t.testDb.name });
    cleanup.push(() => nodeB.close());
    const bBase = await listen(nodeB);
    const onB = new TestClient(nodeB.app);
    await onB.login('manager@demo.test');
    const stream = await openStream(bBase, onB);
    cleanup.push(() => stream.close());

    expect((await admin.patch('/api/workspace', { name: 'Written on node A' })).statusCode).toBe(200);
    const message = await stream.waitFor('workspace.updated');
    expect(message.data).toMatchObject({ workspaceId: workspace.id, type: 'workspace.updated' });

    // A large event travels by reference and is read back from the table on node B.
    await withTransaction(t.ctx.db, (trx) =>
      appendEvent(
        t.ctx,
        trx,
        systemActor(workspace.id),
        { type: 'workspace.created', entityType: 'workspace', payload: { name: 'x'.repeat(10_000) } },
        nowIso(t.clock),
      ),
    );
    const big = await stream.waitFor('workspace.created');
    expect((big.data.payload as { name: string }).name).toHaveLength(10_000);
  });
});
