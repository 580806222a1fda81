import { AppError } from './errors.js';

/**
 * Services name fields in the domain's camelCase; the API speaks snake_case. Runs `fn` and
 * renames the fields of a refusal with `names`.
 */
export function renameFields<T>(names: Record<string, string>, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && Object.keys(e.fields).length) {
      const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [names[k] ?? k, v]));
      throw new AppError(e.code, e.userMessage, fields);
    }
    throw e;
  }
}
