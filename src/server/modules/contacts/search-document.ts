import { searchTokens } from '../../db/search.js';
import type { Db } from '../../platform/transaction.js';
import { findContactRow, listEmails, listPhones, noteTextOf, saveSearchDocument } from './contacts.repository.js';
import { phoneSearchForms } from './phone-numbers.js';

const MAX_DOCUMENT_CHARS = 20_000;

/** What a contact's search document is made of. */
export interface SearchParts {
  fullName: string;
  emails: string[];
  e164s: string[];
  companyName: string | null;
  notes: string[];
}

/** The search document: names, emails, phone digits in every form a person types, company name, notes. */
export function searchDocumentOf(p: SearchParts): string {
  const parts: string[] = [p.fullName, ...p.emails];
  for (const e164 of p.e164s) parts.push(...phoneSearchForms(e164));
  if (p.companyName) parts.push(p.companyName);
  parts.push(...p.notes);
  return searchTokens(parts.join(' ')).join(' ').slice(0, MAX_DOCUMENT_CHARS);
}

/** Writes the document of a contact whose parts the caller has at hand (a new contact has no notes). */
export async function indexContact(db: Db, workspaceId: string, contactId: string, parts: SearchParts): Promise<void> {
  await saveSearchDocument(db, workspaceId, contactId, searchDocumentOf(parts));
}

/**
 * Rebuilds one contact's search document from what is stored, in the caller's transaction. Call
 * after any write that changes its parts.
 */
export async function reindexContact(db: Db, workspaceId: string, contactId: string): Promise<void> {
  const contact = await findContactRow(db, workspaceId, contactId);
  if (!contact) return;
  const [emails, phones, notes] = await Promise.all([listEmails(db, workspaceId, [contactId]), listPhones(db, workspaceId, [contactId]), noteTextOf(db, workspaceId, contactId)]);
  const company = contact.company_id ? await db.selectFrom('companies').select('name').where('workspace_id', '=', workspaceId).where('id', '=', contact.company_id).executeTakeFirst() : undefined;
  await indexContact(db, workspaceId, contactId, { fullName: contact.full_name, emails: emails.map((e) => e.email), e164s: phones.map((p) => p.e164), companyName: company?.name ?? null, notes });
}

/** Rebuilds the documents of every contact of a company (after it is renamed). */
export async function reindexCompanyContacts(db: Db, workspaceId: string, companyId: string): Promise<void> {
  const ids = await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('company_id', '=', companyId).execute();
  for (const { id } of ids) await reindexContact(db, workspaceId, id);
}
