import { ANCHOR_MS, DAY_MS } from '../generate/plan.js';
import type { BenchContext } from './types.js';

export interface SampledContact {
  id: string;
  first_name: string;
  last_name: string | null;
  full_name: string;
  primary_phone: string | null;
  primary_email: string | null;
}

/** The id that sorts first among ids made at a moment (ids are UUIDv7: time-ordered). */
function idFloorAt(ms: number): string {
  const hex = Math.floor(ms).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * Live contacts spread evenly over the workspace's history, found by index seeks on the id (no
 * scans), the same ones on every run.
 */
export async function sampleContacts(b: BenchContext, count: number): Promise<SampledContact[]> {
  const start = ANCHOR_MS - 3 * 365 * DAY_MS;
  const out = new Map<string, SampledContact>();
  for (let k = 0; k < count; k++) {
    const row = await b.database.db
      .selectFrom('contacts')
      .select(['id', 'first_name', 'last_name', 'full_name', 'primary_phone', 'primary_email'])
      .where('workspace_id', '=', b.manifest.workspaceId)
      .where('deleted_at', 'is', null)
      .where('id', '>=', idFloorAt(start + ((k + 0.5) / count) * 3 * 365 * DAY_MS))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (row && row.id !== b.manifest.heavyContactId) out.set(row.id, row);
  }
  return [...out.values()];
}
