// Dates as people type them in spreadsheets: ISO, 31/01/2026 (day first in Indonesia), 01/31/2026,
// 31-01-2026, 2026/01/31, "31 Januari 2026", "Jan 31, 2026", Excel serial numbers, with or without a time.

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

const MONTHS: Record<string, number> = {};
const NAMES = [
  ['january', 'januari', 'jan'],
  ['february', 'februari', 'feb', 'pebruari', 'peb'],
  ['march', 'maret', 'mar'],
  ['april', 'apr'],
  ['may', 'mei'],
  ['june', 'juni', 'jun'],
  ['july', 'juli', 'jul'],
  ['august', 'agustus', 'aug', 'agu', 'agt'],
  ['september', 'sept', 'sep'],
  ['october', 'oktober', 'oct', 'okt'],
  ['november', 'nopember', 'nov', 'nop'],
  ['december', 'desember', 'dec', 'des'],
];
NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null; // 31/02 and friends
  return `${y}-${pad(m)}-${pad(d)}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n + (n < 70 ? 2000 : 1900);
  return n;
}

/** Days since 1899-12-30 (Excel's serial dates), plausible range only. */
function fromExcelSerial(n: number): string | null {
  if (!(n > 0 && n < 2_958_466)) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD) from what a person typed, or null when it is not a real date. */
export function parseDate(raw: string, order: DateOrder): string | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), fullYear(m[3])];
    return order === 'mdy' ? isoDate(y, a, b) : isoDate(y, b, a);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$/.exec(s);
  if (m && MONTHS[m[2]]) return isoDate(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (m && MONTHS[m[1]]) return isoDate(Number(m[3]), MONTHS[m[1]], Number(m[2]));
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  // Google Contacts writes birthdays without a year as "--03-15"; a date needs a year here.
  return null;
}

/**
 * A moment (ISO-8601 UTC) from a date with an optional time ("31/01/2026 14:30", ISO with an
 * offset). Times without an offset are read in the workspace's UTC offset at that date.
 */
export function parseDateTime(
  raw: string,
  order: DateOrder,
  zoneOffsetMinutes: (isoDate: string) => number,
): string | null {
  const s = raw.trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const m = /^(.*?)[ t](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(s);
  const datePart = m ? m[1] : s;
  const date = parseDate(datePart, order);
  if (!date) return null;
  let hours = m ? Number(m[2]) : 0;
  const minutes = m ? Number(m[3]) : 0;
  const seconds = m?.[4] ? Number(m[4]) : 0;
  const meridiem = m?.[5]?.toLowerCase();
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const local = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hours,
    minutes,
    seconds,
  );
  return new Date(local - zoneOffsetMinutes(date) * 60_000).toISOString();
}

/** The UTC offset (minutes east) of a time zone on a date, from Intl. */
export function zoneOffsetOn(timeZone: string): (isoDate: string) => number {
  const cache = new Map<string, number>();
  // made on first use: building a formatter loads the zone's rules, and most files have no dates
  let fmt: Intl.DateTimeFormat | null = null;
  return (isoDate) => {
    const hit = cache.get(isoDate);
    if (hit !== undefined) return hit;
    fmt ??= new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const noon = new Date(`${isoDate}T12:00:00Z`);
    const parts = Object.fromEntries(fmt.formatToParts(noon).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
    );
    const offset = Math.round((asUtc - noon.getTime()) / 60_000);
    cache.set(isoDate, offset);
    return offset;
  };
}

/** The date order a workspace locale implies (en-US writes the month first; most others the day). */
export function dateOrderOf(locale: string, chosen: string): DateOrder {
  if (chosen === 'dmy' || chosen === 'mdy' || chosen === 'ymd') return chosen;
  return /^en-(US|PH)$/i.test(locale) ? 'mdy' : 'dmy';
}
