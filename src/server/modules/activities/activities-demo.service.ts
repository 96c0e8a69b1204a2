import type { TemplateKey } from '../../../shared/contracts/workspaces.js';
import type { Role } from '../../../shared/permissions.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { createActivity } from './activities.service.js';
import { findContactRefs } from '../contacts/contact-refs.service.js';
import { createTask } from './tasks/tasks.service.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface DemoLog {
  type: string;
  title: string;
  daysAgo: number;
  outcome?: 'successful' | 'no_answer' | 'follow_up_required';
  minutes?: number;
  notes?: string;
}

/** A few conversations per template, in its own words (the school speaks Indonesian). */
const LOGS: Record<TemplateKey, DemoLog[]> = {
  school: [
    {
      type: 'call',
      title: 'Tanya biaya pendaftaran 2027/28',
      daysAgo: 12,
      outcome: 'follow_up_required',
      minutes: 9,
      notes: 'Ibu minta rincian biaya asrama.',
    },
    { type: 'whatsapp', title: 'Kirim brosur & rincian biaya', daysAgo: 11, outcome: 'successful' },
    {
      type: 'school_visit',
      title: 'Kunjungan sekolah bersama ayah',
      daysAgo: 6,
      outcome: 'successful',
      minutes: 75,
      notes: 'Tertarik program tahfidz.',
    },
    { type: 'assessment', title: 'Tes masuk kelas 7', daysAgo: 3, outcome: 'successful', minutes: 90 },
    { type: 'call', title: 'Konfirmasi jadwal tes', daysAgo: 1, outcome: 'no_answer', minutes: 1 },
  ],
  hospital: [
    { type: 'call', title: 'Inquiry about cardiology check-up', daysAgo: 9, outcome: 'follow_up_required', minutes: 6 },
    { type: 'whatsapp', title: 'Sent package prices', daysAgo: 8, outcome: 'successful' },
    { type: 'in_person', title: 'Consultation at the front desk', daysAgo: 2, outcome: 'successful', minutes: 20 },
  ],
  sales: [
    { type: 'call', title: 'Discovery call', daysAgo: 10, outcome: 'successful', minutes: 30 },
    { type: 'demo', title: 'Product demo for the ops team', daysAgo: 5, outcome: 'follow_up_required', minutes: 45 },
    { type: 'email', title: 'Sent the proposal', daysAgo: 2, outcome: 'successful' },
  ],
  blank: [{ type: 'call', title: 'First call', daysAgo: 2, outcome: 'successful', minutes: 10 }],
};

/** Logged activities, tasks (overdue, today, upcoming with a reminder) and a scheduled visit, so a first run shows a living timeline. */
export async function seedDemoActivities(
  ctx: AppContext,
  workspaceId: string,
  template: TemplateKey,
  contactIds: string[],
  userIds: Record<string, string>,
): Promise<void> {
  if (!contactIds.length || !userIds.agent || !userIds.manager) return;
  const as = (role: Role, name: string): Actor => ({
    kind: 'user',
    id: userIds[role],
    name,
    workspaceId,
    role,
    agentsSeeAll: false,
  });
  const agent = as('agent', 'Citra Agent');
  const manager = as('manager', 'Budi Manager');
  const now = ctx.clock.now().getTime();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const logs = LOGS[template];
  const owners = new Map((await findContactRefs(ctx.db, workspaceId, contactIds)).map((c) => [c.id, c.ownerId]));
  const agentsOwn = contactIds.filter((id) => owners.get(id) === agent.id);
  for (const [i, contactId] of contactIds.slice(0, 6).entries()) {
    for (const [j, log] of logs.slice(0, 2 + ((i + 1) % Math.max(1, logs.length - 1))).entries()) {
      // Agents log on the contacts they own; the manager on any.
      await createActivity(ctx, owners.get(contactId) === agent.id && j % 3 !== 2 ? agent : manager, {
        typeId: log.type,
        contactId,
        title: log.title,
        status: 'done',
        occurredAt: at(-log.daysAgo * DAY - i * 3 * HOUR),
        durationMinutes: log.minutes ?? null,
        outcome: log.outcome ?? null,
        description: log.notes ?? null,
        isConfidential: false,
      });
    }
  }
  const [first, second, third] = agentsOwn.length >= 3 ? agentsOwn : contactIds;
  const agentOrManager = agentsOwn.length >= 3 ? agent : manager;
  const followUp = template === 'school' ? 'Telepon balik soal beasiswa' : 'Call back about the offer';
  await createTask(ctx, manager, {
    title: followUp,
    type: 'follow_up_call',
    priority: 'high',
    status: 'pending',
    dueAt: at(-DAY),
    assigneeId: userIds.agent,
    contactId: first,
  });
  await createTask(ctx, agentOrManager, {
    assigneeId: userIds.agent,
    title: template === 'school' ? 'Kumpulkan rapor & akta kelahiran' : 'Collect the signed documents',
    type: 'document_collection',
    priority: 'medium',
    status: 'pending',
    dueAt: at(4 * HOUR),
    contactId: second ?? first,
  });
  await createTask(ctx, agentOrManager, {
    assigneeId: userIds.agent,
    title: template === 'school' ? 'Ingatkan pembayaran uang pangkal' : 'Payment reminder',
    type: 'payment_reminder',
    priority: 'urgent',
    status: 'pending',
    dueAt: at(2 * DAY),
    reminderAt: at(2 * DAY - 2 * HOUR),
    contactId: third ?? first,
  });
  await createActivity(ctx, agentOrManager, {
    typeId: template === 'school' ? 'school_visit' : 'call',
    contactId: second ?? first,
    title: template === 'school' ? 'Kunjungan asrama bersama ibu' : 'Follow-up meeting',
    status: 'scheduled',
    occurredAt: at(3 * DAY),
    isConfidential: false,
  });
}
