import type { GeneratedPhone } from './phones.js';
import type { Plan } from './plan.js';
import type { Rng } from './prng.js';
import type { WorkspaceSetup } from './setup.js';
import type { RowSink } from './sink.js';
import type { StageStats } from './stage-stats.js';

/** Everything the generator's parts share while they stream rows into the sink. */
export interface GenState {
  sink: RowSink;
  setup: WorkspaceSetup;
  plan: Plan;
  ws: string;
  companies: Array<{ id: string; name: string }>;
  /** Contact ids by generation index (relationships point back at earlier contacts). */
  contactIds: string[];
  /** Who owns records, by weight (agents most). */
  owners: ReadonlyArray<readonly [string, number]>;
  /** Who tasks are assigned to, by weight (a few users carry most). */
  assignees: ReadonlyArray<readonly [string, number]>;
  userNames: Map<string, string>;
  stats: StageStats;
  heavyIndex: number;
  /** The last phone and email written, so a few families share one (duplicate-check realism). */
  recent: { phone: GeneratedPhone | null; email: string | null };
}

/** What later parts (deals, activities, tasks) need to know about a generated contact. */
export interface ContactInfo {
  index: number;
  id: string;
  fullName: string;
  ownerId: string | null;
  companyId: string | null;
  createdAt: number;
  sourceKey: string | null;
  typeKey: string | null;
}

export type { Rng };
