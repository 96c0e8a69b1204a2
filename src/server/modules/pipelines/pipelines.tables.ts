import type { Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../../db/schema.js';

/** How items may move through a pipeline; enforced on every path (API, bulk, board, import, automation). */
export interface PipelineRulesRow {
  allowBackward?: boolean;
  closedStagesTerminal?: boolean;
  reasonRequired?: boolean;
}

declare module '../../db/schema.js' {
  interface DB {
    pipelines: {
      id: string;
      workspace_id: string;
      name: string;
      category: string;
      item_label: string;
      currency: string;
      rules: PipelineRulesRow | string;
      won_contact_type: string | null;
      position: number;
      is_archived: boolean;
      created_by: string | null;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    pipeline_stages: {
      id: string;
      workspace_id: string;
      pipeline_id: string;
      name: string;
      color: string;
      position: number;
      kind: string;
      probability: number;
      stale_days: number | null;
      required_fields: string[] | string;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    deals: {
      id: string;
      workspace_id: string;
      pipeline_id: string;
      stage_id: string;
      status: string;
      title: string;
      value_minor: number;
      probability: number | null;
      expected_close_date: DateOnly | null;
      contact_id: string | null;
      company_id: string | null;
      owner_id: string | null;
      source: string | null;
      tags: string[] | string;
      custom: Record<string, unknown> | string;
      close_reason: string | null;
      closed_at: Timestamp | null;
      closed_on: DateOnly | null;
      stage_entered_at: Timestamp;
      created_by: string | null;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    deal_stage_history: {
      id: string;
      workspace_id: string;
      deal_id: string;
      pipeline_id: string;
      from_stage_id: string | null;
      to_stage_id: string;
      actor_id: string | null;
      actor_name: string | null;
      reason: string | null;
      seconds_in_previous: number | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    pipeline_stage_stats: {
      stage_id: string;
      /** Which of the stage's rows this is (sql-helpers counterSlot); the stage's totals are the sum. */
      slot: Generated<number>;
      workspace_id: string;
      pipeline_id: string;
      deal_count: Generated<number>;
      value_sum: Generated<number>;
      default_prob_value_sum: Generated<number>;
      own_weighted_sum: Generated<number>;
      entered_seconds_sum: Generated<number>;
      entered_total: Generated<number>;
      advanced_total: Generated<number>;
      exited_total: Generated<number>;
      exited_seconds_sum: Generated<number>;
    };
    pipeline_open_month_stats: {
      workspace_id: string;
      pipeline_id: string;
      stage_id: string;
      /** YYYY-MM of the expected close date, '' when there is none. */
      month: string;
      slot: Generated<number>;
      deal_count: Generated<number>;
      value_sum: Generated<number>;
      default_prob_value_sum: Generated<number>;
      own_weighted_sum: Generated<number>;
    };
    pipeline_closed_month_stats: {
      workspace_id: string;
      pipeline_id: string;
      status: string;
      month: string;
      reason: string;
      slot: Generated<number>;
      deal_count: Generated<number>;
      value_sum: Generated<number>;
    };
  }
}
export {};
