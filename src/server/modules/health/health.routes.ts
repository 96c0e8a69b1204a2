import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { dialectOf } from '../../db/dialect.js';
import { hasPendingMigrations } from '../../db/migrator.js';
import type { AppContext } from '../../platform/context.js';

/** Liveness, readiness (database reachable, migrations applied) and Prometheus metrics. */
export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'The process is alive',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'The database answers and migrations are applied',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.string() }),
          503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);
        if (await hasPendingMigrations(ctx.database))
          return reply.code(503).send({ status: 'not_ready' as const, reason: 'migrations pending' });
        return { status: 'ready' as const, database: dialectOf(ctx.db).name };
      } catch {
        return reply.code(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
      }
    },
  );

  app.get(
    '/metrics',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics',
        produces: ['text/plain'],
        response: { 200: z.string().describe('Prometheus text exposition format') },
      },
    },
    async (_req, reply) => {
      reply.type(ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    },
  );
};
