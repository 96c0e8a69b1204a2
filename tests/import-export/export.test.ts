import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import type { Export } from '../../src/shared/contracts/import-export.js';
import { fromJson } from '../../src/server/db/sql-helpers.js';
import { describeEachDialect, TestClient } from '../helpers/test-app.js';
import { createImportApp, importThrough, runJobs, seeded } from './helpers.js';

const PEOPLE = [
  'Nama Depan,Nama Belakang,HP,Email,Kota,Jenis Kontak,Tag,Tanggal Lahir,Jumlah anak,Butuh asrama,Jenjang diminati',
  'Siti,Rahmawati,0812-3456-7001; 0813-1111-0001,siti@example.id,Bandung,Orang tua siswa,"Asrama, Beasiswa",15/03/1985,2,ya,SMP',
  '"=HYPERLINK(""http://evil.example"")",@Jahat,0812-3456-7002,jahat@example.id,-2+3,Eksternal,,,,,',
  'Budi,Santoso,0812-3456-7003,budi@example.id,Jakarta,Orang tua calon siswa,,,1,tidak,SD',
].join('\n');

async function exportThrough(
  t: Awaited<ReturnType<typeof createImportApp>>,
  client: TestClient,
  body: Record<string, unknown>,
) {
  const res = await client.post('/api/exports', body);
  expect(res.statusCode, res.body).toBe(202);
  await runJobs(t);
  const done: Export = (await client.get(`/api/exports/${res.json().id}`)).json();
  expect(done.status).toBe('completed');
  const file = await client.request('GET', done.downloadUrl!.replace(/^\/api/, '/api'));
  expect(file.statusCode).toBe(200);
  return { done, file };
}

describeEachDialect('export', (dialect) => {
  let t: Awaited<ReturnType<typeof createImportApp>>;
  afterEach(async () => t?.close());

  it('exports the filtered list to CSV as a job with a download, neutralizing formulas, and audits it', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    await importThrough(t, admin, 'ortu.csv', PEOPLE);
    const { done, file } = await exportThrough(t, admin, {
      entity: 'contacts',
      format: 'csv',
      columns: ['firstName', 'lastName', 'email', 'phone', 'address.city', 'typeKey', 'tags', 'custom.children_count'],
      filter: { typeKeys: ['student_parent', 'external'] },
    });
    expect(done).toMatchObject({ rowCount: 2, totalRows: 2, includesPhones: true, entity: 'contacts' });
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows: string[][] = parse(file.body, { bom: true });
    expect(rows[0]).toEqual([
      'First name',
      'Last name',
      'Email',
      'Phone',
      'City',
      'Contact type',
      'Tags',
      'Jumlah anak',
    ]);
    expect(rows[1]).toEqual([
      'Siti',
      'Rahmawati',
      'siti@example.id',
      '+6281234567001; +6281311110001',
      'Bandung',
      'Orang tua siswa',
      'Asrama, Beasiswa',
      '2',
    ]);
    // cells that a spreadsheet would run are written as text; plain numbers and phone numbers are not touched
    expect(rows[2].slice(0, 5)).toEqual([
      '\'=HYPERLINK("http://evil.example")',
      "'@Jahat",
      'jahat@example.id',
      '+6281234567002',
      "'-2+3",
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('workspace_id', '=', workspace.id)
      .where('entity_type', '=', 'export')
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['export.created', 'export.completed', 'export.downloaded']);
    expect(JSON.stringify(audit[0].changes)).toContain('student_parent');
  });

  it("a page's emails, phones and tags belong to its own contacts when the filter leaves out those between them", async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    await importThrough(t, admin, 'ortu.csv', PEOPLE);
    // Jahat sits between Siti and Budi in id order and is filtered out
    const { done, file } = await exportThrough(t, admin, {
      entity: 'contacts',
      format: 'csv',
      columns: ['firstName', 'email', 'phone', 'tags'],
      filter: { typeKeys: ['student_parent', 'prospect_parent'] },
    });
    expect(done.rowCount).toBe(2);
    const rows: string[][] = parse(file.body, { bom: true });
    expect(rows.slice(1)).toEqual([
      ['Siti', 'siti@example.id', '+6281234567001; +6281311110001', 'Asrama, Beasiswa'],
      ['Budi', 'budi@example.id', '+6281234567003', ''],
    ]);
  });

  it('reports progress on its job while it writes (throttled, but never silent)', async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    await importThrough(t, admin, 'ortu.csv', PEOPLE);
    const { done } = await exportThrough(t, admin, { entity: 'contacts', columns: ['firstName'] });
    const job = await t.ctx.db
      .selectFrom('exports as x')
      .innerJoin('jobs as j', 'j.id', 'x.job_id')
      .select(['j.progress'])
      .where('x.id', '=', done.id)
      .executeTakeFirstOrThrow();
    expect(fromJson(job.progress, null)).toEqual({ rowsDone: 3, totalRows: 3 });
  });

  it('bulk phone numbers need contacts.export_phones; without it the default columns leave them out', async () => {
    t = await createImportApp(dialect);
    const { admin, manager, agent } = await seeded(t);
    await importThrough(t, admin, 'ortu.csv', PEOPLE);
    const refused = await manager.post('/api/exports', { entity: 'contacts', columns: ['firstName', 'phone'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      field: 'columns',
      detail: expect.stringContaining('contacts.export_phones'),
    });
    const columns = (await manager.get('/api/exports/columns/contacts')).json().columns;
    expect(columns.find((c: { key: string }) => c.key === 'phone')).toMatchObject({ isPhone: true, isDefault: false });
    const { file } = await exportThrough(t, manager, { entity: 'contacts' });
    expect(file.body).not.toContain('+62812');
    expect(parse(file.body, { bom: true })[0]).not.toContain('Phone');
    expect((await agent.post('/api/exports', { entity: 'contacts' })).statusCode).toBe(403);
    // someone else's export file is not theirs to download
    const mine = await admin.post('/api/exports', { entity: 'contacts' });
    await runJobs(t);
    expect((await manager.get(`/api/exports/${mine.json().id}/download`)).statusCode).toBe(404);
  });

  it('writes .xlsx with the streaming writer and streams CSV straight back for integrations', async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    await importThrough(t, admin, 'ortu.csv', PEOPLE);
    const { file } = await exportThrough(t, admin, {
      entity: 'contacts',
      format: 'xlsx',
      columns: ['firstName', 'email'],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, 'First name', 'Email']);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(3).getCell(1).value).toBe('\'=HYPERLINK("http://evil.example")');
    const streamed = await admin.post('/api/exports/stream', {
      entity: 'contacts',
      columns: ['firstName'],
      filter: { q: 'Budi' },
    });
    expect(streamed.statusCode).toBe(200);
    expect(parse(streamed.body, { bom: true })).toEqual([['First name'], ['Budi']]);
    expect((await admin.post('/api/exports', { entity: 'contacts', filter: { shoeSize: 42 } })).json()).toMatchObject({
      status: 400,
      field: 'filter.shoeSize',
    });
    expect(
      (await admin.post('/api/exports', { entity: 'contacts', columns: ['firstName', 'salary'] })).json(),
    ).toMatchObject({ status: 400, field: 'columns.1' });
  });

  it('round trip: exporting and importing into an empty workspace reproduces the contacts', async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    await importThrough(t, admin, 'ortu.csv', PEOPLE);
    const { file } = await exportThrough(t, admin, { entity: 'contacts', format: 'csv' });

    const { seedDemoWorkspace } = await import('../../src/server/modules/workspaces/demo-seed.js');
    const { workspace: empty } = await seedDemoWorkspace(t.ctx, 'school', 'Sekolah Baru');
    const other = new TestClient(t.app);
    await other.login('admin@demo.test');
    const switched = await other.post('/api/auth/switch-workspace', { workspaceId: empty.id });
    expect(switched.statusCode, switched.body).toBe(200);
    const imp = await importThrough(t, other, 'contacts.csv', file.body);
    expect(imp.counts).toMatchObject({ created: 3, failed: 0 });

    const snapshot = async (client: TestClient) => {
      const items = (await client.post('/api/contacts/query', { sort: { field: 'fullName', dir: 'asc' } })).json()
        .items;
      return Promise.all(
        items.map(async (c: { id: string }) => {
          const full = (await client.get(`/api/contacts/${c.id}`)).json();
          return {
            name: full.fullName,
            first: full.firstName,
            last: full.lastName,
            type: full.typeKey,
            emails: full.emails.map((e: { email: string }) => e.email).sort(),
            phones: full.phones.map((p: { e164: string }) => p.e164).sort(),
            tags: full.tags.map((x: { name: string }) => x.name).sort(),
            birthday: full.birthday,
            address: full.address,
            custom: full.custom,
            owner: full.ownerName,
          };
        }),
      );
    };
    expect(await snapshot(other)).toEqual(await snapshot(admin));
  });

  it("exports deals, activities, tasks and companies with their lists' filters", async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    const pipelines = (await admin.get('/api/pipelines')).json();
    const pipeline = (Array.isArray(pipelines) ? pipelines : pipelines.items)[0];
    const deal = await admin.post('/api/deals', {
      pipelineId: pipeline.id,
      title: 'Pendaftaran Rina',
      valueMinor: 150_000_000,
    });
    expect(deal.statusCode, deal.body).toBe(201);
    const deals = await exportThrough(t, admin, {
      entity: 'deals',
      columns: ['title', 'value', 'stage', 'status'],
      filter: { pipelineId: pipeline.id },
    });
    expect(parse(deals.file.body, { bom: true })).toEqual([
      ['Title', 'Value', 'Stage', 'Status'],
      ['Pendaftaran Rina', '1500000', pipeline.stages[0].name, 'open'],
    ]);
    const companies = await exportThrough(t, admin, { entity: 'companies', format: 'csv' });
    expect(parse(companies.file.body, { bom: true })).toHaveLength(1);
    const tasks = await exportThrough(t, admin, {
      entity: 'tasks',
      columns: ['title'],
      filter: { view: 'all', status: 'any' },
    });
    expect(parse(tasks.file.body, { bom: true })[0]).toEqual(['Title']);
    const activities = await exportThrough(t, admin, { entity: 'activities', columns: ['title', 'contactEmail'] });
    expect(parse(activities.file.body, { bom: true })[0]).toEqual(['Title', 'Contact email']);
  });
});
