import { searchTokens } from '../../db/search.js';
import type { Db } from '../../platform/transaction.js';
import { findContactRow, listEmails, listPhones, noteTextOf, saveSearchDocument } from './contacts.repository.js';
import { phoneSearchForms } from './phone-numbers.js';

const MAX_DOCUMENT_CHARS = 20_000;

/** The search document: names, emails, phone digits in every form a person types, company name, notes. */
export function searchDocument(
  fullName: string,
  emails: string[],
  phoneForms: string[],
  companyName: string | null,
  notes: string[] = [],
): string {
  return searchTokens([fullName, ...emails, ...phoneForms, companyName ?? '', ...notes].join(' '))
    .join(' ')
    .slice(0, MAX_DOCUMENT_CHARS);
}

/** Writes the document of a contact whose parts the caller has at hand (a new contact has no notes). */
export async function indexContact(
  db: Db,
  workspaceId: string,
  contactId: string,
  p: { fullName: string; emails: string[]; e164s: string[]; companyName: string | null; notes: string[] },
): Promise<void> {
  await saveSearchDocument(
    db,
    workspaceId,
    contactId,
    searchDocument(p.fullName, p.emails, p.e164s.flatMap(phoneSearchForms), p.companyName, p.notes),
  );
}

/**
 * Rebuilds one contact's search document from what is stored, in the caller's transaction. Call
 * after any write that changes its parts.
 */
export async function reindexContact(db: Db, workspaceId: string, contactId: string): Promise<void> {
  const contact = await findContactRow(db, workspaceId, contactId);
  if (!contact) return;
  const [emails, phones, notes] = await Promise.all([
    listEmails(db, workspaceId, [contactId]),
    listPhones(db, workspaceId, [contactId]),
    noteTextOf(db, workspaceId, contactId),
  ]);
  const company = contact.company_id
    ? await db
        .selectFrom('companies')
        .select('name')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', contact.company_id)
        .executeTakeFirst()
    : undefined;
  await indexContact(db, workspaceId, contactId, {
    fullName: contact.full_name,
    emails: emails.map((e) => e.email),
    e164s: phones.map((p) => p.e164),
    companyName: company?.name ?? null,
    notes,
  });
}

/** Rebuilds the documents of every contact of a company (after it is renamed). */
export async function reindexCompanyContacts(db: Db, workspaceId: string, companyId: string): Promise<void> {
  const ids = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('company_id', '=', companyId)
    .execute();
  for (const { id } of ids) await reindexContact(db, workspaceId, id);
}
