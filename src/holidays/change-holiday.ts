/**
 * The admin changes the holiday table (hari libur nasional, cuti bersama): each change re-derives,
 * in the same transaction, every deadline that counts the day (UU 14/2008 Pasal 22 counts working
 * days, so stored due dates, service days and objection windows follow the calendar). A use case
 * above calendar/, requests/ and objections/, so that none of them imports another upwards.
 */
import type { Db, Tx } from '../db/client.js';
import type { HolidayRow } from '../db/schema.js';
import type { HolidayKind } from '../calendar/working-days.js';
import * as repo from '../calendar/holidays.repo.js';
import { HOLIDAY_KINDS } from '../calendar/holidays.service.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, notFound } from '../shared/errors.js';
import { formatLongDate } from '../shared/dates.js';
import type { HolidayInput } from './holidays.schemas.js';
import { describeRecomputed, recomputeDeadlinesFor, type Recomputed } from './recompute-deadlines.js';

export interface HolidayChange {
  /** The entry as it is now; for a removal, as it was. */
  holiday: HolidayRow;
  /** How many requests got a new due date or service-day count. */
  recalculated: Recomputed;
}

interface UseCase {
  db: Db;
  actor: Actor;
  /** The office zone: where a desk ticket's day begins and ends. */
  zone: string;
}

const describe = (h: Pick<HolidayRow, 'date' | 'kind' | 'name'>) =>
  `${formatLongDate(h.date)} — ${h.name} (${HOLIDAY_KINDS[h.kind as HolidayKind] ?? h.kind})`;
const snapshot = (h: HolidayRow) => ({ date: h.date, kind: h.kind, name: h.name });
const recalculatedNote = (c: Recomputed) => (describeRecomputed(c) ? `; ${describeRecomputed(c)} dihitung ulang` : '');

function refuseDuplicate(tx: Tx, input: HolidayInput, exceptId?: number): void {
  if (repo.findSameHoliday(tx, input.date, input.name, exceptId)) {
    throw new AppError('conflict', 'Hari libur ini sudah tercatat.', {
      name: `Sudah ada "${input.name}" pada ${formatLongDate(input.date)}.`,
    });
  }
}

/**
 * Adds a non-working day and re-derives the deadlines it touches (UU 14/2008 Pasal 22 counts
 * working days, so every stored due date and service-day count follows the calendar).
 */
export function addHoliday({ db, actor, zone, input }: UseCase & { input: HolidayInput }): HolidayChange {
  return db.transaction((tx) => {
    refuseDuplicate(tx, input);
    const holiday = repo.insertHoliday(tx, { date: input.date, kind: input.kind, name: input.name });
    const recalculated = recomputeDeadlinesFor(tx, [holiday.date], zone);
    recordEvent(tx, actor, {
      action: 'holiday.create', entityType: 'holiday', entityId: holiday.id,
      summary: `Hari libur ditambahkan: ${describe(holiday)}${recalculatedNote(recalculated)}`,
      after: snapshot(holiday),
    });
    return { holiday, recalculated };
  });
}

/** Corrects an entry (date, kind or name); deadlines around both the old and the new date follow. */
export function updateHoliday({ db, actor, zone, id, input }: UseCase & { id: number; input: HolidayInput }): HolidayChange {
  return db.transaction((tx) => {
    const before = repo.findHoliday(tx, id);
    if (!before) throw notFound('Hari libur');
    if (before.date === input.date && before.kind === input.kind && before.name === input.name) {
      return { holiday: before, recalculated: { requests: 0, objections: 0, consultations: 0 } };
    }
    refuseDuplicate(tx, input, id);
    const holiday = repo.updateHoliday(tx, id, { date: input.date, kind: input.kind, name: input.name });
    const recalculated = recomputeDeadlinesFor(tx, [...new Set([before.date, holiday.date])], zone);
    recordEvent(tx, actor, {
      action: 'holiday.update', entityType: 'holiday', entityId: id,
      summary: `Hari libur diubah: ${describe(before)} → ${describe(holiday)}${recalculatedNote(recalculated)}`,
      before: snapshot(before),
      after: snapshot(holiday),
    });
    return { holiday, recalculated };
  });
}

/** Removes an entry; the day becomes a working day again unless it is a weekend or listed twice. */
export function removeHoliday({ db, actor, zone, id }: UseCase & { id: number }): HolidayChange {
  return db.transaction((tx) => {
    const before = repo.findHoliday(tx, id);
    if (!before) throw notFound('Hari libur');
    repo.deleteHoliday(tx, id);
    const recalculated = recomputeDeadlinesFor(tx, [before.date], zone);
    recordEvent(tx, actor, {
      action: 'holiday.delete', entityType: 'holiday', entityId: id,
      summary: `Hari libur dihapus: ${describe(before)}${recalculatedNote(recalculated)}`,
      before: snapshot(before),
    });
    return { holiday: before, recalculated };
  });
}
