/**
 * A question that is a data request becomes a PPID request in one step (issue 16.6): the
 * request is prefilled from the ticket, received on the consultation's date (office zone), so
 * it gets its number, receipt and 10-working-day clock; the two are linked both ways. One
 * transaction with its audit entries; a ticket is converted at most once. Registering a request
 * is the PPID officer's act (`request.write`: officers and supervisors); an agent hands the
 * ticket over to them.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { ConsultationRow, RequestRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, notFound } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { registerRequest } from '../requests/requests.service.js';
import type { IntakeInput } from '../requests/requests.schemas.js';
import * as deskRepo from './desk.repo.js';
import * as repo from './flows.repo.js';

/** Desk channel → the register's channel. */
const CHANNEL: Record<string, string> = {
  whatsapp: 'whatsapp', phone: 'phone', email: 'email', portal: 'website', live_chat: 'website', visit: 'walk_in', video_conference: 'other', letter: 'letter',
};
/** Desk user type → the register's requester category. */
const CATEGORY: Record<string, string> = { local_government: 'local_government', ministry_agency: 'ministry_agency', academic: 'academic', other: 'other' };

/** The day the consultation came in, in the office zone: the request's received date. */
export const receivedOnOf = (c: ConsultationRow, zone: string) => DateTime.fromISO(c.receivedAt).setZone(zone).toISODate()!;

/** The intake form prefilled from the ticket (the form's camelCase names, as strings). */
export function prefill(c: ConsultationRow, zone: string): Record<string, string> {
  return {
    receivedOn: receivedOnOf(c, zone), channel: CHANNEL[c.channel] ?? 'other',
    requesterName: c.userName, requesterIdNumber: '', requesterAddress: '', requesterPhone: c.userPhone, requesterEmail: c.userEmail,
    requesterOccupation: c.userInstitution, requesterType: 'individual', requesterCategory: CATEGORY[c.userType] ?? 'other', proxyName: '',
    informationRequested: c.question, purpose: '', obtainMethod: 'softcopy', deliveryMethod: c.userEmail ? 'email' : 'pickup', requesterNoContact: '',
  };
}

/** The same prefill in the API's snake_case shape (what the API body is laid over). */
export function apiPrefill(c: ConsultationRow, zone: string): Record<string, unknown> {
  const p = prefill(c, zone);
  return {
    received_on: p.receivedOn, channel: p.channel,
    requester: { name: p.requesterName, id_number: '', address: '', phone: p.requesterPhone, email: p.requesterEmail, occupation: p.requesterOccupation, type: p.requesterType, category: p.requesterCategory, proxy_name: '' },
    information_requested: p.informationRequested, purpose: '', obtain_method: p.obtainMethod, delivery_method: p.deliveryMethod,
  };
}

/** The API body: what completes or corrects the prefill (types checked by the request schema after the merge). */
const loose = z.unknown().optional();
export const apiConvertSchema = z.strictObject({
  received_on: z.never({ error: 'Tanggal diterima mengikuti tanggal konsultasi masuk (zona kantor); jangan dikirim.' }).optional(),
  channel: loose, information_requested: loose, purpose: loose, obtain_method: loose, delivery_method: loose,
  requester: z.strictObject({ name: loose, id_number: loose, address: loose, phone: loose, email: loose, occupation: loose, type: loose, category: loose, proxy_name: loose, no_contact: loose }).optional(),
});

/** Lays the API body over the prefill (requester merged field by field). */
export function mergeApiBody(c: ConsultationRow, zone: string, body: z.infer<typeof apiConvertSchema>): Record<string, unknown> {
  const base = apiPrefill(c, zone);
  const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const { requester, received_on: _fixed, ...rest } = body;
  return { ...base, ...defined(rest), requester: { ...(base.requester as object), ...defined(requester ?? {}) } };
}

export function consultationOrThrow(db: Db, id: number): ConsultationRow {
  const c = deskRepo.findConsultation(db, id);
  if (!c) throw notFound('Konsultasi');
  return c;
}

const alreadyConverted = (number: string) => new AppError('conflict', `Konsultasi ini sudah dijadikan permohonan informasi ${number}; tidak dapat dijadikan permohonan lagi.`);

/** Refuses a ticket already converted (before the form is even shown). */
export function refuseIfConverted(db: Db, id: number): void {
  const done = repo.conversionOf(db, id);
  if (done) throw alreadyConverted(done.number);
}

export function convertConsultation({ db, actor, zone, id, input }: { db: Db; actor: Actor; zone: string; id: number; input: IntakeInput }): RequestRow {
  return db.transaction((tx) => {
    const c = deskRepo.findConsultation(tx, id);
    if (!c) throw notFound('Konsultasi');
    const done = repo.conversionOf(tx, id);
    if (done) throw alreadyConverted(done.number);
    // registerRequest opens a savepoint inside this transaction: the request, the link and both
    // audit entries are written together or not at all.
    const request = registerRequest({ db: tx as unknown as Db, actor, zone, input: { ...input, receivedOn: receivedOnOf(c, zone) } });
    repo.insertConversion(tx, { consultationId: c.id, requestId: request.id, convertedAt: nowInstant(), convertedBy: actor.userId });
    recordEvent(tx, actor, {
      action: 'consultation.convert', entityType: 'consultation', entityId: c.id,
      summary: `Dijadikan permohonan informasi ${request.registrationNumber}`, after: { requestId: request.id, registrationNumber: request.registrationNumber },
    });
    return request;
  });
}

export const conversionOf = (db: Db, id: number) => repo.conversionOf(db, id);
export const conversionOfRequest = (db: Db, requestId: number) => repo.conversionOfRequest(db, requestId);
