import { parsePhone } from './phone-numbers.js';

// Phone parsing for imports. parsePhone (libphonenumber with full metadata) is exact but costs tens
// of microseconds a number, which alone would cap an import far below its target. Numbers written
// with digits and punctuation only are grouped by "shape" (region, digit count, leading digits):
// the first number of a shape is parsed for real, and how it turned into E.164 (which leading
// characters went, which country code came in front) is replayed for the rest of that shape. A
// shape whose parse cannot be replayed exactly is marked so and always parsed in full.

const PUNCTUATED_DIGITS = /^\+?[\d\s().\-/]+$/;
const SHAPE_PREFIX = 7;

interface ShapeRule {
  /** null: the shape is not a valid number; 'full': always parse in full. */
  kind: 'valid' | 'invalid' | 'full';
  drop?: number;
  countryCode?: string;
  /** Digits written before the national number in national format (the trunk prefix, e.g. 0). */
  trunk?: string;
}

export interface BulkParsedPhone {
  e164: string;
  searchForms: string[];
}

export class PhoneParser {
  private readonly shapes = new Map<string, ShapeRule>();

  constructor(private readonly region: string) {}

  /** E.164 and search forms of a number as typed, or null when it is not a valid number. */
  parse(raw: string): BulkParsedPhone | null {
    const text = raw.trim();
    if (!PUNCTUATED_DIGITS.test(text)) return fullParse(text, this.region);
    const digits = (text.startsWith('+') ? '+' : '') + text.replace(/\D/g, '');
    const shape = `${digits.length}|${digits.slice(0, SHAPE_PREFIX)}`;
    const rule = this.shapes.get(shape);
    if (rule?.kind === 'invalid') return null;
    if (rule?.kind === 'valid') return replay(digits, rule);
    const parsed = fullParse(text, this.region);
    if (!rule) this.shapes.set(shape, learn(digits, parsed));
    return parsed;
  }
}

function fullParse(text: string, region: string): BulkParsedPhone | null {
  const parsed = parsePhone(text, region);
  return parsed ? { e164: parsed.e164, searchForms: parsed.searchForms } : null;
}

function replay(digits: string, rule: ShapeRule): BulkParsedPhone {
  const national = digits.slice(rule.drop);
  const e164 = `+${rule.countryCode}${national}`;
  return { e164, searchForms: [...new Set([e164.slice(1), `${rule.trunk}${national}`, national])] };
}

/** How this parse turned the typed digits into E.164, if it can be replayed exactly. */
function learn(digits: string, parsed: BulkParsedPhone | null): ShapeRule {
  if (!parsed) return { kind: 'invalid' };
  const [e164Digits, nationalWithTrunk, national] = [
    parsed.e164.slice(1),
    parsed.searchForms[1] ?? '',
    parsed.searchForms[parsed.searchForms.length - 1],
  ];
  const countryCode = e164Digits.slice(0, e164Digits.length - national.length);
  const drop = digits.length - national.length;
  const trunk = nationalWithTrunk.endsWith(national)
    ? nationalWithTrunk.slice(0, nationalWithTrunk.length - national.length)
    : '';
  const rule: ShapeRule = { kind: 'valid', drop, countryCode, trunk };
  const replayed = drop >= 0 && digits.slice(drop) === national ? replay(digits, rule) : null;
  const isExact =
    replayed !== null && replayed.e164 === parsed.e164 && replayed.searchForms.join() === parsed.searchForms.join();
  return isExact ? rule : { kind: 'full' };
}
