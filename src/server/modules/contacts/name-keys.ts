import { searchTokens } from '../../db/search.js';

/** The display name from its parts. */
export function fullNameOf(firstName: string, lastName: string | null | undefined): string {
  return [firstName, lastName ?? '']
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}

/** Case-, accent- and order-insensitive form of a name: "Rahma, Siti" and "siti rahma" agree. */
export function nameKey(fullName: string): string {
  return searchTokens(fullName).sort().join(' ');
}

// Spelling variants common in Indonesian names (old and new spelling, transliterations).
const VARIANTS: Array<[RegExp, string]> = [
  [/oe/g, 'u'],
  [/dj/g, 'j'],
  [/tj/g, 'c'],
  [/sj/g, 'sy'],
  [/ch/g, 'kh'],
  [/ph/g, 'f'],
  [/y/g, 'i'],
  [/o/g, 'u'],
];

function skeletonToken(token: string): string {
  let s = token;
  for (const [from, to] of VARIANTS) s = s.replace(from, to);
  if (s.length > 3) s = s.replace(/([aeiu])h$/, '$1');
  return s.replace(/(.)\1+/g, '$1');
}

/**
 * A spelling-tolerant key for "similar name" duplicate matches: "Siti Rahmah" ~ "siti rahma",
 * "Mohammad" ~ "Muhamad". Null for one-word names, which alone say too little to flag a duplicate.
 */
export function nameSkeleton(fullName: string): string | null {
  const tokens = searchTokens(fullName).map(skeletonToken).filter(Boolean);
  if (tokens.length < 2) return null;
  return tokens.sort().join(' ');
}
