import type { Pipeline, Stage } from '../../src/shared/contracts/pipelines.js';
import { ANCHOR_MS, DAY_MS } from './plan.js';
import { uuidv7At, type Rng } from './prng.js';
import type { ContactInfo, GenState } from './state.js';
import { emitEvent } from './timeline.js';
import { LOST_REASONS, WON_REASONS } from './vocabulary.js';

const iso = (ms: number) => new Date(ms).toISOString();
/** The day in Jakarta (UTC+7, no daylight saving) a moment falls on. */
const jakartaDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const isForward = (from: Stage, to: Stage) => from.kind === 'open' && to.kind !== 'lost' && to.position > from.position;

export interface DealInfo {
  id: string;
  pipelineId: string;
  title: string;
  createdAt: number;
}

/** Funnel shape: at each open stage an item moves on, is lost, or is still there today. */
interface Funnel {
  advance: number;
  lose: number;
  meanGapDays: number;
}
const FUNNELS: Record<string, Funnel> = {
  enrollment: { advance: 0.66, lose: 0.1, meanGapDays: 8 },
  general: { advance: 0.55, lose: 0.2, meanGapDays: 3 },
};

/**
 * One item walking through its pipeline from the first open stage: stage history rows, a
 * deal.created and a deal.moved event per step (with timeline entries), and its share of the
 * stage totals, as deals.service / deal-moves.service would have written them.
 */
export async function generateDeal(
  s: GenState,
  rng: Rng,
  contact: ContactInfo,
  pipeline: Pipeline,
  yearLabel: string,
): Promise<DealInfo> {
  const { sink, ws } = s;
  const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
  const open = stages.filter((x) => x.kind === 'open');
  const won = stages.find((x) => x.kind === 'won')!;
  const lost = stages.filter((x) => x.kind === 'lost');
  const funnel = FUNNELS[pipeline.category] ?? FUNNELS.general;
  const createdAt = Math.floor(contact.createdAt + rng.next() * (ANCHOR_MS - contact.createdAt) * 0.6);
  const id = uuidv7At(createdAt, rng);
  const actorId = contact.ownerId ?? s.setup.users[1].id;
  const actorName = s.userNames.get(actorId) ?? null;
  const title = `Pendaftaran ${rng.pick(['SD', 'SMP', 'SMA'])} ${yearLabel} — ${contact.fullName}`;
  const historyBase = {
    workspace_id: ws,
    deal_id: id,
    pipeline_id: pipeline.id,
    actor_id: actorId,
    actor_name: actorName,
    reason: null,
  };

  let stage = open[0];
  let at = createdAt;
  await sink.add('deal_stage_history', {
    id: uuidv7At(at, rng),
    ...historyBase,
    from_stage_id: null,
    to_stage_id: stage.id,
    seconds_in_previous: null,
    created_at: iso(at),
    updated_at: iso(at),
  });
  s.stats.entered(stage.id);
  const eventBase = {
    entityType: 'deal',
    entityId: id,
    actorId,
    subjects: [
      ['deal', id],
      ['contact', contact.id],
    ] as Array<['deal' | 'contact', string]>,
  };
  await emitEvent(sink, rng, ws, {
    ...eventBase,
    type: 'deal.created',
    payload: { pipelineId: pipeline.id, stageId: stage.id, contactId: contact.id, title, version: 1 },
    at,
    kind: 'edit',
  });
  let version = 1;
  while (stage.kind === 'open') {
    const next = Math.floor(at - Math.log(1 - rng.next()) * funnel.meanGapDays * DAY_MS);
    if (next > ANCHOR_MS) break;
    const r = rng.next();
    const to =
      r < funnel.advance
        ? (open[open.indexOf(stage) + 1] ?? won)
        : r < funnel.advance + funnel.lose
          ? rng.pick(lost)
          : null;
    if (!to) break;
    const seconds = Math.floor((next - at) / 1000);
    s.stats.exited(stage.id, seconds, isForward(stage, to));
    s.stats.entered(to.id);
    await sink.add('deal_stage_history', {
      id: uuidv7At(next, rng),
      ...historyBase,
      from_stage_id: stage.id,
      to_stage_id: to.id,
      seconds_in_previous: seconds,
      created_at: iso(next),
      updated_at: iso(next),
    });
    version += 1;
    const payload = {
      pipelineId: pipeline.id,
      fromStageId: stage.id,
      toStageId: to.id,
      fromStage: stage.name,
      toStage: to.name,
      contactId: contact.id,
      title,
      reason: null,
      version,
    };
    await emitEvent(sink, rng, ws, { ...eventBase, type: 'deal.moved', payload, at: next, kind: 'stage_change' });
    stage = to;
    at = next;
  }

  const value = rng.int(150, 800) * 100_000 * 100;
  const probability = rng.chance(0.15) ? rng.int(1, 19) * 5 : null;
  const closed = stage.kind !== 'open';
  await sink.add('deals', {
    id,
    workspace_id: ws,
    pipeline_id: pipeline.id,
    stage_id: stage.id,
    status: stage.kind,
    title,
    value_minor: value,
    probability,
    expected_close_date: rng.chance(0.9) ? jakartaDay(createdAt + rng.int(30, 240) * DAY_MS) : null,
    contact_id: contact.id,
    company_id: null,
    owner_id: contact.ownerId,
    source: contact.sourceKey,
    tags: rng.chance(0.2) ? ['beasiswa'] : [],
    custom: { academicYear: yearLabel },
    close_reason:
      stage.kind === 'lost'
        ? rng.pick(LOST_REASONS)
        : stage.kind === 'won' && rng.chance(0.5)
          ? rng.pick(WON_REASONS)
          : null,
    closed_at: closed ? iso(at) : null,
    closed_on: closed ? jakartaDay(at) : null,
    stage_entered_at: iso(at),
    created_by: actorId,
    version,
    created_at: iso(createdAt),
    updated_at: iso(at),
  });
  s.stats.addCurrent(stage.id, value, probability, at);
  return { id, pipelineId: pipeline.id, title, createdAt };
}
