/**
 * Per-unit figures for a period (issue 15.4): dispositions received and answered, the median and
 * 90th percentile of working days to answer, the share answered by the internal due date, and
 * the open ones overdue now. Dispositions recalled or moved to another unit do not count for
 * the unit they left; a voided request counts nowhere.
 */
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import type { DispositionRow, UnitRow } from '../db/schema.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import { DUE_SOON_WORKING_DAYS } from '../requests/deadlines.js';
import { median, percentile, type Histogram } from '../recap/recap.js';
import * as repo from './dispositions.repo.js';
import { listUnits } from './units.repo.js';
import { daysToAnswer } from './internal-due.js';

export interface UnitFigures {
  unit: Pick<UnitRow, 'id' | 'code' | 'name' | 'kind' | 'active'>;
  received: number;
  answered: number;
  medianDays: number | null;
  p90Days: number | null;
  /** Answered on or before the internal due date, of those answered. */
  onTime: number;
  onTimePct: number | null;
  overdueNow: number;
}

/** The first and last day of a year, or of one month of it. */
export function periodOf(year: number, month?: number): { from: string; to: string } {
  const start = DateTime.fromObject({ year, month: month ?? 1, day: 1 }, { zone: 'utc' });
  const end = month ? start.endOf('month') : start.endOf('year');
  return { from: start.toISODate()!, to: end.toISODate()! };
}

function histogramOf(days: number[]): Histogram {
  const counts = new Map<number, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([d, count]) => ({ days: d, count }));
}

/** Pure: the figures of each unit from the period's dispositions and the overdue counts. */
export function computeUnitFigures(
  units: readonly UnitRow[],
  rows: readonly Pick<DispositionRow, 'unitId' | 'sentOn' | 'dueOn' | 'answeredOn' | 'status'>[],
  overdueNow: ReadonlyMap<number, number>,
  cal: WorkingCalendar,
): UnitFigures[] {
  return units.map((u) => {
    const mine = rows.filter((r) => r.unitId === u.id);
    const answered = mine.filter((r) => r.status === 'answered' && r.answeredOn);
    const onTime = answered.filter((r) => r.answeredOn! <= r.dueOn).length;
    const hist = histogramOf(answered.map((r) => daysToAnswer(r.sentOn, r.answeredOn!, cal)));
    return {
      unit: { id: u.id, code: u.code, name: u.name, kind: u.kind, active: u.active },
      received: mine.length,
      answered: answered.length,
      medianDays: median(hist),
      p90Days: percentile(hist, 90),
      onTime,
      onTimePct: answered.length ? Math.round((onTime / answered.length) * 1000) / 10 : null,
      overdueNow: overdueNow.get(u.id) ?? 0,
    };
  });
}

/**
 * The figures of every unit for a year or a month, fastest first (by median, then 90th
 * percentile); units with nothing in the period and nothing overdue are left out.
 */
export function unitStats(db: Db, zone: string, year: number, month?: number): { from: string; to: string; units: UnitFigures[] } {
  const { from, to } = periodOf(year, month);
  const cal = loadCalendar(db);
  const today = todayIn(zone);
  const overdue = new Map(repo.queueCounts(db, today, addWorkingDays(today, DUE_SOON_WORKING_DAYS, cal)).map((c) => [c.unitId, c.overdue ?? 0]));
  const figures = computeUnitFigures(listUnits(db), repo.dispositionsSentBetween(db, from, to), overdue, cal)
    .filter((f) => f.received > 0 || f.overdueNow > 0)
    .sort((a, b) => (a.medianDays ?? Infinity) - (b.medianDays ?? Infinity) || (a.p90Days ?? Infinity) - (b.p90Days ?? Infinity) || a.unit.code.localeCompare(b.unit.code));
  return { from, to, units: figures };
}
