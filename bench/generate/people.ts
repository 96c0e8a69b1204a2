import type { Rng } from './prng.js';
import * as v from './vocabulary.js';

export interface Person {
  firstName: string;
  lastName: string | null;
  gender: 'female' | 'male';
  isExpat: boolean;
  language: 'id' | 'en';
}

/** A parent: mostly Indonesian names (some with a middle name, some single names), some English. */
export function generatePerson(rng: Rng): Person {
  const gender = rng.chance(0.55) ? 'female' : 'male';
  if (rng.chance(0.12)) {
    const first = rng.pick(gender === 'female' ? v.EN_FIRST_FEMALE : v.EN_FIRST_MALE);
    return { firstName: first, lastName: rng.pick(v.EN_LAST), gender, isExpat: true, language: 'en' };
  }
  const firsts = gender === 'female' ? v.ID_FIRST_FEMALE : v.ID_FIRST_MALE;
  let first = rng.pick(firsts);
  if (rng.chance(0.3)) first = `${first} ${rng.pick(firsts)}`;
  // many Javanese names are a single name; the last name is then empty
  const last = rng.chance(0.08) ? null : rng.pick(v.ID_LAST);
  return { firstName: first, lastName: last, gender, isExpat: false, language: 'id' };
}

/** An email as people pick them: name parts, initials, a year or a number; a few share a family address. */
export function emailFor(rng: Rng, p: Person, n: number): string {
  const parts = `${p.firstName} ${p.lastName ?? ''}`
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .split(/\s+/);
  const first = parts[0];
  const last = parts[parts.length - 1];
  const local = rng.weighted<() => string>([
    [() => `${first}.${last}`, 30],
    [() => `${first}${last}${rng.int(70, 99)}`, 20],
    [() => `${first}_${last[0]}${rng.int(1, 999)}`, 20],
    [() => `${first}${rng.int(1960, 2005)}`, 15],
    [() => `${first[0]}${last}${n % 1000}`, 15],
  ])();
  return `${local}${n % 7 === 0 ? n : ''}@${rng.weighted(v.EMAIL_DOMAINS)}`;
}

export function addressFor(rng: Rng) {
  const [city, region] = rng.pick(v.CITIES);
  return {
    line1: `${rng.pick(v.STREETS)} No. ${rng.int(1, 250)}`,
    city,
    region,
    postalCode: String(rng.int(10110, 99999)),
    country: 'ID',
  };
}

export function birthdayFor(rng: Rng): string {
  const y = rng.int(1965, 1995);
  return `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** A company name such as "PT Sinar Harapan Nusantara". */
export function companyName(rng: Rng): string {
  const prefix = rng.pick(v.COMPANY_PREFIXES);
  const words = [
    rng.pick(v.COMPANY_WORDS),
    rng.pick(v.COMPANY_WORDS),
    ...(rng.chance(0.5) ? [rng.pick(v.COMPANY_WORDS)] : []),
  ];
  return `${prefix} ${words.join(' ')}`;
}
