import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      'use true, false, a hop count, or comma-separated proxy addresses/CIDRs (or loopback)',
    )
    .default('loopback'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave unset for the embedded SQLite database)')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SQLITE_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 14),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  LOGIN_FAILURE_DELAY_MS: z.coerce.number().int().min(0).max(4000).default(250),
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  MAIL_TRANSPORT: z.enum(['log', 'smtp']).default('log'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://user:password@host:587 (or smtps://)')
    .optional(),
  MAIL_FROM: z.string().default('CRM <no-reply@localhost>'),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  RUN_WORKER: bool.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  SEED_DEMO: bool.default(true),
  DEMO_TEMPLATE: z.enum(['school', 'hospital', 'sales', 'blank']).default('school'),
  SERVE_WEB: bool.default(true),
});

export type Config = z.infer<typeof schema>;

/** Every setting's name, for `.env.example` and its test. */
export const SETTING_NAMES = Object.keys(schema.shape) as Array<keyof Config>;

/** Fastify's `trustProxy` from TRUST_PROXY: whose X-Forwarded-For to believe (client IPs for throttling and audit). */
export function trustProxyOption(value: string): boolean | string | ((address: string, hop: number) => boolean) {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value
    .split(',')
    .map((s) => s.trim())
    .join(',');
}

/** Reads settings from an env-like record; exits with a readable message naming each bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings (see .env.example):\n${lines.join('\n')}`);
  }
  if (parsed.data.MAIL_TRANSPORT === 'smtp' && !parsed.data.SMTP_URL) {
    throw new ConfigError('Invalid settings (see .env.example):\n  SMTP_URL: required when MAIL_TRANSPORT=smtp');
  }
  return parsed.data;
}

export class ConfigError extends Error {}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...schema.parse({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      RUN_WORKER: 'false',
      SEED_DEMO: 'false',
      SERVE_WEB: 'false',
    }),
    ...overrides,
  };
}
