/**
 * Use cases of the satisfaction survey: a requester rates (once per link), a supervisor marks a
 * comment as followed up, an agent sends the link, an admin sets the survey. One transaction each,
 * with its audit entry. Nothing here shows the user's identity to the agent being rated.
 */
import type { Db } from '../db/client.js';
import type { RatingRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, invalid, notFound } from '../shared/errors.js';
import { formatInstant, nowInstant } from '../shared/dates.js';
import { enqueueMessage } from '../messages/enqueue.js';
import { getSettings } from '../settings/settings.repo.js';
import * as repo from './ratings.repo.js';
import { linkForToken, ratingLinkOf, stateOf } from './links.js';
import type { RatingInput, RatingSettingsInput } from './ratings.schemas.js';
import type { SubjectType } from './vocabulary.js';

export interface RatingSettings {
  linkDays: number;
  scaleMax: number;
  target: number;
  minCount: number;
  minUsers: number;
}

export function ratingSettings(db: Parameters<typeof repo.readRatingSettings>[0]): RatingSettings {
  const s = repo.readRatingSettings(db);
  return {
    linkDays: Number(s['rating.link_days']), scaleMax: Number(s['rating.scale_max']), target: Number(s['rating.target']),
    minCount: Number(s['rating.min_count']), minUsers: Number(s['rating.min_users']),
  };
}

/** Why a token cannot be used: unknown (404), expired (410), used (409). */
export function refusalOf(state: 'unknown' | 'expired' | 'used'): AppError {
  if (state === 'used') return new AppError('conflict', 'Tautan penilaian ini sudah digunakan. Terima kasih atas penilaian Anda.');
  if (state === 'expired') return new AppError('gone', 'Tautan penilaian ini sudah kedaluwarsa.');
  return new AppError('not_found', 'Tautan penilaian tidak ditemukan.');
}

/** What the public form needs to know about a token (or throws its refusal). */
export function openRating(db: Db, token: string): { subjectType: SubjectType; scaleMax: number } {
  const link = linkForToken(db, token);
  if (!link) throw refusalOf('unknown');
  const state = stateOf(link);
  if (state !== 'open') throw refusalOf(state);
  return { subjectType: link.subjectType as SubjectType, scaleMax: ratingSettings(db).scaleMax };
}

/**
 * The rating, once per link: the link is spent and the rating written in one transaction; a
 * second use (or two at once) is refused with 409, an expired link with 410, an unknown one 404.
 */
export function submitRating({ db, actor, token, input, source }: { db: Db; actor: Actor; token: string; input: RatingInput; source: 'web' | 'api' }): RatingRow {
  return db.transaction((tx) => {
    const link = linkForToken(tx, token);
    if (!link) throw refusalOf('unknown');
    const state = stateOf(link);
    if (state !== 'open') throw refusalOf(state);
    const { scaleMax } = ratingSettings(tx);
    const fields: Record<string, string> = {};
    if (input.service > scaleMax) fields.service = `Nilai 1–${scaleMax}.`;
    if (input.substance > scaleMax) fields.substance = `Nilai 1–${scaleMax}.`;
    if (Object.keys(fields).length) throw invalid(fields);
    const at = nowInstant();
    if (!repo.spendLink(tx, link.id, at)) throw refusalOf('used');
    const row = repo.insertRating(tx, {
      linkId: link.id, service: input.service, substance: input.substance, scaleMax, comment: input.comment,
      skm: input.skm ? JSON.stringify(input.skm) : null,
      ageBand: input.profile.ageBand, sex: input.profile.sex, education: input.profile.education, occupation: input.profile.occupation,
      source, submittedAt: at,
    });
    // The audit entry names the link, never the user.
    recordEvent(tx, actor, { action: 'rating.submit', entityType: 'rating', entityId: row.id, summary: `Penilaian diterima (${source === 'api' ? 'API' : 'formulir'})` });
    return row;
  });
}

/** A supervisor marks a comment as followed up (once); the rating itself stays as given. */
export function followUpRating({ db, actor, id, note }: { db: Db; actor: Actor; id: number; note: string }): void {
  db.transaction((tx) => {
    const r = repo.findRating(tx, id);
    if (!r || !r.comment) throw notFound('Komentar');
    if (!repo.markFollowedUp(tx, id, actor.userId, note, nowInstant())) throw new AppError('conflict', 'Komentar ini sudah ditandai ditindaklanjuti.');
    recordEvent(tx, actor, { action: 'rating.follow_up', entityType: 'rating', entityId: id, summary: `Komentar penilaian ditindaklanjuti${note ? `: ${note}` : ''}`, before: { followedUp: false }, after: { followedUp: true, note } });
  });
}

/**
 * Queues the link to the user (message kind "rating.invite", e-mail and, with a gateway,
 * WhatsApp). Refused when the link is spent or expired, or the user left no address.
 */
export function sendRatingLink({ db, actor, type, id, zone }: { db: Db; actor: Actor; type: SubjectType; id: number; zone: string }): number {
  return db.transaction((tx) => {
    const link = ratingLinkOf(tx, type, id);
    if (!link) throw notFound('Tautan penilaian');
    if (link.state !== 'open') throw new AppError('conflict', 'Tautan penilaian sudah tidak berlaku (sudah digunakan atau kedaluwarsa).');
    const who = type === 'consultation' ? repo.consultationForLink(tx, id) : repo.requestForLink(tx, id);
    if (!who) throw notFound();
    if (who.email === '' && who.phone === '') throw invalid({ _: 'Pengguna tidak meninggalkan e-mail atau nomor telepon.' });
    if ('noContact' in who && who.noContact === 'yes') throw invalid({ _: 'Pemohon tidak ingin dihubungi.' });
    const rows = enqueueMessage(tx, {
      kind: 'rating.invite', event: `${type}:${id}:rating:${Date.now()}`,
      to: { name: who.name, email: who.email || undefined, phone: who.phone || undefined },
      values: { nama: who.name, nomor: who.number, tautan: link.url, berlaku_sampai: formatInstant(link.expiresAt, zone), instansi: getSettings(tx).office_name },
      requestId: type === 'request' ? id : null,
    });
    if (rows.length === 0) throw invalid({ _: 'Tidak ada saluran untuk mengirim: isi e-mail pengguna, atau atur gateway WhatsApp.' });
    recordEvent(tx, actor, { action: 'rating.send', entityType: type, entityId: id, summary: `Tautan penilaian dikirim (${rows.map((r) => r.channel).join(', ')})` });
    return rows.length;
  });
}

export function updateRatingSettings({ db, actor, input }: { db: Db; actor: Actor; input: RatingSettingsInput }): void {
  db.transaction((tx) => {
    const before = repo.readRatingSettings(tx);
    const after: Record<repo.RatingSettingKey, string> = {
      'rating.link_days': String(input.link_days), 'rating.scale_max': String(input.scale_max), 'rating.target': String(input.target),
      'rating.min_count': String(input.min_count), 'rating.min_users': String(input.min_users),
    };
    const changed = (Object.keys(after) as repo.RatingSettingKey[]).filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return;
    for (const k of changed) repo.writeRatingSetting(tx, k, after[k]);
    recordEvent(tx, actor, {
      action: 'rating.settings', entityType: 'settings', summary: `Pengaturan penilaian diubah: ${changed.join(', ')}`,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  });
}
