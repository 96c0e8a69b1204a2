import type { DB } from '../../db/schema.js';
import { toJson } from '../../db/sql-helpers.js';
import type { Db } from '../../platform/transaction.js';

// SQL for merging contacts and undoing a merge. Rows are captured whole before the merge so an
// undo can put back exactly what moved or was dropped as a duplicate.

export interface MergeSnapshot {
  emails: DB['contact_emails'][];
  phones: DB['contact_phones'][];
  tags: DB['contact_tags'][];
  tagsAddedToSurvivor: string[];
  notes: Array<{ id: string; entity_id: string }>;
  relationships: DB['contact_relationships'][];
  links: DB['external_links'][];
}

export async function captureChildren(
  db: Db,
  workspaceId: string,
  mergedIds: string[],
): Promise<Omit<MergeSnapshot, 'tagsAddedToSurvivor'>> {
  const [emails, phones, tags, notes, relationships, links] = await Promise.all([
    db
      .selectFrom('contact_emails')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', mergedIds)
      .execute(),
    db
      .selectFrom('contact_phones')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', mergedIds)
      .execute(),
    db
      .selectFrom('contact_tags')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', mergedIds)
      .execute(),
    db
      .selectFrom('notes')
      .select(['id', 'entity_id'])
      .where('workspace_id', '=', workspaceId)
      .where('entity_type', '=', 'contact')
      .where('entity_id', 'in', mergedIds)
      .execute(),
    db
      .selectFrom('contact_relationships')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('contact_id', 'in', mergedIds), eb('related_contact_id', 'in', mergedIds)]))
      .execute(),
    db
      .selectFrom('external_links')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', mergedIds)
      .execute(),
  ]);
  return { emails, phones, tags, notes, relationships, links };
}

/** Moves emails/phones/links to the survivor, dropping the ones it already has. */
export async function moveChildren(
  db: Db,
  workspaceId: string,
  survivorId: string,
  snap: Omit<MergeSnapshot, 'tagsAddedToSurvivor'>,
  now: string,
): Promise<string[]> {
  const [sEmails, sPhones, sLinks, sTags] = await Promise.all([
    db
      .selectFrom('contact_emails')
      .select('email')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', survivorId)
      .execute(),
    db
      .selectFrom('contact_phones')
      .select('e164')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', survivorId)
      .execute(),
    db
      .selectFrom('external_links')
      .select(['system', 'external_id'])
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', survivorId)
      .execute(),
    db
      .selectFrom('contact_tags')
      .select('tag_id')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', survivorId)
      .execute(),
  ]);
  const haveEmail = new Set(sEmails.map((e) => e.email));
  for (const e of snap.emails) {
    if (haveEmail.has(e.email)) await db.deleteFrom('contact_emails').where('id', '=', e.id).execute();
    else
      await db
        .updateTable('contact_emails')
        .set({ contact_id: survivorId, is_primary: false, updated_at: now })
        .where('id', '=', e.id)
        .execute();
    haveEmail.add(e.email);
  }
  const havePhone = new Set(sPhones.map((p) => p.e164));
  for (const p of snap.phones) {
    if (havePhone.has(p.e164)) await db.deleteFrom('contact_phones').where('id', '=', p.id).execute();
    else
      await db
        .updateTable('contact_phones')
        .set({ contact_id: survivorId, is_primary: false, updated_at: now })
        .where('id', '=', p.id)
        .execute();
    havePhone.add(p.e164);
  }
  const haveLink = new Set(sLinks.map((l) => `${l.system}|${l.external_id}`));
  for (const l of snap.links) {
    const key = `${l.system}|${l.external_id}`;
    if (haveLink.has(key)) await db.deleteFrom('external_links').where('id', '=', l.id).execute();
    else
      await db
        .updateTable('external_links')
        .set({ contact_id: survivorId, updated_at: now })
        .where('id', '=', l.id)
        .execute();
    haveLink.add(key);
  }
  const haveTag = new Set(sTags.map((t) => t.tag_id));
  const added: string[] = [];
  for (const t of snap.tags) {
    if (!haveTag.has(t.tag_id)) {
      await db
        .insertInto('contact_tags')
        .values({ ...t, contact_id: survivorId })
        .execute();
      haveTag.add(t.tag_id);
      added.push(t.tag_id);
    }
  }
  if (snap.tags.length)
    await db
      .deleteFrom('contact_tags')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', [...new Set(snap.tags.map((t) => t.contact_id))])
      .execute();
  if (snap.notes.length)
    await db
      .updateTable('notes')
      .set({ entity_id: survivorId })
      .where('workspace_id', '=', workspaceId)
      .where(
        'id',
        'in',
        snap.notes.map((n) => n.id),
      )
      .execute();
  return added;
}

/** Re-points relationships to the survivor, then drops self-relations and repeats. */
export async function moveRelationships(
  db: Db,
  workspaceId: string,
  survivorId: string,
  mergedIds: string[],
  snap: MergeSnapshot['relationships'],
): Promise<void> {
  if (!snap.length) return;
  await db
    .updateTable('contact_relationships')
    .set({ contact_id: survivorId })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', 'in', mergedIds)
    .execute();
  await db
    .updateTable('contact_relationships')
    .set({ related_contact_id: survivorId })
    .where('workspace_id', '=', workspaceId)
    .where('related_contact_id', 'in', mergedIds)
    .execute();
  await db
    .deleteFrom('contact_relationships')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', survivorId)
    .where('related_contact_id', '=', survivorId)
    .execute();
  const rows = await db
    .selectFrom('contact_relationships')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('contact_id', '=', survivorId), eb('related_contact_id', '=', survivorId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const seen = new Set<string>();
  const moved = new Set(snap.map((r) => r.id));
  // keep the survivor's own row when a moved one repeats it; drop the moved one (and its pair)
  for (const r of [...rows].sort((a, b) => Number(moved.has(a.id)) - Number(moved.has(b.id)))) {
    const key = `${r.contact_id}|${r.related_contact_id}|${r.kind}|${r.custom_label ?? ''}`;
    if (seen.has(key))
      await db
        .deleteFrom('contact_relationships')
        .where('workspace_id', '=', workspaceId)
        .where('pair_id', '=', r.pair_id)
        .execute();
    else seen.add(key);
  }
}

/** Puts captured rows back exactly as they were. */
export async function restoreChildren(
  db: Db,
  workspaceId: string,
  survivorId: string,
  snap: MergeSnapshot,
): Promise<void> {
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
  if (snap.emails.length) {
    await db
      .deleteFrom('contact_emails')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids(snap.emails))
      .execute();
    await db.insertInto('contact_emails').values(snap.emails).execute();
  }
  if (snap.phones.length) {
    await db
      .deleteFrom('contact_phones')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids(snap.phones))
      .execute();
    await db.insertInto('contact_phones').values(snap.phones).execute();
  }
  if (snap.links.length) {
    await db
      .deleteFrom('external_links')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids(snap.links))
      .execute();
    await db
      .insertInto('external_links')
      .values(snap.links.map((l) => ({ ...l, display: toJson(l.display) })))
      .execute();
  }
  if (snap.tagsAddedToSurvivor.length)
    await db
      .deleteFrom('contact_tags')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', survivorId)
      .where('tag_id', 'in', snap.tagsAddedToSurvivor)
      .execute();
  if (snap.tags.length)
    await db
      .insertInto('contact_tags')
      .values(snap.tags)
      .onConflict((oc) => oc.columns(['contact_id', 'tag_id']).doNothing())
      .execute();
  for (const n of snap.notes)
    await db
      .updateTable('notes')
      .set({ entity_id: n.entity_id })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', n.id)
      .execute();
  if (snap.relationships.length) {
    const pairIds = [...new Set(snap.relationships.map((r) => r.pair_id))];
    await db
      .deleteFrom('contact_relationships')
      .where('workspace_id', '=', workspaceId)
      .where('pair_id', 'in', pairIds)
      .execute();
    await db.insertInto('contact_relationships').values(snap.relationships).execute();
  }
}
