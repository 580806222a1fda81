/** SQL of the satisfaction survey: links, ratings, their settings and the month's rows. */
import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { perConnection, type Tx } from '../db/client.js';
import { consultations, ratingLinks, ratings, requests, settings, units, users, type RatingLinkRow, type RatingRow } from '../db/schema.js';

/** Settings of the survey, stored in the settings table under "rating.*" (admin: /admin/penilaian). */
export const RATING_DEFAULTS = {
  /** Days a link stays usable after it is made. */
  'rating.link_days': '14',
  /** Top of the two-factor scale (1..max). */
  'rating.scale_max': '5',
  /** Target average per factor (3.5 in the 2020 reports). */
  'rating.target': '3.5',
  /** An agent's month counts with at least this many ratings … */
  'rating.min_count': '5',
  /** … from at least this many distinct users. */
  'rating.min_users': '5',
} as const;
export type RatingSettingKey = keyof typeof RATING_DEFAULTS;

export function readRatingSettings(tx: Tx): Record<RatingSettingKey, string> {
  const out: Record<RatingSettingKey, string> = { ...RATING_DEFAULTS };
  for (const row of tx.select().from(settings).where(sql`${settings.key} like 'rating.%'`).all()) {
    if (Object.hasOwn(RATING_DEFAULTS, row.key)) out[row.key as RatingSettingKey] = row.value;
  }
  return out;
}

export function writeRatingSetting(tx: Tx, key: RatingSettingKey, value: string): void {
  tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export function consultationForLink(tx: Tx, id: number) {
  return tx.select({ id: consultations.id, number: consultations.ticketNumber, name: consultations.userName, email: consultations.userEmail, phone: consultations.userPhone, agentUserId: consultations.answeredBy, unitId: consultations.escalatedUnitId })
    .from(consultations).where(eq(consultations.id, id)).get();
}

export function requestForLink(tx: Tx, id: number) {
  return tx.select({ id: requests.id, number: requests.registrationNumber, name: requests.requesterName, email: requests.requesterEmail, phone: requests.requesterPhone, noContact: requests.requesterNoContact })
    .from(requests).where(eq(requests.id, id)).get();
}

/** A request's or a ticket's rating link (every API answer about one asks). */
export function findLinkOf(tx: Tx, type: 'consultation' | 'request', id: number): RatingLinkRow | undefined {
  return perConnection(tx, type === 'consultation' ? linkOfConsultation : linkOfRequest).get({ id });
}
const linkOfConsultation = (tx: Tx) => tx.select().from(ratingLinks).where(eq(ratingLinks.consultationId, sql.placeholder('id'))).prepare();
const linkOfRequest = (tx: Tx) => tx.select().from(ratingLinks).where(eq(ratingLinks.requestId, sql.placeholder('id'))).prepare();

export function insertLink(tx: Tx, values: typeof ratingLinks.$inferInsert): void {
  tx.insert(ratingLinks).values(values).onConflictDoNothing().run();
}

export function findLinkByHash(tx: Tx, tokenHash: string): RatingLinkRow | undefined {
  return tx.select().from(ratingLinks).where(eq(ratingLinks.tokenHash, tokenHash)).get();
}

/** Spends the link; false when it was spent already (a second use, or two at once). */
export function spendLink(tx: Tx, id: number, at: string): boolean {
  return tx.update(ratingLinks).set({ usedAt: at }).where(and(eq(ratingLinks.id, id), isNull(ratingLinks.usedAt))).run().changes === 1;
}

export function insertRating(tx: Tx, values: typeof ratings.$inferInsert): RatingRow {
  return tx.insert(ratings).values(values).returning().get();
}

export function findRating(tx: Tx, id: number): RatingRow | undefined {
  return tx.select().from(ratings).where(eq(ratings.id, id)).get();
}

/** Only the follow-up columns: the rating itself is never changed by staff. */
export function markFollowedUp(tx: Tx, id: number, by: number | null, note: string, at: string): boolean {
  return tx.update(ratings).set({ followedUpAt: at, followedUpBy: by, followUpNote: note })
    .where(and(eq(ratings.id, id), isNull(ratings.followedUpAt))).run().changes === 1;
}

/** Ratings submitted in [from, to) (UTC instants), with their agent and unit; no user identity. */
export function ratingsBetween(tx: Tx, from: string, to: string) {
  return tx.select({
    id: ratings.id, service: ratings.service, substance: ratings.substance, scaleMax: ratings.scaleMax, comment: ratings.comment,
    skm: ratings.skm, submittedAt: ratings.submittedAt, followedUpAt: ratings.followedUpAt, followUpNote: ratings.followUpNote,
    subjectType: ratingLinks.subjectType, userKey: ratingLinks.userKey, agentUserId: ratingLinks.agentUserId,
    agentUsername: users.username, agentName: users.displayName, unitCode: units.code,
  })
    .from(ratings)
    .innerJoin(ratingLinks, eq(ratingLinks.id, ratings.linkId))
    .leftJoin(users, eq(users.id, ratingLinks.agentUserId))
    .leftJoin(units, eq(units.id, ratingLinks.unitId))
    .where(and(gte(ratings.submittedAt, from), lt(ratings.submittedAt, to)))
    .orderBy(asc(ratings.submittedAt), asc(ratings.id))
    .all();
}
export type RatingForReport = ReturnType<typeof ratingsBetween>[number];
