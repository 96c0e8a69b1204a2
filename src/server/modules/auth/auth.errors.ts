import type { ErrorCatalog, UniqueKeyCatalog } from '../../http/error-types.js';

export const authErrors = {
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  LOGIN_THROTTLED: { status: 429, title: 'Too many failed sign-in attempts; try again later' },
  ACCOUNT_DEACTIVATED: { status: 403, title: 'This account is deactivated in this workspace' },
  TOKEN_INVALID: { status: 400, title: 'The link is invalid or has expired' },
  NOT_A_MEMBER: { status: 403, title: 'You are not a member of that workspace' },
  EMAIL_TAKEN: { status: 409, title: 'A user with this email already exists in this workspace' },
  LAST_ADMIN: { status: 409, title: 'A workspace needs at least one active admin' },
} as const satisfies ErrorCatalog;

/** Unique keys of the module's tables: a violation (two creates racing) is the same 409 as the service's check. */
export const authUniqueKeys = {
  users: { code: 'EMAIL_TAKEN', field: 'email' },
} as const satisfies UniqueKeyCatalog<keyof typeof authErrors>;
