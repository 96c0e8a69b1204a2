import { afterEach, expect, it } from 'vitest';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { describeEachDialect } from '../helpers/test-app.js';
import { createImportApp, fixture, getImport, importThrough, runJobs, seeded, upload } from './helpers.js';

const PARENTS =
  'Nama,HP,Email\nSiti Rahmawati,0812-3456-7001,siti@example.id\nBudi Santoso,0812-3456-7002,budi@example.id\n';

describeEachDialect('import deals and activities', (dialect) => {
  let t: Awaited<ReturnType<typeof createImportApp>>;
  afterEach(async () => t?.close());

  async function enrollment(client: Awaited<ReturnType<typeof seeded>>['admin']) {
    const pipelines = (await client.get('/api/pipelines')).json();
    return (Array.isArray(pipelines) ? pipelines : pipelines.items).find((p: { name: string }) =>
      p.name.startsWith('Enrollment'),
    );
  }

  it('puts deals into the chosen pipeline by stage name, under its stage rules, and keeps the board counters right', async () => {
    t = await createImportApp(dialect);
    const { admin } = await seeded(t);
    await importThrough(t, admin, 'ortu.csv', PARENTS);
    const pipeline = await enrollment(admin);
    const res = await upload(admin, 'pendaftaran.csv', fixture('deals-enrollment.csv'), { entity: 'deals' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    // the mapping needs the pipeline first
    expect((await admin.post(`/api/imports/${id}/validate`)).json()).toMatchObject({
      status: 400,
      field: 'options.pipelineId',
    });
    const patched = await admin.patch(`/api/imports/${id}`, { options: { pipelineId: pipeline.id } });
    expect(patched.json().mapping).toEqual(['title', 'value', 'stage', 'contactEmail', 'expectedCloseDate']);
    await admin.post(`/api/imports/${id}/validate`);
    await runJobs(t);
    const validated = await getImport(admin, id);
    expect(validated.validation!.issues).toEqual([
      {
        row: 4,
        column: 'Tahap',
        problem: expect.stringMatching(/^Unknown stage "Wawancara" in Enrollment .* \(stages: Lead, Qualified/),
      },
      { row: 5, column: 'Nilai', problem: '"abc" is not an amount' },
      { row: 6, column: null, problem: 'Won/lost reason: Required by the stage "Lost"' },
      { row: 7, column: 'Email Kontak', problem: 'No contact matches "nobody@example.id"' },
    ]);
    await admin.post(`/api/imports/${id}/run`);
    await runJobs(t);
    expect((await getImport(admin, id)).counts).toMatchObject({ created: 2, failed: 4 });

    const deals = (await admin.get(`/api/deals?pipelineId=${pipeline.id}&limit=50`)).json().items;
    const bima = deals.find((d: { title: string }) => d.title === 'Pendaftaran Bima');
    expect(bima).toMatchObject({
      valueMinor: 1_500_000_000,
      expectedCloseDate: '2027-06-30',
      contact: { name: 'Siti Rahmawati' },
    });
    expect(bima.stageId).toBe(pipeline.stages.find((s: { name: string }) => s.name === 'Application').id);
    const board = (await admin.get(`/api/pipelines/${pipeline.id}/board`)).json();
    expect(board.totals).toMatchObject({ count: 2, valueSum: 1_500_000_000 + 250_000_000 });
    const history = (await admin.get(`/api/deals/${bima.id}/history`)).json();
    expect(history.items).toHaveLength(1);
    // the forecast's maintained month totals follow the import, and its undo
    const forecast = async () =>
      (await admin.get(`/api/pipelines/${pipeline.id}/forecast?from=2027-06&to=2027-06`)).json();
    const application = pipeline.stages.find((s: { name: string }) => s.name === 'Application');
    const lead = pipeline.stages.find((s: { name: string }) => s.name === 'Lead');
    const imported = await forecast();
    expect(imported.openByCloseMonth).toEqual([
      {
        period: '2027-06',
        count: 1,
        valueSum: 1_500_000_000,
        weightedValue: (1_500_000_000 * application.probability) / 100,
      },
    ]);
    expect(imported.noCloseDate).toEqual({
      count: 1,
      valueSum: 250_000_000,
      weightedValue: (250_000_000 * lead.probability) / 100,
    });

    await admin.post(`/api/imports/${id}/undo`);
    await runJobs(t);
    expect((await admin.get(`/api/deals?pipelineId=${pipeline.id}`)).json().items).toEqual([]);
    expect((await admin.get(`/api/pipelines/${pipeline.id}/board`)).json().totals).toMatchObject({
      count: 0,
      valueSum: 0,
    });
    const undone = await forecast();
    expect(undone.openByCloseMonth).toEqual([{ period: '2027-06', count: 0, valueSum: 0, weightedValue: 0 }]);
    expect(undone.noCloseDate).toEqual({ count: 0, valueSum: 0, weightedValue: 0 });
  });

  it('logs activities on the contacts they name, on their timelines, refusing future logs and unknown contacts per row', async () => {
    t = await createImportApp(dialect, { manualClock: true });
    (t.clock as ManualClock).set('2026-01-10T00:00:00Z');
    const { admin, workspace } = await seeded(t);
    await importThrough(t, admin, 'ortu.csv', PARENTS);
    const res = await upload(admin, 'aktivitas.csv', fixture('activities.csv'), { entity: 'activities' });
    expect(res.json().mapping).toEqual([
      'type',
      'title',
      'contactPhone',
      'occurredAt',
      'durationMinutes',
      'outcome',
      'description',
    ]);
    await admin.post(`/api/imports/${res.json().id}/validate`);
    await runJobs(t);
    const validated = await getImport(admin, res.json().id);
    expect(validated.validation!.issues).toEqual([
      { row: 4, column: 'Tipe', problem: expect.stringContaining('Unknown activity type "Kunjungan"') },
      { row: 5, column: 'HP', problem: 'No contact matches "0899-9999-9999"' },
      { row: 6, column: 'Tanggal', problem: 'A logged activity cannot be in the future; schedule it instead' },
    ]);
    await admin.post(`/api/imports/${res.json().id}/run`);
    await runJobs(t);
    expect((await getImport(admin, res.json().id)).counts).toMatchObject({ created: 2, failed: 3 });
    const siti = await t.ctx.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspace.id)
      .where('full_name', '=', 'Siti Rahmawati')
      .executeTakeFirstOrThrow();
    const list = (await admin.get(`/api/activities?contactId=${siti.id}`)).json().items;
    // 09:30 in Jakarta (the workspace's zone) is 02:30 UTC
    expect(list).toEqual([
      expect.objectContaining({
        title: 'Telepon perkenalan',
        occurredAt: '2026-01-05T02:30:00.000Z',
        durationMinutes: 15,
        outcome: 'successful',
        description: 'Tertarik program asrama',
      }),
    ]);
    const timeline = (await admin.get(`/api/timeline/contact/${siti.id}`)).json();
    expect(JSON.stringify(timeline)).toContain('Telepon perkenalan');
  });
});
