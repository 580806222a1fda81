/** The codes of a vocabulary (code → label), as the non-empty tuple zod and drizzle enums take. */
export function keysOf<T extends Record<string, string>>(o: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
}

/**
 * `value` as one of a vocabulary's codes, for values read from outside (an imported file) that
 * were already checked against it: a value outside it here is a bug, so it throws (the
 * database's CHECK would refuse it too).
 */
export function codeOf<T extends Record<string, string>>(vocabulary: T, value: string): keyof T & string {
  if (!Object.hasOwn(vocabulary, value)) throw new Error(`not a code of this vocabulary: ${JSON.stringify(value)}`);
  return value;
}

/** codeOf for a column that may be empty (null). */
export function codeOrNull<T extends Record<string, string>>(vocabulary: T, value: string | null): (keyof T & string) | null {
  return value === null ? null : codeOf(vocabulary, value);
}
