import type { ThroughputScenario } from './types.js';

/** Whether the running server has any route whose path contains the word (read from its OpenAPI document). */
async function hasRoute(baseUrl: string, word: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/api/openapi.json`);
  if (!res.ok) return false;
  const doc = (await res.json()) as { paths?: Record<string, unknown> };
  return Object.keys(doc.paths ?? {}).some((p) => p.includes(word));
}

// The import/export module is being built; until its endpoints exist these rows say so.
export const importContacts: ThroughputScenario = {
  name: 'import.contacts',
  title: 'Import contacts from CSV (validation, duplicate check), rows/s and peak RSS',
  async run(b) {
    if (!(await hasRoute(b.server.baseUrl, 'import'))) return { available: false, note: 'not available yet (no import endpoint)' };
    return { available: false, note: 'import endpoint exists but this scenario is not written yet' };
  },
};

export const exportContacts: ThroughputScenario = {
  name: 'export.contacts',
  title: 'Export contacts to CSV, rows/s and peak RSS',
  async run(b) {
    if (!(await hasRoute(b.server.baseUrl, 'export'))) return { available: false, note: 'not available yet (no export endpoint)' };
    return { available: false, note: 'export endpoint exists but this scenario is not written yet' };
  },
};
