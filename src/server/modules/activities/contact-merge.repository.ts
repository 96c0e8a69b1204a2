import type { Db } from '../../platform/transaction.js';

/** Rows of this module that point at contacts, re-pointed on a contact merge (and back on undo). */
export interface MovedForMerge {
  activities: Array<{ id: string; contactId: string }>;
  tasks: Array<{ id: string; contactId: string }>;
  timeline: Array<{ id: string; subjectId: string }>;
}

export async function moveContactRows(
  db: Db,
  workspaceId: string,
  mergedIds: string[],
  survivorId: string,
): Promise<MovedForMerge> {
  const activities = await db
    .selectFrom('activities')
    .select(['id', 'contact_id'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', mergedIds)
    .execute();
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'contact_id'])
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', mergedIds)
    .execute();
  const timeline = await db
    .selectFrom('timeline_entries')
    .select(['id', 'subject_id'])
    .where('workspace_id', '=', workspaceId)
    .where('subject_type', '=', 'contact')
    .where('subject_id', 'in', mergedIds)
    .execute();
  await db
    .updateTable('activities')
    .set({ contact_id: survivorId })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', mergedIds)
    .execute();
  await db
    .updateTable('tasks')
    .set({ contact_id: survivorId })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', mergedIds)
    .execute();
  await db
    .updateTable('timeline_entries')
    .set({ subject_id: survivorId })
    .where('workspace_id', '=', workspaceId)
    .where('subject_type', '=', 'contact')
    .where('subject_id', 'in', mergedIds)
    .execute();
  return {
    activities: activities.map((r) => ({ id: r.id, contactId: r.contact_id })),
    tasks: tasks.map((r) => ({ id: r.id, contactId: r.contact_id! })),
    timeline: timeline.map((r) => ({ id: r.id, subjectId: r.subject_id })),
  };
}

export async function restoreContactRows(
  db: Db,
  workspaceId: string,
  data: MovedForMerge | null,
  survivorId: string,
): Promise<void> {
  for (const a of data?.activities ?? [])
    await db
      .updateTable('activities')
      .set({ contact_id: a.contactId })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', a.id)
      .where('contact_id', '=', survivorId)
      .execute();
  for (const t of data?.tasks ?? [])
    await db
      .updateTable('tasks')
      .set({ contact_id: t.contactId })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', t.id)
      .where('contact_id', '=', survivorId)
      .execute();
  for (const e of data?.timeline ?? [])
    await db
      .updateTable('timeline_entries')
      .set({ subject_id: e.subjectId })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', e.id)
      .execute();
}
