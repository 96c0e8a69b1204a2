import type { ErrorCatalog } from '../../http/error-types.js';

export const contactErrors = {
  CONTACT_TYPE_RULE: { status: 422, title: 'The contact type requires something this contact does not have' },
  KEY_TAKEN: { status: 409, title: 'Something with this key or name already exists' },
  VALUE_NOT_UNIQUE: { status: 409, title: 'Another record already has this value' },
  STILL_IN_USE: { status: 409, title: 'Still in use; move or archive what uses it first' },
  MERGE_NOT_UNDOABLE: { status: 409, title: 'This merge can no longer be undone' },
  SELECTION_TOO_LARGE: { status: 400, title: 'Too many contacts for one request; narrow the selection' },
} as const satisfies ErrorCatalog;
