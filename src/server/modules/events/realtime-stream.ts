import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOfCredential, credentialOf, requestMeta } from '../../http/guard.js';
import { can, type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { onSessionsForgotten } from '../../platform/session-cache.js';
import type { AnyDomainEvent } from './event-catalog.js';

const HEARTBEAT_MS = 25_000;

/**
 * Whether the actor may receive an event: its type's declared rule (`realtime` in its module's
 * `*.events.ts`: a permission, then whether this actor may see the record it is about).
 */
export async function mayReceive(ctx: AppContext, actor: Actor, event: AnyDomainEvent): Promise<boolean> {
  const rule = ctx.events.catalog.get(event.type)?.realtime;
  if (!rule) return false;
  if (rule.permission !== 'authenticated' && !can(actor, rule.permission)) return false;
  return rule.visibility ? rule.visibility(ctx, actor, event) : true;
}

/** The same actor still: the session or key still stands for the same member with the same rights. */
const sameActor = (a: Actor, b: Actor | null) =>
  b !== null &&
  a.kind === b.kind &&
  a.id === b.id &&
  a.workspaceId === b.workspaceId &&
  a.role === b.role &&
  a.agentsSeeAll === b.agentsSeeAll &&
  a.sessionId === b.sessionId;

/**
 * Streams the workspace's events this actor may see (SSE), in order. The stream re-checks its
 * session or key every `ctx.realtime.recheckMs` and at once when this node forgets sessions
 * (sign-out, deactivation, role change, key revocation), and ends when it no longer stands for
 * the same actor: the client reconnects with its rights of now, or is refused.
 */
export function openEventStream(ctx: AppContext, actor: Actor, req: FastifyRequest, reply: FastifyReply): void {
  const credential = credentialOf(req);
  const meta = requestMeta(req);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(`retry: 3000\n: connected\n\n`);
  let closed = false;
  // visibility checks may read the database: deliveries wait for each other to keep their order
  let queue = Promise.resolve();
  const deliver = async (event: AnyDomainEvent) => {
    if (!closed && (await mayReceive(ctx, actor, event)) && !closed)
      res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };
  const unsubscribe = ctx.realtime.subscribe(actor.workspaceId, (event) => {
    queue = queue.then(() => deliver(event)).catch((err) => ctx.log.warn({ err }, 'realtime delivery failed'));
  });
  let checking = false;
  let again = false;
  const recheck = async () => {
    if (closed) return;
    if (checking) return void (again = true);
    checking = true;
    try {
      do {
        again = false;
        const now = await actorOfCredential(ctx, credential, meta).catch(() => null);
        if (!sameActor(actor, now)) return close();
      } while (again && !closed);
    } finally {
      checking = false;
    }
  };
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  const rechecks = setInterval(() => void recheck(), ctx.realtime.recheckMs);
  heartbeat.unref();
  rechecks.unref();
  const unlisten = onSessionsForgotten(ctx, () => void recheck());
  function close() {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    clearInterval(rechecks);
    unsubscribe();
    unlisten();
    res.end();
  }
  req.raw.on('close', close);
}
