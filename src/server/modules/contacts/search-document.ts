import { searchTokens } from '../../db/search.js';
import type { Db } from '../../platform/transaction.js';
import { findContactRow, listEmails, listPhones, noteTextOf, saveSearchDocument } from './contacts.repository.js';
import { phoneSearchForms } from './phone-numbers.js';

const MAX_DOCUMENT_CHARS = 20_000;

/**
 * Rebuilds one contact's search document (names, emails, phone digits in every form a person
 * types, company name, notes), in the caller's transaction. Call after any write that changes them.
 */
export async function reindexContact(db: Db, workspaceId: string, contactId: string): Promise<void> {
  const contact = await findContactRow(db, workspaceId, contactId);
  if (!contact) return;
  const [emails, phones, notes] = await Promise.all([listEmails(db, workspaceId, [contactId]), listPhones(db, workspaceId, [contactId]), noteTextOf(db, workspaceId, contactId)]);
  const company = contact.company_id ? await db.selectFrom('companies').select('name').where('workspace_id', '=', workspaceId).where('id', '=', contact.company_id).executeTakeFirst() : undefined;
  const parts: string[] = [contact.full_name];
  for (const e of emails) parts.push(e.email);
  for (const p of phones) parts.push(...phoneSearchForms(p.e164));
  if (company) parts.push(company.name);
  parts.push(...notes);
  const document = searchTokens(parts.join(' ')).join(' ').slice(0, MAX_DOCUMENT_CHARS);
  await saveSearchDocument(db, workspaceId, contactId, document);
}

/** Rebuilds the documents of every contact of a company (after it is renamed). */
export async function reindexCompanyContacts(db: Db, workspaceId: string, companyId: string): Promise<void> {
  const ids = await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('company_id', '=', companyId).execute();
  for (const { id } of ids) await reindexContact(db, workspaceId, id);
}
