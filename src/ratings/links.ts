/**
 * One-time rating links. A link is made inside the transaction that answers a consultation or
 * decides a request (one call: `createRatingLink(tx, …)`), expires after "rating.link_days" days
 * and is spent by the first rating.
 *
 * The token: 256 bits, HMAC-SHA256 under the key kept outside the database (the audit key,
 * domain-separated) of a random 256-bit nonce. Only the nonce and sha256(token) are stored, so a
 * copy of the database holds no usable link, while the app can still show the requester the link
 * on the status page later.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { auditKeyOf, type Tx } from '../db/client.js';
import type { RatingLinkRow } from '../db/schema.js';
import { nowInstant } from '../shared/dates.js';
import { messagingOptions } from '../messages/enqueue.js';
import * as repo from './ratings.repo.js';
import type { SubjectType } from './vocabulary.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const keyOf = (tx: object, purpose: string) => crypto.createHmac('sha256', auditKeyOf(tx)).update(`ppid:${purpose}`).digest();

export function tokenOf(tx: object, link: Pick<RatingLinkRow, 'nonce'>): string {
  return crypto.createHmac('sha256', keyOf(tx, 'rating-link')).update(link.nonce).digest('base64url');
}

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * The user as the survey counts them: e-mail (lower case), else phone (digits, 0… → 62…), else
 * name (lower case, single spaces); a keyed hash, so it is never readable.
 */
export function userKeyOf(tx: object, who: { email: string; phone: string; name: string }): string {
  const email = who.email.trim().toLowerCase();
  const digits = who.phone.replace(/\D/g, '').replace(/^0/, '62');
  const name = who.name.trim().toLowerCase().replace(/\s+/g, ' ');
  const id = email ? `e:${email}` : digits ? `p:${digits}` : `n:${name}`;
  return crypto.createHmac('sha256', keyOf(tx, 'rating-user')).update(id).digest('hex');
}

export type LinkSubject = { type: 'consultation'; id: number } | { type: 'request'; id: number; agentUserId: number | null };

/**
 * Makes the subject's rating link, once: a second call (a corrected decision) keeps the first.
 * Call it inside the answering / deciding transaction.
 */
export function createRatingLink(tx: Tx, subject: LinkSubject): void {
  if (repo.findLinkOf(tx, subject.type, subject.id)) return;
  const row = subject.type === 'consultation' ? repo.consultationForLink(tx, subject.id) : repo.requestForLink(tx, subject.id);
  if (!row) return;
  const days = Number(repo.readRatingSettings(tx)['rating.link_days']) || 14;
  const nonce = crypto.randomBytes(32).toString('hex');
  const now = nowInstant();
  repo.insertLink(tx, {
    subjectType: subject.type,
    consultationId: subject.type === 'consultation' ? subject.id : null,
    requestId: subject.type === 'request' ? subject.id : null,
    nonce,
    tokenHash: hashToken(tokenOf(tx, { nonce })),
    agentUserId: subject.type === 'consultation' ? ('agentUserId' in row ? row.agentUserId : null) : subject.agentUserId,
    unitId: 'unitId' in row ? row.unitId : null,
    userKey: userKeyOf(tx, row),
    createdAt: now,
    expiresAt: DateTime.fromISO(now).plus({ days }).toUTC().toISO({ suppressMilliseconds: true })!,
  });
}

export type LinkState = 'open' | 'used' | 'expired';

export function stateOf(link: RatingLinkRow, now = DateTime.now()): LinkState {
  if (link.usedAt) return 'used';
  return now.toMillis() >= DateTime.fromISO(link.expiresAt).toMillis() ? 'expired' : 'open';
}

/** The link a token opens, or undefined (a malformed or unknown token). */
export function linkForToken(tx: Tx, token: string): RatingLinkRow | undefined {
  if (!TOKEN.test(token)) return undefined;
  const link = repo.findLinkByHash(tx, hashToken(token));
  // Constant-time re-check against the derived token (the hash lookup already matched).
  if (!link || !crypto.timingSafeEqual(Buffer.from(tokenOf(tx, link)), Buffer.from(token))) return undefined;
  return link;
}

export const ratingPath = (token: string) => `/penilaian/${token}`;

/** The subject's rating link (absolute, PPID_PUBLIC_URL) with its state, or null when it has none. */
export function ratingLinkOf(tx: Tx, type: SubjectType, id: number): { url: string; path: string; state: LinkState; expiresAt: string } | null {
  const link = repo.findLinkOf(tx, type, id);
  if (!link) return null;
  const path = ratingPath(tokenOf(tx, link));
  return { url: `${messagingOptions(tx).baseUrl}${path}`, path, state: stateOf(link), expiresAt: link.expiresAt };
}

/** For an API's JSON: the URL while the link can still be used, else null. */
export function ratingUrl(tx: Tx, type: SubjectType, id: number): string | null {
  const l = ratingLinkOf(tx, type, id);
  return l && l.state === 'open' ? l.url : null;
}
