import pino, { type Logger } from 'pino';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// International (+62 812...) or local (0812-3456-7890) numbers, or 10+ bare digits; not IPs or dates.
const PHONE = /(?<![\w.:/-])(?:\+\d[\d\s()-]{6,}\d|0\d[\d\s()-]{7,}\d|\d{10,15})(?![\w.:/-])/g;

/** Masks emails and phone numbers inside free text. */
export function redactText(text: string): string {
  return text.replace(EMAIL, (m) => `${m[0]}***@${m.split('@')[1]}`).replace(PHONE, (m) => `${m.slice(0, 3)}******${m.slice(-2)}`);
}

function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 5 || !value || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, depth + 1)]));
}

/** pino JSON logs; secrets are removed and emails/phones masked wherever they appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['password', '*.password', 'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.token', 'token', 'headers.authorization', 'headers["x-csrf-token"]'],
        censor: '[redacted]',
      },
      formatters: { log: (obj) => redactDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>;
          return method.apply(this, masked);
        },
      },
    },
    destination,
  );
}
