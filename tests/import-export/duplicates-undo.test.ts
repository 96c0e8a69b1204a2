import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/test-app.js';
import { contactsByName, createImportApp, getImport, importThrough, runJobs, seeded, upload } from './helpers.js';

const EXISTING =
  'Nama,HP,Email,Tim\nSiti Rahma,0812-5555-0001,siti.lama@example.id,Lama\nBudi Setiawan,0812-5555-0002,,\n';
// Siti again by phone (new email), Budi by email only for update; a newcomer
const AGAIN =
  'Nama,HP,Email,Tim\nSiti Rahmawati,+62 812 5555 0001,siti.baru@example.id,Baru\nBudi,0812-5555-0009,,\nCitra Dewi,0812-5555-0003,citra@example.id,\n';

describeEachDialect('import duplicates and undo', (dialect) => {
  let t: Awaited<ReturnType<typeof createImportApp>>;
  afterEach(async () => t?.close());

  it('skip leaves matched contacts alone; create adds them anyway', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    await importThrough(t, admin, 'lama.csv', EXISTING);
    const skipped = await importThrough(t, admin, 'baru.csv', AGAIN, { options: { duplicateStrategy: 'skip' } });
    expect(skipped.validation).toMatchObject({ wouldCreate: 2, wouldSkip: 1, wouldUpdate: 0 });
    expect(skipped.counts).toMatchObject({ created: 2, skipped: 1, updated: 0 });
    let people = await contactsByName(t, workspace.id);
    expect(people.get('Siti Rahma')).toMatchObject({ emails: ['siti.lama@example.id'], team: 'Lama' });
    expect(people.has('Siti Rahmawati')).toBe(false);

    await importThrough(t, admin, 'lagi.csv', 'Nama,HP\nSiti Kembar,0812-5555-0001\n', {
      options: { duplicateStrategy: 'create' },
    });
    people = await contactsByName(t, workspace.id);
    expect(people.get('Siti Kembar')).toMatchObject({ phones: ['+6281255550001'] });
  });

  it('update fills matched contacts (by phone or email), keeps what the row leaves empty, and undo restores them', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    await importThrough(t, admin, 'lama.csv', EXISTING);
    const before = await contactsByName(t, workspace.id);
    const imp = await importThrough(t, admin, 'baru.csv', AGAIN, {
      options: { duplicateStrategy: 'update', matchBy: ['phone', 'email'] },
    });
    expect(imp.counts).toMatchObject({ created: 2, updated: 1, skipped: 0, failed: 0 });
    const after = await contactsByName(t, workspace.id);
    const siti = after.get('Siti Rahmawati')!;
    expect(siti.id).toBe(before.get('Siti Rahma')!.id);
    expect(siti).toMatchObject({ team: 'Baru', version: 2 });
    expect(siti.emails.sort()).toEqual(['siti.baru@example.id', 'siti.lama@example.id']);
    expect(siti.primary_email).toBe('siti.lama@example.id');

    const undo = await admin.post(`/api/imports/${imp.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(202);
    await runJobs(t);
    expect(await getImport(admin, imp.id)).toMatchObject({ status: 'undone', canUndo: false });
    const restored = await contactsByName(t, workspace.id);
    expect([...restored.keys()].sort()).toEqual(['Budi Setiawan', 'Siti Rahma']);
    expect(restored.get('Siti Rahma')).toMatchObject({
      team: 'Lama',
      emails: ['siti.lama@example.id'],
      primary_email: 'siti.lama@example.id',
    });
    // what undo removed went to the trash, restorable like any deleted contact
    const trash = await admin.get('/api/contacts?deleted=true');
    expect(
      trash
        .json()
        .items.map((c: { fullName: string }) => c.fullName)
        .sort(),
    ).toEqual(['Budi', 'Citra Dewi']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', workspace.id)
      .where('entity_type', '=', 'import')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'import.created',
        'import.started',
        'contact.imported',
        'import.completed',
        'contact.import_undone',
        'import.undone',
      ]),
    );
  });

  it('undo leaves a contact someone edited after the import as it is now', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    await importThrough(t, admin, 'lama.csv', EXISTING);
    const imp = await importThrough(t, admin, 'baru.csv', 'Nama,HP,Tim\nSiti Rahmawati,0812-5555-0001,Baru\n', {
      options: { duplicateStrategy: 'update' },
    });
    const siti = (await contactsByName(t, workspace.id)).get('Siti Rahmawati')!;
    const edited = await admin.patch(`/api/contacts/${siti.id}`, { version: siti.version, team: 'Diedit' });
    expect(edited.statusCode, edited.body).toBe(200);
    await admin.post(`/api/imports/${imp.id}/undo`);
    await runJobs(t);
    expect((await contactsByName(t, workspace.id)).get('Siti Rahmawati')).toMatchObject({ team: 'Diedit' });
  });

  it('remembers a header mapping for the next file of the workspace', async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    const first = (await upload(admin, 'a.csv', 'Nama Orang Tua,Nomor Darurat\nAni,0812-5555-0101\n')).json();
    expect(first.mapping).toEqual(['fullName', null]);
    await admin.patch(`/api/imports/${first.id}`, { mapping: ['fullName', 'phone'] });
    expect((await admin.post(`/api/imports/${first.id}/run`)).statusCode).toBe(202);
    await runJobs(t);
    const second = (await upload(admin, 'b.csv', 'Nomor Darurat,Nama Orang Tua\n0812-5555-0102,Bayu\n')).json();
    expect(second.mapping).toEqual(['phone', 'fullName']);
  });

  it('lists the history with who ran what; agents see only their own imports', async () => {
    t = await createImportApp(dialect);
    const { admin, agent } = await seeded(t);
    await importThrough(t, admin, 'admin.csv', 'Nama,HP\nAni,0812-5555-0201\n');
    await importThrough(t, agent, 'agen.csv', 'Nama,HP\nBima,0812-5555-0202\n');
    const all = (await admin.get('/api/imports?includeTotal=true')).json();
    expect(all.total).toBe(2);
    expect(
      all.items.map((i: { fileName: string; createdBy: { name: string } }) => [i.fileName, i.createdBy.name]),
    ).toEqual([
      ['agen.csv', 'Citra Agent'],
      ['admin.csv', 'Ayu Admin'],
    ]);
    const mine = (await agent.get('/api/imports')).json();
    expect(mine.items.map((i: { fileName: string }) => i.fileName)).toEqual(['agen.csv']);
    // and cannot undo someone else's
    expect((await agent.post(`/api/imports/${all.items[1].id}/undo`)).statusCode).toBe(404);
  });
  it('a rule only the database can check refuses just its row; the rest of the batch is written', async () => {
    t = await createImportApp(dialect);
    const { admin, workspace } = await seeded(t);
    await importThrough(t, admin, 'lama.csv', 'Nama,Email\nTanpa Telepon,tanpa@example.id\n');
    // student parents need a phone (school template rule): updating this one to that type must fail alone
    const csv =
      'Nama,Email,Jenis,HP\nTanpa Telepon,tanpa@example.id,Orang tua siswa,\nBaru Sekali,baru@example.id,Orang tua siswa,0812-5555-0301\n';
    const imp = await importThrough(t, admin, 'jenis.csv', csv, {
      options: { duplicateStrategy: 'update', matchBy: ['email'] },
    });
    expect(imp.counts).toMatchObject({ created: 1, updated: 0, failed: 1 });
    const failed = await admin.get(`/api/imports/${imp.id}/failed-rows`);
    expect(failed.body).toContain('needs phone');
    const people = await contactsByName(t, workspace.id);
    expect(people.get('Tanpa Telepon')).toMatchObject({ type_key: null, version: 1 });
    expect(people.get('Baru Sekali')).toMatchObject({ type_key: 'student_parent', phones: ['+6281255550301'] });
  });
});
