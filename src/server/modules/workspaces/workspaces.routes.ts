import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateWorkspaceBody,
  TemplateInfo,
  UpdateWorkspaceBody,
  Workspace,
} from '../../../shared/contracts/workspaces.js';
import { actorOf } from '../../http/guard.js';
import type { AppContext } from '../../platform/context.js';
import { TEMPLATES } from './templates.js';
import { createWorkspace, getWorkspace, updateWorkspace } from './workspaces.service.js';

export const workspaceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/workspace',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['workspaces'], summary: 'The current workspace and its settings', response: { 200: Workspace } },
    },
    async (req) => getWorkspace(ctx, actorOf(req).workspaceId),
  );

  app.patch(
    '/workspace',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['workspaces'],
        summary: 'Change workspace settings',
        body: UpdateWorkspaceBody,
        response: { 200: Workspace },
      },
    },
    async (req) => updateWorkspace(ctx, actorOf(req), req.body),
  );

  app.post(
    '/workspaces',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace from a template; you become its admin (signed-in people only, not API keys)',
        body: CreateWorkspaceBody,
        response: { 201: Workspace },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const ws = await createWorkspace(ctx, req.body, actor.id, {
        kind: actor.kind,
        id: actor.id,
        name: actor.name,
        ip: actor.ip,
        userAgent: actor.userAgent,
      });
      return reply.code(201).send(ws);
    },
  );

  app.get(
    '/workspaces/templates',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['workspaces'],
        summary: 'Templates a new workspace can start from',
        response: { 200: z.object({ items: z.array(TemplateInfo) }) },
      },
    },
    async () => ({
      items: Object.values(TEMPLATES),
    }),
  );
};
