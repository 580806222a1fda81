/**
 * Whose report: the whole office (no scope), or one PPID Pelaksana (a unit id). The scope is
 * stored on a report as text: '' for the office, "unit:ID" for a unit.
 */
export type ReportScope = { unitId: number } | undefined;

export function scopeKey(scope: ReportScope): string {
  return scope ? `unit:${scope.unitId}` : '';
}

export function scopeOf(key: string): ReportScope {
  const m = /^unit:(\d{1,12})$/.exec(key);
  return m ? { unitId: Number(m[1]) } : undefined;
}
