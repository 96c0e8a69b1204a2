import { useMemo } from 'react';
import { useSessionQuery } from './session';
import { currencyDigits, fromMinorUnits, toMinorUnits } from '../../shared/money.js';

export { currencyDigits, fromMinorUnits, toMinorUnits };

export interface FormatSettings {
  /** BCP 47 tag, e.g. 'id-ID'. */
  locale: string;
  timeZone: string;
  currency: string;
}

const LOCALE_TAGS: Record<string, string> = { en: 'en-US', id: 'id-ID' };

export function toLocaleTag(locale: string): string {
  return LOCALE_TAGS[locale] ?? locale;
}

function safeTimeZone(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export function formatDate(
  iso: string | null | undefined,
  s: FormatSettings,
  style: 'date' | 'datetime' | 'time' = 'date',
): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const options: Intl.DateTimeFormatOptions = { timeZone: safeTimeZone(s.timeZone) };
  if (style !== 'time') Object.assign(options, { year: 'numeric', month: 'short', day: 'numeric' });
  if (style !== 'date') Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  return new Intl.DateTimeFormat(s.locale, options).format(d);
}

/** "3 minutes ago", "in 2 days"; falls back to the date for anything older than a month. */
export function formatRelative(iso: string | null | undefined, s: FormatSettings, now: Date = new Date()): string {
  if (!iso) return '';
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(s.locale, { numeric: 'auto' });
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return formatDate(iso, s);
}

/** Money is stored as integer minor units (cents); whole amounts print without decimals. */
export function formatMoney(minorUnits: number | null | undefined, s: FormatSettings, currency = s.currency): string {
  if (minorUnits === null || minorUnits === undefined) return '';
  const digits = currencyDigits(currency);
  const amount = fromMinorUnits(minorUnits, currency);
  const isWhole = Number.isInteger(amount);
  try {
    return new Intl.NumberFormat(s.locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: isWhole ? 0 : digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatNumber(
  value: number | null | undefined,
  s: FormatSettings,
  options?: Intl.NumberFormatOptions,
): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(s.locale, options).format(value);
}

/** Formatting bound to the current workspace's locale, time zone and currency. */
export function useFormat() {
  const { data } = useSessionQuery();
  const locale = toLocaleTag(data?.workspace.locale ?? 'en');
  const timeZone = data?.workspace.timezone ?? 'UTC';
  const currency = data?.workspace.currency ?? 'USD';
  return useMemo(() => {
    const settings: FormatSettings = { locale, timeZone, currency };
    return {
      settings,
      date: (iso: string | null | undefined) => formatDate(iso, settings, 'date'),
      dateTime: (iso: string | null | undefined) => formatDate(iso, settings, 'datetime'),
      time: (iso: string | null | undefined) => formatDate(iso, settings, 'time'),
      relative: (iso: string | null | undefined) => formatRelative(iso, settings),
      money: (minor: number | null | undefined, currency?: string) => formatMoney(minor, settings, currency),
      number: (value: number | null | undefined, options?: Intl.NumberFormatOptions) =>
        formatNumber(value, settings, options),
    };
    // Recomputed only when the workspace's formatting settings change.
  }, [locale, timeZone, currency]);
}

/** Minutes the zone is ahead of UTC at a given instant (Asia/Jakarta: 420). */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant) / 60_000);
}

/** The instant a calendar day ('2026-01-31') starts in a time zone, as an ISO string; addDays shifts the day. */
export function zonedDayStart(day: string, timeZone: string, addDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays);
  const zone = safeTimeZone(timeZone) ?? 'UTC';
  const first = guess - zoneOffsetMinutes(guess, zone) * 60_000;
  // A second pass settles days whose offset differs from the guess's (daylight-saving changes).
  return new Date(guess - zoneOffsetMinutes(first, zone) * 60_000).toISOString();
}
