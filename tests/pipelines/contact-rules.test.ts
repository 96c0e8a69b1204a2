import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Pipeline } from '../../src/shared/contracts/pipelines.js';
import {
  createTestApp,
  describeEachDialect,
  seedWithClients,
  type TestApp,
  type TestClient,
} from '../helpers/test-app.js';
import { createDeal, LONG_SESSIONS, move, pipelinesByName, stageId } from './helpers.js';

describeEachDialect('pipelines and contact types', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, LONG_SESSIONS);
  });
  afterEach(async () => t.close());

  async function newContact(client: TestClient, body: Record<string, unknown>) {
    const res = await client.post('/api/contacts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; typeKey: string | null };
  }
  const itemsOf = async (client: TestClient, contactId: string) =>
    (await client.get(`/api/deals?contactId=${contactId}`)).json().items as Array<{
      id: string;
      pipelineId: string;
      stageId: string;
      status: string;
      title: string;
      version: number;
    }>;
  const typeOf = async (client: TestClient, contactId: string) =>
    (await client.get(`/api/contacts/${contactId}`)).json().typeKey as string | null;

  it('school: a new prospect parent is put into the enrollment funnel, and enrolling converts them', async () => {
    const s = await seedWithClients(t, 'school');
    const p: Pipeline = (await pipelinesByName(s.manager))['Enrollment 2027/28'];
    const parent = await newContact(s.manager, {
      firstName: 'Siti',
      lastName: 'Nurhaliza',
      typeKey: 'prospect_parent',
      phones: [{ number: '0812-3456-7890' }],
    });
    const items = await itemsOf(s.manager, parent.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      pipelineId: p.id,
      stageId: stageId(p, 'Lead'),
      title: 'Siti Nurhaliza',
      status: 'open',
    });

    let item = items[0];
    for (const stage of ['Qualified', 'Application', 'Assessment', 'Accepted']) {
      const res = await move(s.manager, item, stageId(p, stage));
      expect(res.statusCode, res.body).toBe(200);
      item = res.json();
    }
    const enrolled = await move(s.manager, item, stageId(p, 'Enrolled'));
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    expect(await typeOf(s.manager, parent.id)).toBe('student_parent');
    const audit = (await s.admin.get(`/api/audit?entityId=${item.id}&action=deal.moved`)).json().items[0];
    expect(audit.changes.meta.contactTypeChangedTo).toBe('student_parent');
  });

  it('a conversion the new type refuses refuses the move too, naming the conversion', async () => {
    const s = await seedWithClients(t, 'school');
    const p: Pipeline = (await pipelinesByName(s.manager))['Enrollment 2027/28'];
    // student_parent requires a phone number; this prospect has none
    const parent = await newContact(s.manager, { firstName: 'Dian', typeKey: 'prospect_parent' });
    const [item] = await itemsOf(s.manager, parent.id);
    const accepted = (
      await s.manager.post('/api/deals', {
        pipelineId: p.id,
        stageId: stageId(p, 'Accepted'),
        title: 'Second child',
        contactId: parent.id,
      })
    ).json();
    const refused = await move(s.manager, accepted, stageId(p, 'Enrolled'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'CONVERSION_REFUSED', rule: 'wonContactType' });
    expect(refused.json().detail).toMatch(/student_parent/);
    expect((await s.manager.get(`/api/deals/${accepted.id}`)).json()).toMatchObject({
      stageId: stageId(p, 'Accepted'),
      version: 1,
    });
    expect(await typeOf(s.manager, parent.id)).toBe('prospect_parent');
    expect(item.status).toBe('open');
  });

  it('a strict rule refuses making someone a prospect parent without an open application', async () => {
    const s = await seedWithClients(t, 'school');
    const p: Pipeline = (await pipelinesByName(s.manager))['Enrollment 2027/28'];
    const types = (await s.admin.get('/api/contact-types')).json().items as Array<{
      id: string;
      key: string;
      version: number;
    }>;
    const prospect = types.find((x) => x.key === 'prospect_parent')!;
    const strict = await s.admin.patch(`/api/contact-types/${prospect.id}`, {
      version: prospect.version,
      rules: [{ kind: 'open_deal_in_pipeline', category: 'enrollment' }],
    });
    expect(strict.statusCode, strict.body).toBe(200);

    const person = await newContact(s.manager, { firstName: 'Rina', typeKey: 'external' });
    const refused = await s.manager.patch(`/api/contacts/${person.id}`, {
      version: person.version,
      typeKey: 'prospect_parent',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toMatch(/open item/);
    expect(await typeOf(s.manager, person.id)).toBe('external');

    await createDeal(s.manager, { pipelineId: p.id, title: 'Rina — grade 7', contactId: person.id });
    const ok = await s.manager.patch(`/api/contacts/${person.id}`, {
      version: person.version,
      typeKey: 'prospect_parent',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await itemsOf(s.manager, person.id)).toHaveLength(1);
  });

  it('hospital: converting a lead (winning it) makes the contact a patient', async () => {
    const s = await seedWithClients(t, 'hospital');
    const p: Pipeline = (await pipelinesByName(s.manager))['Patient leads'];
    const lead = await newContact(s.manager, { firstName: 'Agus', typeKey: 'lead' });
    const d = await createDeal(s.manager, { pipelineId: p.id, title: 'Heart checkup', contactId: lead.id });
    const res = await move(s.manager, d, stageId(p, 'Converted'));
    expect(res.statusCode, res.body).toBe(200);
    expect(await typeOf(s.manager, lead.id)).toBe('patient');
    // a pipeline without conversion leaves the type alone
    const upd = await s.manager.patch(`/api/pipelines/${p.id}`, { version: p.version, wonContactType: null });
    expect(upd.json().wonContactType).toBeNull();
  });

  it('merging contacts moves their items to the survivor; undo moves them back', async () => {
    const s = await seedWithClients(t, 'sales');
    const p: Pipeline = (await pipelinesByName(s.manager)).Sales;
    const a = await newContact(s.manager, { firstName: 'Ann', lastName: 'Lee' });
    const b = await newContact(s.manager, { firstName: 'Anne', lastName: 'Lee' });
    const d = await createDeal(s.manager, { pipelineId: p.id, title: 'Anne deal', contactId: b.id });
    const merged = await s.admin.post('/api/contacts/merge', { survivorId: a.id, mergedIds: [b.id] });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = (await s.manager.get(`/api/deals/${d.id}`)).json();
    expect(after.contactId).toBe(a.id);
    expect(after.version).toBe(2);
    const undo = await s.admin.post(`/api/contacts/merges/${merged.json().merge.id}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    expect((await s.manager.get(`/api/deals/${d.id}`)).json().contactId).toBe(b.id);
  });
});
