import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface ParsedPhone {
  e164: string;
  /** Digit strings a person might type to find this number: E.164, national with trunk prefix, national. */
  searchForms: string[];
}

/** Parses a number as typed, with the workspace's default region; null when it is not a valid number. */
export function parsePhone(raw: string, region: string): ParsedPhone | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), region as CountryCode);
  if (!parsed || !parsed.isValid()) return null;
  const e164 = parsed.number;
  const national = parsed.formatNational().replace(/\D/g, '');
  return { e164, searchForms: [...new Set([e164.slice(1), national, String(parsed.nationalNumber)])] };
}

/** Search forms of a stored E.164 number. */
export function phoneSearchForms(e164: string): string[] {
  return parsePhone(e164, 'US')?.searchForms ?? [e164.replace(/\D/g, '')];
}
