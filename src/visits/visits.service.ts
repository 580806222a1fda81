/**
 * Use cases of visits (SOP 194): reserve, check in (which opens the visit's consultation ticket
 * on the desk, channel `visit`), record when the consultant met the guest, cancel, no-show.
 * One transaction each, with its audit entry on the visit.
 */
import { DateTime } from 'luxon';
import type { Db, Tx } from '../db/client.js';
import type { VisitRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, invalid, notFound, outdated } from '../shared/errors.js';
import { nowInstant, todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { getSettings } from '../settings/settings.repo.js';
import { logConsultation } from '../desk/desk.service.js';
import type { Channel } from '../desk/vocabulary.js';
import * as repo from './visits.repo.js';
import { regionAndTopicProblems, topicLabel, topicProblem } from './region-code.js';
import { regionDayProblem, reservationDayProblem, type VisitStatus } from './visit-rules.js';
import type { ReservationInput } from './visits.schemas.js';

interface UseCase<I> {
  db: Db;
  actor: Actor;
  zone: string;
  input: I;
}

/** People one region may bring on one day (setting, SOP 194 default 2). */
export function maxPeoplePerRegionDay(tx: Tx): number {
  return Number(getSettings(tx).visit_max_people_per_region_day) || 2;
}

export function getVisit(db: Tx, id: number): VisitRow {
  const v = repo.findVisit(db, id);
  if (!v) throw notFound('Kunjungan');
  return v;
}

export function reserveVisit({ db, actor, zone, input }: UseCase<ReservationInput>): VisitRow {
  return db.transaction((tx) => {
    const fields = regionAndTopicProblems(tx, input);
    if (Object.keys(fields).length) throw invalid(fields);
    const day = reservationDayProblem(input.plannedOn, todayIn(zone), loadCalendar(tx));
    if (day) throw invalid({ plannedOn: day }, day);
    const max = maxPeoplePerRegionDay(tx);
    const full = regionDayProblem({ reserved: repo.peopleReserved(tx, input.plannedOn, input.regionCode), people: input.people, max, regionCode: input.regionCode, plannedOn: input.plannedOn });
    if (full) throw invalid({ people: full }, full);
    const now = nowInstant();
    const row = repo.insertVisit(tx, { ...input, status: 'reserved', createdBy: actor.userId, createdAt: now, updatedAt: now });
    recordEvent(tx, actor, { action: 'visit.reserve', entityType: 'visit', entityId: row.id, summary: `Reservasi kunjungan ${row.plannedOn}, wilayah ${row.regionCode}, ${row.people} orang`, after: row });
    return row;
  });
}

function change(tx: Tx, v: VisitRow, values: Partial<repo.NewVisitRow>): VisitRow {
  const row = repo.updateVisitAtVersion(tx, v.id, v.version, { ...values, updatedAt: nowInstant() });
  if (!row) throw outdated();
  return row;
}

function expectStatus(v: VisitRow, ...allowed: VisitStatus[]): void {
  if (!allowed.includes(v.status as VisitStatus)) throw new AppError('conflict', 'Status kunjungan ini sudah berubah; muat ulang halamannya.');
}

const notFuture = (at: string, field: string) => {
  if (at > DateTime.utc().plus({ minutes: 5 }).toISO({ suppressMilliseconds: true })!) throw invalid({ [field]: 'Waktu tidak boleh di masa depan.' });
};

/**
 * The guest registered at the lobby. Opens the visit's consultation ticket (channel `visit`,
 * received at the check-in time) through the desk, where its question and answer are recorded.
 */
export function checkInVisit({ db, actor, zone, input, id }: UseCase<{ checkedInAt: string }> & { id: number }): VisitRow {
  return db.transaction((tx) => {
    const v = getVisit(tx, id);
    expectStatus(v, 'reserved');
    const day = DateTime.fromISO(input.checkedInAt).setZone(zone).toISODate();
    if (day !== v.plannedOn) throw invalid({ checkedInAt: `Reservasi ini untuk ${v.plannedOn}; waktu datang harus pada tanggal itu.` });
    notFuture(input.checkedInAt, 'checkedInAt');
    // The desk's use case opens its own transaction: inside this one it is a savepoint.
    const ticket = logConsultation({ db: tx as unknown as Db, actor, zone, input: {
      received_at: input.checkedInAt, channel: 'visit' satisfies Channel, category: 'question', topic: topicProblem(tx, v.topic) ? '' : v.topic,
      question: `Konsultasi tatap muka: ${topicLabel(tx, v.topic)}`, escalated: false,
      user: { name: v.guestNames.slice(0, 200), type: v.guestType as ReservationInput['guestType'], institution: v.institution, region_code: v.regionCode, email: v.email, phone: v.phone },
    } });
    const row = change(tx, v, { status: 'arrived', checkedInAt: input.checkedInAt, consultationId: ticket.id });
    recordEvent(tx, actor, { action: 'visit.check_in', entityType: 'visit', entityId: id, summary: `Tamu datang; konsultasi ${ticket.ticketNumber} dibuka`, before: { status: v.status }, after: { status: row.status, checkedInAt: row.checkedInAt, consultationId: ticket.id } });
    return row;
  });
}

export function recordMeeting({ db, actor, input, id }: UseCase<{ metAt: string }> & { id: number }): VisitRow {
  return db.transaction((tx) => {
    const v = getVisit(tx, id);
    expectStatus(v, 'arrived');
    if (input.metAt < v.checkedInAt!) throw invalid({ metAt: 'Waktu ditemui tidak boleh sebelum tamu datang.' });
    notFuture(input.metAt, 'metAt');
    const row = change(tx, v, { status: 'met', metAt: input.metAt });
    recordEvent(tx, actor, { action: 'visit.meet', entityType: 'visit', entityId: id, summary: 'Tamu ditemui konsultan', before: { status: v.status }, after: { status: row.status, metAt: row.metAt } });
    return row;
  });
}

export function cancelVisit({ db, actor, input, id }: UseCase<{ note: string }> & { id: number }): VisitRow {
  return db.transaction((tx) => {
    const v = getVisit(tx, id);
    expectStatus(v, 'reserved');
    const row = change(tx, v, { status: 'cancelled', cancelNote: input.note });
    recordEvent(tx, actor, { action: 'visit.cancel', entityType: 'visit', entityId: id, summary: `Reservasi dibatalkan: ${input.note}`, before: { status: v.status }, after: { status: row.status } });
    return row;
  });
}

/** The guest did not come: recorded on or after the planned day. */
export function markNoShow({ db, actor, zone, id }: { db: Db; actor: Actor; zone: string; id: number }): VisitRow {
  return db.transaction((tx) => {
    const v = getVisit(tx, id);
    expectStatus(v, 'reserved');
    if (v.plannedOn > todayIn(zone)) throw new AppError('conflict', `Kunjungan ini baru pada ${v.plannedOn}: "tidak datang" dicatat pada hari itu atau sesudahnya.`);
    const row = change(tx, v, { status: 'no_show' });
    recordEvent(tx, actor, { action: 'visit.no_show', entityType: 'visit', entityId: id, summary: 'Tamu tidak datang', before: { status: v.status }, after: { status: row.status } });
    return row;
  });
}

/** Reservations planned on one office-zone day (the reception's list). */
export function visitsOn(db: Tx, date: string): VisitRow[] {
  return repo.visitsBetween(db, date, DateTime.fromISO(date).plus({ days: 1 }).toISODate()!);
}

export interface MonthVisits {
  /** Visits that took place (the guest came). */
  held: number;
  people: number;
  cancelled: number;
  noShow: number;
  rows: { plannedOn: string; regionCode: string; institution: string; guestNames: string; people: number; topic: string; topicLabel: string; status: string; consultationId: number | null }[];
}

/** Visits planned in a month, for the monthly report: counts and the visits that took place. */
export function visitsIn(db: Tx, year: number, month: number): MonthVisits {
  const start = DateTime.fromObject({ year, month, day: 1 });
  const all = repo.visitsBetween(db, start.toISODate()!, start.plus({ months: 1 }).toISODate()!);
  const held = all.filter((v) => v.status === 'arrived' || v.status === 'met');
  return {
    held: held.length,
    people: held.reduce((n, v) => n + v.people, 0),
    cancelled: all.filter((v) => v.status === 'cancelled').length,
    noShow: all.filter((v) => v.status === 'no_show').length,
    rows: held.map((v) => ({ plannedOn: v.plannedOn, regionCode: v.regionCode, institution: v.institution, guestNames: v.guestNames, people: v.people, topic: v.topic, topicLabel: topicLabel(db, v.topic), status: v.status, consultationId: v.consultationId })),
  };
}
