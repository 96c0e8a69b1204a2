import type { ErrorCatalog, UniqueKeyCatalog } from '../../http/error-types.js';

export const contactErrors = {
  CONTACT_TYPE_RULE: { status: 422, title: 'The contact type requires something this contact does not have' },
  KEY_TAKEN: { status: 409, title: 'Something with this key or name already exists' },
  VALUE_NOT_UNIQUE: { status: 409, title: 'Another record already has this value' },
  STILL_IN_USE: { status: 409, title: 'Still in use; move or archive what uses it first' },
  MERGE_NOT_UNDOABLE: { status: 409, title: 'This merge can no longer be undone' },
  SELECTION_TOO_LARGE: { status: 400, title: 'Too many contacts for one request; narrow the selection' },
} as const satisfies ErrorCatalog;

/** Unique keys of the module's tables: a violation (two creates racing) is the same 409 as the service's check. */
export const contactUniqueKeys = {
  tags: { code: 'KEY_TAKEN', field: 'name' },
  contact_types: { code: 'KEY_TAKEN', field: 'key' },
  contact_sources: { code: 'KEY_TAKEN', field: 'key' },
  custom_fields: { code: 'KEY_TAKEN', field: 'key' },
  external_links: { code: 'KEY_TAKEN', field: 'externalId' },
} as const satisfies UniqueKeyCatalog<keyof typeof contactErrors>;
