import { ANCHOR_MS, DAY_MS } from './plan.js';
import { uuidv7At, type Rng } from './prng.js';
import type { DealInfo } from './deals.js';
import type { ContactInfo, GenState } from './state.js';
import { emitEvent } from './timeline.js';
import { ACTIVITY_TITLES, OUTCOMES, TASK_PRIORITIES, TASK_TITLES, TASK_TYPES } from './vocabulary.js';

const iso = (ms: number) => new Date(ms).toISOString();
const WITH_DURATION = new Set(['call', 'school_visit', 'meeting', 'assessment']);
const WITH_OUTCOME = new Set(['call', 'whatsapp', 'email', 'school_visit', 'meeting', 'assessment', 'follow_up']);
const TYPE_WEIGHTS: Record<string, number> = {
  whatsapp: 35,
  call: 20,
  email: 12,
  note: 10,
  follow_up: 10,
  school_visit: 5,
  meeting: 5,
  assessment: 3,
};

/** Activities logged with a contact (a few scheduled ahead), each with its activity.created event. */
export async function generateActivities(
  s: GenState,
  rng: Rng,
  contact: ContactInfo,
  deals: DealInfo[],
  count: number,
): Promise<void> {
  const types = s.setup.activityTypes.map((t) => [t, TYPE_WEIGHTS[t.key] ?? 2] as const);
  for (let i = 0; i < count; i++) {
    const type = rng.weighted(types);
    const scheduled = rng.chance(0.04);
    const occurred = Math.floor(
      scheduled
        ? ANCHOR_MS + rng.next() * 30 * DAY_MS
        : contact.createdAt + rng.next() * (ANCHOR_MS - contact.createdAt),
    );
    const createdAt = scheduled ? Math.floor(occurred - rng.int(1, 14) * DAY_MS) : occurred + rng.int(0, 3600_000);
    const authorId = rng.chance(0.8) && contact.ownerId ? contact.ownerId : rng.weighted(s.owners);
    const deal = deals.length && rng.chance(0.3) ? rng.pick(deals) : null;
    const hasOutcome = !scheduled && WITH_OUTCOME.has(type.key);
    const outcome = hasOutcome ? rng.weighted(OUTCOMES) : null;
    const nextActionAt = outcome === 'follow_up_required' ? occurred + rng.int(1, 7) * DAY_MS : null;
    const isConfidential = rng.chance(0.03);
    const row = {
      id: uuidv7At(createdAt, rng),
      workspace_id: s.ws,
      type_id: type.id,
      contact_id: contact.id,
      deal_id: deal?.id ?? null,
      title: rng.pick(ACTIVITY_TITLES[type.key] ?? ACTIVITY_TITLES.note),
      description: rng.chance(0.4)
        ? 'Orang tua menanyakan jadwal dan biaya; sudah dijelaskan, akan dihubungi lagi.'
        : null,
      status: scheduled ? 'scheduled' : 'done',
      occurred_at: iso(occurred),
      duration_minutes: WITH_DURATION.has(type.key) ? rng.pick([5, 10, 15, 30, 45, 60]) : null,
      outcome,
      outcome_note: outcome === 'custom' ? 'Nomor tidak aktif' : null,
      next_action: nextActionAt ? 'Hubungi kembali' : null,
      next_action_at: nextActionAt ? iso(nextActionAt) : null,
      is_confidential: isConfidential,
      created_by: authorId,
      ip: '10.0.0.' + rng.int(2, 250),
      completed_at: scheduled ? null : iso(createdAt),
      version: 1,
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
    };
    await s.sink.add('activities', row);
    const snapshot = {
      id: row.id,
      typeId: type.id,
      type: { key: type.key, name: type.name, icon: type.icon, color: type.color },
      contactId: contact.id,
      contact: { id: contact.id, name: contact.fullName },
      dealId: row.deal_id,
      title: row.title,
      description: row.description,
      status: row.status,
      occurredAt: row.occurred_at,
      durationMinutes: row.duration_minutes,
      outcome,
      outcomeNote: row.outcome_note,
      nextAction: row.next_action,
      nextActionAt: row.next_action_at,
      isConfidential,
      createdBy: { id: authorId, name: s.userNames.get(authorId) ?? '' },
      completedAt: row.completed_at,
      version: 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    const privacy = isConfidential ? { privateTo: authorId, privateToPermission: 'activities.manage' } : {};
    await emitEvent(s.sink, rng, s.ws, {
      type: 'activity.created',
      entityType: 'activity',
      entityId: row.id,
      actorId: authorId,
      at: createdAt,
      occurredAt: occurred,
      kind: 'activity',
      privateTo: isConfidential ? authorId : null,
      payload: {
        contactId: contact.id,
        dealId: row.deal_id,
        companyId: contact.companyId,
        occurredAt: row.occurred_at,
        activity: snapshot,
        ...privacy,
      },
      subjects: [
        ['contact', contact.id],
        ['deal', row.deal_id],
        ['company', contact.companyId],
      ],
    });
  }
}

/** Tasks about a contact: most done, some open, and open ones past due are the overdue ones. */
export async function generateTasks(
  s: GenState,
  rng: Rng,
  contact: ContactInfo,
  deals: DealInfo[],
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const createdAt = Math.floor(contact.createdAt + rng.next() * (ANCHOR_MS + 20 * DAY_MS - contact.createdAt));
    const dueAt = createdAt + rng.int(1, 14) * DAY_MS + rng.int(8, 17) * 3_600_000;
    const old = dueAt < ANCHOR_MS - 30 * DAY_MS;
    const status = rng.weighted(
      old
        ? ([
            ['completed', 85],
            ['cancelled', 5],
            ['pending', 8],
            ['in_progress', 2],
          ] as const)
        : ([
            ['completed', 40],
            ['pending', 45],
            ['in_progress', 15],
          ] as const),
    );
    const isOpen = status === 'pending' || status === 'in_progress';
    const assigneeId = rng.weighted(s.assignees);
    const createdBy = contact.ownerId ?? assigneeId;
    const deal = deals.length && rng.chance(0.3) ? rng.pick(deals) : null;
    const completedAt =
      status === 'completed' ? Math.max(createdAt, Math.min(ANCHOR_MS, dueAt - rng.int(0, 3) * DAY_MS)) : null;
    const updatedAt = completedAt ?? createdAt;
    const row = {
      id: uuidv7At(createdAt, rng),
      workspace_id: s.ws,
      title: rng.pick(TASK_TITLES),
      description: rng.chance(0.3) ? 'Lihat catatan terakhir di timeline.' : null,
      type: rng.weighted(TASK_TYPES),
      priority: rng.weighted(TASK_PRIORITIES),
      status,
      is_open: isOpen,
      due_at: iso(dueAt),
      reminder_at: rng.chance(0.3) ? iso(dueAt - 3_600_000) : null,
      reminder_sent_at: null,
      due_notified_at: null,
      assignee_id: assigneeId,
      created_by: createdBy,
      contact_id: contact.id,
      deal_id: deal?.id ?? null,
      activity_id: null,
      completed_at: completedAt ? iso(completedAt) : null,
      completed_by: completedAt ? assigneeId : null,
      version: completedAt ? 2 : 1,
      created_at: iso(createdAt),
      updated_at: iso(updatedAt),
    };
    await s.sink.add('tasks', row);
    const name = (id: string) => ({ id, name: s.userNames.get(id) ?? '' });
    const task = {
      id: row.id,
      title: row.title,
      description: row.description,
      type: row.type,
      priority: row.priority,
      status: 'pending',
      isOverdue: false,
      dueAt: row.due_at,
      reminderAt: row.reminder_at,
      assignee: name(assigneeId),
      createdBy: name(createdBy),
      contact: { id: contact.id, name: contact.fullName },
      dealId: row.deal_id,
      activityId: null,
      completedAt: null,
      version: 1,
      createdAt: row.created_at,
      updatedAt: row.created_at,
    };
    await emitEvent(s.sink, rng, s.ws, {
      type: 'task.created',
      entityType: 'task',
      entityId: row.id,
      actorId: createdBy,
      at: createdAt,
      kind: 'task',
      payload: {
        contactId: contact.id,
        dealId: row.deal_id,
        companyId: contact.companyId,
        assigneeId,
        occurredAt: row.created_at,
        task,
      },
      subjects: [
        ['contact', contact.id],
        ['deal', row.deal_id],
        ['company', contact.companyId],
      ],
    });
  }
}
