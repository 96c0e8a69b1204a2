import { fromMinorUnits } from '../../../lib/format';

/** "Rp 45 jt", "$1.2M": money short enough for a column header. */
export function compactMoney(minorUnits: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(fromMinorUnits(minorUnits, currency));
  } catch {
    return String(fromMinorUnits(minorUnits, currency));
  }
}
