import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/server/modules/workspaces/demo-seed.js';
import { createContact as createContactService } from '../../src/server/modules/contacts/contacts.service.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createContact, errorFields } from './helpers.js';

describeEachDialect('contacts: relationships, referral chains, external links, companies', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('stores reciprocal relationships: adding one side shows the other', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const mother = await createContact(admin, { firstName: 'Siti' });
    const son = await createContact(admin, { firstName: 'Rizki' });
    const rel = await admin.post(`/api/contacts/${mother.id}/relationships`, {
      relatedContactId: son.id,
      kind: 'parent',
      strength: 10,
      note: 'Mother',
    });
    expect(rel.statusCode, rel.body).toBe(201);
    expect(rel.json()).toMatchObject({ kind: 'parent', strength: 10, related: { id: son.id, fullName: 'Rizki' } });
    const fromSon = (await admin.get(`/api/contacts/${son.id}/relationships`)).json().items;
    expect(fromSon).toHaveLength(1);
    expect(fromSon[0]).toMatchObject({ kind: 'child', strength: 10, related: { id: mother.id } });
    const updated = await admin.patch(`/api/relationships/${fromSon[0].id}`, { strength: 7 });
    expect(updated.json().strength).toBe(7);
    expect((await admin.get(`/api/contacts/${mother.id}/relationships`)).json().items[0].strength).toBe(7);
    expect(
      (await admin.post(`/api/contacts/${mother.id}/relationships`, { relatedContactId: son.id, kind: 'parent' }))
        .statusCode,
    ).toBe(409);
    expect((await admin.delete(`/api/relationships/${rel.json().id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/contacts/${son.id}/relationships`)).json().items).toEqual([]);
  });

  it('refuses bad relationships: strength out of range, self, custom without label, another workspace', async () => {
    const { admin } = await seedWithClients(t, 'school');
    const other = await seedDemoWorkspace(t.ctx, 'sales');
    const foreign = await createContactService(t.ctx, systemActor(other.workspace.id), { firstName: 'Foreign' });
    const a = await createContact(admin, { firstName: 'A' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ relatedContactId: foreign.id, kind: 'sibling' }, 'relatedContactId'],
      [{ relatedContactId: a.id, kind: 'sibling' }, 'relatedContactId'],
      [{ relatedContactId: 'nope', kind: 'sibling' }, 'relatedContactId'],
      [{ relatedContactId: foreign.id, kind: 'enemy' }, 'kind'],
      [{ relatedContactId: foreign.id, kind: 'sibling', strength: 11 }, 'strength'],
      [{ relatedContactId: foreign.id, kind: 'sibling', strength: 0 }, 'strength'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(`/api/contacts/${a.id}/relationships`, body);
      expect(res.statusCode, `${field} ${res.body}`).toBe(400);
      expect(errorFields(res)).toContain(field);
    }
    const b = await createContact(admin, { firstName: 'B' });
    expect(
      errorFields(await admin.post(`/api/contacts/${a.id}/relationships`, { relatedContactId: b.id, kind: 'custom' })),
    ).toContain('customLabel');
    expect(
      (
        await admin.post(`/api/contacts/${a.id}/relationships`, {
          relatedContactId: b.id,
          kind: 'custom',
          customLabel: 'Driver',
        })
      ).json(),
    ).toMatchObject({ kind: 'custom', customLabel: 'Driver' });
    expect(
      await t.ctx.db.selectFrom('contact_relationships').select('id').where('kind', '=', 'sibling').execute(),
    ).toHaveLength(0);
  });

  it('answers a referral chain to any depth, both ways', async () => {
    const { admin } = await seedWithClients(t, 'hospital');
    const [ana, budi, citra, dedi, eka] = await Promise.all(
      ['Ana', 'Budi', 'Citra', 'Dedi', 'Eka'].map((n) => createContact(admin, { firstName: n })),
    );
    // Ana referred Budi; Budi referred Citra and Dedi; Citra referred Eka
    await admin.post(`/api/contacts/${budi.id}/relationships`, { relatedContactId: ana.id, kind: 'referred_by' });
    await admin.post(`/api/contacts/${citra.id}/relationships`, { relatedContactId: budi.id, kind: 'referred_by' });
    await admin.post(`/api/contacts/${budi.id}/relationships`, { relatedContactId: dedi.id, kind: 'referrer' });
    await admin.post(`/api/contacts/${eka.id}/relationships`, { relatedContactId: citra.id, kind: 'referred_by' });
    const down = (await admin.get(`/api/contacts/${ana.id}/referrals`)).json();
    expect(down.upstream).toEqual([]);
    expect(down.downstream.map((n: { fullName: string; depth: number }) => `${n.fullName}@${n.depth}`).sort()).toEqual([
      'Budi@1',
      'Citra@2',
      'Dedi@2',
      'Eka@3',
    ]);
    expect(down.downstream.find((n: { id: string }) => n.id === eka.id).referredById).toBe(citra.id);
    const up = (await admin.get(`/api/contacts/${eka.id}/referrals`)).json();
    expect(up.upstream.map((n: { fullName: string; depth: number }) => `${n.fullName}@${n.depth}`)).toEqual([
      'Citra@1',
      'Budi@2',
      'Ana@3',
    ]);
    expect(up.upstream[0].referredById).toBe(budi.id);
    const capped = (await admin.get(`/api/contacts/${ana.id}/referrals?maxDepth=2`)).json();
    expect(capped.downstream.map((n: { fullName: string }) => n.fullName).sort()).toEqual(['Budi', 'Citra', 'Dedi']);
  });

  it('links several external records to a contact and finds contacts by external id', async () => {
    const { admin, viewer } = await seedWithClients(t, 'school');
    const mother = await createContact(admin, {
      firstName: 'Siti',
      phones: [{ number: '0812 1111 2222' }],
      typeKey: 'student_parent',
    });
    const father = await createContact(admin, {
      firstName: 'Budi',
      phones: [{ number: '0812 1111 3333' }],
      typeKey: 'student_parent',
    });
    for (const [who, id] of [
      [mother, 'S-1'],
      [mother, 'S-2'],
      [father, 'S-1'],
    ] as const) {
      const res = await admin.post(`/api/contacts/${who.id}/links`, {
        system: 'student_app',
        externalId: id,
        url: `https://students.example/${id}`,
        display: { name: `Child ${id}`, grade: '8A' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(
      (await admin.post(`/api/contacts/${mother.id}/links`, { system: 'student_app', externalId: 'S-1' })).statusCode,
    ).toBe(409);
    expect(
      errorFields(await admin.post(`/api/contacts/${mother.id}/links`, { system: 'Student App!', externalId: 'S-3' })),
    ).toContain('system');
    expect(
      errorFields(
        await admin.post(`/api/contacts/${mother.id}/links`, {
          system: 'payment_app',
          externalId: 'P',
          url: 'javascript:alert(1)',
        }),
      ),
    ).toContain('url');
    const links = (await viewer.get(`/api/contacts/${mother.id}/links`)).json().items;
    expect(links.map((l: { externalId: string }) => l.externalId).sort()).toEqual(['S-1', 'S-2']);
    expect(links[0].display).toMatchObject({ grade: '8A' });
    const synced = await admin.patch(`/api/contacts/${mother.id}/links/${links[0].id}`, {
      display: { name: 'Aisyah', grade: '9A' },
      lastSyncedAt: '2026-01-05T08:00:00Z',
    });
    expect(synced.json()).toMatchObject({ display: { grade: '9A' }, lastSyncedAt: '2026-01-05T08:00:00.000Z' });
    const parents = (await admin.get('/api/contacts/by-external-id?system=student_app&externalId=S-1'))
      .json()
      .items.map((x: { fullName: string }) => x.fullName)
      .sort();
    expect(parents).toEqual(['Budi', 'Siti']);
    expect((await viewer.post(`/api/contacts/${mother.id}/links`, { system: 'x', externalId: 'y' })).statusCode).toBe(
      403,
    );
  });

  it('keeps companies with people, custom fields and company-to-company relationships', async () => {
    const { admin, viewer } = await seedWithClients(t, 'sales');
    const holding = await admin.post('/api/companies', {
      name: 'Northwind Holdings',
      domain: 'Northwind.Example',
      industry: 'Conglomerate',
      size: '1001-5000',
      custom: { annual_revenue: 125_000_000_00 },
    });
    expect(holding.statusCode, holding.body).toBe(201);
    expect(holding.json()).toMatchObject({ domain: 'northwind.example', custom: { annual_revenue: 12500000000 } });
    const retail = (await admin.post('/api/companies', { name: 'Northwind Retail' })).json();
    expect(errorFields(await admin.post('/api/companies', { name: 'Bad', domain: 'not a domain' }))).toContain(
      'domain',
    );
    expect(
      errorFields(await admin.post('/api/companies', { name: 'Bad', custom: { annual_revenue: 'lots' } })),
    ).toContain('custom.annual_revenue');
    const rel = await admin.post(`/api/companies/${holding.json().id}/relationships`, {
      relatedCompanyId: retail.id,
      kind: 'parent_company',
      strength: 9,
    });
    expect(rel.statusCode, rel.body).toBe(201);
    expect((await viewer.get(`/api/companies/${retail.id}/relationships`)).json().items[0]).toMatchObject({
      kind: 'subsidiary',
      related: { name: 'Northwind Holdings' },
    });
    await createContact(admin, { firstName: 'Olivia', companyId: retail.id });
    await createContact(admin, { firstName: 'Marcus', companyId: retail.id });
    const listed = (await viewer.get('/api/companies?q=north&sort=name')).json().items;
    expect(listed.map((c: { name: string; peopleCount: number }) => `${c.name}:${c.peopleCount}`)).toEqual([
      'Northwind Holdings:0',
      'Northwind Retail:2',
    ]);
    const people = (await viewer.get(`/api/contacts?company=${retail.id}&sort=firstName&dir=asc`))
      .json()
      .items.map((c: { firstName: string; companyName: string }) => `${c.firstName}@${c.companyName}`);
    expect(people).toEqual(['Marcus@Northwind Retail', 'Olivia@Northwind Retail']);
    const renamed = await admin.patch(`/api/companies/${retail.id}`, { version: 1, name: 'Northwind Stores' });
    expect(renamed.json().version).toBe(2);
    expect((await admin.patch(`/api/companies/${retail.id}`, { version: 1, name: 'Stale' })).statusCode).toBe(409);
    expect((await viewer.get('/api/contacts/search?q=stores')).json().items).toHaveLength(2);
    expect((await admin.delete(`/api/companies/${retail.id}`)).statusCode).toBe(200);
    expect((await viewer.get('/api/companies')).json().items).toHaveLength(1);
    expect((await admin.post(`/api/companies/${retail.id}/restore`)).json().deletedAt).toBeNull();
  });
});
