import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Activity,
  ActivityPage,
  ActivityQuery,
  ActivitySettings,
  BulkCreateActivitiesBody,
  CompleteActivityBody,
  CreateActivityBody,
  UpdateActivityBody,
  UpdateActivitySettingsBody,
} from '../../../shared/contracts/activities.js';
import { IdParams, Ok } from '../../../shared/contracts/common.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { getActivitySettings, updateActivitySettings } from './activity-settings.service.js';
import {
  bulkCreateActivities,
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  listActivitiesFor,
  updateActivity,
} from './activities.service.js';

export const activityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/activities',
    {
      config: { permission: 'activities.view' },
      schema: {
        tags: ['activities'],
        summary: 'Activities, newest first; filter by contact, deal, type, user, date range, outcome, status',
        querystring: ActivityQuery,
        response: { 200: ActivityPage },
      },
    },
    async (req) => listActivitiesFor(ctx, actorOf(req), req.query),
  );

  app.post(
    '/activities',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['activities'],
        summary: 'Log an activity (or schedule one with status "scheduled")',
        body: CreateActivityBody,
        response: { 201: Activity },
      },
    },
    async (req, reply) => reply.code(201).send(await createActivity(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/activities/bulk',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['activities'],
        summary: 'Log up to 500 activities at once: all or none',
        body: BulkCreateActivitiesBody,
        response: { 201: z.object({ items: z.array(Activity) }) },
      },
    },
    async (req, reply) =>
      reply.code(201).send({ items: await bulkCreateActivities(ctx, actorOf(req), req.body.items) }),
  );

  app.get(
    '/activities/:id',
    {
      config: { permission: 'activities.view' },
      schema: { tags: ['activities'], summary: 'One activity', params: IdParams, response: { 200: Activity } },
    },
    async (req) => getActivity(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/activities/:id',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['activities'],
        summary: 'Change an activity (send its version; a stale one gets 409)',
        params: IdParams,
        body: UpdateActivityBody,
        response: { 200: Activity },
      },
    },
    async (req) => updateActivity(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/activities/:id/complete',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['activities'],
        summary: 'Mark a scheduled activity done',
        params: IdParams,
        body: CompleteActivityBody,
        response: { 200: Activity },
      },
    },
    async (req) => completeActivity(ctx, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/activities/:id',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['activities'],
        summary: 'Delete an activity (its author or a manager)',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteActivity(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/activity-settings',
    {
      config: { permission: 'activities.view' },
      schema: { tags: ['activities'], summary: 'Workspace activity settings', response: { 200: ActivitySettings } },
    },
    async (req) => getActivitySettings(ctx, actorOf(req)),
  );

  app.put(
    '/activity-settings',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['activities'],
        summary: 'Change workspace activity settings',
        body: UpdateActivitySettingsBody,
        response: { 200: ActivitySettings },
      },
    },
    async (req) => updateActivitySettings(ctx, actorOf(req), req.body),
  );
};
