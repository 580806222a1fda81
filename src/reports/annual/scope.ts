/**
 * Whose report: the PPID Pelaksana scope of src/pelaksana (consolidated, the PPID Utama's own,
 * or one PPID Pelaksana's), the same one the rekapitulasi uses. A report is stored under a
 * stable text key: '' consolidated, 'utama' the Utama's own, 'unit:<id>' a Pelaksana's (the
 * unit id, so renaming a unit's code keeps its reports).
 */
import type { RequestScope } from '../../pelaksana/pelaksana.service.js';

export type ReportScope = RequestScope | undefined;

export function scopeKey(scope: ReportScope): string {
  if (!scope || scope.kind === 'all') return '';
  return scope.kind === 'utama' ? 'utama' : `unit:${scope.unitId}`;
}

/** The code that selects a scope on the pages (`?unit=`): '' for the consolidated one. */
export const scopeCode = (scope: ReportScope): string => (!scope || scope.kind === 'all' ? '' : scope.code);

/** `?unit=<code>` (or '' for the consolidated report), to append after the path. */
export const unitQuery = (scope: ReportScope, sep: '?' | '&' = '?'): string => {
  const code = scopeCode(scope);
  return code ? `${sep}unit=${encodeURIComponent(code)}` : '';
};
