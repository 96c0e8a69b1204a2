/**
 * How big each part of the generated workspace is at a scale. Bump GENERATOR_VERSION whenever the
 * generated data changes: cached datasets are keyed by it.
 */
export const GENERATOR_VERSION = 1;
export const SEED = 20261122;

/** "Now" of the generated history: records are created before it; tasks fall due around it. */
export const ANCHOR_MS = Date.UTC(2026, 10, 1);
export const DAY_MS = 86_400_000;

export interface Plan {
  scale: string;
  contacts: number;
  companies: number;
  /** Items in the 10-stage pipeline (the board and move scenarios). */
  funnelDeals: number;
  /** Items in each of the template's pipelines. */
  enrollmentDeals: number;
  inquiryDeals: number;
  /** Activities per ordinary contact (mean). */
  activitiesPerContact: number;
  /** Timeline events of the one heavy contact (100,000 at 1M contacts). */
  heavyContactEvents: number;
  tasks: number;
  /** Contacts per insert chunk: a chunk's rows are generated, loaded, then dropped. */
  chunk: number;
}

/** '1m' | '100k' | '10k' | '2k' | any '<n>k' / '<n>m' / plain number. */
export function parseScale(scale: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(scale.trim());
  if (!m) throw new Error(`--scale: use e.g. 1m, 100k, 10k (got "${scale}")`);
  const n = Number(m[1]) * (m[2].toLowerCase() === 'm' ? 1_000_000 : m[2].toLowerCase() === 'k' ? 1000 : 1);
  if (n < 500) throw new Error('--scale: at least 500 contacts');
  return Math.round(n);
}

export function planFor(scale: string): Plan {
  const n = parseScale(scale);
  return {
    scale,
    contacts: n,
    companies: Math.max(20, Math.round(n / 40)),
    funnelDeals: n,
    enrollmentDeals: Math.round(n / 10),
    inquiryDeals: Math.round(n / 20),
    activitiesPerContact: 10,
    heavyContactEvents: Math.max(100, Math.round(n / 10)),
    tasks: n,
    chunk: 5000,
  };
}
