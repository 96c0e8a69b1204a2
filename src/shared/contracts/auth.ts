import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../permissions.js';
import { Email, Id, Uuid } from './common.js';

export const RoleSchema = z.enum(ROLES);
export const PermissionSchema = z.enum(PERMISSIONS);
export const LocaleSchema = z.enum(['en', 'id']);

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1, 'Enter your password').max(200),
  workspaceId: Id.optional(),
});

export const WorkspaceSummary = z.object({ id: Id, name: z.string(), slug: z.string(), role: RoleSchema });

export const SessionInfo = z.object({
  user: z.object({ id: Id, email: z.string(), name: z.string(), locale: LocaleSchema }),
  workspace: z.object({
    id: Id,
    name: z.string(),
    slug: z.string(),
    template: z.string(),
    timezone: z.string(),
    phoneRegion: z.string(),
    currency: z.string(),
    locale: z.string(),
  }),
  role: RoleSchema,
  permissions: z.array(PermissionSchema),
  workspaces: z.array(WorkspaceSummary),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SwitchWorkspaceBody = z.strictObject({ workspaceId: Uuid });
export const PasswordResetRequestBody = z.strictObject({ email: Email });
export const Password = z.string().min(8, 'Use at least 8 characters').max(200);
export const PasswordResetConfirmBody = z.strictObject({ token: z.string().min(10).max(200), password: Password });
export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1).max(120),
  password: Password,
});
export const InvitationPreview = z.object({
  email: z.string(),
  workspaceName: z.string(),
  role: RoleSchema,
  userExists: z.boolean(),
});
export const UpdateProfileBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: LocaleSchema.optional(),
});
