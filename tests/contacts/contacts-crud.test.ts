import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findContactProfile } from '../../src/server/modules/contacts/contacts.repository.js';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { contactPurgeJob } from '../../src/server/modules/contacts/contacts.jobs.js';
import { ManualClock } from '../../src/server/platform/clock.js';
import { countRows, createContact, errorFields } from './helpers.js';

describeEachDialect('contacts: create, read, update, delete', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
  });
  afterEach(async () => t.close());

  it('stores phones in E.164 using the workspace region and keeps every email and phone', async () => {
    const { agent } = await seedWithClients(t, 'school');
    const c = await createContact(agent, {
      firstName: 'Siti',
      lastName: 'Rahma',
      typeKey: 'student_parent',
      emails: [{ email: 'Siti@Example.COM' }, { email: 'siti.work@example.com', label: 'work', isPrimary: true }],
      phones: [{ number: '0812-3456-7890', label: 'WhatsApp' }, { number: '+1 415 555 0134' }],
      address: { city: 'Bandung', country: 'ID' },
      birthday: '1985-04-12',
      gender: 'female',
      preferredLanguage: 'id',
    });
    expect(c.fullName).toBe('Siti Rahma');
    expect(c.phones.map((p: { e164: string }) => p.e164)).toEqual(['+6281234567890', '+14155550134']);
    expect(c.primaryPhone).toBe('+6281234567890');
    expect(c.primaryEmail).toBe('siti.work@example.com');
    expect(c.emails.map((e: { email: string }) => e.email).sort()).toEqual([
      'siti.work@example.com',
      'siti@example.com',
    ]);
    expect(c.ownerId).toBe(await userIdByEmail(t.ctx, 'agent@demo.test'));
    expect(c.version).toBe(1);
    const got = await agent.get(`/api/contacts/${c.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().address).toEqual({ city: 'Bandung', country: 'ID' });
    expect(got.json().doNotContact).toBe(false);
  });

  it('reads one contact with its owner and company names, tags by name and primary email and phone first', async () => {
    const { admin, agent } = await seedWithClients(t, 'school');
    const company = (await admin.post('/api/companies', { name: 'Koperasi Sejahtera' })).json();
    const c = await createContact(admin, {
      firstName: 'Dewi',
      lastName: 'Lestari',
      companyId: company.id,
      emails: [{ email: 'dewi@example.com' }, { email: 'dewi.kantor@example.com', label: 'work', isPrimary: true }],
      phones: [{ number: '0812-1111-2222' }, { number: '0813-3333-4444', label: 'WhatsApp', isPrimary: true }],
    });
    for (const name of ['Zeta', 'Alumni 2020']) {
      const tag = (await admin.post('/api/tags', { name })).json();
      expect((await admin.post('/api/contacts/tags/add', { contactIds: [c.id], tagIds: [tag.id] })).statusCode).toBe(
        200,
      );
    }
    const got = (await admin.get(`/api/contacts/${c.id}`)).json();
    expect(got.ownerName).toBe('Ayu Admin');
    expect(got.companyName).toBe('Koperasi Sejahtera');
    expect(got.tags.map((x: { name: string }) => x.name)).toEqual(['Alumni 2020', 'Zeta']);
    expect(got.emails.map((e: { email: string; isPrimary: boolean }) => [e.email, e.isPrimary])).toEqual([
      ['dewi.kantor@example.com', true],
      ['dewi@example.com', false],
    ]);
    expect(
      got.phones.map((p: { e164: string; label: string | null; isPrimary: boolean }) => [p.e164, p.label, p.isPrimary]),
    ).toEqual([
      ['+6281333334444', 'WhatsApp', true],
      ['+6281211112222', null, false],
    ]);
    expect(got.version).toBe(c.version);
    // the new contact is found by its company, its second email and its number as typed
    for (const q of ['koperasi', 'dewi.kantor', '0812 1111'])
      expect(
        (await admin.get(`/api/contacts/search?q=${encodeURIComponent(q)}`))
          .json()
          .items.map((x: { id: string }) => x.id),
        q,
      ).toEqual([c.id]);
    // an agent sees only contacts they own; an unknown id is a 404 too
    expect((await agent.get(`/api/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/contacts/0190f0f0-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it.runIf(dialect === 'postgres')(
    'keeps reading a contact on a connection whose prepared read predates a new column',
    async () => {
      const { admin, workspace } = await seedWithClients(t, 'school');
      const c = await createContact(admin, { firstName: 'Rudi', lastName: 'Hartono' });
      const ws = workspace.id;
      const rolledBack = new Error('roll back the probe column');
      await expect(
        t.ctx.db.transaction().execute(async (trx) => {
          expect((await findContactProfile(trx, ws, c.id))?.full_name).toBe('Rudi Hartono');
          // what another node's migration does while this connection keeps the prepared statement
          await sql`alter table contacts add column probe_column text`.execute(trx);
          expect((await findContactProfile(trx, ws, c.id))?.full_name).toBe('Rudi Hartono');
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
    },
  );

  it('rejects bad input with a 4xx naming the field and writes nothing', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ firstName: 'A', phones: [{ number: '0812-34' }] }, 'phones.0.number'],
      [{ firstName: 'A', phones: [{ number: 'call me maybe' }] }, 'phones.0.number'],
      [{ firstName: 'A', emails: [{ email: 'not-an-email' }] }, 'emails.0.email'],
      [{ firstName: 'A', nickname: 'x' }, 'nickname'],
      [{ firstName: 42 }, 'firstName'],
      [{ firstName: 'x'.repeat(101) }, 'firstName'],
      [{ firstName: 'A', typeKey: 'martian' }, 'typeKey'],
      [{ firstName: 'A', sourceKey: 'carrier_pigeon' }, 'sourceKey'],
      [{ firstName: 'A', birthday: '31/12/1990' }, 'birthday'],
      [{ firstName: 'A', companyId: '0190f0f0-0000-7000-8000-000000000000' }, 'companyId'],
      [{ firstName: 'A', ownerId: 'not-an-id' }, 'ownerId'],
      [{ firstName: 'A', custom: { grade_interest: 'university' } }, 'custom.grade_interest'],
      [{ firstName: 'A', custom: { children_count: 'two' } }, 'custom.children_count'],
      [{ firstName: 'A', custom: { shoe_size: 42 } }, 'custom.shoe_size'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/contacts', body);
      expect(res.statusCode, `${field}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(errorFields(res), res.body).toContain(field);
    }
    expect(await countRows(admin)).toBe(0);
    expect(await t.ctx.db.selectFrom('contact_phones').select('id').execute()).toHaveLength(0);
  });

  it('updates with optimistic concurrency: a stale version gets 409 and loses nothing', async () => {
    const { admin, manager } = await seedWithClients(t, 'school');
    const c = await createContact(admin, {
      firstName: 'Budi',
      lastName: 'Santoso',
      phones: [{ number: '0813 2211 4455' }],
    });
    const first = await admin.patch(`/api/contacts/${c.id}`, {
      version: 1,
      team: 'Admissions',
      phones: [{ number: '0813 2211 4455' }, { number: '0857-1122-3344' }],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await manager.patch(`/api/contacts/${c.id}`, { version: 1, team: 'Finance' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const now = (await admin.get(`/api/contacts/${c.id}`)).json();
    expect(now.team).toBe('Admissions');
    expect(now.phones).toHaveLength(2);
    expect(now.version).toBe(2);
    const cleared = await manager.patch(`/api/contacts/${c.id}`, { version: 2, team: null, lastName: null });
    expect(cleared.json().team).toBeNull();
    expect(cleared.json().fullName).toBe('Budi');
  });

  it('soft-deletes to the trash, restores, and the purge job removes it after the retention period', async () => {
    const { admin, agent } = await seedWithClients(t, 'school');
    const c = await createContact(admin, { firstName: 'Old', lastName: 'Record' });
    expect((await agent.delete(`/api/contacts/${c.id}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/contacts/${c.id}`)).statusCode).toBe(200);
    expect(await countRows(admin)).toBe(0);
    expect(await countRows(admin, { deleted: true })).toBe(1);
    const restored = await admin.post(`/api/contacts/${c.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    expect(await countRows(admin)).toBe(1);

    await admin.delete(`/api/contacts/${c.id}`);
    const clock = t.clock as ManualClock;
    clock.advance(89 * 86_400);
    await admin.login('admin@demo.test'); // the session expired meanwhile
    await contactPurgeJob.handler(t.ctx, {
      id: 'j',
      workspaceId: null,
      payload: {},
      attempt: 1,
      progress: async () => undefined,
      signal: new AbortController().signal,
    });
    expect(await countRows(admin, { deleted: true })).toBe(1);
    clock.advance(2 * 86_400);
    const result = await contactPurgeJob.handler(t.ctx, {
      id: 'j',
      workspaceId: null,
      payload: {},
      attempt: 1,
      progress: async () => undefined,
      signal: new AbortController().signal,
    });
    expect(result).toEqual({ purged: 1 });
    expect(await countRows(admin, { deleted: true })).toBe(0);
    expect((await admin.get(`/api/contacts/${c.id}`)).statusCode).toBe(404);
  });

  it('honours a shorter retention set in contact settings', async () => {
    const { admin, manager } = await seedWithClients(t, 'school');
    expect((await admin.get('/api/contact-settings')).json()).toEqual({ retentionDays: 90 });
    expect((await manager.patch('/api/contact-settings', { retentionDays: 7 })).statusCode).toBe(403);
    expect((await admin.patch('/api/contact-settings', { retentionDays: 0 })).statusCode).toBe(400);
    expect((await admin.patch('/api/contact-settings', { retentionDays: 7 })).json()).toEqual({ retentionDays: 7 });
    const c = await createContact(admin, { firstName: 'Short', lastName: 'Lived' });
    await admin.delete(`/api/contacts/${c.id}`);
    (t.clock as ManualClock).advance(8 * 86_400);
    await contactPurgeJob.handler(t.ctx, {
      id: 'j',
      workspaceId: null,
      payload: {},
      attempt: 1,
      progress: async () => undefined,
      signal: new AbortController().signal,
    });
    expect(await countRows(admin, { deleted: true })).toBe(0);
  });

  it('shows agents only their own contacts unless the workspace lets them see all', async () => {
    const { admin, agent } = await seedWithClients(t, 'school');
    const mine = await createContact(agent, { firstName: 'Agent', lastName: 'Owned' });
    const other = await createContact(admin, { firstName: 'Admin', lastName: 'Owned' });
    expect((await agent.get('/api/contacts')).json().items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await agent.get(`/api/contacts/${other.id}`)).statusCode).toBe(404);
    expect((await agent.patch(`/api/contacts/${other.id}`, { version: 1, team: 'x' })).statusCode).toBe(404);
    await admin.patch('/api/workspace', { settings: { agentsSeeAll: true } });
    expect((await agent.get(`/api/contacts/${other.id}`)).statusCode).toBe(200);
  });

  it('writes an audit entry with before/after and an event for every change', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const c = await createContact(admin, { firstName: 'Audit', lastName: 'Me' });
    await admin.patch(`/api/contacts/${c.id}`, { version: 1, firstName: 'Audited' });
    const audit = (await admin.get(`/api/audit?entityType=contact&entityId=${c.id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['contact.updated', 'contact.created']);
    expect(audit[0].changes.diff.firstName).toEqual({ from: 'Audit', to: 'Audited' });
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('entity_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['contact.created', 'contact.updated']);
  });
});
