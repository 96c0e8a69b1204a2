import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/server/modules/contacts/phone-numbers.js';
import { generatePerson } from '../../bench/generate/people.js';
import { generatePhone } from '../../bench/generate/phones.js';
import { planFor, parseScale } from '../../bench/generate/plan.js';
import { Rng, uuidv7At } from '../../bench/generate/prng.js';

describe('benchmark data generator', () => {
  it('is deterministic: the same seed gives the same people and numbers', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 50 }, () => ({
        person: generatePerson(rng),
        phone: generatePhone(rng, rng.chance(0.3)).raw,
      }));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('writes phones as the app would store them: the E.164 and search forms its parser derives (workspace region ID)', () => {
    const rng = new Rng(11);
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const p = generatePhone(rng, i % 3 === 0);
      const parsed = parsePhone(p.raw, 'ID');
      if (parsed?.e164 !== p.e164 || JSON.stringify(parsed.searchForms) !== JSON.stringify(p.searchForms))
        mismatches.push(`${p.raw} -> ${JSON.stringify(parsed)}, generated ${p.e164}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('makes time-ordered UUIDv7 ids like the app', () => {
    const rng = new Rng(1);
    const a = uuidv7At(Date.UTC(2025, 0, 1), rng);
    const b = uuidv7At(Date.UTC(2025, 0, 2), rng);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('sizes the workspace from the scale, with one heavy timeline at a tenth of the contacts', () => {
    expect(parseScale('1m')).toBe(1_000_000);
    expect(parseScale('100k')).toBe(100_000);
    expect(() => parseScale('lots')).toThrow(/--scale/);
    expect(planFor('1m')).toMatchObject({
      contacts: 1_000_000,
      funnelDeals: 1_000_000,
      tasks: 1_000_000,
      heavyContactEvents: 100_000,
    });
  });
});
