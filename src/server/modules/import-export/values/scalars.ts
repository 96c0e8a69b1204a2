// Cell text to typed values, the way English and Indonesian spreadsheets write them.

const TRUE = new Set(['true', 'yes', 'y', '1', 'ya', 'iya', 'benar', 'x', '✓', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', 'tidak', 'tdk', 'bukan', 'salah', 'off', '-']);

/** true / false, or undefined when the text is neither. */
export function parseBoolean(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/**
 * A number written with thousands separators and a decimal comma or point: "1.500.000",
 * "1,500,000.50", "1.500,5", "Rp 2.000.000", "12,5%". Undefined when it is not a number.
 */
export function parseNumber(raw: string): number | undefined {
  let s = raw
    .trim()
    .replace(/^(rp\.?|idr|usd|eur|sgd|myr|\$|€|£)\s*/i, '')
    .replace(/\s*(%|,-|\.-)$/, '')
    .replace(/[\s\u00a0']/g, '');
  if (!s) return undefined;
  const negative = /^\(.*\)$/.test(s) || s.startsWith('-');
  s = s.replace(/^[(-]|\)$/g, '');
  if (!/^[\d.,]+$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // both: the later one is the decimal mark
    normalized = lastDot > lastComma ? s.replace(/,/g, '') : s.replace(/\./g, '').replace(',', '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const parts = s.split(mark);
    // one mark followed by exactly three digits, or several marks: thousands separators
    const isThousands =
      parts.length > 2 || (parts.length === 2 && parts[1].length === 3 && parts[0].length <= 3 && parts[0] !== '0');
    normalized = isThousands ? parts.join('') : parts.join('.');
  } else {
    normalized = s;
  }
  if (!/^\d+(\.\d+)?$/.test(normalized)) return undefined;
  const n = Number(normalized);
  return Number.isFinite(n) ? (negative ? -n : n) : undefined;
}

/** Money in minor units of a currency ("Rp 1.500.000" -> 150000000 for IDR's two digits). */
export function parseMoney(raw: string, fractionDigits: number): number | undefined {
  const n = parseNumber(raw);
  if (n === undefined) return undefined;
  const minor = Math.round(n * 10 ** fractionDigits);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

export { currencyDigits } from '../../../../shared/money.js';

/**
 * Several values in one cell: "a, b; c", Google's "a ::: b", line breaks. Google's system
 * groups (myContacts, starred) are dropped, and its "* " marker removed.
 */
export function splitList(raw: string): string[] {
  return raw
    .split(/\s*(?::::|[;,\n|])\s*/)
    .map((s) => s.replace(/^\*\s*/, '').trim())
    .filter((s) => s && !/^(mycontacts|starred)$/i.test(s));
}

/** Phone cells may hold several numbers ("0812... / 0813...", Google's " ::: "). */
export function splitPhones(raw: string): string[] {
  return raw
    .split(/\s*(?::::|[;,\n]|\s\/\s)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const GENDERS: Record<string, string> = {
  f: 'female',
  female: 'female',
  perempuan: 'female',
  wanita: 'female',
  p: 'female',
  w: 'female',
  woman: 'female',
  m: 'male',
  male: 'male',
  'laki-laki': 'male',
  lakilaki: 'male',
  pria: 'male',
  l: 'male',
  man: 'male',
  other: 'other',
  lainnya: 'other',
  undisclosed: 'undisclosed',
};

export function parseGender(raw: string): string | undefined {
  return GENDERS[raw.trim().toLowerCase()];
}

/** Lower-case letters and digits only: how headers and choice labels are compared. */
export function looseKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
