import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitationBody,
  InvitationPreview,
  LoginBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  SessionInfo,
  SwitchWorkspaceBody,
  UpdateProfileBody,
} from '../../../shared/contracts/auth.js';
import { Ok } from '../../../shared/contracts/common.js';
import { actorOf } from '../../http/guard.js';
import { publicBaseUrl, requestMeta } from '../../http/request-meta.js';
import type { AppContext } from '../../platform/context.js';
import { acceptInvitation, previewInvitation } from '../users/users.service.js';
import {
  confirmPasswordReset,
  login,
  logout,
  requestPasswordReset,
  SESSION_COOKIE,
  sessionInfo,
  switchWorkspace,
  updateProfile,
} from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.NODE_ENV === 'production' && ctx.config.PUBLIC_URL?.startsWith('https:'),
    maxAge: ctx.config.SESSION_TTL_HOURS * 3600,
  };

  app.post(
    '/auth/login',
    {
      config: { permission: 'public', signIn: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: SessionInfo },
      },
    },
    async (req, reply) => {
      const { token, info } = await login(ctx, req.body, requestMeta(req));
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return info;
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } } },
    async (req, reply) => {
      await logout(ctx, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, workspace, permissions and CSRF token',
        response: { 200: SessionInfo },
      },
    },
    async (req) => sessionInfo(ctx, actorOf(req)),
  );

  app.patch(
    '/auth/profile',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['auth'],
        summary: 'Change your name or language',
        body: UpdateProfileBody,
        response: { 200: SessionInfo },
      },
    },
    async (req) => {
      await updateProfile(ctx, actorOf(req), req.body);
      return sessionInfo(ctx, actorOf(req));
    },
  );

  app.post(
    '/auth/switch-workspace',
    {
      config: { permission: 'authenticated', personal: true },
      schema: {
        tags: ['auth'],
        summary: 'Switch the session to another workspace you belong to',
        body: SwitchWorkspaceBody,
        response: { 200: SessionInfo },
      },
    },
    async (req) => switchWorkspace(ctx, actorOf(req), req.body.workspaceId),
  );

  app.post(
    '/auth/password-reset/request',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Email a password reset link',
        body: PasswordResetRequestBody,
        response: { 202: Ok },
      },
    },
    async (req, reply) => {
      await requestPasswordReset(ctx, req.body.email, publicBaseUrl(ctx, req));
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the emailed token',
        body: PasswordResetConfirmBody,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await confirmPasswordReset(ctx, req.body.token, req.body.password, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/invitations/:token',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation is for',
        params: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: InvitationPreview },
      },
    },
    async (req) => previewInvitation(ctx, req.params.token),
  );

  app.post(
    '/auth/invitations/accept',
    {
      config: { permission: 'public', signIn: true },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation and sign in',
        body: AcceptInvitationBody,
        response: { 200: SessionInfo },
      },
    },
    async (req, reply) => {
      const accepted = await acceptInvitation(ctx, req.body);
      const { token, info } = await login(
        ctx,
        { email: accepted.email, password: req.body.password, workspaceId: accepted.workspaceId },
        requestMeta(req),
      );
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return info;
    },
  );
};
