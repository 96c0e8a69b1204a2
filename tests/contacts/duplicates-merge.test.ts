import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock.js';
import { registerContactMergeHandler } from '../../src/server/modules/contacts/contacts.service.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createContact, errorFields, tagIdByName } from './helpers.js';

const moved: Array<{ mergedIds: string[]; survivorId: string }> = [];
registerContactMergeHandler('test-deals', {
  async move(_trx, _ws, mergedIds, survivorId) {
    moved.push({ mergedIds, survivorId });
    return { mergedIds };
  },
  async undo(_trx, _ws, data) {
    moved.push({ mergedIds: (data as { mergedIds: string[] }).mergedIds, survivorId: 'undone' });
  },
});

describeEachDialect('contacts: duplicates and merge', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
    moved.length = 0;
  });
  afterEach(async () => t.close());

  it('finds likely duplicates by normalized phone, email and similar name on create, update and check', async () => {
    const { admin, agent } = await seedWithClients(t, 'school');
    const siti = await createContact(admin, {
      firstName: 'Siti',
      lastName: 'Rahmawati',
      emails: [{ email: 'siti@example.com' }],
      phones: [{ number: '0812-3456-7890' }],
    });
    expect(siti.duplicates).toEqual([]);
    const samePhone = await createContact(admin, {
      firstName: 'Ibu',
      lastName: 'Siti',
      phones: [{ number: '+62 812 3456 7890' }],
    });
    expect(samePhone.duplicates).toEqual([expect.objectContaining({ contactId: siti.id, reasons: ['phone'] })]);
    const sameEmail = await createContact(admin, {
      firstName: 'S.',
      lastName: 'R.',
      emails: [{ email: 'SITI@example.com' }],
    });
    expect(sameEmail.duplicates.map((d: { contactId: string }) => d.contactId)).toEqual([siti.id]);
    expect(sameEmail.duplicates[0].reasons).toEqual(['email']);
    const similar = await createContact(admin, { firstName: 'siti', lastName: 'Rahmawaty' });
    expect(similar.duplicates.map((d: { contactId: string }) => d.contactId)).toEqual([siti.id]);
    expect(similar.duplicates[0].reasons).toEqual(['name']);
    const unrelated = await createContact(admin, { firstName: 'Budi', lastName: 'Santoso' });
    expect(unrelated.duplicates).toEqual([]);

    const check = await admin.post('/api/contacts/duplicates/check', {
      firstName: 'Siti',
      lastName: 'Rahmawati',
      phones: ['0812 3456 7890'],
      emails: ['siti@example.com'],
    });
    expect(check.statusCode).toBe(200);
    const first = check.json().items[0];
    expect(first.contactId).toBe(siti.id);
    expect(first.reasons).toEqual(['email', 'phone', 'name']);
    // an agent who sees only their own contacts is not shown someone else's as a duplicate
    const asAgent = await agent.post('/api/contacts/duplicates/check', {
      firstName: 'Siti',
      lastName: 'Rahmawati',
      phones: ['0812 3456 7890'],
      emails: ['siti@example.com'],
    });
    expect(asAgent.statusCode).toBe(200);
    expect(asAgent.json().items).toEqual([]);
    const self = await admin.post('/api/contacts/duplicates/check', {
      firstName: 'Siti',
      lastName: 'Rahmawati',
      excludeId: siti.id,
    });
    expect(self.json().items.map((d: { contactId: string }) => d.contactId)).toEqual([similar.id]);

    const edited = await admin.patch(`/api/contacts/${unrelated.id}`, {
      version: 1,
      emails: [{ email: 'siti@example.com' }],
    });
    expect(
      edited
        .json()
        .duplicates.map((d: { contactId: string }) => d.contactId)
        .sort(),
    ).toEqual([siti.id, sameEmail.id].sort());
  });

  it('lists likely duplicate pairs across the workspace and forgets dismissed ones', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const a = await createContact(admin, {
      firstName: 'Dewi',
      lastName: 'Lestari',
      phones: [{ number: '0857 1122 3344' }],
    });
    const b = await createContact(admin, {
      firstName: 'Dewi',
      lastName: 'Lestary',
      phones: [{ number: '085711223344' }],
    });
    const c = await createContact(admin, { firstName: 'Agus', emails: [{ email: 'agus@example.com' }] });
    const d = await createContact(admin, { firstName: 'Agus P', emails: [{ email: 'agus@example.com' }] });
    await createContact(admin, { firstName: 'Lone', lastName: 'Wolf' });
    const pairs = (await admin.get('/api/contacts/duplicates')).json().items;
    const keyed = pairs.map((p: { a: { id: string }; b: { id: string }; reasons: string[] }) => [
      [p.a.id, p.b.id].sort().join('|'),
      p.reasons.sort().join(','),
    ]);
    expect(Object.fromEntries(keyed)).toEqual({
      [[a.id, b.id].sort().join('|')]: 'name,phone',
      [[c.id, d.id].sort().join('|')]: 'email',
    });
    expect((await admin.post('/api/contacts/duplicates/dismiss', { contactIds: [d.id, c.id] })).statusCode).toBe(200);
    expect((await admin.get('/api/contacts/duplicates')).json().items).toHaveLength(1);
  });

  it('merges contacts: picked values survive, children move, the rest goes; undo restores them', async () => {
    const { admin, manager, agent } = await seedWithClients(t, 'school');
    const asrama = await tagIdByName(admin, 'Asrama');
    const beasiswa = await tagIdByName(admin, 'Beasiswa');
    const survivor = await createContact(admin, {
      firstName: 'Siti',
      lastName: 'Rahma',
      typeKey: 'prospect_parent',
      emails: [{ email: 'siti@example.com' }],
      phones: [{ number: '0812 3456 7890' }],
      tagIds: [asrama],
      custom: { children_count: 1 },
    });
    const dup = await createContact(admin, {
      firstName: 'Siti',
      lastName: 'Rahmawati',
      typeKey: 'prospect_parent',
      team: 'Admissions',
      birthday: '1985-04-12',
      emails: [{ email: 'siti@example.com' }, { email: 'siti.r@work.id' }],
      phones: [{ number: '0812-3456-7890' }, { number: '0857 9999 0000' }],
      tagIds: [asrama, beasiswa],
      custom: { children_count: 2, grade_interest: 'smp' },
    });
    const friend = await createContact(admin, { firstName: 'Budi' });
    await admin.post(`/api/contacts/${dup.id}/notes`, { body: 'Note on the duplicate' });
    await admin.post(`/api/contacts/${dup.id}/relationships`, { relatedContactId: friend.id, kind: 'spouse' });
    await admin.post(`/api/contacts/${dup.id}/relationships`, { relatedContactId: survivor.id, kind: 'sibling' });
    await admin.post(`/api/contacts/${dup.id}/links`, { system: 'student_app', externalId: 'S-9' });

    expect((await agent.post('/api/contacts/merge', { survivorId: survivor.id, mergedIds: [dup.id] })).statusCode).toBe(
      403,
    );
    expect(
      errorFields(await manager.post('/api/contacts/merge', { survivorId: survivor.id, mergedIds: [survivor.id] })),
    ).toContain('mergedIds');
    expect(
      errorFields(
        await manager.post('/api/contacts/merge', {
          survivorId: survivor.id,
          mergedIds: [dup.id],
          pick: { lastName: friend.id },
        }),
      ),
    ).toContain('pick.lastName');
    expect(
      errorFields(
        await manager.post('/api/contacts/merge', {
          survivorId: survivor.id,
          mergedIds: [dup.id],
          pick: { password: dup.id },
        }),
      ),
    ).toContain('pick.password');

    const res = await manager.post('/api/contacts/merge', {
      survivorId: survivor.id,
      mergedIds: [dup.id],
      pick: { lastName: dup.id, 'custom.children_count': dup.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json().contact;
    expect(merged.fullName).toBe('Siti Rahmawati');
    expect(merged.team).toBe('Admissions'); // the survivor had none
    expect(merged.birthday).toBe('1985-04-12');
    expect(merged.custom).toEqual({ children_count: 2, grade_interest: 'smp' });
    expect(merged.emails.map((e: { email: string }) => e.email).sort()).toEqual(['siti.r@work.id', 'siti@example.com']);
    expect(merged.phones.map((p: { e164: string }) => p.e164).sort()).toEqual(['+6281234567890', '+6285799990000']);
    expect(merged.primaryEmail).toBe('siti@example.com');
    expect(merged.tags.map((x: { name: string }) => x.name).sort()).toEqual(['Asrama', 'Beasiswa']);
    expect(
      (await admin.get(`/api/contacts/${survivor.id}/notes`)).json().items.map((n: { body: string }) => n.body),
    ).toEqual(['Note on the duplicate']);
    const rels = (await admin.get(`/api/contacts/${survivor.id}/relationships`)).json().items;
    expect(rels.map((r: { kind: string; related: { id: string } }) => `${r.kind}:${r.related.id}`)).toEqual([
      `spouse:${friend.id}`,
    ]);
    expect((await admin.get(`/api/contacts/${friend.id}/relationships`)).json().items[0].related.id).toBe(survivor.id);
    expect(
      (await admin.get(`/api/contacts/${survivor.id}/links`))
        .json()
        .items.map((l: { externalId: string }) => l.externalId),
    ).toEqual(['S-9']);
    const gone = (await admin.get(`/api/contacts/${dup.id}`)).json();
    expect(gone.deletedAt).not.toBeNull();
    expect(gone.mergedIntoId).toBe(survivor.id);
    expect((await admin.post(`/api/contacts/${dup.id}/restore`)).statusCode).toBe(409);
    expect(moved).toEqual([{ mergedIds: [dup.id], survivorId: survivor.id }]);
    const audit = (
      await admin.get(`/api/audit?entityType=contact&entityId=${survivor.id}&action=contact.merged`)
    ).json().items;
    expect(audit).toHaveLength(1);

    // someone edits the survivor after the merge; undo keeps that edit
    const afterEdit = await admin.patch(`/api/contacts/${survivor.id}`, { version: merged.version, team: 'Finance' });
    expect(afterEdit.statusCode).toBe(200);
    const undo = await manager.post(`/api/contacts/merges/${res.json().merge.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json().undoneAt).not.toBeNull();
    const back = (await admin.get(`/api/contacts/${survivor.id}`)).json();
    expect(back.fullName).toBe('Siti Rahma');
    expect(back.team).toBe('Finance');
    expect(back.custom).toEqual({ children_count: 1 });
    expect(back.emails.map((e: { email: string }) => e.email)).toEqual(['siti@example.com']);
    expect(back.phones).toHaveLength(1);
    expect(back.tags.map((x: { name: string }) => x.name)).toEqual(['Asrama']);
    const restored = (await admin.get(`/api/contacts/${dup.id}`)).json();
    expect(restored).toMatchObject({ deletedAt: null, mergedIntoId: null, fullName: 'Siti Rahmawati' });
    expect(restored.emails).toHaveLength(2);
    expect(restored.tags).toHaveLength(2);
    expect((await admin.get(`/api/contacts/${dup.id}/notes`)).json().items).toHaveLength(1);
    expect(
      (await admin.get(`/api/contacts/${dup.id}/relationships`))
        .json()
        .items.map((r: { kind: string }) => r.kind)
        .sort(),
    ).toEqual(['sibling', 'spouse']);
    expect((await admin.get(`/api/contacts/${dup.id}/links`)).json().items).toHaveLength(1);
    expect(moved[1]).toEqual({ mergedIds: [dup.id], survivorId: 'undone' });
    expect((await manager.post(`/api/contacts/merges/${res.json().merge.id}/undo`)).json().code).toBe(
      'MERGE_NOT_UNDOABLE',
    );
  });

  it('allows undo for 30 days only', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const a = await createContact(admin, { firstName: 'Eko', lastName: 'Saputra' });
    const b = await createContact(admin, { firstName: 'Eko', lastName: 'Saputro' });
    const res = await admin.post('/api/contacts/merge', { survivorId: a.id, mergedIds: [b.id] });
    (t.clock as ManualClock).advance(31 * 86_400);
    await admin.login('admin@demo.test');
    const late = await admin.post(`/api/contacts/merges/${res.json().merge.id}/undo`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('MERGE_NOT_UNDOABLE');
    expect((await admin.get(`/api/contacts/${b.id}`)).json().mergedIntoId).toBe(a.id);
  });
});
