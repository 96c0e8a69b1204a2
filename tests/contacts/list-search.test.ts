import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/platform/clock.js';
import { userIdByEmail } from '../helpers/fixtures.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createContact, errorFields, tagIdByName } from './helpers.js';
import { ContactFilter, ContactSort } from '../../src/shared/contracts/contacts-query.js';
import { listContactRows } from '../../src/server/modules/contacts/contact-list.repository.js';
import { listScope } from '../../src/server/modules/contacts/contacts.service.js';
import { systemActor } from '../../src/server/platform/actor.js';

describeEachDialect('contacts: lists, search, saved views and bulk actions', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { manualClock: true });
  });
  afterEach(async () => t.close());

  async function seedPeople(admin: Parameters<typeof createContact>[0]) {
    const people = [
      {
        firstName: 'Ani',
        lastName: 'Wijaya',
        typeKey: 'prospect_parent',
        sourceKey: 'website',
        phones: [{ number: '0812-3456-7890' }],
        emails: [{ email: 'ani@mail.id' }],
        address: { city: 'Bandung' },
      },
      {
        firstName: 'Budi',
        lastName: 'Santoso',
        typeKey: 'student_parent',
        sourceKey: 'whatsapp',
        phones: [{ number: '0813 1111 2222' }],
        birthday: '1980-02-01',
      },
      {
        firstName: 'Citra',
        lastName: 'Lestari',
        typeKey: 'prospect_parent',
        sourceKey: 'whatsapp',
        emails: [{ email: 'citra@sekolah.sch.id' }],
        doNotContact: true,
      },
      {
        firstName: 'Dedi',
        lastName: 'Kurniawan',
        typeKey: 'alumni_parent',
        sourceKey: 'alumni',
        birthday: '1975-09-30',
        address: { city: 'Jakarta' },
      },
      { firstName: 'Eka', lastName: null, typeKey: 'external', sourceKey: 'other' },
    ];
    const out = [];
    for (const p of people) {
      out.push(await createContact(admin, p));
      (t.clock as ManualClock).advance(60);
    }
    return out;
  }

  it('filters on standard fields, types, sources, owners and dates, sorts, and pages with a cursor', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const [ani, budi, citra, dedi, eka] = await seedPeople(admin);
    const names = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/contacts/query', body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((x: { firstName: string }) => x.firstName);
    };
    expect(await names({})).toEqual(['Eka', 'Dedi', 'Citra', 'Budi', 'Ani']);
    expect(await names({ filter: { typeKeys: ['prospect_parent'] }, sort: { field: 'fullName', dir: 'asc' } })).toEqual(
      ['Ani', 'Citra'],
    );
    expect(await names({ filter: { sourceKeys: ['whatsapp'] } })).toEqual(['Citra', 'Budi']);
    expect(await names({ filter: { doNotContact: true } })).toEqual(['Citra']);
    expect(await names({ filter: { conditions: [{ field: 'city', op: 'eq', value: 'Jakarta' }] } })).toEqual(['Dedi']);
    expect(await names({ filter: { conditions: [{ field: 'lastName', op: 'empty' }] } })).toEqual(['Eka']);
    expect(await names({ filter: { conditions: [{ field: 'fullName', op: 'contains', value: 'SANT' }] } })).toEqual([
      'Budi',
    ]);
    expect(await names({ filter: { conditions: [{ field: 'email', op: 'contains', value: 'sekolah' }] } })).toEqual([
      'Citra',
    ]);
    expect(await names({ filter: { conditions: [{ field: 'phone', op: 'contains', value: '0812-3456' }] } })).toEqual(
      [],
    );
    expect(await names({ filter: { conditions: [{ field: 'phone', op: 'contains', value: '8123456' }] } })).toEqual([
      'Ani',
    ]);
    expect(await names({ filter: { conditions: [{ field: 'birthday', op: 'lt', value: '1979-01-01' }] } })).toEqual([
      'Dedi',
    ]);
    expect(await names({ filter: { createdFrom: budi.createdAt, createdTo: dedi.createdAt } })).toEqual([
      'Citra',
      'Budi',
    ]);
    expect(await names({ filter: { ownerIds: ['me'] } })).toHaveLength(5);
    expect(await names({ filter: { ownerIds: ['none'] } })).toEqual([]);
    expect(await names({ sort: { field: 'birthday', dir: 'asc' } })).toEqual(['Dedi', 'Budi', 'Ani', 'Citra', 'Eka']);

    // keyset pages: with a nullable sort column, nulls come last, in id order
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = (
        await admin.post('/api/contacts/query', {
          sort: { field: 'birthday', dir: 'desc' },
          limit: 2,
          cursor,
          includeTotal: i === 0,
        })
      ).json();
      if (i === 0) expect(page.total).toBe(5);
      seen.push(...page.items.map((x: { firstName: string }) => x.firstName));
      cursor = page.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen.slice(0, 2)).toEqual(['Budi', 'Dedi']);
    expect(seen.sort()).toEqual(['Ani', 'Budi', 'Citra', 'Dedi', 'Eka']);

    const get = (
      await admin.get(`/api/contacts?type=prospect_parent,alumni_parent&sort=fullName&dir=asc&includeTotal=true`)
    ).json();
    expect(get.items.map((x: { firstName: string }) => x.firstName)).toEqual(['Ani', 'Citra', 'Dedi']);
    expect(get.total).toBe(3);
    expect(errorFields(await admin.get('/api/contacts?owner=somebody'))).toContain('query.ownerIds.0');
    expect(errorFields(await admin.post('/api/contacts/query', { sort: { field: 'password', dir: 'asc' } }))).toContain(
      'sort.field',
    );
    expect(errorFields(await admin.post('/api/contacts/query', { cursor: 'garbage' }))).toContain('cursor');
    expect([ani, citra, eka].every((c) => c.id)).toBe(true);
  });

  it('searches names, emails, phones in any format, company and notes', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const [ani, budi, citra] = await seedPeople(admin);
    const company = (await admin.post('/api/companies', { name: 'Koperasi Sejahtera' })).json();
    await admin.patch(`/api/contacts/${budi.id}`, { version: 1, companyId: company.id });
    await admin.post(`/api/contacts/${citra.id}/notes`, { body: 'Asked about the robotics club' });
    const search = async (q: string) =>
      (await admin.get(`/api/contacts/search?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((x: { firstName?: string; fullName: string }) => x.fullName);
    expect(await search('ani')).toEqual(['Ani Wijaya']);
    expect(await search('Wij')).toEqual(['Ani Wijaya']);
    expect(await search('0812 3456')).toEqual(['Ani Wijaya']);
    expect(await search('0812-3456-7890')).toEqual(['Ani Wijaya']);
    expect(await search('+6281234')).toEqual(['Ani Wijaya']);
    expect(await search('812 345')).toEqual(['Ani Wijaya']);
    expect(await search('citra@sekolah')).toEqual(['Citra Lestari']);
    expect(await search('koperasi')).toEqual(['Budi Santoso']);
    expect(await search('robotics')).toEqual(['Citra Lestari']);
    expect(await search('zzz')).toEqual([]);
    // short prefixes (1-3 characters have index entries of their own) alone and beside longer terms
    expect(await search('ani w')).toEqual(['Ani Wijaya']);
    expect(await search('ci les')).toEqual(['Citra Lestari']);
    expect(await search('b s')).toEqual(['Budi Santoso']);
    expect(await search('budi san')).toEqual(['Budi Santoso']);
    expect(await search('budi le')).toEqual([]);
    expect((await search('s')).sort()).toEqual(['Budi Santoso', 'Citra Lestari']);
    expect((await admin.get('/api/contacts/search?q=')).statusCode).toBe(400);
    // the list takes the same search, combined with filters
    const listed = (
      await admin.post('/api/contacts/query', { filter: { q: 'lestari', typeKeys: ['prospect_parent'] } })
    ).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([citra.id]);
    await admin.delete(`/api/contacts/${ani.id}`);
    expect(await search('ani')).toEqual([]);
  });

  it('answers with the names that start with the typed words when there are enough, else with the full-text match', async () => {
    const { admin, workspace } = await seedWithClients(t, 'school');
    const names: Array<[string, string | null, string?]> = [
      ['Sari', 'Hartono'],
      ['Sari', 'Wulandari'],
      ['Sári', 'Utami'],
      ['Sari', 'Dewi'],
      ['Sarinah', 'Lubis'],
      ['Dewi', 'Sari'],
      ['Lestari', 'Hartono'],
      ['Lestari', null, 'harini@mail.id'],
      ['Budi', 'Santoso', 'sari.budi@mail.id'],
      ['Rina', 'Nasution'],
      ['Andi', 'Nasution'],
      ['Yusuf', 'Harahap', 'nasution.y@mail.id'],
    ];
    const byName = new Map<string, string>();
    for (const [firstName, lastName, email] of names) {
      const c = await createContact(admin, {
        firstName,
        lastName,
        typeKey: 'prospect_parent',
        ...(email ? { emails: [{ email }] } : {}),
      });
      byName.set(c.fullName, c.id);
      (t.clock as ManualClock).advance(60);
    }
    const search = async (q: string, limit: number) =>
      (await admin.get(`/api/contacts/search?q=${encodeURIComponent(q)}&limit=${limit}`))
        .json()
        .items.map((x: { fullName: string }) => x.fullName);
    const startingWithSari = ['Sari Hartono', 'Sari Wulandari', 'Sári Utami', 'Sari Dewi', 'Sarinah Lubis'];

    // five names start with "sari" (accents aside): three wanted, three of them, most recently changed first
    expect(await search('sari', 3)).toEqual(['Sarinah Lubis', 'Sari Dewi', 'Sári Utami']);
    // ten wanted: too few names, so the full-text match adds those with "sari" elsewhere, after them
    const all = await search('sari', 10);
    expect(all.slice(0, 5).sort()).toEqual([...startingWithSari].sort());
    expect(all.slice(5).sort()).toEqual(['Budi Santoso', 'Dewi Sari']);
    // "Lestari" whose email starts with "har" begins with the words too, but only the name answers both
    expect(await search('Lestari Har', 1)).toEqual(['Lestari Hartono']);
    expect(await search('lestari har', 5)).toEqual(['Lestari Hartono', 'Lestari']);

    // a surname begins no name: the names whose second word begins with it answer, when there are enough
    expect(await search('nasution', 2)).toEqual(['Andi Nasution', 'Rina Nasution']);
    expect(await search('Nasution', 5)).toEqual(['Andi Nasution', 'Rina Nasution', 'Yusuf Harahap']);

    const { contactsStartingWith } = await import('../../src/server/modules/contacts/contact-search.service.js');
    const scope = { db: t.ctx.db, workspaceId: workspace.id, ownerId: null };
    const named = async (q: string) => (await contactsStartingWith(scope, q))?.map((r) => r.full_name).sort() ?? null;
    expect(await named('SARI')).toEqual([...startingWithSari].sort());
    expect(await named('sari w')).toEqual(['Sari Wulandari']);
    expect(await named('0812 3456')).toBeNull();
    expect((await contactsStartingWith(scope, 'nasution', 'second'))?.map((r) => r.full_name).sort()).toEqual([
      'Andi Nasution',
      'Rina Nasution',
    ]);
    expect((await contactsStartingWith(scope, 'nasution'))?.length).toBe(0);
    await admin.delete(`/api/contacts/${byName.get('Sari Dewi')}`);
    expect(await named('sari d')).toEqual([]);
    expect(await search('sari', 4)).toEqual(['Sarinah Lubis', 'Sári Utami', 'Sari Wulandari', 'Sari Hartono']);
    // a member who sees only their own contacts gets only theirs
    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    await admin.patch(`/api/contacts/${byName.get('Sari Hartono')}`, { version: 1, ownerId: agentId });
    expect((await contactsStartingWith({ ...scope, ownerId: agentId }, 'sari'))?.map((r) => r.full_name)).toEqual([
      'Sari Hartono',
    ]);
  });

  it('saves views per user or shared with the workspace', async () => {
    const { admin, agent, manager } = await seedWithClients(t, 'school');
    const view = {
      name: 'Prospects from WhatsApp',
      filter: { typeKeys: ['prospect_parent'], sourceKeys: ['whatsapp'] },
      columns: ['fullName', 'primaryPhone', 'custom.grade_interest'],
      sort: { field: 'fullName', dir: 'asc' },
    };
    const mine = await agent.post('/api/saved-views', view);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({
      name: 'Prospects from WhatsApp',
      isShared: false,
      columns: view.columns,
      sort: view.sort,
    });
    expect((await agent.post('/api/saved-views', { ...view, isShared: true })).statusCode).toBe(403);
    const shared = await manager.post('/api/saved-views', { ...view, name: 'Team prospects', isShared: true });
    expect(shared.statusCode).toBe(201);
    expect((await agent.get('/api/saved-views')).json().items.map((v: { name: string }) => v.name)).toEqual([
      'Prospects from WhatsApp',
      'Team prospects',
    ]);
    expect((await admin.get('/api/saved-views')).json().items.map((v: { name: string }) => v.name)).toEqual([
      'Team prospects',
    ]);
    expect((await admin.delete(`/api/saved-views/${mine.json().id}`)).statusCode).toBe(404);
    expect(
      (await agent.patch(`/api/saved-views/${shared.json().id}`, { version: 1, name: 'Mine now' })).statusCode,
    ).toBe(403);
    const renamed = await agent.patch(`/api/saved-views/${mine.json().id}`, { version: 1, name: 'WA prospects' });
    expect(renamed.json().name).toBe('WA prospects');
    expect(errorFields(await agent.post('/api/saved-views', { name: 'Bad', filter: { typeKeys: 'x' } }))).toContain(
      'filter.typeKeys',
    );
  });

  it('runs bulk actions on a selection or a filter, reporting each failure', async () => {
    const { admin, agent, manager } = await seedWithClients(t, 'school');
    const [ani, budi, citra, dedi, eka] = await seedPeople(admin);
    const beasiswa = await tagIdByName(admin, 'Beasiswa');
    const tagged = await manager.post('/api/contacts/bulk', {
      selection: { filter: { typeKeys: ['prospect_parent'] } },
      action: { kind: 'tag', tagIds: [beasiswa] },
    });
    expect(tagged.json()).toEqual({ matched: 2, updated: 2, failed: [] });
    expect(
      (await admin.post('/api/contacts/query', { filter: { tagIds: [beasiswa] }, includeTotal: true })).json().total,
    ).toBe(2);
    await manager.post('/api/contacts/bulk', {
      selection: { ids: [ani.id] },
      action: { kind: 'untag', tagIds: [beasiswa] },
    });
    expect(
      (await admin.post('/api/contacts/query', { filter: { tagIds: [beasiswa] } }))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([citra.id]);

    const agentId = await userIdByEmail(t.ctx, 'agent@demo.test');
    const owned = await manager.post('/api/contacts/bulk', {
      selection: { ids: [ani.id, budi.id] },
      action: { kind: 'owner', ownerId: agentId },
    });
    expect(owned.json().updated).toBe(2);
    expect(
      (await agent.get('/api/contacts'))
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([ani.id, budi.id].sort());

    // student_parent requires a phone: Dedi and Eka have none, so those two fail with the rule's reason
    const typed = await manager.post('/api/contacts/bulk', {
      selection: { ids: [ani.id, dedi.id, eka.id] },
      action: { kind: 'type', typeKey: 'student_parent' },
    });
    expect(typed.json().updated).toBe(1);
    expect(
      typed
        .json()
        .failed.map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual([dedi.id, eka.id].sort());
    expect(typed.json().failed[0].message).toMatch(/phone/);
    expect((await admin.get(`/api/contacts/${dedi.id}`)).json().typeKey).toBe('alumni_parent');

    expect(
      (await agent.post('/api/contacts/bulk', { selection: { ids: [ani.id] }, action: { kind: 'delete' } })).statusCode,
    ).toBe(403);
    const deleted = await manager.post('/api/contacts/bulk', {
      selection: { filter: { sourceKeys: ['whatsapp'] } },
      action: { kind: 'delete' },
    });
    expect(deleted.json().updated).toBe(2);
    expect((await admin.post('/api/contacts/query', { includeTotal: true })).json().total).toBe(3);
    const restored = await manager.post('/api/contacts/bulk', {
      selection: { filter: { deleted: true } },
      action: { kind: 'restore' },
    });
    expect(restored.json().updated).toBe(2);
    expect(
      errorFields(
        await manager.post('/api/contacts/bulk', {
          selection: { ids: [ani.id, '0190f0f0-0000-7000-8000-000000000000'] },
          action: { kind: 'delete' },
        }),
      ),
    ).toContain('selection.ids.1');
    expect(
      errorFields(
        await manager.post('/api/contacts/bulk', {
          selection: { ids: [ani.id] },
          action: { kind: 'type', typeKey: 'martian' },
        }),
      ),
    ).toContain('action.typeKey');
    expect(
      errorFields(
        await manager.post('/api/contacts/bulk', { selection: { ids: [ani.id] }, action: { kind: 'explode' } }),
      ).length,
    ).toBeGreaterThan(0);
  });

  it('answers a tag filter the same whether the tagged contacts are collected first or looked up per contact', async () => {
    const { workspace, admin, manager } = await seedWithClients(t, 'school');
    const [ani, budi, citra, , eka] = await seedPeople(admin);
    const [asrama, beasiswa] = [await tagIdByName(admin, 'Asrama'), await tagIdByName(admin, 'Beasiswa')];
    await manager.post('/api/contacts/bulk', {
      selection: { ids: [ani.id, citra.id, eka.id] },
      action: { kind: 'tag', tagIds: [asrama] },
    });
    await manager.post('/api/contacts/bulk', {
      selection: { ids: [budi.id, eka.id] },
      action: { kind: 'tag', tagIds: [beasiswa] },
    });
    await manager.post('/api/contacts/bulk', { selection: { ids: [citra.id] }, action: { kind: 'delete' } });
    const scope = await listScope(t.ctx, t.ctx.db, systemActor(workspace.id));
    const pages = async (
      tagMatch: 'in' | 'exists' | undefined,
      tagIds: string[],
      sort: { field: string; dir: 'asc' | 'desc' },
    ) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listContactRows(
          t.ctx.db,
          { ...scope, tagMatch },
          ContactFilter.parse({ tagIds }),
          ContactSort.parse(sort),
          { limit: 1, cursor },
        );
        ids.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    for (const sort of [
      { field: 'updatedAt', dir: 'desc' as const },
      { field: 'fullName', dir: 'asc' as const },
    ]) {
      expect(await pages('in', [asrama], sort)).toEqual(
        sort.field === 'fullName' ? [ani.id, eka.id] : [eka.id, ani.id],
      );
      expect(await pages('exists', [asrama], sort)).toEqual(await pages('in', [asrama], sort));
      expect(await pages(undefined, [asrama], sort)).toEqual(await pages('in', [asrama], sort));
      const either = await pages('in', [asrama, beasiswa], sort);
      expect([...either].sort()).toEqual([ani.id, budi.id, eka.id].sort());
      expect(await pages('exists', [asrama, beasiswa], sort)).toEqual(either);
    }
  });
});
