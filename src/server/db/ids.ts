import { v7 } from 'uuid';

/** Sortable, app-generated id (UUIDv7): time-ordered, so indexes stay append-mostly. */
export function newId(): string {
  return v7();
}
