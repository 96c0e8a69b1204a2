import type { TemplateKey } from '../../../shared/contracts/workspaces.js';
import { systemActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { contactSummary } from './contact-links.repository.js';
import { moveDeal } from './deal-moves.service.js';
import { listDeals } from './deal-list.service.js';
import { createDeal } from './deals.service.js';
import { listPipelines } from './pipelines.service.js';

interface DemoItem {
  title: string;
  /** Whole currency units (minor units are derived). */
  value: number;
  /** How many stages forward it got; past the open stages it closes as won or lost. */
  steps: number;
  outcome?: 'won' | 'lost';
  reason?: string;
  daysAgo: number;
  tags?: string[];
  custom?: Record<string, string>;
}

const SCHOOL: DemoItem[] = [
  { title: 'Kelas 7', value: 45_000_000, steps: 1, daysAgo: 20, custom: { academicYear: '2027/28' } },
  {
    title: 'Kelas 10',
    value: 52_000_000,
    steps: 2,
    daysAgo: 35,
    tags: ['Asrama'],
    custom: { academicYear: '2027/28' },
  },
  { title: 'Kelas 7', value: 45_000_000, steps: 3, daysAgo: 40, custom: { academicYear: '2027/28' } },
  {
    title: 'Kelas 8',
    value: 47_500_000,
    steps: 4,
    daysAgo: 55,
    tags: ['Beasiswa'],
    custom: { academicYear: '2027/28' },
  },
  { title: 'Kelas 7', value: 45_000_000, steps: 5, outcome: 'won', daysAgo: 60, custom: { academicYear: '2027/28' } },
  {
    title: 'Kelas 10',
    value: 52_000_000,
    steps: 2,
    outcome: 'lost',
    reason: 'Memilih sekolah lain',
    daysAgo: 30,
    custom: { academicYear: '2027/28' },
  },
  { title: 'Kelas 7', value: 45_000_000, steps: 0, daysAgo: 18, custom: { academicYear: '2027/28' } },
  {
    title: 'Kelas 11',
    value: 55_000_000,
    steps: 3,
    daysAgo: 25,
    tags: ['Asrama'],
    custom: { academicYear: '2027/28' },
  },
];
const HOSPITAL: DemoItem[] = [
  { title: 'Medical checkup package', value: 3_500_000, steps: 0, daysAgo: 3 },
  { title: 'Cardiology consultation', value: 1_200_000, steps: 1, daysAgo: 9 },
  { title: 'Maternity package', value: 18_000_000, steps: 2, daysAgo: 12 },
  { title: 'Orthopedic surgery inquiry', value: 45_000_000, steps: 3, daysAgo: 16 },
  { title: 'Executive checkup', value: 7_500_000, steps: 4, outcome: 'won', daysAgo: 21 },
  { title: 'Dental care', value: 2_000_000, steps: 1, outcome: 'lost', reason: 'Price too high', daysAgo: 14 },
];
const SALES: DemoItem[] = [
  { title: 'Annual license', value: 48_000, steps: 0, daysAgo: 6 },
  { title: 'Pilot project', value: 12_000, steps: 1, daysAgo: 18 },
  { title: 'Platform rollout', value: 120_000, steps: 2, daysAgo: 30 },
  { title: 'Support renewal', value: 24_000, steps: 3, daysAgo: 40 },
  { title: 'Expansion seats', value: 36_000, steps: 4, outcome: 'won', daysAgo: 45 },
  { title: 'Analytics add-on', value: 9_500, steps: 2, outcome: 'lost', reason: 'Chose a competitor', daysAgo: 28 },
  { title: 'Training package', value: 6_000, steps: 1, daysAgo: 12 },
];
const PLANS: Record<TemplateKey, DemoItem[]> = { school: SCHOOL, hospital: HOSPITAL, sales: SALES, blank: [] };
const MINOR = 100;

/** A context whose clock reads a fixed instant, so demo history spreads over past weeks. */
function at(ctx: AppContext, date: Date): AppContext {
  return { ...ctx, clock: { now: () => new Date(date) } };
}

/**
 * Demo items for a fresh demo workspace: a realistic board with history spread over the last
 * weeks, some stale, some won or lost. Contacts come from the contacts module's demo seed.
 */
export async function seedDemoDeals(
  ctx: AppContext,
  workspaceId: string,
  template: TemplateKey,
  contactIds: string[],
  userIdsByRole: Record<string, string>,
): Promise<number> {
  const plan = PLANS[template];
  const actor = systemActor(workspaceId, 'demo data');
  const [pipeline] = await listPipelines(ctx, actor);
  if (!pipeline || !plan.length || !contactIds.length) return 0;
  const open = pipeline.stages.filter((s) => s.kind === 'open');
  const won = pipeline.stages.find((s) => s.kind === 'won');
  const lost = [...pipeline.stages].reverse().find((s) => s.kind === 'lost');
  const owners = [userIdsByRole.agent, userIdsByRole.manager, userIdsByRole.agent, null];
  const now = ctx.clock.now().getTime();
  let created = 0;
  for (const [i, item] of plan.entries()) {
    const contact = await contactSummary(ctx.db, workspaceId, contactIds[i % contactIds.length]);
    if (!contact) continue;
    let when = new Date(now - item.daysAgo * 86_400_000);
    const deal = await createDeal(at(ctx, when), actor, {
      pipelineId: pipeline.id,
      title: `${contact.full_name} — ${item.title}`,
      contactId: contact.id,
      ownerId: owners[i % owners.length] ?? null,
      valueMinor: item.value * MINOR,
      expectedCloseDate: new Date(now + (30 + i * 12) * 86_400_000).toISOString().slice(0, 10),
      tags: item.tags ?? [],
      custom: item.custom ?? {},
      source: contact.source_key,
    });
    created++;
    let version = deal.version;
    const path = open.slice(1, 1 + item.steps).map((s) => s.id);
    if (item.outcome === 'won' && won) path.push(won.id);
    if (item.outcome === 'lost' && lost) path.push(lost.id);
    for (const stageId of path) {
      when = new Date(
        Math.min(now, when.getTime() + Math.max(1, Math.floor(item.daysAgo / (path.length + 1))) * 86_400_000),
      );
      const closing =
        stageId === lost?.id
          ? { closeReason: item.reason ?? 'No longer interested' }
          : stageId === won?.id
            ? { closeReason: item.reason ?? 'Signed' }
            : {};
      try {
        version = (
          await moveDeal(at(ctx, when), actor, deal.id, {
            stageId,
            version,
            ...closing,
            fields: { valueMinor: item.value * MINOR },
          })
        ).version;
      } catch {
        break; // a demo item that a rule stops (e.g. a conversion the contact's type refuses) stays where it is
      }
    }
  }
  // the school's new prospects were given an application by the contact-type rule; move a few along
  const fresh = await listDeals(ctx, actor, {
    pipelineId: pipeline.id,
    stageId: open[0]?.id,
    limit: 50,
    sort: 'createdAt',
    order: 'desc',
  });
  for (const [i, d] of fresh.items.entries()) {
    if (i % 2 || !open[1] || d.valueMinor) continue;
    await moveDeal(ctx, actor, d.id, {
      stageId: open[1].id,
      version: d.version,
      fields: { valueMinor: 45_000_000 * MINOR },
    }).catch(() => undefined);
  }
  return created;
}
