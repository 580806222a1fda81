/**
 * Use cases of video conferences (SOP 195): record the letter's request with its plan, record
 * the call as held (which opens its consultation ticket on the desk, channel
 * `video_conference`, where the BAK is made), add the recording link, cancel. One transaction
 * each, with its audit entry.
 */
import { DateTime } from 'luxon';
import type { Db, Tx } from '../db/client.js';
import type { VideoConferenceRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, invalid, notFound, outdated } from '../shared/errors.js';
import { nowInstant, todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { findUnitByCode, listUnits } from '../units/units.service.js';
import { logConsultation } from '../desk/desk.service.js';
import * as repo from './video.repo.js';
import { regionAndTopicProblems, topicLabel, topicProblem } from './region-code.js';
import { planningProblem, type VideoStatus } from './video-rules.js';
import type { VideoRequestInput } from './video.schemas.js';

interface UseCase<I> {
  db: Db;
  actor: Actor;
  zone: string;
  input: I;
}

export function getVideoConference(db: Tx, id: number): VideoConferenceRow {
  const v = repo.findVideoConference(db, id);
  if (!v) throw notFound('Konferensi video');
  return v;
}

export function requestVideoConference({ db, actor, zone, input }: UseCase<VideoRequestInput>): VideoConferenceRow {
  return db.transaction((tx) => {
    const fields = regionAndTopicProblems(tx, input);
    const unit = findUnitByCode(tx, input.unitCode);
    if (!unit) fields.unitCode = 'Unit tidak dikenal.';
    else if (!unit.active) fields.unitCode = `Unit ${unit.code} tidak aktif. Pilih unit lain.`;
    const today = todayIn(zone);
    if (input.letterReceivedOn > today) fields.letterReceivedOn = 'Tanggal diterima tidak boleh di masa depan.';
    const plannedOn = DateTime.fromISO(input.plannedAt).setZone(zone).toISODate()!;
    const plan = planningProblem({ receivedOn: input.letterReceivedOn, plannedOn, network: input.network, lateReason: input.lateReason, cal: loadCalendar(tx) });
    if (plan) fields.plannedAt = plan;
    if (Object.keys(fields).length) throw invalid(fields, fields.plannedAt ?? undefined);
    const now = nowInstant();
    const { unitCode: _code, ...values } = input;
    const row = repo.insertVideoConference(tx, { ...values, unitId: unit!.id, status: 'planned', createdBy: actor.userId, createdAt: now, updatedAt: now });
    recordEvent(tx, actor, { action: 'video_conference.create', entityType: 'video_conference', entityId: row.id,
      summary: `Konferensi video surat ${row.letterNumber}, wilayah ${row.regionCode}, unit ${unit!.code}${row.lateReason ? ` (melewati batas SOP: ${row.lateReason})` : ''}`, after: row });
    return row;
  });
}

function change(tx: Tx, v: VideoConferenceRow, values: Partial<repo.NewVideoConferenceRow>): VideoConferenceRow {
  const row = repo.updateVideoConferenceAtVersion(tx, v.id, v.version, { ...values, updatedAt: nowInstant() });
  if (!row) throw outdated();
  return row;
}

function expectStatus(v: VideoConferenceRow, ...allowed: VideoStatus[]): void {
  if (!allowed.includes(v.status as VideoStatus)) throw new AppError('conflict', 'Status konferensi video ini sudah berubah; muat ulang halamannya.');
}

/** The call took place: its consultation ticket (channel `video_conference`) is opened on the desk. */
export function holdVideoConference({ db, actor, zone, input, id }: UseCase<{ heldAt: string; recordingUrl: string }> & { id: number }): VideoConferenceRow {
  return db.transaction((tx) => {
    const v = getVideoConference(tx, id);
    expectStatus(v, 'planned');
    if (input.heldAt > DateTime.utc().plus({ minutes: 5 }).toISO({ suppressMilliseconds: true })!) throw invalid({ heldAt: 'Waktu pelaksanaan tidak boleh di masa depan.' });
    if (DateTime.fromISO(input.heldAt).setZone(zone).toISODate()! < v.letterReceivedOn) throw invalid({ heldAt: 'Waktu pelaksanaan tidak boleh sebelum surat diterima.' });
    const unit = listUnits(tx).find((u) => u.id === v.unitId);
    // The desk's use case opens its own transaction: inside this one it is a savepoint.
    const ticket = logConsultation({ db: tx as unknown as Db, actor, zone, input: {
      received_at: input.heldAt, channel: 'video_conference', category: 'question', topic: topicProblem(tx, v.topic) ? '' : v.topic,
      question: `Konferensi video (surat ${v.letterNumber}${unit ? `, unit ${unit.code}` : ''}): ${topicLabel(tx, v.topic)}`.slice(0, 5000), escalated: false,
      user: { name: v.institution, type: 'local_government', institution: v.institution, region_code: v.regionCode, email: '', phone: '' },
    } });
    const row = change(tx, v, { status: 'held', heldAt: input.heldAt, recordingUrl: input.recordingUrl, consultationId: ticket.id });
    recordEvent(tx, actor, { action: 'video_conference.hold', entityType: 'video_conference', entityId: id, summary: `Dilaksanakan; konsultasi ${ticket.ticketNumber} dibuka`,
      before: { status: v.status }, after: { status: row.status, heldAt: row.heldAt, recordingUrl: row.recordingUrl, consultationId: ticket.id } });
    return row;
  });
}

export function setRecording({ db, actor, input, id }: UseCase<{ recordingUrl: string }> & { id: number }): VideoConferenceRow {
  return db.transaction((tx) => {
    const v = getVideoConference(tx, id);
    expectStatus(v, 'held');
    const row = change(tx, v, { recordingUrl: input.recordingUrl });
    recordEvent(tx, actor, { action: 'video_conference.hold', entityType: 'video_conference', entityId: id, summary: 'Tautan rekaman dicatat', before: { recordingUrl: v.recordingUrl }, after: { recordingUrl: row.recordingUrl } });
    return row;
  });
}

export function cancelVideoConference({ db, actor, input, id }: UseCase<{ note: string }> & { id: number }): VideoConferenceRow {
  return db.transaction((tx) => {
    const v = getVideoConference(tx, id);
    expectStatus(v, 'planned');
    const row = change(tx, v, { status: 'cancelled', cancelNote: input.note });
    recordEvent(tx, actor, { action: 'video_conference.cancel', entityType: 'video_conference', entityId: id, summary: `Dibatalkan: ${input.note}`, before: { status: v.status }, after: { status: row.status } });
    return row;
  });
}

const monthRange = (year: number, month: number, zone: string) => {
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone });
  return [start, start.plus({ months: 1 })].map((d) => d.toUTC().toISO({ suppressMilliseconds: true })!) as [string, string];
};

/** Calls planned in a month (office zone), for the list page. */
export function videoConferencesPlannedIn(db: Tx, zone: string, year: number, month: number): VideoConferenceRow[] {
  return repo.videoConferencesPlanned(db, ...monthRange(year, month, zone));
}

export interface MonthVideoConferences {
  count: number;
  /** Held beyond the SOP's planning limit (with a recorded reason). */
  late: number;
  rows: { date: string; regionCode: string; institution: string; topic: string; topicLabel: string; unitCode: string; network: string; recordingUrl: string; consultationId: number | null; lateReason: string }[];
}

/** Calls held in a month (office zone), for the monthly report: date, region, topic. */
export function videoConferencesIn(db: Tx, year: number, month: number, zone = 'Asia/Jakarta'): MonthVideoConferences {
  const units = new Map(listUnits(db).map((u) => [u.id, u.code]));
  const held = repo.videoConferencesHeld(db, ...monthRange(year, month, zone));
  return {
    count: held.length,
    late: held.filter((v) => v.lateReason).length,
    rows: held.map((v) => ({
      date: DateTime.fromISO(v.heldAt!).setZone(zone).toISODate()!, regionCode: v.regionCode, institution: v.institution, topic: v.topic, topicLabel: topicLabel(db, v.topic),
      unitCode: units.get(v.unitId) ?? '', network: v.network, recordingUrl: v.recordingUrl, consultationId: v.consultationId, lateReason: v.lateReason,
    })),
  };
}
