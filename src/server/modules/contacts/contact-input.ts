import type { z } from 'zod';
import type { EmailInput, PhoneInput } from '../../../shared/contracts/contacts.js';
import { fieldError } from '../../http/errors.js';
import { parsePhone } from './phone-numbers.js';

export interface NormalizedEmail {
  email: string;
  label: string | null;
  isPrimary: boolean;
}
export interface NormalizedPhone {
  e164: string;
  raw: string;
  label: string | null;
  isPrimary: boolean;
}

/** Exactly one primary (the first flagged, else the first), placed first. */
function primaryFirst<T extends { isPrimary: boolean }>(items: T[]): T[] {
  const idx = Math.max(
    0,
    items.findIndex((i) => i.isPrimary),
  );
  const ordered = items.length ? [items[idx], ...items.filter((_, i) => i !== idx)] : [];
  return ordered.map((item, i) => ({ ...item, isPrimary: i === 0 }));
}

/** Lower-cased, de-duplicated emails with exactly one primary. */
export function normalizeEmails(input: Array<z.output<typeof EmailInput>>): NormalizedEmail[] {
  const seen = new Set<string>();
  const out: NormalizedEmail[] = [];
  for (const e of input) {
    if (seen.has(e.email)) continue;
    seen.add(e.email);
    out.push({ email: e.email, label: e.label ?? null, isPrimary: Boolean(e.isPrimary) });
  }
  return primaryFirst(out);
}

/** Phones in E.164 (parsed with the workspace region), de-duplicated, exactly one primary. */
export function normalizePhones(input: Array<z.output<typeof PhoneInput>>, region: string): NormalizedPhone[] {
  const seen = new Set<string>();
  const out: NormalizedPhone[] = [];
  input.forEach((p, i) => {
    const parsed = parsePhone(p.number, region);
    if (!parsed)
      throw fieldError(
        `phones.${i}.number`,
        `"${p.number}" is not a valid phone number (default region ${region}; add the country code, e.g. +62)`,
      );
    if (seen.has(parsed.e164)) return;
    seen.add(parsed.e164);
    out.push({ e164: parsed.e164, raw: p.number, label: p.label ?? null, isPrimary: Boolean(p.isPrimary) });
  });
  return primaryFirst(out);
}
