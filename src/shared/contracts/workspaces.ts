import { z } from 'zod';

export const TEMPLATE_KEYS = ['school', 'hospital', 'sales', 'blank'] as const;
export const TemplateKey = z.enum(TEMPLATE_KEYS);
export type TemplateKey = z.infer<typeof TemplateKey>;

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Unknown time zone (use an IANA name such as Asia/Jakarta)');
const region = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as ID');
const currency = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as IDR');
const locale = z.enum(['en', 'id']);

export const Workspace = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  template: z.string(),
  timezone: z.string(),
  phoneRegion: z.string(),
  currency: z.string(),
  locale: z.string(),
  settings: z.object({ agentsSeeAll: z.boolean(), auditRetentionDays: z.number().int() }),
  createdAt: z.string(),
});
export type Workspace = z.infer<typeof Workspace>;

export const CreateWorkspaceBody = z.strictObject({
  name: z.string().trim().min(1, 'Give the workspace a name').max(120),
  template: TemplateKey.default('blank'),
  timezone: timezone.optional(),
  phoneRegion: region.optional(),
  currency: currency.optional(),
  locale: locale.optional(),
});

export const UpdateWorkspaceBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  timezone: timezone.optional(),
  phoneRegion: region.optional(),
  currency: currency.optional(),
  locale: locale.optional(),
  settings: z
    .strictObject({
      agentsSeeAll: z.boolean().optional(),
      auditRetentionDays: z.number().int().min(1).max(3650).optional(),
    })
    .optional(),
});

export const TemplateInfo = z.object({
  key: TemplateKey,
  label: z.string(),
  description: z.string(),
  timezone: z.string(),
  phoneRegion: z.string(),
  currency: z.string(),
  locale: z.string(),
});
