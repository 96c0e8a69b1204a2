import type { ProblemBody } from '../../shared/contracts/common';

/** A failed API call, parsed from the server's RFC 9457 problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  /** Messages by field name, from `errors` [{field, message}] (and `field` + `detail`). */
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, problem: Partial<ProblemBody>) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.status = status;
    this.code = problem.code ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    this.title = problem.title ?? 'Request failed';
    this.detail = problem.detail;
    const fieldErrors: Record<string, string> = {};
    for (const e of problem.errors ?? []) fieldErrors[e.field] ??= e.message;
    if (problem.field && !fieldErrors[problem.field])
      fieldErrors[problem.field] = problem.detail?.replace(`${problem.field}: `, '') ?? this.title;
    this.fieldErrors = fieldErrors;
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** The field-level message for `field`, if the error carries one. */
export function fieldError(err: unknown, field: string): string | undefined {
  return isApiError(err) ? err.fieldErrors[field] : undefined;
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

/** Set from SessionInfo; sent as X-CSRF-Token on every change. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when an API call answers 401 (the session ended elsewhere or expired). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls `/api${path}` with the session cookie; resolves to the JSON body or throws ApiError. */
export async function api<T>(path: string, { method = 'GET', body, query, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api${path}`, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, {
      code: 'NETWORK',
      title: 'Cannot reach the server',
      detail: 'Check your connection and try again.',
    });
  }
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthenticated?.();
    throw new ApiError(res.status, (data as Partial<ProblemBody>) ?? {});
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => api<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => api<T>(path, { method: 'DELETE' }),
};
