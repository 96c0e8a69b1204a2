import type { Rng } from './prng.js';

/**
 * Phone numbers as people type them (mixed local formats) together with what the app stores: the
 * E.164 form libphonenumber derives with the workspace's region (ID), and the digit strings the
 * search document indexes. The self-check in the smoke test compares both with the app's parser.
 */
export interface GeneratedPhone {
  raw: string;
  e164: string;
  searchForms: string[];
}

// Indonesian mobile prefixes (after the trunk 0): Telkomsel, Indosat, XL, Axis, Three, Smartfren.
const ID_MOBILE = [
  '811',
  '812',
  '813',
  '821',
  '822',
  '823',
  '851',
  '852',
  '853',
  '814',
  '815',
  '816',
  '855',
  '856',
  '857',
  '858',
  '817',
  '818',
  '819',
  '859',
  '877',
  '878',
  '831',
  '832',
  '838',
  '895',
  '896',
  '897',
  '898',
  '899',
  '881',
  '882',
  '887',
  '888',
];

function groups(s: string, sizes: number[], sep: string): string {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    if (at >= s.length) break;
    out.push(s.slice(at, at + n));
    at += n;
  }
  if (at < s.length) out[out.length - 1] += s.slice(at);
  return out.join(sep);
}

function indonesian(rng: Rng): GeneratedPhone {
  const national = rng.pick(ID_MOBILE) + rng.digits(rng.chance(0.8) ? 8 : 7);
  const local = `0${national}`;
  const raw = rng.weighted<() => string>([
    [() => groups(local, [4, 4, 4], '-'), 30],
    [() => groups(local, [4, 4, 4], ' '), 20],
    [() => local, 20],
    [() => `+62 ${groups(national, [3, 4, 4], '-')}`, 12],
    [() => `+62${national}`, 10],
    [() => `(${local.slice(0, 4)}) ${local.slice(4)}`, 8],
  ])();
  return { raw, e164: `+62${national}`, searchForms: [`62${national}`, local, national] };
}

function foreign(rng: Rng): GeneratedPhone {
  const kind = rng.weighted([
    ['sg', 4],
    ['au', 3],
    ['us', 3],
  ] as const);
  if (kind === 'sg') {
    const national = String(rng.int(81, 98)) + rng.digits(6);
    return {
      raw: `+65 ${national.slice(0, 4)} ${national.slice(4)}`,
      e164: `+65${national}`,
      searchForms: [`65${national}`, national],
    };
  }
  if (kind === 'au') {
    const national = `4${rng.int(0, 3)}${rng.digits(7)}`;
    return {
      raw: `+61 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
      e164: `+61${national}`,
      searchForms: [`61${national}`, `0${national}`, national],
    };
  }
  const national = `${rng.pick(['212', '415', '646', '617', '206', '312'])}${rng.int(2, 9)}${rng.digits(2)}${rng.digits(4)}`;
  return {
    raw: `+1 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
    e164: `+1${national}`,
    searchForms: [`1${national}`, national],
  };
}

/** A phone for a person: Indonesian mobiles mostly; expatriate families sometimes keep a home number. */
export function generatePhone(rng: Rng, isExpat: boolean): GeneratedPhone {
  return isExpat && rng.chance(0.4) ? foreign(rng) : indonesian(rng);
}
