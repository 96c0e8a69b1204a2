import { generateActivities, generateTasks } from './activities.js';
import { generateContact } from './contacts.js';
import { generateDeal, type DealInfo } from './deals.js';
import { companyName } from './people.js';
import { ANCHOR_MS, DAY_MS } from './plan.js';
import { uuidv7At, type Rng } from './prng.js';
import type { GenState } from './state.js';
import { COMPANY_SIZES, INDUSTRIES } from './vocabulary.js';

const HISTORY_DAYS = 3 * 365;
const iso = (ms: number) => new Date(ms).toISOString();

async function generateCompanies(s: GenState, rng: Rng): Promise<void> {
  const start = ANCHOR_MS - (HISTORY_DAYS + 30) * DAY_MS;
  for (let i = 0; i < s.plan.companies; i++) {
    const at = Math.floor(start + rng.next() * 30 * DAY_MS);
    const name = companyName(rng);
    const company = { id: uuidv7At(at, rng), name };
    s.companies.push(company);
    await s.sink.add('companies', {
      id: company.id,
      workspace_id: s.ws,
      name,
      domain: `${name
        .toLowerCase()
        .replace(/^(pt|cv|bank|rs|koperasi|yayasan) /, '')
        .replace(/[^a-z]+/g, '')}.co.id`,
      industry: rng.pick(INDUSTRIES),
      size: rng.pick(COMPANY_SIZES),
      address: null,
      owner_id: rng.weighted(s.owners),
      custom: {},
      created_by: null,
      version: 1,
      created_at: iso(at),
      updated_at: iso(at),
      deleted_at: null,
    });
  }
  for (let i = 0; i + 1 < s.companies.length && i < s.plan.companies / 10; i += 2) {
    const [a, b] = [s.companies[i], s.companies[i + 1]];
    const pairId = uuidv7At(start, rng);
    const base = {
      workspace_id: s.ws,
      pair_id: pairId,
      strength: rng.int(3, 9),
      note: null,
      created_by: null,
      created_at: iso(start),
      updated_at: iso(start),
    };
    await s.sink.add('company_relationships', {
      id: uuidv7At(start, rng),
      ...base,
      company_id: a.id,
      related_company_id: b.id,
      kind: 'parent_company',
    });
    await s.sink.add('company_relationships', {
      id: uuidv7At(start, rng),
      ...base,
      company_id: b.id,
      related_company_id: a.id,
      kind: 'subsidiary',
    });
  }
}

/**
 * Streams the whole workspace into the sink, contact by contact (created in time order over three
 * years, as a real workspace grows): the contact and everything about it, its items in the
 * pipelines, about ten activities, about one task. One contact carries the heavy timeline.
 */
export async function generateWorkspaceData(s: GenState, rng: Rng, progress: (done: number) => void): Promise<void> {
  await generateCompanies(s, rng);
  const byName = new Map(s.setup.pipelines.map((p) => [p.name, p]));
  const funnel = s.setup.pipelines.find((p) => p.id === s.setup.funnelPipelineId)!;
  const enrollment = byName.get('Enrollment 2027/28');
  const inquiry = byName.get('General inquiry');
  const n = s.plan.contacts;
  const start = ANCHOR_MS - HISTORY_DAYS * DAY_MS;
  const step = (HISTORY_DAYS * DAY_MS) / n;
  for (let i = 0; i < n; i++) {
    const createdAt = Math.floor(start + i * step + rng.next() * step);
    const contact = await generateContact(s, rng, i, createdAt);
    const deals: DealInfo[] = [await generateDeal(s, rng, contact, funnel, '2028/29')];
    if (enrollment && rng.chance(s.plan.enrollmentDeals / n))
      deals.push(await generateDeal(s, rng, contact, enrollment, '2027/28'));
    if (inquiry && rng.chance(s.plan.inquiryDeals / n))
      deals.push(await generateDeal(s, rng, contact, inquiry, '2027/28'));
    const heavy = i === s.heavyIndex;
    await generateActivities(
      s,
      rng,
      contact,
      deals,
      heavy ? s.plan.heavyContactEvents : rng.poisson(s.plan.activitiesPerContact),
    );
    await generateTasks(s, rng, contact, deals, heavy ? 20 : rng.poisson(s.plan.tasks / n));
    if ((i + 1) % s.plan.chunk === 0) progress(i + 1);
  }
  await s.sink.flush();
  progress(n);
}
