/** The property-based tests run on a known seed and say how to replay a failure. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PROPERTY_SEED, propertySeed, propertySeedFrom, replayHint } from '../helpers/property-seed.js';

describe('fast-check seed', () => {
  it('when PPID_FC_SEED is unset, then the seed is fixed; an integer is used as given; "random" draws one; anything else is refused', () => {
    expect(propertySeedFrom(undefined)).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeedFrom('')).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeedFrom('12345')).toBe(12345);
    expect(propertySeedFrom('-7')).toBe(-7);
    expect(propertySeedFrom('random', () => 0.5)).toBe(Math.floor(0.5 * 0x7fffffff));
    expect(() => propertySeedFrom('abc')).toThrow(/PPID_FC_SEED/);
  });

  it('when a property runs, then it uses the configured seed, so two runs draw the same values', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed);
    const draw = () => fc.sample(fc.integer(), 5);
    expect(draw()).toEqual(draw());
    expect(replayHint).toContain(`PPID_FC_SEED=${propertySeed}`);
  });
});
