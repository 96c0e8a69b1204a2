import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Ok } from '../../../../shared/contracts/common.js';
import {
  BulkTaskBody,
  BulkTaskResult,
  CreateTaskBody,
  Task,
  TaskPage,
  TaskQuery,
  TaskSummary,
  UpdateTaskBody,
} from '../../../../shared/contracts/tasks.js';
import { actorOf } from '../../../http/guard.js';
import type { AppContext } from '../../../platform/context.js';
import { listTasksFor, taskSummary } from './task-views.service.js';
import { bulkTasks, changeTask, createTask, deleteTask, getTask } from './tasks.service.js';

const VersionBody = z.strictObject({ version: z.number().int().min(1).optional() });

export const taskRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/tasks',
    {
      config: { permission: 'activities.view' },
      schema: {
        tags: ['tasks'],
        summary: 'Task views: mine, today, overdue, all; by assignee, status, contact, deal, due range',
        querystring: TaskQuery,
        response: { 200: TaskPage },
      },
    },
    async (req) => listTasksFor(ctx, actorOf(req), req.query),
  );

  app.get(
    '/tasks/summary',
    {
      config: { permission: 'activities.view' },
      schema: {
        tags: ['tasks'],
        summary: 'Open, overdue and due-today counts per assignee',
        response: { 200: TaskSummary },
      },
    },
    async (req) => taskSummary(ctx, actorOf(req)),
  );

  app.post(
    '/tasks',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['tasks'],
        summary: 'Create a task (assigned to you unless assigneeId says otherwise)',
        body: CreateTaskBody,
        response: { 201: Task },
      },
    },
    async (req, reply) => reply.code(201).send(await createTask(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/tasks/bulk',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['tasks'],
        summary: 'Complete, reopen, reassign, cancel or delete many tasks; a result per task',
        body: BulkTaskBody,
        response: { 200: BulkTaskResult },
      },
    },
    async (req) => bulkTasks(ctx, actorOf(req), req.body.ids, req.body.action, req.body.assigneeId),
  );

  app.get(
    '/tasks/:id',
    {
      config: { permission: 'activities.view' },
      schema: { tags: ['tasks'], summary: 'One task', params: IdParams, response: { 200: Task } },
    },
    async (req) => getTask(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/tasks/:id',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['tasks'],
        summary: 'Change a task (send its version; a stale one gets 409)',
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: Task },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return changeTask(ctx, actorOf(req), req.params.id, patch, version);
    },
  );

  app.post(
    '/tasks/:id/complete',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['tasks'],
        summary: 'Complete a task',
        params: IdParams,
        body: VersionBody,
        response: { 200: Task },
      },
    },
    async (req) => changeTask(ctx, actorOf(req), req.params.id, { status: 'completed' }, req.body.version ?? null),
  );

  app.post(
    '/tasks/:id/reopen',
    {
      config: { permission: 'activities.edit' },
      schema: {
        tags: ['tasks'],
        summary: 'Reopen a completed or cancelled task',
        params: IdParams,
        body: VersionBody,
        response: { 200: Task },
      },
    },
    async (req) => changeTask(ctx, actorOf(req), req.params.id, { status: 'pending' }, req.body.version ?? null),
  );

  app.delete(
    '/tasks/:id',
    {
      config: { permission: 'activities.edit' },
      schema: { tags: ['tasks'], summary: 'Delete a task', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteTask(ctx, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
