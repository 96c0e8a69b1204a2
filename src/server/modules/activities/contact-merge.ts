import { registerContactMergeHandler } from '../contacts/contacts.service.js';
import { moveContactRows, restoreContactRows, type MovedForMerge } from './contact-merge.repository.js';

let registered = false;

/** Activities, tasks and timeline history follow a contact merge to the survivor, and back on undo. */
export function registerActivitiesMergeHandler(): void {
  if (registered) return;
  registered = true;
  registerContactMergeHandler('activities', {
    move: (trx, workspaceId, mergedIds, survivorId) => moveContactRows(trx, workspaceId, mergedIds, survivorId),
    undo: (trx, workspaceId, data, survivorId) =>
      restoreContactRows(trx, workspaceId, data as MovedForMerge | null, survivorId),
  });
}
