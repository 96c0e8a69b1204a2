import { ContactFilter, ContactSort } from '../../src/shared/contracts/contacts-query.js';
import { newId } from '../../src/server/db/ids.js';
import { searchTokens } from '../../src/server/db/search.js';
import { searchCandidates } from '../../src/server/modules/contacts/contact-search.service.js';
import { contactFromProfile } from '../../src/server/modules/contacts/contact-mapper.js';
import { listContactRows } from '../../src/server/modules/contacts/contact-list.repository.js';
import {
  findContactProfile,
  insertContactRow,
  replaceEmails,
  replacePhones,
  saveSearchDocument,
} from '../../src/server/modules/contacts/contacts.repository.js';
import { listScope } from '../../src/server/modules/contacts/contacts.service.js';
import { contactsSharingKeys } from '../../src/server/modules/contacts/duplicates.repository.js';
import { findDuplicates } from '../../src/server/modules/contacts/duplicates.service.js';
import { nameKey, nameSkeleton } from '../../src/server/modules/contacts/name-keys.js';
import { withTransaction } from '../../src/server/platform/transaction.js';
import { emailFor, generatePerson } from '../generate/people.js';
import { generatePhone } from '../generate/phones.js';
import { Rng } from '../generate/prng.js';
import { knownPhones, purgeContacts, sampleContacts } from './sample.js';
import { cycle, type BenchContext, type Scenario } from './types.js';

/** Contacts the create scenario writes carry this team, so they can be removed after the run. */
const CREATED_TEAM = 'bench-created';

export const contactList: Scenario = {
  name: 'contacts.list',
  title: 'Contact list page: one filter, sorted, 50 rows (4 filter/sort shapes in turn)',
  connections: 4,
  async prepare(b) {
    const ws = b.manifest.workspaceId;
    const tag = await b.database.db
      .selectFrom('tags')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('name', '=', 'Asrama')
      .executeTakeFirstOrThrow();
    const agent = b.manifest.users.find((u) => u.role === 'agent')!;
    const shapes = [
      {
        query: 'type=prospect_parent&sort=createdAt&dir=desc',
        filter: { typeKeys: ['prospect_parent'] },
        sort: { field: 'createdAt', dir: 'desc' },
      },
      {
        query: 'source=whatsapp&sort=fullName&dir=asc',
        filter: { sourceKeys: ['whatsapp'] },
        sort: { field: 'fullName', dir: 'asc' },
      },
      {
        query: `tag=${tag.id}&sort=updatedAt&dir=desc`,
        filter: { tagIds: [tag.id] },
        sort: { field: 'updatedAt', dir: 'desc' },
      },
      {
        query: `owner=${agent.id}&sort=createdAt&dir=desc`,
        filter: { ownerIds: [agent.id] },
        sort: { field: 'createdAt', dir: 'desc' },
      },
    ].map((s) => ({ ...s, filter: ContactFilter.parse(s.filter), sort: ContactSort.parse(s.sort) }));
    const scope = await listScope(b.ctx, b.database.db, b.actor);
    const nextPath = cycle(shapes.map((s) => `/api/contacts?${s.query}&limit=50`));
    return {
      request: { method: 'GET', setupRequest: (req) => ({ ...req, path: nextPath() }) },
      raw: (i) => {
        const s = shapes[i % shapes.length];
        return listContactRows(b.database.db, scope, s.filter, s.sort, { limit: 50 });
      },
      details: { shapes: shapes.map((s) => s.query) },
    };
  },
};

/** What people type into the search box: names, name prefixes, phone fragments as dialled, email starts. */
export async function searchTerms(b: BenchContext): Promise<string[]> {
  const terms: string[] = [];
  for (const c of await sampleContacts(b, 25)) {
    terms.push(`${c.first_name.split(' ')[0]} ${(c.last_name ?? '').slice(0, 3)}`.trim());
    if (c.last_name) terms.push(c.last_name);
    if (c.primary_phone?.startsWith('+62'))
      terms.push(`0${c.primary_phone.slice(3, 6)} ${c.primary_phone.slice(6, 10)}`);
    if (c.primary_email) terms.push(c.primary_email.slice(0, 6));
  }
  return terms;
}

export const contactSearch: Scenario = {
  name: 'contacts.search',
  title: 'Search box: names, name prefixes, phone fragments (0812 3456), email starts',
  connections: 4,
  async prepare(b) {
    const terms = await searchTerms(b);
    const nextPath = cycle(terms.map((t) => `/api/contacts/search?q=${encodeURIComponent(t)}&limit=10`));
    const ws = b.manifest.workspaceId;
    return {
      request: { method: 'GET', setupRequest: (req) => ({ ...req, path: nextPath() }) },
      // what contact-search.service reads: names starting with the words, else full-text candidates (capped at 200)
      raw: (i) => searchCandidates({ db: b.database.db, workspaceId: ws, ownerId: null }, terms[i % terms.length], 10),
      details: { terms: terms.length, examples: terms.slice(0, 8) },
    };
  },
};

async function contactIds(b: BenchContext): Promise<string[]> {
  return (await sampleContacts(b, 1000)).map((c) => c.id);
}

function getScenario(name: string, title: string, connections: number): Scenario {
  return {
    name,
    title,
    connections,
    async prepare(b) {
      const ids = await contactIds(b);
      const nextPath = cycle(ids.map((id) => `/api/contacts/${id}`));
      const ws = b.manifest.workspaceId;
      return {
        request: { method: 'GET', setupRequest: (req) => ({ ...req, path: nextPath() }) },
        // the contact row with what the page shows (owner, company, tags, emails, phones): one statement
        raw: async (i) => contactFromProfile((await findContactProfile(b.database.db, ws, ids[i % ids.length]))!),
        details: { contacts: ids.length },
      };
    },
  };
}

export const contactGet = getScenario('contacts.get', 'Contact by id (profile with emails, phones, tags)', 4);
export const contactGetThroughput = getScenario(
  'contacts.get@50',
  'Contact by id at concurrency 50 (throughput vs the bare route)',
  50,
);

/** New contacts as the form sends them; one in five reuses a known number (the duplicate warning path). */
function newContactBodies(known: string[]): () => Record<string, unknown> {
  const rng = new Rng(4242);
  let n = 0;
  return () => {
    const p = generatePerson(rng);
    const phone = known.length && rng.chance(0.2) ? rng.pick(known) : generatePhone(rng, p.isExpat).raw;
    return {
      firstName: p.firstName,
      lastName: p.lastName,
      typeKey: 'prospect_parent',
      sourceKey: 'whatsapp',
      team: CREATED_TEAM,
      emails: [{ email: emailFor(rng, p, 900_000_000 + n++) }],
      phones: [{ number: phone, label: 'WhatsApp' }],
      custom: { grade_interest: 'smp' },
    };
  };
}

/** E.164 of a generated number (local Indonesian with its 0, or already international), for the raw floors. */
function e164OfGenerated(number: string): string {
  return number.startsWith('+') ? number.replace(/[^\d+]/g, '') : `+62${number.replace(/\D/g, '').slice(1)}`;
}

/**
 * The duplicate check the create form runs on what is typed before it saves (issue 3: "duplicate
 * check on create"): the same lookups by email, phone and similar name that the create repeats.
 * One in five bodies carries a number already in the workspace.
 */
export const contactDuplicateCheck: Scenario = {
  name: 'contacts.duplicates',
  title: 'Duplicate check of a contact being entered (email, phone as typed, similar name)',
  connections: 4,
  async prepare(b) {
    const known = await knownPhones(b);
    const toCheck = (body: Record<string, unknown>) => {
      const c = body as {
        firstName: string;
        lastName: string | null;
        emails: Array<{ email: string }>;
        phones: Array<{ number: string }>;
      };
      return {
        firstName: c.firstName,
        lastName: c.lastName,
        emails: c.emails.map((e) => e.email),
        phones: c.phones.map((p) => p.number),
      };
    };
    const nextBody = newContactBodies(known);
    const rawBody = newContactBodies(known);
    const ws = b.manifest.workspaceId;
    return {
      isWrite: true, // a POST: it sends the CSRF header and a JSON body, though it writes nothing
      request: {
        method: 'POST',
        path: '/api/contacts/duplicates/check',
        setupRequest: (req) => ({ ...req, body: JSON.stringify(toCheck(nextBody())) }),
      },
      // the lookups and the matched contacts' summaries (the phone is already in E.164 here)
      raw: async () => {
        const body = toCheck(rawBody());
        const phone = e164OfGenerated(body.phones[0]);
        return findDuplicates(b.database.db, ws, {
          emails: body.emails,
          e164s: [phone],
          skeleton: nameSkeleton([body.firstName, body.lastName].filter(Boolean).join(' ')),
          ownerScope: null,
        });
      },
      details: { knownPhones: known.length },
    };
  },
};

export const contactCreate: Scenario = {
  name: 'contacts.create',
  title: 'Create a contact (validation, phone normalization, duplicate check, search index, audit, event)',
  connections: 4,
  async prepare(b) {
    const known = await knownPhones(b);
    const nextBody = newContactBodies(known);
    const ws = b.manifest.workspaceId;
    const rawBody = newContactBodies(known);
    const cleanup = async () => {
      const made = await b.database.db
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', ws)
        .where('team', '=', CREATED_TEAM)
        .execute();
      await purgeContacts(
        b,
        made.map((r) => r.id),
      );
    };
    await cleanup();
    return {
      isWrite: true,
      request: {
        method: 'POST',
        path: '/api/contacts',
        setupRequest: (req) => ({ ...req, body: JSON.stringify(nextBody()) }),
      },
      // the writes and the duplicate lookups of a create, in one transaction
      raw: async () => {
        const body = rawBody() as {
          firstName: string;
          lastName: string | null;
          emails: Array<{ email: string }>;
          phones: Array<{ number: string }>;
        };
        const phone = e164OfGenerated(body.phones[0].number);
        const fullName = [body.firstName, body.lastName].filter(Boolean).join(' ');
        const now = new Date().toISOString();
        await withTransaction(b.database.db, async (trx) => {
          const id = newId();
          await insertContactRow(trx, {
            id,
            workspace_id: ws,
            first_name: body.firstName,
            last_name: body.lastName,
            full_name: fullName,
            type_key: 'prospect_parent',
            source_key: 'whatsapp',
            owner_id: b.actor.id,
            team: CREATED_TEAM,
            company_id: null,
            primary_email: body.emails[0].email,
            primary_phone: phone,
            address: null,
            birthday: null,
            gender: null,
            preferred_language: null,
            do_not_contact: false,
            custom: JSON.stringify({ grade_interest: 'smp' }),
            created_by: b.actor.id,
            version: 1,
            created_at: now,
            updated_at: now,
            deleted_at: null,
            name_key: nameKey(fullName),
            name_skeleton: nameSkeleton(fullName),
            merged_into_id: null,
          });
          await replaceEmails(trx, ws, id, [{ email: body.emails[0].email, label: null, isPrimary: true }], now);
          await replacePhones(
            trx,
            ws,
            id,
            [{ e164: phone, raw: body.phones[0].number, label: 'WhatsApp', isPrimary: true }],
            now,
          );
          await saveSearchDocument(
            trx,
            ws,
            id,
            searchTokens(`${fullName} ${body.emails[0].email} ${phone.slice(1)}`).join(' '),
          );
          await contactsSharingKeys(trx, ws, {
            emails: [body.emails[0].email],
            e164s: [phone],
            skeleton: nameSkeleton(fullName),
            excludeId: id,
            ownerScope: null,
          });
        });
      },
      cleanup,
      details: { knownPhones: known.length },
    };
  },
};
