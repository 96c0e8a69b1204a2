import type { ErrorCatalog } from './error-types.js';

export const coreErrors = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  UNAUTHENTICATED: { status: 401, title: 'Sign in first' },
  FORBIDDEN: { status: 403, title: 'You do not have permission for this' },
  PERSONAL_ROUTE: { status: 403, title: 'Only a signed-in person can do this, not an API key' },
  CSRF_INVALID: { status: 403, title: 'Missing or invalid CSRF token' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  VERSION_CONFLICT: { status: 409, title: 'The record was changed by someone else; reload and try again' },
  CONFLICT: { status: 409, title: 'Conflict' },
  REQUEST_TIMEOUT: { status: 408, title: 'The request took too long to arrive' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  URI_TOO_LONG: { status: 414, title: 'A part of the address is too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  HEADERS_TOO_LARGE: { status: 431, title: 'The request headers are too large' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side' },
  UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies ErrorCatalog;
