import { afterEach, beforeEach, expect, it } from 'vitest';
import { withTransaction } from '../../src/server/platform/transaction.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { changeContactType, registerContactTypeRule } from '../../src/server/modules/contacts/contacts.service.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createContact, errorFields } from './helpers.js';

describeEachDialect('contacts: types, sources, custom fields and type rules', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('gives each template its own contact types and sources', async () => {
    const school = await seedWithClients(t, 'school');
    const types = (await school.admin.get('/api/contact-types')).json().items.map((x: { key: string }) => x.key);
    expect(types).toEqual(['student_parent', 'prospect_parent', 'alumni_parent', 'external']);
    const hospital = await t.ctx.db
      .selectFrom('workspaces')
      .select('id')
      .where('template', '=', 'school')
      .executeTakeFirstOrThrow();
    expect(hospital.id).toBe(school.workspace.id);

    const { admin } = await seedWithClients(t, 'hospital'); // logs in to the first workspace; switch to the hospital one
    const wsId = (
      await t.ctx.db.selectFrom('workspaces').select('id').where('template', '=', 'hospital').executeTakeFirstOrThrow()
    ).id;
    await admin.post('/api/auth/switch-workspace', { workspaceId: wsId });
    expect((await admin.get('/api/contact-types')).json().items.map((x: { key: string }) => x.key)).toEqual([
      'patient',
      'lead',
    ]);
    const sources = (await admin.get('/api/contact-sources')).json().items.map((x: { label: string }) => x.label);
    expect(sources).toEqual([
      'Website',
      'Phone call',
      'Walk-in',
      'Patient referral',
      'Doctor referral',
      'Social media',
      'Google Ads',
      'WhatsApp',
      'Email inquiry',
      'Health camp',
      'Corporate',
      'Other',
    ]);
  });

  it('lets admins manage types and sources; others only read them', async () => {
    const { admin, manager } = await seedWithClients(t, 'blank');
    expect((await manager.post('/api/contact-types', { key: 'vip', label: 'VIP' })).statusCode).toBe(403);
    const created = await admin.post('/api/contact-types', {
      key: 'vip',
      label: 'VIP',
      color: '#f59e0b',
      icon: 'star',
    });
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/contact-types', { key: 'vip', label: 'Again' })).json().code).toBe('KEY_TAKEN');
    expect(errorFields(await admin.post('/api/contact-types', { key: 'Not A Key', label: 'x' }))).toContain('key');
    expect(errorFields(await admin.post('/api/contact-types', { key: 'x', label: 'x', color: 'red' }))).toContain(
      'color',
    );
    const renamed = await admin.patch(`/api/contact-types/${created.json().id}`, {
      version: 1,
      label: 'Very important',
    });
    expect(renamed.json().label).toBe('Very important');
    expect(
      (await admin.patch(`/api/contact-types/${created.json().id}`, { version: 1, label: 'Stale' })).statusCode,
    ).toBe(409);
    await createContact(admin, { firstName: 'Ana', typeKey: 'vip' });
    expect((await admin.delete(`/api/contact-types/${created.json().id}`)).json().code).toBe('STILL_IN_USE');
    const listed = (await manager.get('/api/contact-types')).json().items;
    expect(listed[0]).toMatchObject({ key: 'vip', contactCount: 1 });

    const source = await admin.post('/api/contact-sources', { key: 'radio', label: 'Radio ad' });
    expect(source.statusCode).toBe(201);
    const archived = await admin.patch(`/api/contact-sources/${source.json().id}`, { version: 1, isArchived: true });
    expect(archived.json().isArchived).toBe(true);
    expect(errorFields(await admin.post('/api/contacts', { firstName: 'B', sourceKey: 'radio' }))).toContain(
      'sourceKey',
    );
  });

  it('validates custom field values by type on every write, including required and unique fields', async () => {
    const { admin } = await seedWithClients(t, 'blank');
    const defs = [
      { key: 'nik', label: 'NIK', type: 'text', isUnique: true },
      { key: 'score', label: 'Score', type: 'number' },
      { key: 'fee', label: 'Fee', type: 'money' },
      { key: 'enrolled_on', label: 'Enrolled on', type: 'date' },
      { key: 'boarder', label: 'Boarder', type: 'boolean' },
      {
        key: 'grade',
        label: 'Grade',
        type: 'select',
        choices: [
          { value: 'sd', label: 'SD' },
          { value: 'smp', label: 'SMP' },
        ],
      },
      {
        key: 'interests',
        label: 'Interests',
        type: 'multi_select',
        choices: [
          { value: 'math', label: 'Math' },
          { value: 'art', label: 'Art' },
        ],
      },
      { key: 'site', label: 'Site', type: 'url' },
      { key: 'alt_email', label: 'Alt email', type: 'email' },
      { key: 'alt_phone', label: 'Alt phone', type: 'phone' },
      { key: 'bio', label: 'Bio', type: 'long_text' },
      { key: 'campus', label: 'Campus', type: 'text', isRequired: true },
    ];
    for (const d of defs) expect((await admin.post('/api/custom-fields', d)).statusCode).toBe(201);
    expect(errorFields(await admin.post('/api/custom-fields', { key: 'x', label: 'X', type: 'select' }))).toContain(
      'choices',
    );
    expect(
      errorFields(await admin.post('/api/custom-fields', { key: 'y', label: 'Y', type: 'boolean', isUnique: true })),
    ).toContain('isUnique');

    const good = await createContact(admin, {
      firstName: 'Rina',
      custom: {
        nik: '3201',
        score: 88.5,
        fee: 1500000,
        enrolled_on: '2026-07-14',
        boarder: true,
        grade: 'smp',
        interests: ['math', 'art'],
        site: 'https://rina.example',
        alt_email: 'RINA@x.id',
        alt_phone: '+62 812-3456-7890',
        bio: 'Hi',
        campus: 'Bogor',
      },
    });
    expect(good.custom).toMatchObject({
      alt_email: 'rina@x.id',
      alt_phone: '+6281234567890',
      interests: ['math', 'art'],
      boarder: true,
      fee: 1500000,
    });

    const bad: Array<[Record<string, unknown>, string]> = [
      [{ score: '88' }, 'custom.score'],
      [{ fee: 10.5 }, 'custom.fee'],
      [{ enrolled_on: '14/07/2026' }, 'custom.enrolled_on'],
      [{ boarder: 'yes' }, 'custom.boarder'],
      [{ grade: 'sma' }, 'custom.grade'],
      [{ interests: ['music'] }, 'custom.interests'],
      [{ site: 'javascript:alert(1)' }, 'custom.site'],
      [{ alt_email: 'nope' }, 'custom.alt_email'],
      [{ alt_phone: '123' }, 'custom.alt_phone'],
      [{ nik: 'x'.repeat(501) }, 'custom.nik'],
    ];
    for (const [custom, field] of bad) {
      const res = await admin.post('/api/contacts', { firstName: 'X', custom: { campus: 'Bogor', ...custom } });
      expect(res.statusCode, field).toBe(400);
      expect(errorFields(res)).toContain(field);
    }
    const missing = await admin.post('/api/contacts', { firstName: 'X' });
    expect(errorFields(missing)).toContain('custom.campus');
    const dup = await admin.post('/api/contacts', { firstName: 'Y', custom: { campus: 'Bogor', nik: '3201' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('VALUE_NOT_UNIQUE');
    expect(errorFields(dup)).toContain('custom.nik');
    const cleared = await admin.patch(`/api/contacts/${good.id}`, { version: 1, custom: { campus: null } });
    expect(errorFields(cleared)).toContain('custom.campus');
    const edited = await admin.patch(`/api/contacts/${good.id}`, { version: 1, custom: { score: 90, bio: null } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().custom.score).toBe(90);
    expect(edited.json().custom).not.toHaveProperty('bio');
    expect(edited.json().custom.nik).toBe('3201');
  });

  it('filters and sorts by custom fields', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const a = await createContact(admin, {
      firstName: 'A',
      typeKey: 'prospect_parent',
      custom: { children_count: 3, grade_interest: 'sma', needs_dormitory: true },
    });
    const b = await createContact(admin, {
      firstName: 'B',
      typeKey: 'prospect_parent',
      custom: { children_count: 1, grade_interest: 'sd' },
    });
    const c = await createContact(admin, {
      firstName: 'C',
      typeKey: 'prospect_parent',
      custom: { children_count: 12 },
    });
    const query = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/contacts/query', body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((x: { id: string }) => x.id);
    };
    expect(
      await query({
        filter: { conditions: [{ field: 'custom.children_count', op: 'gte', value: 2 }] },
        sort: { field: 'custom.children_count', dir: 'asc' },
      }),
    ).toEqual([a.id, c.id]);
    expect(await query({ filter: {}, sort: { field: 'custom.children_count', dir: 'desc' } })).toEqual([
      c.id,
      a.id,
      b.id,
    ]);
    expect(
      await query({
        filter: { conditions: [{ field: 'custom.grade_interest', op: 'in', value: ['sma', 'sd'] }] },
        sort: { field: 'firstName', dir: 'asc' },
      }),
    ).toEqual([a.id, b.id]);
    expect(
      await query({ filter: { conditions: [{ field: 'custom.needs_dormitory', op: 'eq', value: true }] } }),
    ).toEqual([a.id]);
    expect(await query({ filter: { conditions: [{ field: 'custom.grade_interest', op: 'empty' }] } })).toEqual([c.id]);
    const wrong = await admin.post('/api/contacts/query', {
      filter: { conditions: [{ field: 'custom.children_count', op: 'contains', value: 'x' }] },
    });
    expect(errorFields(wrong)).toContain('filter.conditions.0.op');
    const unknown = await admin.post('/api/contacts/query', {
      filter: { conditions: [{ field: 'custom.nope', op: 'eq', value: 'x' }] },
    });
    expect(errorFields(unknown)).toContain('filter.conditions.0.field');
  });

  it('enforces required-field rules of a type, and rule kinds other modules register', async () => {
    const { admin } = await seedWithClients(t, 'school');
    // the school's student_parent type requires a phone (WhatsApp-first)
    const refused = await admin.post('/api/contacts', {
      firstName: 'No',
      lastName: 'Phone',
      typeKey: 'student_parent',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('CONTACT_TYPE_RULE');
    expect(refused.json().field).toBe('typeKey');
    expect(refused.json().detail).toMatch(/phone/);

    registerContactTypeRule('test_needs_team', async (trx, workspaceId, contactId) => {
      const row = await trx
        .selectFrom('contacts')
        .select('team')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', contactId)
        .executeTakeFirstOrThrow();
      return row.team ? null : 'must belong to a team';
    });
    const types = (await admin.get('/api/contact-types')).json().items as Array<{
      id: string;
      key: string;
      version: number;
    }>;
    const prospect = types.find((x) => x.key === 'prospect_parent')!;
    const unknownKind = await admin.patch(`/api/contact-types/${prospect.id}`, {
      version: prospect.version,
      rules: [{ kind: 'no_such_rule' }],
    });
    expect(errorFields(unknownKind)).toContain('rules.0.kind');
    expect(
      (
        await admin.patch(`/api/contact-types/${prospect.id}`, {
          version: prospect.version,
          rules: [{ kind: 'test_needs_team' }],
        })
      ).statusCode,
    ).toBe(200);

    const c = await createContact(admin, { firstName: 'Dewi', team: 'Admissions', typeKey: 'external' });
    const moved = await admin.patch(`/api/contacts/${c.id}`, {
      version: c.version,
      typeKey: 'prospect_parent',
      team: null,
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().detail).toMatch(/must belong to a team/);
    const still = (await admin.get(`/api/contacts/${c.id}`)).json();
    expect(still.typeKey).toBe('external');
    expect(still.team).toBe('Admissions');

    // changeContactType (deal conversion) runs inside the caller's transaction and enforces rules too
    const actor = systemActor(
      still.id
        ? (
            await t.ctx.db
              .selectFrom('contacts')
              .select('workspace_id')
              .where('id', '=', c.id)
              .executeTakeFirstOrThrow()
          ).workspace_id
        : '',
    );
    await withTransaction(t.ctx.db, (trx) => changeContactType(t.ctx, trx, actor, c.id, 'prospect_parent'));
    expect((await admin.get(`/api/contacts/${c.id}`)).json().typeKey).toBe('prospect_parent');
    await expect(
      withTransaction(t.ctx.db, (trx) => changeContactType(t.ctx, trx, actor, c.id, 'student_parent')),
    ).rejects.toThrow(/phone/);
    expect((await admin.get(`/api/contacts/${c.id}`)).json().typeKey).toBe('prospect_parent');
  });
});
