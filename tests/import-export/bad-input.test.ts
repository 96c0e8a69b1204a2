import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/test-app.js';
import { createImportApp, getImport, runJobs, seeded, upload } from './helpers.js';

async function countContacts(t: Awaited<ReturnType<typeof createImportApp>>, workspaceId: string): Promise<number> {
  return (await t.ctx.db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).execute()).length;
}

function uploadsOf(t: Awaited<ReturnType<typeof createImportApp>>): string[] {
  const dir = path.join(t.dataDir, 'uploads');
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.includes('.'))
    : [];
}

describeEachDialect('import bad input', (dialect) => {
  let t: Awaited<ReturnType<typeof createImportApp>>;
  afterEach(async () => t?.close());

  it('refuses empty files, header-only files and binary garbage named .csv, keeping nothing', async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    const empty = await upload(admin, 'kosong.csv', '');
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'IMPORT_FILE_EMPTY', field: 'file' });
    const headerOnly = await upload(admin, 'judul.csv', '\uFEFFNama,HP\r\n\r\n');
    expect(headerOnly.json()).toMatchObject({
      status: 422,
      code: 'IMPORT_FILE_EMPTY',
      detail: 'The file has a header row but no data rows',
    });
    const garbage = await upload(admin, 'data.csv', crypto.randomBytes(4096));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json()).toMatchObject({
      code: 'IMPORT_FILE_UNREADABLE',
      detail: expect.stringContaining('does not contain readable text'),
    });
    const pdf = await upload(admin, 'laporan.pdf', '%PDF-1.4 not a spreadsheet');
    expect(pdf.json()).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
    expect(uploadsOf(t)).toEqual([]);
    expect((await admin.get('/api/imports')).json().items).toEqual([]);
  });

  it('refuses an upload over the size limit with a clear 413, before storing it', async () => {
    t = await createImportApp(dialect, { config: { IMPORT_MAX_BYTES: 2048 } });
    const { admin } = await seeded(t);
    const big = `Nama,HP\n${'Siti Rahma,0812-3456-7001\n'.repeat(200)}`;
    const res = await upload(admin, 'besar.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: expect.stringContaining('larger than the 2 KB limit'),
    });
    // a declared 2 GB body is refused from its headers alone
    const huge = await admin.request('POST', '/api/imports', 'x', {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(2 * 1024 ** 3),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toContain('split it into smaller files');
    expect(uploadsOf(t)).toEqual([]);
  });

  it('asks for multipart and names a wrong mapping, option or sheet', async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    const json = await admin.post('/api/imports', { rows: [] });
    expect(json.statusCode).toBe(415);
    const created = (await upload(admin, 'a.csv', 'Nama,HP\nAni,0812-3456-7001\n')).json();
    const wrongField = await admin.patch(`/api/imports/${created.id}`, { mapping: ['fullName', 'shoeSize'] });
    expect(wrongField.statusCode).toBe(200); // stored as sent; checked when it is used
    const validate = await admin.post(`/api/imports/${created.id}/validate`);
    expect(validate.json()).toMatchObject({
      status: 400,
      field: 'mapping.1',
      detail: expect.stringContaining('"shoeSize" is not a field of contacts'),
    });
    const twice = await admin.patch(`/api/imports/${created.id}`, { mapping: ['typeKey', 'typeKey'] });
    expect(twice.statusCode).toBe(200);
    expect((await admin.post(`/api/imports/${created.id}/run`)).json()).toMatchObject({
      status: 400,
      field: 'mapping.1',
    });
    expect((await admin.patch(`/api/imports/${created.id}`, { mapping: ['fullName'] })).json()).toMatchObject({
      status: 400,
      field: 'mapping',
    });
    expect(
      (await admin.patch(`/api/imports/${created.id}`, { options: { duplicateStrategy: 'merge' } })).json(),
    ).toMatchObject({ status: 400, field: 'options.duplicateStrategy' });
    expect((await admin.patch(`/api/imports/${created.id}`, { sheet: 'Sheet9' })).json()).toMatchObject({
      status: 400,
      field: 'sheet',
    });
    expect((await admin.patch(`/api/imports/${created.id}`, { colour: 'red' })).json()).toMatchObject({
      status: 400,
      field: 'colour',
    });
  });

  it('writes nothing from rows with problems, and a failed row never stops the others', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    const csv =
      'Nama,HP,Email,Tanggal Lahir,Jumlah anak\nAni,0812-3456-7001,ani@example.id,kemarin,2\n,,,,\nBima,+62 812,bima@,01/01/1990,dua\nCici,0812-3456-7003,,01/01/1990,1\n';
    const created = (await upload(admin, 'campur.csv', csv)).json();
    expect(created.mapping).toEqual(['fullName', 'phone', 'email', 'birthday', 'custom.children_count']);
    await admin.post(`/api/imports/${created.id}/validate`);
    await runJobs(t);
    const validated = await getImport(admin, created.id);
    expect(validated.validation).toMatchObject({ totalRows: 3, invalidRows: 2, wouldCreate: 1 });
    expect(validated.validation!.issues).toEqual([
      { row: 2, column: 'Tanggal Lahir', problem: expect.stringContaining('"kemarin" is not a date') },
      { row: 4, column: 'Jumlah anak', problem: '"dua" is not a number' },
      { row: 4, column: 'Email', problem: '"bima@" is not a valid email address' },
      { row: 4, column: 'HP', problem: expect.stringContaining('"+62 812" is not a valid phone number') },
    ]);
    expect(await countContacts(t, workspace.id)).toBe(0); // validation wrote nothing
    await admin.post(`/api/imports/${created.id}/run`);
    await runJobs(t);
    expect((await getImport(admin, created.id)).counts).toMatchObject({ rowsDone: 3, created: 1, failed: 2 });
    const rows = await t.ctx.db
      .selectFrom('contacts')
      .select('full_name')
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(rows.map((r) => r.full_name)).toEqual(['Cici']);
    expect(
      (
        await t.ctx.db.selectFrom('contact_phones').select('e164').where('workspace_id', '=', workspace.id).execute()
      ).map((p) => p.e164),
    ).toEqual(['+6281234567003']);
  });

  it('takes JSON rows from integrations with the same validation, as a dry run or a job', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    const rows = [
      { parent_name: 'Dian Sastro', parent_phone: '0812-3456-7101', student_id: 'S-1001' },
      { parent_name: 'Eko', parent_phone: 'n/a', student_id: 'S-1002' },
    ];
    const mapping = { parent_name: 'fullName', parent_phone: 'phone', student_id: 'externalId' };
    const dry = await admin.post('/api/imports/json', {
      entity: 'contacts',
      rows,
      mapping,
      options: { externalSystem: 'student_app' },
      dryRun: true,
    });
    expect(dry.statusCode, dry.body).toBe(201);
    expect(dry.json()).toMatchObject({
      status: 'validated',
      format: 'json',
      validation: {
        totalRows: 2,
        invalidRows: 1,
        issues: [{ row: 2, column: 'parent_phone', problem: expect.stringContaining('"n/a"') }],
      },
    });
    expect(await countContacts(t, workspace.id)).toBe(0);
    const run = await admin.post('/api/imports/json', {
      entity: 'contacts',
      rows,
      mapping,
      options: { externalSystem: 'student_app' },
    });
    expect(run.statusCode, run.body).toBe(202);
    await runJobs(t);
    expect((await getImport(admin, run.json().id)).counts).toMatchObject({ created: 1, failed: 1 });
    const link = await t.ctx.db
      .selectFrom('external_links')
      .select(['system', 'external_id'])
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(link).toEqual({ system: 'student_app', external_id: 'S-1001' });
    // the same student id again updates instead of duplicating
    const again = await admin.post('/api/imports/json', {
      entity: 'contacts',
      rows: [{ parent_name: 'Dian Sastrowardoyo', parent_phone: '0812-3456-7999', student_id: 'S-1001' }],
      mapping,
      options: { externalSystem: 'student_app', duplicateStrategy: 'update', matchBy: ['externalId'] },
    });
    await runJobs(t);
    expect((await getImport(admin, again.json().id)).counts).toMatchObject({ updated: 1, created: 0 });
    expect(await countContacts(t, workspace.id)).toBe(1);
    expect((await admin.post('/api/imports/json', { entity: 'contacts', rows: [] })).json()).toMatchObject({
      status: 400,
      field: 'rows',
    });
  });

  it('lets only people who may write the records import them', async () => {
    t = await createImportApp(dialect);
    const { viewer, agent } = await seeded(t);
    expect((await upload(viewer, 'a.csv', 'Nama\nAni\n')).statusCode).toBe(403);
    expect((await viewer.get('/api/imports')).statusCode).toBe(403);
    const res = await upload(agent, 'a.csv', 'Nama\nAni\n', { entity: 'companies' });
    expect(res.statusCode).toBe(201);
    expect((await agent.get('/api/imports/targets/deals')).statusCode).toBe(200);
  });
  it('integrations can upload and start in one request, naming the mapping by column', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    const fields = {
      entity: 'contacts',
      mapping: JSON.stringify({ Ortu: 'fullName', WA: 'phone' }),
      options: JSON.stringify({ duplicateStrategy: 'update' }),
    };
    const res = await upload(admin, 'sync.csv', 'Ortu,WA,Kelas\nIndah,0812-3456-7201,7A\n', fields, '?start=true');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'queued',
      mapping: ['fullName', 'phone', null],
      options: { duplicateStrategy: 'update' },
    });
    await runJobs(t);
    expect((await getImport(admin, res.json().id)).counts).toMatchObject({ created: 1 });
    expect(await countContacts(t, workspace.id)).toBe(1);
    // a mapping that cannot run is refused by name; the upload stays to be fixed
    const bad = await upload(admin, 'sync.csv', 'Kelas\n7A\n', { entity: 'contacts' }, '?start=true');
    expect(bad.json()).toMatchObject({
      status: 400,
      field: 'mapping',
      detail: expect.stringContaining('Map a column to a name, email or phone'),
    });
  });
});
