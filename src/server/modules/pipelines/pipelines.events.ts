import { z } from 'zod';
import { defineEvent, type EventsOf, type RealtimeRule } from '../events/event-catalog.js';
import { isDealVisible } from './deal-context.js';

const id = z.string();
/** Deals reach those who may read deals; an agent who sees only their own, of deals they own (named in the payload). */
const aboutDeal: RealtimeRule = {
  permission: 'deals.view',
  visibility: (_ctx, actor, event) => isDealVisible(actor, (event.payload.ownerId as string | null) ?? null),
};
const workspaceWide: RealtimeRule = { permission: 'deals.view' };
const deal = {
  pipelineId: id,
  stageId: id,
  contactId: id.nullable(),
  ownerId: id.nullable(),
  title: z.string(),
};
/** A deal's entries show on its own timeline and its contact's. */
const onDealAndContact = {
  kind: 'edit',
  subjects: (p: { contactId: string | null }) => ({ contact: p.contactId }),
} as const;

/** The pipelines module's events: pipelines and their stages, deals and their moves. */
export const pipelineEvents = {
  'deal.created': defineEvent({
    summary: 'A deal was created',
    entity: 'deal',
    payload: z.strictObject({ ...deal, version: z.number().int() }),
    realtime: aboutDeal,
    timeline: onDealAndContact,
  }),
  'deal.updated': defineEvent({
    summary: 'A deal was changed (not its stage: see deal.moved)',
    entity: 'deal',
    payload: z.strictObject({ ...deal, version: z.number().int() }),
    realtime: aboutDeal,
    timeline: onDealAndContact,
  }),
  'deal.deleted': defineEvent({
    summary: 'A deal was deleted',
    entity: 'deal',
    payload: z.strictObject(deal),
    realtime: aboutDeal,
    timeline: onDealAndContact,
  }),
  'deal.moved': defineEvent({
    summary: 'A deal moved to another stage',
    entity: 'deal',
    payload: z.strictObject({
      pipelineId: id,
      fromStageId: id,
      toStageId: id,
      fromStage: z.string().describe("The stage's name when it moved"),
      toStage: z.string(),
      contactId: id.nullable(),
      ownerId: id.nullable(),
      title: z.string(),
      reason: z.string().nullable(),
      version: z.number().int(),
    }),
    realtime: aboutDeal,
    timeline: { ...onDealAndContact, kind: 'stage_change' },
    notify: ({ payload: p }) =>
      p.ownerId
        ? { kind: 'stage_change', userId: p.ownerId, label: p.title, stageName: p.toStage, reason: p.reason }
        : null,
  }),
  'deal.imported': defineEvent({
    summary: 'A batch of an import created deals',
    entity: 'import',
    payload: z.strictObject({ importId: id, batch: z.number().int(), created: z.number().int(), pipelineId: id }),
    realtime: workspaceWide,
  }),
  'deal.import_undone': defineEvent({
    summary: 'A batch of a deal import was undone',
    entity: 'import',
    payload: z.strictObject({ importId: id, batch: z.number().int(), removed: z.number().int() }),
    realtime: workspaceWide,
  }),
  'pipeline.created': defineEvent({
    summary: 'A pipeline was created',
    entity: 'pipeline',
    payload: z.strictObject({ pipelineId: id }),
    realtime: workspaceWide,
  }),
  'pipeline.updated': defineEvent({
    summary: 'A pipeline or one of its stages changed (`change` names a stage change)',
    entity: 'pipeline',
    payload: z.strictObject({ pipelineId: id, change: z.string().optional(), stageId: id.optional() }),
    realtime: workspaceWide,
  }),
  'pipeline.deleted': defineEvent({
    summary: 'A pipeline was deleted',
    entity: 'pipeline',
    payload: z.strictObject({ pipelineId: id }),
    realtime: workspaceWide,
  }),
};

declare module '../events/event-catalog.js' {
  interface DomainEventMap extends EventsOf<typeof pipelineEvents> {}
}
