import { afterEach, expect, it } from 'vitest';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, TestClient, type TestApp } from '../helpers/test-app.js';
import { eventually } from './support.js';

interface Message {
  event: string;
  data: { type: string; entityId: string | null; payload: Record<string, unknown> };
}

/** A live stream read the way the web app reads it; `ended` once the server closes it. */
async function openStream(baseUrl: string, client: TestClient) {
  const headers: Record<string, string> = client.bearer
    ? { authorization: `Bearer ${client.bearer}` }
    : { cookie: client.cookie };
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/realtime`, { headers, signal: abort.signal });
  const messages: Message[] = [];
  const state = { ended: false };
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
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
      state.ended = true;
    } catch {
      // aborted by the test
    }
  })();
  return {
    status: res.status,
    messages,
    state,
    ids: (type: string) => messages.filter((m) => m.event === type).map((m) => m.data.entityId),
    waitFor: (type: string, entityId: string) =>
      eventually(
        () => messages.find((m) => m.event === type && m.data.entityId === entityId),
        5000,
        `${type} ${entityId}`,
      ),
    close: () => abort.abort(),
  };
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDialect('realtime: who receives what, and for how long', (dialect) => {
  let t: TestApp;
  const streams: Array<{ close(): void }> = [];
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await t.close();
  });

  it("sends an agent who sees only their own records the events of their records, not of others'", async () => {
    t = await createTestApp(dialect);
    const { manager, agent } = await seedWithClients(t);
    const base = await listen(t);
    const agentStream = await openStream(base, agent);
    const managerStream = await openStream(base, manager);
    streams.push(agentStream, managerStream);
    const pipelineId = (await manager.get('/api/pipelines')).json().items[0].id;

    const hidden = (await manager.post('/api/contacts', { firstName: 'Hidden', lastName: 'Parent' })).json();
    const hiddenDeal = (await manager.post('/api/deals', { pipelineId, title: 'Hidden deal' })).json();
    await manager.patch(`/api/contacts/${hidden.id}`, { version: hidden.version, lastName: 'Renamed' });
    const mine = (await agent.post('/api/contacts', { firstName: 'Mine' })).json();
    const myDeal = (await agent.post('/api/deals', { pipelineId, title: 'My deal' })).json();

    // the manager sees everything; each stream keeps commit order, so once the agent has its own
    // deal, anything of the manager's written before it would have arrived too
    await managerStream.waitFor('deal.created', myDeal.id);
    expect(managerStream.ids('contact.created')).toEqual([hidden.id, mine.id]);
    expect(managerStream.ids('deal.created')).toEqual([hiddenDeal.id, myDeal.id]);
    await agentStream.waitFor('deal.created', myDeal.id);
    expect(agentStream.ids('contact.created')).toEqual([mine.id]);
    expect(agentStream.ids('deal.created')).toEqual([myDeal.id]);
    expect(agentStream.ids('contact.updated')).toEqual([]);
    expect(JSON.stringify(agentStream.messages)).not.toMatch(/Hidden/);

    // once the contact is the agent's, its news reach the agent
    await manager.patch(`/api/contacts/${hidden.id}`, {
      version: hidden.version + 1,
      ownerId: await userIdByEmail(t.ctx, 'agent@demo.test'),
    });
    const handedOver = await agentStream.waitFor('contact.updated', hidden.id);
    expect(handedOver.data.payload).toMatchObject({ changes: expect.arrayContaining(['ownerId']) });
  });

  it('ends a stream at once on sign-out, deactivation, role change and key revocation', async () => {
    t = await createTestApp(dialect);
    const { admin, manager, agent, viewer } = await seedWithClients(t);
    const base = await listen(t);
    const key = new TestClient(t.app);
    const created = (await admin.post('/api/api-keys', { name: 'Live board', role: 'manager' })).json();
    key.bearer = created.key;
    const [ofAgent, ofViewer, ofManager, ofKey] = await Promise.all(
      [agent, viewer, manager, key].map((c) => openStream(base, c)),
    );
    streams.push(ofAgent, ofViewer, ofManager, ofKey);
    for (const s of [ofAgent, ofViewer, ofManager, ofKey]) expect(s.status).toBe(200);
    // they are open and delivering
    await admin.patch('/api/workspace', { name: 'Still listening' });
    for (const s of [ofAgent, ofViewer, ofManager, ofKey]) await eventually(() => s.ids('workspace.updated').length);
    expect([ofAgent, ofViewer, ofManager, ofKey].map((s) => s.state.ended)).toEqual([false, false, false, false]);

    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    await eventually(() => ofAgent.state.ended, 1000, 'the signed-out stream to end');

    const viewerId = await userIdByEmail(t.ctx, 'viewer@demo.test');
    expect((await admin.patch(`/api/users/${viewerId}`, { isActive: false })).statusCode).toBe(200);
    await eventually(() => ofViewer.state.ended, 1000, "the deactivated member's stream to end");

    const managerId = await userIdByEmail(t.ctx, 'manager@demo.test');
    expect((await admin.patch(`/api/users/${managerId}`, { role: 'viewer' })).statusCode).toBe(200);
    await eventually(() => ofManager.state.ended, 1000, 'the stream of the old role to end');

    expect((await admin.delete(`/api/api-keys/${created.id}`)).statusCode).toBe(200);
    await eventually(() => ofKey.state.ended, 1000, "the revoked key's stream to end");

    // what comes after reaches none of them; a new stream of the manager carries the new role
    const again = await openStream(base, manager);
    streams.push(again);
    expect(again.status).toBe(200);
    expect((await openStream(base, agent)).status).toBe(401);
    expect((await openStream(base, key)).status).toBe(401);
  });

  it('ends a stream whose session was ended elsewhere (another node), within its re-check period', async () => {
    t = await createTestApp(dialect);
    t.ctx.realtime.recheckMs = 200;
    const { agent } = await seedWithClients(t);
    const base = await listen(t);
    const stream = await openStream(base, agent);
    streams.push(stream);
    await sleep(500);
    expect(stream.state.ended).toBe(false);
    // as another node's sign-out does it: the row goes, this node's cache is not told
    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    await t.ctx.db.deleteFrom('sessions').where('user_id', '=', agentId).execute();
    // the session cache may answer for 2 s more; then the next re-check ends the stream
    await eventually(() => stream.state.ended, 4000, 'the stream to end');
  });
});
