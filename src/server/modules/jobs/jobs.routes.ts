import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, Ok } from '../../../shared/contracts/common.js';
import { Job, JobPage, JobQuery } from '../../../shared/contracts/jobs.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { discardDeadJob, getJob, listJobsFor, retryDeadJob } from './jobs.service.js';

const JobParams = z.object({ id: Id });
const tags = ['jobs'];

/** The dead-letter desk: inspect background jobs, retry or discard the dead ones. */
export const jobRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/jobs',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Background jobs, newest first (filter by status or name)',
        querystring: JobQuery,
        response: { 200: JobPage },
      },
    },
    async (req) => listJobsFor(ctx, actorOf(req), req.query),
  );
  app.get(
    '/jobs/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'One background job with its payload, last error and result',
        params: JobParams,
        response: { 200: Job },
      },
    },
    async (req) => getJob(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/jobs/:id/retry',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Run a dead job again now, with its attempts reset',
        params: JobParams,
        response: { 200: Job },
      },
    },
    async (req) => retryDeadJob(ctx, actorOf(req), req.params.id),
  );
  app.delete(
    '/jobs/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, summary: 'Discard a dead job', params: JobParams, response: { 200: Ok } },
    },
    async (req) => {
      await discardDeadJob(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
