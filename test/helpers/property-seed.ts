/**
 * One seed for the property-based tests (fast-check), so a run is repeatable and a failure can
 * be replayed. Default: a fixed seed (every run, CI included, tries the same inputs). Another
 * seed: `PPID_FC_SEED=<integer> npx vitest run test/security`; a fresh one each run:
 * `PPID_FC_SEED=random` (the failure message names the seed it used).
 */
import fc from 'fast-check';

export const DEFAULT_PROPERTY_SEED = 20261130;

/** The seed from PPID_FC_SEED: an integer, `random`, or unset (the default). Anything else is an error. */
export function propertySeedFrom(value: string | undefined, random: () => number = Math.random): number {
  if (value === undefined || value === '') return DEFAULT_PROPERTY_SEED;
  if (value === 'random') return Math.floor(random() * 0x7fffffff);
  if (/^-?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value) | 0;
  throw new Error(`PPID_FC_SEED must be an integer or "random", not "${value}"`);
}

export const propertySeed = propertySeedFrom(process.env.PPID_FC_SEED);

/** How to replay a failed property: printed with every failure. */
export const replayHint = `fast-check seed ${propertySeed}: replay with PPID_FC_SEED=${propertySeed}`;

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: propertySeed });
