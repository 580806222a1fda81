/**
 * The consultations a report counts, each in the month it came in (office zone). Month-by-month
 * counts per channel (this year and last, for the charts and the year to date) come from one
 * grouped count per month over the (received_at, channel) index; whole tickets are loaded only for
 * the months a section reads row by row (the report month and the one before). At a million
 * tickets loading two years of rows cost most of the report's time (README "Performance").
 */
import { DateTime } from 'luxon';
import type { Tx } from '../../db/client.js';
import { channelCountsBetween, ticketsBetween, type TicketRow } from './service-report.repo.js';

export interface Ticket extends TicketRow {
  year: number;
  month: number;
}

export interface DeskData {
  /** Tickets received in (year, month). */
  of(year: number, month: number): Ticket[];
  /** Twelve counts of `year`, optionally of one channel only. */
  perMonth(year: number, channel?: string): number[];
  /** Every channel with a ticket in last year or this year up to the report month. */
  channelsSeen(): string[];
}

const utc = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true })!;

export function loadDeskData(tx: Tx, zone: string, year: number, month: number): DeskData {
  const monthStart = (y: number, m: number) => DateTime.fromObject({ year: y, month: m, day: 1 }, { zone });
  const loaded = new Map<string, Ticket[]>();
  const of = (y: number, m: number): Ticket[] => {
    const key = `${y}-${m}`;
    let list = loaded.get(key);
    if (!list) {
      const start = monthStart(y, m);
      list = ticketsBetween(tx, utc(start), utc(start.plus({ months: 1 }))).map((row) => ({ ...row, year: y, month: m }));
      loaded.set(key, list);
    }
    return list;
  };
  // Counts per (year, month, channel) from January of last year to the report month.
  const counts = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  const first = monthStart(year - 1, 1);
  for (let k = 0; k < 12 + month; k++) {
    const start = first.plus({ months: k });
    const byChannel = new Map<string, number>();
    for (const { channel, count } of channelCountsBetween(tx, utc(start), utc(start.plus({ months: 1 })))) {
      byChannel.set(channel, count);
      seen.add(channel);
    }
    counts.set(`${start.year}-${start.month}`, byChannel);
  }
  const countOf = (y: number, m: number, channel?: string): number => {
    const byChannel = counts.get(`${y}-${m}`);
    if (!byChannel) return 0;
    if (channel !== undefined) return byChannel.get(channel) ?? 0;
    let n = 0;
    for (const c of byChannel.values()) n += c;
    return n;
  };
  return {
    of,
    perMonth: (y, channel) => Array.from({ length: 12 }, (_, k) => countOf(y, k + 1, channel)),
    channelsSeen: () => [...seen],
  };
}
