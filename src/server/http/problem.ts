import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isMalformedValueError } from '../db/sql-helpers.js';
import { AppError, conflictFromDatabase, errorCatalog, type ErrorCode } from './errors.js';
import type { FieldError } from './error-types.js';

/** RFC 9457 problem details. 5xx bodies say nothing about internals; the log has everything. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  field?: string;
  errors?: FieldError[];
  instance?: string;
  [k: string]: unknown;
}

export function problemFor(code: ErrorCode, detail?: string, extra: Partial<Problem> = {}): Problem {
  const spec = errorCatalog[code];
  return {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: spec.title,
    status: spec.status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

function zodIssuesToFieldErrors(
  issues: Array<{ path?: PropertyKey[]; message: string; code?: string; keys?: string[] }>,
  where: string,
): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = (issue.path ?? []).map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      for (const k of issue.keys)
        out.push({ field: base ? `${base}.${k}` : k, message: 'Unknown field', code: issue.code });
    } else {
      out.push({ field: base || where, message: issue.message, code: issue.code });
    }
  }
  return out;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
};

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const instance = req.url.split('?')[0];
    const conflict = conflictFromDatabase(thrown);
    if (conflict) req.log.info({ err: thrown }, 'unique key taken by a concurrent write');
    const err = (conflict ?? thrown) as FastifyError;
    if (err instanceof AppError) {
      if (err.extra.retryAfterSeconds) reply.header('retry-after', String(err.extra.retryAfterSeconds));
      if (err.status >= 500) req.log.error({ err }, 'request failed');
      const { retryAfterSeconds: _r, data, ...rest } = err.extra;
      return sendProblem(reply, problemFor(err.code, err.detail, { ...rest, ...(data ?? {}), instance }));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = zodIssuesToFieldErrors(
        err.validation.map((v) => ({
          path: v.instancePath.split('/').filter(Boolean),
          message: v.message ?? 'Invalid value',
          code: v.keyword,
          keys: (v.params as { keys?: string[] }).keys,
        })),
        where,
      );
      const first = errors[0];
      return sendProblem(
        reply,
        problemFor('VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : undefined, {
          field: first?.field,
          errors,
          instance,
        }),
      );
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response did not match its schema');
      return sendProblem(reply, problemFor('INTERNAL', undefined, { instance }));
    }
    if (err.statusCode === 429) {
      return sendProblem(
        reply,
        problemFor('RATE_LIMITED', 'Too many requests; slow down and retry after the time in Retry-After', {
          instance,
        }),
      );
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return sendProblem(reply, problemFor(mapped, err.message, { instance }));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(
        reply,
        problemFor(err.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', err.message, { instance }),
      );
    }
    if (isMalformedValueError(err)) {
      // a value of the wrong shape for its column (e.g. not a uuid) that no schema caught
      req.log.warn({ err }, 'malformed value reached the database');
      return sendProblem(reply, problemFor('BAD_REQUEST', 'A value in the request has the wrong format', { instance }));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problemFor('INTERNAL', undefined, { instance }));
  });

  app.setNotFoundHandler((req, reply) => {
    const instance = req.url.split('?')[0];
    return sendProblem(reply, problemFor('ROUTE_NOT_FOUND', `${req.method} ${instance} does not exist`, { instance }));
  });
}

/**
 * Errors Fastify meets before a route runs (a malformed or over-long path segment, a failed route
 * constraint): problem+json like every other error, and never echoing the address.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const instance = req.url.split('?')[0].slice(0, 200);
  const problem =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problemFor('URI_TOO_LONG', 'A path parameter is longer than any id or key this API accepts')
      : err.code === 'FST_ERR_BAD_URL'
        ? problemFor('BAD_REQUEST', 'The address holds an invalid percent-encoded part')
        : problemFor('INTERNAL');
  if (problem.status >= 500) req.log.error({ err }, 'request failed before routing');
  void sendProblem(reply, { ...problem, instance: problem.status === 414 ? undefined : instance });
}

/**
 * What Node's HTTP parser refuses (headers too large, a request that arrives too slowly, bytes that
 * are not HTTP) never reaches Fastify's handlers: it is answered here, on the socket, as problem+json.
 */
export function clientErrorHandler(
  this: { log: FastifyInstance['log'] },
  err: Error & { code?: string },
  socket: Socket,
) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'BAD_REQUEST';
  this.log.debug({ err }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(problemFor(code));
    socket.write(
      `HTTP/1.1 ${errorCatalog[code].status} ${STATUS_CODES[errorCatalog[code].status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
