import pino, { type Logger } from 'pino';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// International (+62 812...) or local (0812-3456-7890) numbers, or 10+ bare digits; not IPs or dates.
const PHONE = /(?<![\w.:/-])(?:\+\d[\d\s()-]{6,}\d|0\d[\d\s()-]{7,}\d|\d{10,15})(?![\w.:/-])/g;
// A JSON string literal, escapes included.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/** Masks emails and phone numbers inside free text. */
export function redactText(text: string): string {
  return text
    .replace(EMAIL, (m) => `${m[0]}***@${m.split('@')[1]}`)
    .replace(PHONE, (m) => `${m.slice(0, 3)}******${m.slice(-2)}`);
}

/**
 * Masks inside the string literals of one serialized log line, after pino's serializers ran, so
 * error messages and stacks are covered too and numbers (timestamps, counts) are left alone.
 */
export function redactLogLine(line: string): string {
  return line.replace(JSON_STRING, (s) => redactText(s));
}

/** A destination that masks every line before handing it on. */
function maskingDestination(inner: pino.DestinationStream): pino.DestinationStream {
  return { write: (line: string) => inner.write(redactLogLine(line)) };
}

/** pino JSON logs; secrets are removed and emails/phones masked wherever they appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          'headers.authorization',
          'headers.cookie',
          'headers["x-csrf-token"]',
          '*.headers.authorization',
          '*.headers.cookie',
        ],
        censor: '[redacted]',
      },
      serializers: { err: pino.stdSerializers.err },
    },
    maskingDestination(destination ?? pino.destination(1)),
  );
}
