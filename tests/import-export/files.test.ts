import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/test-app.js';
import {
  contactsByName,
  createImportApp,
  fixture,
  getImport,
  importThrough,
  runJobs,
  seeded,
  upload,
} from './helpers.js';

describeEachDialect('import files', (dialect) => {
  let t: Awaited<ReturnType<typeof createImportApp>>;
  afterEach(async () => t?.close());

  it('reads a messy Indonesian CSV: BOM, Indonesian headers, phones in every local format, problems per row and column', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    const res = await upload(admin, 'kontak.csv', fixture('contacts-messy-id.csv'));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.headers[0]).toBe('Nama Lengkap'); // no BOM left on the first header
    expect(created.mapping).toEqual(['fullName', 'phone', 'email', 'address.city', 'typeKey', 'tags', 'birthday']);

    const imp = await importThrough(t, admin, 'kontak.csv', fixture('contacts-messy-id.csv'));
    expect(imp.validation).toMatchObject({ totalRows: 9, invalidRows: 3, wouldCreate: 5, wouldSkip: 1 });
    expect(imp.validation!.issues).toEqual([
      { row: 4, column: 'Tanggal Lahir', problem: expect.stringContaining('"31/02/1990" is not a date') },
      { row: 7, column: 'No. HP', problem: expect.stringContaining('"12345" is not a valid phone number') },
      { row: 10, column: 'Jenis Kontak', problem: 'Unknown contact type "Guru"' },
    ]);
    expect(imp).toMatchObject({
      status: 'completed',
      counts: { rowsDone: 9, created: 5, updated: 0, skipped: 1, failed: 3 },
    });

    const people = await contactsByName(t, workspace.id);
    expect([...people.keys()].sort()).toEqual([
      'Agus Wijaya',
      'Ahmad "Ucok" Hidayat',
      'Budi Santoso',
      'Rina',
      'Siti Rahmawati',
    ]);
    expect(people.get('Siti Rahmawati')).toMatchObject({
      phones: ['+6281234567001'],
      type_key: 'student_parent',
      birthday: '1985-03-15',
      first_name: 'Siti',
      last_name: 'Rahmawati',
    });
    expect(people.get('Budi Santoso')).toMatchObject({
      phones: ['+6281234567002'],
      emails: ['budi@example.id'],
      type_key: 'prospect_parent',
      birthday: '1980-07-01',
    });
    expect(people.get('Agus Wijaya')!.phones.sort()).toEqual(['+6281234567004', '+6281311112222']);
    expect(people.get('Rina')).toMatchObject({ phones: ['+6281234567005'], last_name: null });
    expect(people.get('Ahmad "Ucok" Hidayat')).toMatchObject({ phones: ['+6281234567008'], type_key: 'external' });
    expect(JSON.stringify(people.get('Ahmad "Ucok" Hidayat')!.address)).toContain('Bogor, Jawa Barat');

    // the contacts are searchable by the number as people type it, and tagged
    const found = await admin.get('/api/contacts/search?q=0812-3456-7002');
    expect(found.json().items.map((c: { fullName: string }) => c.fullName)).toEqual(['Budi Santoso']);
    const budi = (await admin.get(`/api/contacts/${people.get('Budi Santoso')!.id}`)).json();
    expect(budi.tags.map((x: { name: string }) => x.name).sort()).toEqual(['Asrama', 'Beasiswa']);

    const failed = await admin.get(`/api/imports/${imp.id}/failed-rows`);
    expect(failed.headers['content-type']).toContain('text/csv');
    const lines: string[][] = parse(failed.body, { bom: true });
    expect(lines[0]).toEqual([
      'Row',
      'Nama Lengkap',
      'No. HP',
      'Email',
      'Kota',
      'Jenis Kontak',
      'Tag',
      'Tanggal Lahir',
      'Problem',
    ]);
    expect(lines.map((l) => l[0])).toEqual(['Row', '4', '7', '10']);
    expect(lines[1].slice(1, 8)).toEqual(['Dewi Lestari', '62 812-3456-7003', '', 'Surabaya', '', '', '31/02/1990']);
    expect(lines[1][8]).toMatch(/^Tanggal Lahir: "31\/02\/1990" is not a date/);
  });

  it('reads semicolon-separated Windows-1252 text', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    const imp = await importThrough(t, admin, 'export-lama.csv', fixture('semicolon-windows-1252.csv'));
    expect(imp).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      mapping: ['fullName', 'phone', 'email', 'address.city'],
    });
    expect(imp.counts).toMatchObject({ created: 3, failed: 0 });
    const people = await contactsByName(t, workspace.id);
    expect([...people.keys()].sort()).toEqual(['Françoise Dupré', 'José Müller', 'Ñoño Peña – “Ayah”']);
    expect(JSON.stringify(people.get('José Müller')!.address)).toContain('München');
  });

  it('reads the chosen sheet of an .xlsx workbook, with dates and numbers as Excel stores them', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('Ringkasan');
    cover.addRow(['Kelas', 'Jumlah']);
    cover.addRow(['7A', 30]);
    const sheet = wb.addWorksheet('Orang Tua');
    sheet.addRow(['Nama', 'Nomor WhatsApp', 'Tanggal Lahir', 'Jumlah anak']);
    sheet.addRow(['Lestari Ayu', 81234568101, new Date(Date.UTC(1988, 0, 20)), 2]);
    sheet.addRow(['Bayu Aji', '0812 3456 8102', '20/01/1979', '3']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    const res = await upload(admin, 'orang-tua.xlsx', buffer);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ format: 'xlsx', sheets: ['Ringkasan', 'Orang Tua'], sheet: 'Ringkasan' });
    const patched = await admin.patch(`/api/imports/${res.json().id}`, { sheet: 'Orang Tua' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      sheet: 'Orang Tua',
      headers: ['Nama', 'Nomor WhatsApp', 'Tanggal Lahir', 'Jumlah anak'],
      mapping: ['fullName', 'phone', 'birthday', 'custom.children_count'],
    });
    await admin.post(`/api/imports/${res.json().id}/run`);
    await runJobs(t);
    expect((await getImport(admin, res.json().id)).counts).toMatchObject({ created: 2, failed: 0 });
    const people = await contactsByName(t, workspace.id);
    expect(people.get('Lestari Ayu')).toMatchObject({ phones: ['+6281234568101'], birthday: '1988-01-20' });
    const bayu = (await admin.get(`/api/contacts/${people.get('Bayu Aji')!.id}`)).json();
    expect(bayu).toMatchObject({ birthday: '1979-01-20', custom: { children_count: 3 } });
  });

  it('reads vCards (2.1 quoted-printable, 3.0, 4.0 folded lines) without manual mapping', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    const res = await upload(admin, 'kontak-hp.vcf', fixture('contacts.vcf'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ format: 'vcf', preset: 'vcard' });
    const imp = await importThrough(t, admin, 'kontak-hp.vcf', fixture('contacts.vcf'));
    expect(imp.counts).toMatchObject({ created: 3, failed: 0 });
    const people = await contactsByName(t, workspace.id);
    expect(people.get('Rudi Hartono')).toMatchObject({
      phones: ['+6287822220001'],
      emails: ['rudi@example.id'],
      birthday: '1975-11-09',
    });
    expect(people.get('Sri Mulyani Indrawati')).toMatchObject({ phones: ['+6287822220002'], last_name: 'Indrawati' });
    expect(people.get('Bambang Tri Wibowo')).toMatchObject({ phones: ['+6287822220003'], first_name: 'Bambang Tri' });
    const rudi = (await admin.get(`/api/contacts/${people.get('Rudi Hartono')!.id}`)).json();
    expect(rudi).toMatchObject({ companyName: 'Toko Rudi', address: { city: 'Yogyakarta', postalCode: '55111' } });
    expect(rudi.tags.map((x: { name: string }) => x.name).sort()).toEqual(['Alumni', 'Asrama']);
  });

  it('recognizes a Google Contacts export and maps it without manual work', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    const res = await upload(admin, 'contacts.csv', fixture('google-contacts.csv'));
    expect(res.json().preset).toBe('google_contacts');
    const imp = await importThrough(t, admin, 'contacts.csv', fixture('google-contacts.csv'));
    expect(imp.counts).toMatchObject({ created: 3, failed: 0 });
    const people = await contactsByName(t, workspace.id);
    expect(people.get('Hendra Gunawan')!.phones.sort()).toEqual(['+62215550102', '+6285711110002']);
    expect(people.get('Hendra Gunawan')!.emails.sort()).toEqual(['hendra.g@gmail.com', 'hendra@kantor.co.id']);
    const nur = (await admin.get(`/api/contacts/${people.get('Nur Aini')!.id}`)).json();
    expect(nur.tags.map((x: { name: string }) => x.name)).toEqual(['Komite sekolah']); // Google's "* myContacts" group is not a tag
    // a phone-only entry gets its number as its name rather than being refused
    expect(people.get('0857 1111 0003')).toMatchObject({ phones: ['+6285711110003'] });
  });

  it('recognizes a HubSpot export: record ids become external ids, owners are found by email', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t, 'sales');
    const imp = await importThrough(t, admin, 'hubspot-crm-exports-all-contacts.csv', fixture('hubspot-contacts.csv'));
    expect(imp).toMatchObject({ preset: 'hubspot', options: { externalSystem: 'hubspot' } });
    expect(imp.counts).toMatchObject({ created: 2, failed: 1 });
    expect(imp.validation!.issues).toEqual([
      {
        row: 4,
        column: 'Contact owner',
        problem: '"someone@elsewhere.test" is not an active member of this workspace',
      },
    ]);
    const people = await contactsByName(t, workspace.id);
    const manager = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'manager@demo.test')
      .executeTakeFirstOrThrow();
    expect(people.get('Maria Tan')).toMatchObject({ phones: ['+6561234567'], owner_id: manager.id });
    const link = await t.ctx.db
      .selectFrom('external_links')
      .select(['system', 'external_id'])
      .where('contact_id', '=', people.get('Kevin Lim')!.id)
      .executeTakeFirstOrThrow();
    expect(link).toEqual({ system: 'hubspot', external_id: '502' });
  });
});
