import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';

interface Totals {
  deal_count: number;
  value_sum: number;
  default_prob_value_sum: number;
  own_weighted_sum: number;
  entered_seconds_sum: number;
  entered_total: number;
  advanced_total: number;
  exited_total: number;
  exited_seconds_sum: number;
}

const empty = (): Totals => ({
  deal_count: 0,
  value_sum: 0,
  default_prob_value_sum: 0,
  own_weighted_sum: 0,
  entered_seconds_sum: 0,
  entered_total: 0,
  advanced_total: 0,
  exited_total: 0,
  exited_seconds_sum: 0,
});

/**
 * The per-stage running totals the pipelines module keeps in pipeline_stage_stats (the board reads
 * them instead of aggregating every deal), accumulated while deals and their history are generated
 * with the same arithmetic as stage-stats.repository.ts.
 */
export class StageStats {
  private byStage = new Map<string, Totals>();

  private of(stageId: string): Totals {
    let t = this.byStage.get(stageId);
    if (!t) this.byStage.set(stageId, (t = empty()));
    return t;
  }

  /** A deal now sitting in its stage. */
  addCurrent(stageId: string, valueMinor: number, probability: number | null, stageEnteredAtMs: number): void {
    const t = this.of(stageId);
    t.deal_count += 1;
    t.value_sum += valueMinor;
    if (probability === null) t.default_prob_value_sum += valueMinor;
    else t.own_weighted_sum += Math.floor((valueMinor * probability) / 100);
    t.entered_seconds_sum += Math.floor(stageEnteredAtMs / 1000);
  }

  entered(stageId: string): void {
    this.of(stageId).entered_total += 1;
  }

  exited(stageId: string, seconds: number, isForward: boolean): void {
    const t = this.of(stageId);
    t.exited_total += 1;
    t.exited_seconds_sum += seconds;
    if (isForward) t.advanced_total += 1;
  }

  /** Writes the totals into the rows the app created with each stage. */
  async save(db: Kysely<DB>, workspaceId: string): Promise<void> {
    for (const [stageId, t] of this.byStage) {
      await db
        .updateTable('pipeline_stage_stats')
        .set(t)
        .where('workspace_id', '=', workspaceId)
        .where('stage_id', '=', stageId)
        .execute();
    }
  }
}
