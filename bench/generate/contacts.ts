import { searchTokens } from '../../src/server/db/search.js';
import { fullNameOf, nameKey, nameSkeleton } from '../../src/server/modules/contacts/name-keys.js';
import { generatePhone, type GeneratedPhone } from './phones.js';
import { addressFor, birthdayFor, emailFor, generatePerson } from './people.js';
import { ANCHOR_MS, DAY_MS } from './plan.js';
import { uuidv7At, type Rng } from './prng.js';
import type { ContactInfo, GenState } from './state.js';
import { emitEvent } from './timeline.js';
import { NOTE_TEXTS } from './vocabulary.js';

const TYPES: ReadonlyArray<readonly [string, number]> = [
  ['student_parent', 40],
  ['prospect_parent', 35],
  ['alumni_parent', 15],
  ['external', 10],
];
const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['website', 20],
  ['whatsapp', 25],
  ['walk_in', 10],
  ['parent_referral', 20],
  ['social_media', 12],
  ['education_fair', 6],
  ['alumni', 4],
  ['other', 3],
];
const REL_KINDS: ReadonlyArray<readonly [string, string, number]> = [
  ['spouse', 'spouse', 40],
  ['sibling', 'sibling', 20],
  ['referred_by', 'referrer', 25],
  ['colleague', 'colleague', 10],
  ['guardian', 'ward', 5],
];
const MAX_DOCUMENT_CHARS = 20_000;

const iso = (ms: number) => new Date(ms).toISOString();
const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function customFor(rng: Rng, typeKey: string): Record<string, unknown> {
  const grade = () =>
    rng.weighted([
      ['sd', 30],
      ['smp', 40],
      ['sma', 30],
    ] as const);
  if (typeKey === 'student_parent')
    return { grade_interest: grade(), children_count: rng.int(1, 4), needs_dormitory: rng.chance(0.6) };
  if (typeKey === 'prospect_parent')
    return rng.chance(0.8)
      ? { grade_interest: grade(), ...(rng.chance(0.5) ? { needs_dormitory: rng.chance(0.5) } : {}) }
      : {};
  if (typeKey === 'alumni_parent') return { children_count: rng.int(1, 3) };
  return {};
}

/** One contact with emails, phones, tags, custom values, search document, notes, relationships and links. */
export async function generateContact(s: GenState, rng: Rng, index: number, createdAt: number): Promise<ContactInfo> {
  const { sink, ws } = s;
  const person = generatePerson(rng);
  const id = uuidv7At(createdAt, rng);
  s.contactIds[index] = id;
  const fullName = fullNameOf(person.firstName, person.lastName);
  const typeKey = rng.weighted(TYPES);
  const sourceKey = rng.weighted(SOURCES);
  const ownerId = rng.chance(0.03) ? null : rng.weighted(s.owners);
  const company = rng.chance(0.35) ? rng.pick(s.companies) : null;
  const createdBy = ownerId ?? s.setup.users[0].id;
  const updatedAt = rng.chance(0.2) ? createdAt + rng.next() * (ANCHOR_MS - createdAt) : createdAt;
  const deletedAt = rng.chance(0.01) ? iso(Math.max(updatedAt, ANCHOR_MS - rng.int(1, 60) * DAY_MS)) : null;

  // families share a number or an address now and then: the duplicate check should find them
  const phones: GeneratedPhone[] = [];
  const recent = s.recent;
  if (typeKey === 'student_parent' || rng.chance(0.93))
    phones.push(recent.phone && rng.chance(0.005) ? recent.phone : generatePhone(rng, person.isExpat));
  if (phones.length && rng.chance(0.15)) phones.push(generatePhone(rng, false));
  const emails: string[] = [];
  if (rng.chance(0.85)) emails.push(recent.email && rng.chance(0.003) ? recent.email : emailFor(rng, person, index));
  if (emails.length && rng.chance(0.12)) emails.push(emailFor(rng, person, index + 1));
  const uniqueEmails = [...new Set(emails)];
  recent.phone = phones[0] ?? recent.phone;
  recent.email = uniqueEmails[0] ?? recent.email;

  await sink.add('contacts', {
    id,
    workspace_id: ws,
    first_name: person.firstName,
    last_name: person.lastName,
    full_name: fullName,
    type_key: typeKey,
    source_key: sourceKey,
    owner_id: ownerId,
    team: rng.chance(0.3) ? rng.pick(['Admisi', 'Kesiswaan', 'Keuangan']) : null,
    company_id: company?.id ?? null,
    primary_email: uniqueEmails[0] ?? null,
    primary_phone: phones[0]?.e164 ?? null,
    address: rng.chance(0.7) ? addressFor(rng) : null,
    birthday: rng.chance(0.5) ? birthdayFor(rng) : null,
    gender: person.gender,
    preferred_language: person.language,
    do_not_contact: rng.chance(0.02),
    custom: customFor(rng, typeKey),
    created_by: createdBy,
    version: updatedAt > createdAt ? 2 : 1,
    created_at: iso(createdAt),
    updated_at: iso(updatedAt),
    deleted_at: deletedAt,
    name_key: nameKey(fullName),
    name_skeleton: nameSkeleton(fullName),
    merged_into_id: null,
  });
  for (const [i, email] of uniqueEmails.entries()) {
    await sink.add('contact_emails', {
      id: uuidv7At(createdAt, rng),
      workspace_id: ws,
      contact_id: id,
      email,
      label: i === 0 ? null : 'Kantor',
      is_primary: i === 0,
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
    });
  }
  for (const [i, p] of phones.entries()) {
    await sink.add('contact_phones', {
      id: uuidv7At(createdAt, rng),
      workspace_id: ws,
      contact_id: id,
      e164: p.e164,
      raw: p.raw,
      label: i === 0 ? 'WhatsApp' : 'Rumah',
      is_primary: i === 0,
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
    });
  }
  const tagCount = Math.min(s.setup.tags.length, rng.poisson(0.7));
  const tagIds = new Set<string>();
  while (tagIds.size < tagCount) tagIds.add(rng.pick(s.setup.tags).id);
  for (const tagId of tagIds)
    await sink.add('contact_tags', {
      workspace_id: ws,
      contact_id: id,
      tag_id: tagId,
      tagged_by: createdBy,
      created_at: iso(createdAt),
    });

  await emitEvent(sink, rng, ws, {
    type: 'contact.created',
    entityType: 'contact',
    entityId: id,
    actorId: createdBy,
    payload: { fullName, typeKey, ownerId },
    at: createdAt,
    kind: 'edit',
    subjects: [['contact', id]],
  });
  const notes = await generateNotes(s, rng, id, createdAt, ownerId ?? createdBy);
  await generateRelationships(s, rng, index, id, createdAt);
  if (typeKey === 'student_parent') await generateLinks(s, rng, id, person.lastName ?? person.firstName, createdAt);

  const parts = [
    fullName,
    ...uniqueEmails,
    ...phones.flatMap((p) => p.searchForms),
    ...(company ? [company.name] : []),
    ...notes,
  ];
  await sink.add('contact_search', {
    contact_id: id,
    workspace_id: ws,
    document: searchTokens(parts.join(' ')).join(' ').slice(0, MAX_DOCUMENT_CHARS),
  });
  return { index, id, fullName, ownerId, companyId: company?.id ?? null, createdAt, sourceKey, typeKey };
}

async function generateNotes(
  s: GenState,
  rng: Rng,
  contactId: string,
  createdAt: number,
  authorId: string,
): Promise<string[]> {
  const count = rng.chance(0.2) ? rng.int(1, 3) : 0;
  const written: Array<{ at: number; body: string }> = [];
  for (let i = 0; i < count; i++) {
    const at = createdAt + rng.next() * (ANCHOR_MS - createdAt);
    const body = rng.pick(NOTE_TEXTS);
    const id = uuidv7At(at, rng);
    const isPinned = rng.chance(0.1);
    await s.sink.add('notes', {
      id,
      workspace_id: s.ws,
      entity_type: 'contact',
      entity_id: contactId,
      body,
      body_html: `<p>${htmlEscape(body)}</p>\n`,
      is_pinned: isPinned,
      author_id: authorId,
      author_name: s.userNames.get(authorId) ?? null,
      deleted_at: null,
      version: 1,
      created_at: iso(at),
      updated_at: iso(at),
    });
    await emitEvent(s.sink, rng, s.ws, {
      type: 'contact.note_added',
      entityType: 'contact',
      entityId: contactId,
      actorId: authorId,
      payload: { noteId: id, excerpt: body.slice(0, 140), isPinned },
      at,
      kind: 'note',
      subjects: [['contact', contactId]],
    });
    written.push({ at, body });
  }
  // the app's search document lists note bodies newest first
  return written.sort((a, b) => b.at - a.at).map((n) => n.body);
}

async function generateRelationships(
  s: GenState,
  rng: Rng,
  index: number,
  id: string,
  createdAt: number,
): Promise<void> {
  if (index < 10 || !rng.chance(0.08)) return;
  const other = s.contactIds[rng.int(Math.max(0, index - 5000), index - 1)];
  const [kind, reciprocal] = rng.weighted(REL_KINDS.map(([k, r, w]) => [[k, r], w] as const));
  const pairId = uuidv7At(createdAt, rng);
  const strength = rng.int(3, 10);
  const base = {
    workspace_id: s.ws,
    pair_id: pairId,
    custom_label: null,
    strength,
    note: null,
    created_by: null,
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
  };
  await s.sink.add('contact_relationships', {
    id: uuidv7At(createdAt, rng),
    ...base,
    contact_id: id,
    related_contact_id: other,
    kind,
  });
  await s.sink.add('contact_relationships', {
    id: uuidv7At(createdAt, rng),
    ...base,
    contact_id: other,
    related_contact_id: id,
    kind: reciprocal,
  });
}

async function generateLinks(
  s: GenState,
  rng: Rng,
  contactId: string,
  familyName: string,
  createdAt: number,
): Promise<void> {
  const children = rng.weighted([
    [1, 70],
    [2, 25],
    [3, 5],
  ] as const);
  const taken = new Set<string>();
  for (let c = 0; c < children; c++) {
    let studentId = `S-${rng.int(2019, 2026)}-${rng.digits(5)}`;
    // siblings never share a student number (the link is unique per contact, system and id)
    while (taken.has(studentId)) studentId = `S-${rng.int(2019, 2026)}-${rng.digits(5)}`;
    taken.add(studentId);
    const name = `${rng.pick(['Aisyah', 'Rizki', 'Nadia', 'Fikri', 'Zahra', 'Daffa', 'Keisha', 'Raka'])} ${familyName}`;
    await s.sink.add('external_links', {
      id: uuidv7At(createdAt, rng),
      workspace_id: s.ws,
      contact_id: contactId,
      system: 'student_app',
      external_id: studentId,
      url: `https://siswa.sekolah.example/students/${studentId}`,
      label: name,
      display: { name, grade: `Kelas ${rng.int(7, 12)}${rng.pick(['A', 'B', 'C'])}` },
      last_synced_at: iso(createdAt),
      created_at: iso(createdAt),
      updated_at: iso(createdAt),
    });
  }
}
