/**
 * The staff's scheduled messages: the daily digest (at the set hour, on working days only, in
 * the office zone, per person: what in their queue is due soon or overdue) and the supervisors'
 * weekly summary (on the first working day of the week). Both are idempotent: the event key
 * names the person and the day (or ISO week), so running this every tick, or again after a
 * restart, queues each digest once.
 *
 * Queues: an officer's is the open register (requests are not assigned to one officer); a
 * supervisor's adds the unanswered objections, which only they answer.
 */
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { addWorkingDays, DUE_SOON_WORKING_DAYS, isWorkingDay } from '../calendar/working-days.js';
import { formatDate } from '../shared/dates.js';
import { enqueueMessage } from './enqueue.js';
import { openObjectionsDueBy, openRequestsDueBy, outboxOfEvent, subscribers, weekFigures, type DueItem } from './messages.repo.js';

export interface ScheduleOptions {
  zone: string;
  /** Hour of the day (office zone, 0–23) from which the daily digest goes out. */
  digestHour: number;
}

/** Queues the digests due at `now`; returns how many messages were queued. */
export function runSchedules(db: Db, now: DateTime, opts: ScheduleOptions): number {
  const local = now.setZone(opts.zone);
  if (local.hour < opts.digestHour) return 0;
  const today = local.toISODate()!;
  const cal = loadCalendar(db);
  if (!isWorkingDay(today, cal)) return 0;
  return dailyDigests(db, today, addWorkingDays(today, DUE_SOON_WORKING_DAYS, cal)) + weeklySummaries(db, local, cal);
}

function line(item: DueItem, today: string): string {
  const what = item.what === 'request' ? 'Permohonan' : 'Keberatan';
  return `- ${what} ${item.number}: tenggat ${formatDate(item.dueOn)}${item.dueOn < today ? ' (LEWAT)' : ''}`;
}

function dailyDigests(db: Db, today: string, dueSoonUntil: string): number {
  let queued = 0;
  const people = subscribers(db, 'dailyDigest', ['officer', 'supervisor']);
  if (!people.length) return 0;
  const requestItems = openRequestsDueBy(db, dueSoonUntil);
  const objectionItems = openObjectionsDueBy(db, dueSoonUntil);
  for (const p of people) {
    const event = `digest:daily:${today}:user:${p.userId}`;
    if (outboxOfEvent(db, `${event}:email`)) continue;
    const items = p.role === 'supervisor' ? [...requestItems, ...objectionItems] : requestItems;
    if (!items.length) continue;
    const overdue = items.filter((i) => i.dueOn < today);
    const soon = items.filter((i) => i.dueOn >= today);
    queued += db.transaction((tx) =>
      enqueueMessage(tx, {
        kind: 'staff.daily_digest', event, to: { name: p.displayName, email: p.email }, userId: p.userId,
        values: {
          nama_petugas: p.displayName, tanggal: formatDate(today), jumlah_segera: String(soon.length), jumlah_lewat: String(overdue.length),
          daftar: [...overdue, ...soon].map((i) => line(i, today)).join('\n'),
        },
      }).length,
    );
  }
  return queued;
}

function weeklySummaries(db: Db, local: DateTime, cal: ReturnType<typeof loadCalendar>): number {
  // The first working day of the ISO week: no working day before today since Monday.
  const monday = local.startOf('week');
  for (let d = monday; d.toISODate()! < local.toISODate()!; d = d.plus({ days: 1 })) {
    if (isWorkingDay(d.toISODate()!, cal)) return 0;
  }
  const week = `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
  const people = subscribers(db, 'weeklySummary', ['supervisor']);
  if (!people.length) return 0;
  const from = monday.minus({ weeks: 1 }).toISODate()!;
  const to = monday.toISODate()!;
  const f = weekFigures(db, from, to, local.toISODate()!);
  let queued = 0;
  for (const p of people) {
    const event = `digest:weekly:${week}:user:${p.userId}`;
    if (outboxOfEvent(db, `${event}:email`)) continue;
    queued += db.transaction((tx) =>
      enqueueMessage(tx, {
        kind: 'staff.weekly_summary', event, to: { name: p.displayName, email: p.email }, userId: p.userId,
        values: {
          nama_petugas: p.displayName, minggu: `${formatDate(from)} – ${formatDate(monday.minus({ days: 1 }).toISODate()!)}`,
          masuk: String(f.received), diputus: String(f.decided), terbuka: String(f.open), lewat: String(f.overdue), keberatan_terbuka: String(f.openObjections),
        },
      }).length,
    );
  }
  return queued;
}
