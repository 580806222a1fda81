/**
 * The consultations a report counts: every ticket of last year and of this year up to the end of
 * the report month, each in the month it came in (office zone).
 */
import { DateTime } from 'luxon';
import type { Tx } from '../../db/client.js';
import { ticketsBetween, type TicketRow } from './service-report.repo.js';

export interface Ticket extends TicketRow {
  year: number;
  month: number;
}

export interface DeskData {
  /** Tickets received in (year, month); empty outside the loaded range. */
  of(year: number, month: number): Ticket[];
  /** Twelve counts of `year`, optionally of the tickets that pass `keep`. */
  perMonth(year: number, keep?: (t: Ticket) => boolean): number[];
}

const utc = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true })!;

export function loadDeskData(tx: Tx, zone: string, year: number, month: number): DeskData {
  // Month starts as UTC instants: a ticket's month is found by text comparison, no parsing.
  const starts: { year: number; month: number; at: string }[] = [];
  const first = DateTime.fromObject({ year: year - 1, month: 1, day: 1 }, { zone });
  // Months from January of last year to the report month, and the start of the month after it.
  for (let k = 0; k <= 12 + month; k++) {
    const d = first.plus({ months: k });
    starts.push({ year: d.year, month: d.month, at: utc(d) });
  }
  const buckets = new Map<string, Ticket[]>();
  let i = 0;
  for (const row of ticketsBetween(tx, starts[0].at, starts[starts.length - 1].at)) {
    while (row.receivedAt >= starts[i + 1].at) i++;
    const key = `${starts[i].year}-${starts[i].month}`;
    const list = buckets.get(key) ?? [];
    list.push({ ...row, year: starts[i].year, month: starts[i].month });
    buckets.set(key, list);
  }
  const of = (y: number, m: number) => buckets.get(`${y}-${m}`) ?? [];
  return {
    of,
    perMonth: (y, keep) => Array.from({ length: 12 }, (_, k) => (keep ? of(y, k + 1).filter(keep).length : of(y, k + 1).length)),
  };
}
