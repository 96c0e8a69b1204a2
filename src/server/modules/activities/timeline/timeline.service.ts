import type { z } from 'zod';
import type { TimelineItem, TimelineKind, TimelineQuery } from '../../../../shared/contracts/activities-timeline.js';
import { fromJson } from '../../../db/sql-helpers.js';
import { notFound } from '../../../http/errors.js';
import { cursorPart, decodeCursor, pageOf } from '../../../http/pagination.js';
import { can, ownerScope, type Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { findContactRef } from '../refs.repository.js';
import { findUserNames, listTimeline } from './timeline.repository.js';
import type { SubjectType } from './timeline-rules.js';

/** Agents read the timeline of contacts they own only (unless the workspace lets them see all). */
async function assertSubjectVisible(ctx: AppContext, actor: Actor, subjectType: SubjectType, subjectId: string) {
  if (subjectType !== 'contact') return;
  const contact = await findContactRef(ctx.db, actor.workspaceId, subjectId);
  const me = ownerScope(actor);
  if (!contact || (me && contact.owner_id !== me)) throw notFound('Contact');
}

/** One stream per contact, deal or company: newest first, filterable by kind, cursor-paginated. */
export async function getTimeline(
  ctx: AppContext,
  actor: Actor,
  subjectType: SubjectType,
  subjectId: string,
  q: z.output<typeof TimelineQuery>,
) {
  await assertSubjectVisible(ctx, actor, subjectType, subjectId);
  const rows = await listTimeline(ctx.db, actor.workspaceId, {
    subjectType,
    subjectId,
    kinds: q.kinds ?? null,
    viewerId: can(actor, 'activities.manage') ? null : actor.id,
    after: decodeCursor(q.cursor, [cursorPart.instant, cursorPart.id]),
    limit: q.limit,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.occurred_at, r.id]);
  const names = await findUserNames(
    ctx.db,
    items.map((r) => r.actor_id).filter((id): id is string => Boolean(id)),
  );
  return {
    items: items.map((r): TimelineItem => ({
      id: r.id,
      kind: r.kind as TimelineKind,
      occurredAt: r.occurred_at,
      eventType: r.type,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actor: r.actor_id ? { id: r.actor_id, name: names.get(r.actor_id) ?? '' } : null,
      payload: fromJson<Record<string, unknown>>(r.payload, {}),
      isPrivate: r.private_to !== null,
    })),
    nextCursor,
  };
}
