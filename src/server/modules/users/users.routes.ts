import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Invitation, InviteBody, Member, RoleInfo, UpdateMemberBody } from '../../../shared/contracts/users.js';
import { IdParams } from '../../../shared/contracts/common.js';
import { ROLE_PERMISSIONS, ROLES } from '../../../shared/permissions.js';
import { actorOf } from '../../http/guard.js';
import { publicBaseUrl } from '../../http/request-meta.js';
import type { AppContext } from '../../platform/context.js';
import { listMembers } from '../auth/members.service.js';
import { invite, listInvitations, updateMember } from './users.service.js';

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/users',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['users'],
        summary: 'Members of this workspace',
        response: { 200: z.object({ items: z.array(Member) }) },
      },
    },
    async (req) => ({
      items: await listMembers(ctx.db, actorOf(req).workspaceId),
    }),
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: "Change a member's role, deactivate or reactivate",
        params: IdParams,
        body: UpdateMemberBody,
        response: { 200: Member },
      },
    },
    async (req) => updateMember(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/users/invitations',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Invitations sent',
        response: { 200: z.object({ items: z.array(Invitation) }) },
      },
    },
    async (req) => ({
      items: await listInvitations(ctx.db, actorOf(req).workspaceId),
    }),
  );

  app.post(
    '/users/invitations',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], summary: 'Invite someone by email', body: InviteBody, response: { 201: Invitation } },
    },
    async (req, reply) => reply.code(201).send(await invite(ctx, actorOf(req), req.body, publicBaseUrl(ctx, req))),
  );

  app.get(
    '/roles',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['users'],
        summary: 'Roles and their permissions',
        response: { 200: z.object({ items: z.array(RoleInfo) }) },
      },
    },
    async () => ({
      items: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })),
    }),
  );
};
