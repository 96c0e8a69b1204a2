import { z } from 'zod';
import { CompanyRelationshipKind, RelationshipKind } from '../../../shared/contracts/contacts-relations.js';
import { defineEvent, type EventsOf, type RealtimeRule } from '../events/event-catalog.js';
import { isContactVisible } from './contacts.service.js';

const id = z.string();
/** Contacts' news reach those who may read contacts; an agent who sees only their own, of their own. */
const aboutContact: RealtimeRule = {
  permission: 'contacts.view',
  visibility: (ctx, actor, event) => !event.entityId || isContactVisible(ctx.db, actor, event.entityId),
};
/** Companies, tags, types and settings are shared by the workspace. */
const workspaceWide: RealtimeRule = { permission: 'contacts.view' };
const onContact = { kind: 'edit' } as const;
const notes = (entity: 'contact' | 'company') => ({
  added: defineEvent({
    summary: `A note was added to a ${entity}`,
    entity,
    payload: z.strictObject({ noteId: id, excerpt: z.string(), isPinned: z.boolean() }),
    realtime: entity === 'contact' ? aboutContact : workspaceWide,
    timeline: { kind: 'note', source: (p) => ({ type: 'note', id: p.noteId }) },
    notify: (e) => ({
      kind: 'mention',
      text: e.payload.excerpt,
      contactId: entity === 'contact' ? e.entityId : null,
      noteId: e.payload.noteId,
    }),
  }),
  updated: defineEvent({
    summary: `A note of a ${entity} was edited`,
    entity,
    payload: z.strictObject({ noteId: id, excerpt: z.string(), isPinned: z.boolean() }),
    realtime: entity === 'contact' ? aboutContact : workspaceWide,
    timeline: { kind: 'note', action: 'replace', source: (p) => ({ type: 'note', id: p.noteId }) },
  }),
  deleted: defineEvent({
    summary: `A note of a ${entity} was deleted`,
    entity,
    payload: z.strictObject({ noteId: id }),
    realtime: entity === 'contact' ? aboutContact : workspaceWide,
    timeline: { kind: 'note', action: 'remove', source: (p) => ({ type: 'note', id: p.noteId }) },
  }),
});
const contactNotes = notes('contact');
const companyNotes = notes('company');
const importBatch = z.strictObject({
  importId: id,
  batch: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
});
const importUndone = z.strictObject({
  importId: id,
  batch: z.number().int(),
  removed: z.number().int(),
  restored: z.number().int(),
  conflicts: z.number().int(),
});
const config = <P extends z.ZodType>(what: string, entity: string, payload: P) => ({
  created: defineEvent({ summary: `A ${what} was created`, entity, payload, realtime: workspaceWide }),
  updated: defineEvent({ summary: `A ${what} was changed`, entity, payload, realtime: workspaceWide }),
  deleted: defineEvent({ summary: `A ${what} was deleted`, entity, payload, realtime: workspaceWide }),
});
const types = config('contact type', 'contact_type', z.strictObject({ key: z.string() }));
const sources = config('contact source', 'contact_source', z.strictObject({ key: z.string() }));
const fields = config('custom field', 'custom_field', z.strictObject({ key: z.string(), entity: z.string() }));
const tags = config('tag', 'tag', z.strictObject({ name: z.string() }));

/** The contacts module's events: contacts, companies, their notes, links and relationships, configuration. */
export const contactEvents = {
  'contact.created': defineEvent({
    summary: 'A contact was created',
    entity: 'contact',
    payload: z.strictObject({ fullName: z.string(), typeKey: z.string().nullable(), ownerId: id.nullable() }),
    realtime: aboutContact,
    timeline: onContact,
    notify: (e) =>
      e.payload.ownerId ? { kind: 'assignment', userId: e.payload.ownerId, label: e.payload.fullName } : null,
  }),
  'contact.updated': defineEvent({
    summary: 'A contact was changed (`changes` names the fields; owner and type changes say from what)',
    entity: 'contact',
    payload: z.strictObject({
      changes: z.array(z.string()),
      fullName: z.string().optional().describe('Given when the owner changed'),
      ownerId: id.nullable().optional(),
      previousOwnerId: id.nullable().optional(),
      typeKey: z.string().nullable().optional(),
      previousTypeKey: z.string().nullable().optional(),
    }),
    realtime: aboutContact,
    timeline: onContact,
    notify: ({ payload: p }) =>
      p.changes.includes('ownerId') && p.ownerId && p.ownerId !== p.previousOwnerId
        ? { kind: 'assignment', userId: p.ownerId, previousUserId: p.previousOwnerId, label: p.fullName ?? 'a contact' }
        : null,
  }),
  'contact.deleted': defineEvent({
    summary: 'A contact went to the trash',
    entity: 'contact',
    payload: z.strictObject({ fullName: z.string() }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.restored': defineEvent({
    summary: 'A contact came back from the trash',
    entity: 'contact',
    payload: z.strictObject({ fullName: z.string() }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.purged': defineEvent({
    summary: 'The retention job deleted contacts and companies for good (counts only)',
    entity: 'contact',
    payload: z.strictObject({ contacts: z.number().int(), companies: z.number().int() }),
    realtime: workspaceWide,
  }),
  'contact.merged': defineEvent({
    summary: 'Contacts were merged into this one',
    entity: 'contact',
    payload: z.strictObject({ mergeId: id, mergedIds: z.array(id) }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.merged_into': defineEvent({
    summary: 'This contact was merged into another',
    entity: 'contact',
    payload: z.strictObject({ mergeId: id, survivorId: id }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.merge_undone': defineEvent({
    summary: 'A merge into this contact was undone',
    entity: 'contact',
    payload: z.strictObject({ mergeId: id, restoredIds: z.array(id) }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.link_added': defineEvent({
    summary: 'A link to an outside system was added to a contact',
    entity: 'contact',
    payload: z.strictObject({ linkId: id, system: z.string(), externalId: z.string() }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.link_updated': defineEvent({
    summary: "A contact's link to an outside system was changed",
    entity: 'contact',
    payload: z.strictObject({ linkId: id }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.link_removed': defineEvent({
    summary: "A contact's link to an outside system was removed",
    entity: 'contact',
    payload: z.strictObject({ linkId: id, system: z.string() }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.relationship_added': defineEvent({
    summary: 'A relationship to another contact was added (one event on each side)',
    entity: 'contact',
    payload: z.strictObject({ pairId: id, relatedContactId: id, kind: RelationshipKind }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.relationship_updated': defineEvent({
    summary: 'A relationship between contacts was changed',
    entity: 'contact',
    payload: z.strictObject({ pairId: id }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.relationship_removed': defineEvent({
    summary: 'A relationship between contacts was removed',
    entity: 'contact',
    payload: z.strictObject({ pairId: id, relatedContactId: id }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.duplicate_dismissed': defineEvent({
    summary: 'Two contacts were marked as not duplicates',
    entity: 'contact',
    payload: z.strictObject({ other: id }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.tag_added': defineEvent({
    summary: 'A contact was tagged',
    entity: 'contact',
    payload: z.strictObject({ tagId: id }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.tag_removed': defineEvent({
    summary: 'A tag was taken off a contact',
    entity: 'contact',
    payload: z.strictObject({ tagId: id }),
    realtime: aboutContact,
    timeline: onContact,
  }),
  'contact.note_added': contactNotes.added,
  'contact.note_updated': contactNotes.updated,
  'contact.note_deleted': contactNotes.deleted,
  'contact.imported': defineEvent({
    summary: 'A batch of an import wrote contacts',
    entity: 'import',
    payload: importBatch.extend({ companiesCreated: z.number().int() }),
    realtime: workspaceWide,
  }),
  'contact.import_undone': defineEvent({
    summary: 'A batch of an import was undone',
    entity: 'import',
    payload: importUndone,
    realtime: workspaceWide,
  }),
  'company.created': defineEvent({
    summary: 'A company was created',
    entity: 'company',
    payload: z.strictObject({ name: z.string() }),
    realtime: workspaceWide,
    timeline: onContact,
  }),
  'company.updated': defineEvent({
    summary: 'A company was changed',
    entity: 'company',
    payload: z.strictObject({ name: z.string() }),
    realtime: workspaceWide,
    timeline: onContact,
  }),
  'company.deleted': defineEvent({
    summary: 'A company went to the trash',
    entity: 'company',
    payload: z.strictObject({ name: z.string() }),
    realtime: workspaceWide,
    timeline: onContact,
  }),
  'company.restored': defineEvent({
    summary: 'A company came back from the trash',
    entity: 'company',
    payload: z.strictObject({ name: z.string() }),
    realtime: workspaceWide,
    timeline: onContact,
  }),
  'company.relationship_added': defineEvent({
    summary: 'A relationship to another company was added',
    entity: 'company',
    payload: z.strictObject({ pairId: id, relatedCompanyId: id, kind: CompanyRelationshipKind }),
    realtime: workspaceWide,
    timeline: onContact,
  }),
  'company.relationship_removed': defineEvent({
    summary: 'A relationship between companies was removed',
    entity: 'company',
    payload: z.strictObject({ pairId: id }),
    realtime: workspaceWide,
    timeline: onContact,
  }),
  'company.note_added': companyNotes.added,
  'company.note_updated': companyNotes.updated,
  'company.note_deleted': companyNotes.deleted,
  'company.imported': defineEvent({
    summary: 'A batch of an import wrote companies',
    entity: 'import',
    payload: importBatch,
    realtime: workspaceWide,
  }),
  'company.import_undone': defineEvent({
    summary: 'A batch of a company import was undone',
    entity: 'import',
    payload: importUndone,
    realtime: workspaceWide,
  }),
  'tag.created': tags.created,
  'tag.updated': tags.updated,
  'tag.deleted': tags.deleted,
  'contact_type.created': types.created,
  'contact_type.updated': types.updated,
  'contact_type.deleted': types.deleted,
  'contact_source.created': sources.created,
  'contact_source.updated': sources.updated,
  'contact_source.deleted': sources.deleted,
  'custom_field.created': fields.created,
  'custom_field.updated': fields.updated,
  'custom_field.deleted': fields.deleted,
  'contact_settings.updated': defineEvent({
    summary: "The workspace's contact settings changed",
    entity: 'contact_settings',
    payload: z.strictObject({ retentionDays: z.number().int() }),
    realtime: workspaceWide,
  }),
  'saved_view.created': defineEvent({
    summary: 'A saved view of a list was created',
    entity: 'saved_view',
    payload: z.strictObject({ name: z.string(), isShared: z.boolean() }),
    realtime: workspaceWide,
  }),
  'saved_view.updated': defineEvent({
    summary: 'A saved view was changed',
    entity: 'saved_view',
    payload: z.strictObject({ name: z.string() }),
    realtime: workspaceWide,
  }),
  'saved_view.deleted': defineEvent({
    summary: 'A saved view was deleted',
    entity: 'saved_view',
    payload: z.strictObject({}),
    realtime: workspaceWide,
  }),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof contactEvents> {}
}
