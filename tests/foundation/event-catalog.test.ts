import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../src/server/modules/events/event-bus.js';
import { appendEvent, EventContractError } from '../../src/server/modules/events/events.service.js';
import { modules } from '../../src/server/modules/index.js';
import type { AppContext } from '../../src/server/platform/context.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { nowIso } from '../../src/server/platform/clock.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import { LIVE_EVENTS } from '../../src/web/lib/realtime-events.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';

describeEachDialect('event catalog', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('refuses an undeclared type, a payload its schema does not allow and the wrong entity, writing nothing', async () => {
    t = await createTestApp(dialect);
    const { workspace } = await seedWithClients(t, 'blank');
    const actor = systemActor(workspace.id);
    const count = async () => (await t.ctx.db.selectFrom('events').select('id').execute()).length;
    const before = await count();
    const attempt = (input: Parameters<typeof appendEvent>[3]) =>
      withTransaction(t.ctx.db, (trx) => appendEvent(t.ctx, trx, actor, input, nowIso(t.clock)));

    // @ts-expect-error an undeclared type is a type error, and refused at run time
    await expect(attempt({ type: 'deal.teleported', entityType: 'deal', payload: {} })).rejects.toThrow(
      /deal\.teleported is not declared/,
    );
    await expect(
      attempt({
        type: 'contact.created',
        entityType: 'contact',
        entityId: '018f0000-0000-7000-8000-000000000001',
        // @ts-expect-error a payload that breaks its schema is a type error, and refused at run time
        payload: { fullName: 42, typeKey: null, ownerId: null },
      }),
    ).rejects.toThrow(EventContractError);
    await expect(
      attempt({
        type: 'contact.created',
        entityType: 'contact',
        // @ts-expect-error fields the schema does not name are refused too
        payload: { fullName: 'A', typeKey: null, ownerId: null, guessMe: true },
      }),
    ).rejects.toThrow(/guessMe/);
    await expect(attempt({ type: 'workspace.updated', entityType: 'deal' })).rejects.toThrow(/about a workspace/);
    expect(await count()).toBe(before);
  });

  it('publishes every type with its payload schema: GET /api/events/catalog and the OpenAPI components', async () => {
    t = await createTestApp(dialect);
    const { agent } = await seedWithClients(t, 'blank');
    expect((await t.app.inject({ method: 'GET', url: '/api/events/catalog' })).statusCode).toBe(401);
    const res = await agent.get('/api/events/catalog');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ type: string; payloadSchema: { properties?: Record<string, unknown> } }>;
    expect(items.map((i) => i.type)).toEqual([...t.ctx.events.catalog.keys()].sort());
    const moved = items.find((i) => i.type === 'deal.moved')!;
    expect(moved).toMatchObject({ entityType: 'deal', realtimePermission: 'deals.view', onTimeline: true });
    expect(Object.keys(moved.payloadSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['toStageId', 'toStage', 'ownerId', 'reason']),
    );
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const { type } of items) expect(openapi.components.schemas).toHaveProperty([`Event.${type}`]);
    expect(openapi.components.schemas['Event.deal.moved']).toMatchObject({
      type: 'object',
      description: 'A deal moved to another stage',
      properties: { toStage: { type: 'string' }, reason: { type: ['string', 'null'] } },
      additionalProperties: false,
    });
  });
});

describe('event subscriptions', () => {
  const catalog = createEventBus(() => ({}) as AppContext, modules, true).catalog;

  it('a module listening to a type no module declares fails start-up', () => {
    const listener = { name: 'typo', on: { 'deal.movd': async () => undefined } } as never;
    expect(() => createEventBus(() => ({}) as AppContext, [...modules, listener], true)).toThrow(
      /typo listens to deal\.movd/,
    );
  });

  it('a type declared twice fails start-up', () => {
    const twice = { name: 'copy', events: { 'deal.moved': catalog.get('deal.moved')! } };
    expect(() => createEventBus(() => ({}) as AppContext, [...modules, twice], true)).toThrow(/declared twice/);
  });

  it("the web app's live subscriptions name declared types, each group every event of its entity", () => {
    for (const [entity, types] of Object.entries(LIVE_EVENTS)) {
      for (const type of types) expect(catalog.has(type), `${type} is declared`).toBe(true);
      const ofEntity = [...catalog].filter(([, def]) => def.entity === entity).map(([type]) => type);
      expect(types, `LIVE_EVENTS.${entity}`).toEqual(expect.arrayContaining(ofEntity));
    }
  });
});
