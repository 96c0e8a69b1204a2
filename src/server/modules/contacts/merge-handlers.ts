import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * How another module's rows follow a contact merge. `move` re-points rows from the merged
 * contacts to the survivor and returns what it needs to undo that (stored with the merge, JSON);
 * `undo` puts them back. Both run inside the merge's transaction.
 */
export interface ContactMergeHandler {
  move(trx: Transaction<DB>, workspaceId: string, mergedIds: string[], survivorId: string): Promise<unknown>;
  undo(trx: Transaction<DB>, workspaceId: string, data: unknown, survivorId: string): Promise<void>;
}

const handlers = new Map<string, ContactMergeHandler>();

/** Plugs a module's rows (deals, activities, ...) into merge and undo. */
export function registerContactMergeHandler(name: string, handler: ContactMergeHandler): void {
  handlers.set(name, handler);
}

export function mergeHandlers(): Array<[string, ContactMergeHandler]> {
  return [...handlers.entries()];
}
