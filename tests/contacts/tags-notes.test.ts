import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/server/modules/workspaces/demo-seed.js';
import { createTag } from '../../src/server/modules/contacts/tags.service.js';
import { systemActor } from '../../src/server/platform/actor.js';
import { createTestApp, describeEachDialect, seedWithClients, type TestApp } from '../helpers/test-app.js';
import { createContact, errorFields, tagIdByName } from './helpers.js';

describeEachDialect('contacts: tags and notes', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect);
  });
  afterEach(async () => t.close());

  it('manages tags with tags.manage only and tags many contacts in one request', async () => {
    const { admin, manager, agent } = await seedWithClients(t, 'school');
    expect((await agent.post('/api/tags', { name: 'Alumni 2020' })).statusCode).toBe(403);
    const tag = await manager.post('/api/tags', {
      name: 'Alumni 2020',
      color: '#0ea5e9',
      description: 'Graduated in 2020',
    });
    expect(tag.statusCode).toBe(201);
    expect((await manager.post('/api/tags', { name: 'alumni 2020' })).json().code).toBe('KEY_TAKEN');
    const people = [];
    for (const name of ['Ani', 'Budi', 'Citra']) people.push(await createContact(agent, { firstName: name }));
    const asrama = await tagIdByName(admin, 'Asrama');
    const tagged = await agent.post('/api/contacts/tags/add', {
      contactIds: people.map((p) => p.id),
      tagIds: [tag.json().id, asrama],
    });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect(tagged.json().changed).toBe(6);
    expect(
      (await agent.post('/api/contacts/tags/add', { contactIds: [people[0].id], tagIds: [asrama] })).json().changed,
    ).toBe(0);
    await agent.post('/api/contacts/tags/remove', { contactIds: [people[2].id], tagIds: [asrama] });

    const ids = async (filter: Record<string, unknown>) =>
      (await admin.post('/api/contacts/query', { filter, sort: { field: 'firstName', dir: 'asc' } }))
        .json()
        .items.map((x: { firstName: string }) => x.firstName);
    expect(await ids({ tagIds: [asrama] })).toEqual(['Ani', 'Budi']);
    expect(await ids({ tagIds: [asrama, tag.json().id], tagMode: 'all' })).toEqual(['Ani', 'Budi']);
    expect(await ids({ tagIds: [asrama, tag.json().id], tagMode: 'any' })).toEqual(['Ani', 'Budi', 'Citra']);
    const list = (await admin.get('/api/tags')).json().items.find((x: { name: string }) => x.name === 'Asrama');
    expect(list.contactCount).toBe(2);
    const row = (await admin.get(`/api/contacts/${people[0].id}`)).json();
    expect(row.tags.map((x: { name: string }) => x.name).sort()).toEqual(['Alumni 2020', 'Asrama']);
    const events = await t.ctx.db.selectFrom('events').select('type').where('type', '=', 'contact.tag_added').execute();
    expect(events).toHaveLength(6);
  });

  it('refuses tag ids of another workspace and writes nothing', async () => {
    const { admin, workspace } = await seedWithClients(t, 'school');
    const other = await seedDemoWorkspace(t.ctx, 'sales');
    expect(other.workspace.id).not.toBe(workspace.id);
    const foreign = await createTag(t.ctx, systemActor(other.workspace.id), { name: 'Foreign', color: '#000000' });
    const c = await createContact(admin, { firstName: 'Ani' });
    const res = await admin.post('/api/contacts/tags/add', {
      contactIds: [c.id],
      tagIds: [await tagIdByName(admin, 'Asrama'), foreign.id],
    });
    expect(res.statusCode).toBe(400);
    expect(errorFields(res)).toContain('tagIds.1');
    expect((await admin.get(`/api/contacts/${c.id}`)).json().tags).toEqual([]);
    const create = await admin.post('/api/contacts', { firstName: 'Budi', tagIds: [foreign.id] });
    expect(errorFields(create)).toContain('tagIds.0');
    expect((await admin.post('/api/contacts/query', { includeTotal: true })).json().total).toBe(1);
  });

  it('renders markdown notes sanitized, pinned first, with author and edit history', async () => {
    const { admin, agent, manager } = await seedWithClients(t, 'school');
    const c = await createContact(agent, { firstName: 'Siti' });
    const evil = await agent.post(`/api/contacts/${c.id}/notes`, {
      body: '**Call back** <script>alert(1)</script> <img src=x onerror=alert(2)> [site](javascript:alert(3)) [ok](https://school.example)',
    });
    expect(evil.statusCode, evil.body).toBe(201);
    const html: string = evil.json().bodyHtml;
    expect(html).toContain('<strong>Call back</strong>');
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/i);
    expect(html).toContain('href="https://school.example"');
    expect(evil.json().authorName).toBe('Citra Agent');
    const pinned = await agent.post(`/api/contacts/${c.id}/notes`, {
      body: 'Prefers WhatsApp after 7pm',
      isPinned: true,
    });
    await agent.post(`/api/contacts/${c.id}/notes`, { body: 'Newest note' });
    const notes = (await admin.get(`/api/contacts/${c.id}/notes`)).json().items.map((n: { body: string }) => n.body);
    expect(notes[0]).toBe('Prefers WhatsApp after 7pm');
    expect(notes[1]).toBe('Newest note');

    const edited = await agent.patch(`/notes/${pinned.json().id}`.replace('/notes', '/api/notes'), {
      version: 1,
      body: 'Prefers WhatsApp after 8pm',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().editCount).toBe(1);
    const history = (await admin.get(`/api/notes/${pinned.json().id}/revisions`)).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ body: 'Prefers WhatsApp after 7pm', editedByName: 'Citra Agent' });
    expect((await agent.patch(`/api/notes/${pinned.json().id}`, { version: 1, body: 'stale' })).statusCode).toBe(409);

    // only the author or a manager changes someone's note
    const mine = await manager.post(`/api/contacts/${c.id}/notes`, { body: 'Manager note' });
    const other = await agent.patch(`/api/notes/${mine.json().id}`, { version: 1, body: 'Hijacked' });
    expect(other.statusCode).toBe(403);
    expect((await manager.delete(`/api/notes/${evil.json().id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/contacts/${c.id}/notes`)).json().items).toHaveLength(3);
    expect(errorFields(await agent.post(`/api/contacts/${c.id}/notes`, { body: '' }))).toContain('body');

    // notes on companies too, and notes are searchable on their contact
    const company = await admin.post('/api/companies', { name: 'PT Maju', domain: 'maju.co.id' });
    expect((await admin.post(`/api/companies/${company.json().id}/notes`, { body: 'Signed the MoU' })).statusCode).toBe(
      201,
    );
    expect((await admin.get(`/api/companies/${company.json().id}/notes`)).json().items[0].body).toBe('Signed the MoU');
    const found = (await admin.get('/api/contacts/search?q=whatsapp 8pm'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(found).toEqual([c.id]);
  });
});
