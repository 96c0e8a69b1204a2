import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { people } from './helpers.js';

describeEachDialect('calendar and iCalendar feed', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true, config: { PUBLIC_URL: 'https://crm.example.test' } });
  });
  afterEach(async () => t.close());

  it('shows tasks at their due time and scheduled activities in a range', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    await s.agent.post('/api/tasks', { title: 'Call parents', dueAt: '2026-01-07T02:00:00Z', contactId: p.contactId });
    await s.agent.post('/api/tasks', { title: 'Next month', dueAt: '2026-02-07T02:00:00Z' });
    await s.agent.post('/api/activities', {
      typeId: 'school_visit',
      contactId: p.contactId,
      title: 'Campus tour',
      status: 'scheduled',
      occurredAt: '2026-01-08T03:00:00Z',
      durationMinutes: 90,
    });
    await s.manager.post('/api/tasks', { title: 'Manager task', dueAt: '2026-01-07T05:00:00Z' });
    const res = await s.agent.get('/api/calendar?from=2026-01-05T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect(
      res.json().items.map((i: { kind: string; title: string; end: string | null }) => [i.kind, i.title, i.end]),
    ).toEqual([
      ['task', 'Call parents', null],
      ['activity', 'Campus tour', '2026-01-08T04:30:00.000Z'],
    ]);
    const all = await s.manager.get('/api/calendar?from=2026-01-05T00:00:00Z&to=2026-02-01T00:00:00Z&userId=all');
    expect(all.json().items).toHaveLength(3);
    expect(
      (await s.agent.get('/api/calendar?from=2026-01-05T00:00:00Z&to=2026-02-01T00:00:00Z&userId=all')).json().field,
    ).toBe('userId');
    expect((await s.agent.get('/api/calendar?from=2026-01-05T00:00:00Z&to=2026-09-01T00:00:00Z')).json().field).toBe(
      'to',
    );
  });

  it('serves a personal .ics feed by secret link, which a reset invalidates', async () => {
    const s = await seedWithClients(t);
    const p = await people(t, s.workspace.id);
    await s.agent.post('/api/tasks', { title: 'Send brochure', dueAt: '2026-01-07T02:00:00Z', contactId: p.contactId });
    await s.manager.post('/api/tasks', { title: 'Not in the agent feed', dueAt: '2026-01-07T02:00:00Z' });
    expect((await s.agent.get('/api/calendar/feed')).json().active).toBe(false);
    const feed = (await s.agent.post('/api/calendar/feed', {})).json();
    expect(feed.url).toMatch(/^https:\/\/crm\.example\.test\/api\/calendar\/feed\/[A-Za-z0-9_-]+\.ics$/);
    const path = new URL(feed.url).pathname;
    const ics = await t.app.inject({ method: 'GET', url: path }); // no cookie: calendar apps cannot sign in
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain('SUMMARY:☐ Send brochure');
    expect(ics.body).toContain('DTSTART:20260107T020000Z');
    expect(ics.body).not.toContain('Not in the agent feed');
    expect((await s.agent.get('/api/calendar/feed')).json()).toMatchObject({
      active: true,
      lastUsedAt: t.clock.now().toISOString(),
    });

    await s.agent.post('/api/calendar/feed', {});
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/calendar/feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics' })).json().code,
    ).toBe('CALENDAR_FEED_INVALID');
    await s.agent.delete('/api/calendar/feed');
    expect((await s.agent.get('/api/calendar/feed')).json().active).toBe(false);
  });
});
