/**
 * The month's satisfaction figures: average per agent and overall on each factor against the
 * target, how many ratings from how many distinct users, the minimum rule ("setiap agen minimal
 * memiliki 5 penilaian dari minimal 5 pengguna yang berbeda setiap bulannya"), and the SKM index
 * for the month, its quarter and its year. Months and quarters are the office zone's.
 * `ratingsSummary` is what GET /api/v1/ratings/summary answers, for the monthly service report too.
 */
import { DateTime } from 'luxon';
import type { Tx } from '../db/client.js';
import { ratingsBetween, type RatingForReport } from './ratings.repo.js';
import { ratingSettings } from './ratings.service.js';
import { parseSkm, skmIndex, type SkmResult } from './skm.js';

const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/** [from, to) in UTC for a span of the office calendar, in nowInstant()'s format (with milliseconds) so text comparison holds. */
function span(zone: string, year: number, month: number, months: number): [string, string] {
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone });
  const iso = (d: DateTime) => d.toUTC().toISO()!;
  return [iso(start), iso(start.plus({ months }))];
}

export interface FactorFigures {
  service: number | null;
  substance: number | null;
  count: number;
  users: number;
}

function figures(rows: RatingForReport[]): FactorFigures {
  return { service: avg(rows.map((r) => r.service)), substance: avg(rows.map((r) => r.substance)), count: rows.length, users: new Set(rows.map((r) => r.userKey)).size };
}

function skmJson(r: SkmResult) {
  return { respondents: r.respondents, weighted: r.weighted, ikm: r.ikm, grade: r.grade, grade_label: r.gradeLabel, elements: r.elements };
}

const skmOfRows = (rows: { skm: string | null }[]) => skmIndex(rows.map((r) => parseSkm(r.skm)).filter((x) => x !== null));

export function ratingsSummary(db: Tx, year: number, month: number, zone: string) {
  const settings = ratingSettings(db);
  const rows = ratingsBetween(db, ...span(zone, year, month, 1));
  const quarter = Math.ceil(month / 3);
  const meets = (v: number | null) => (v === null ? null : v >= settings.target);
  const byAgent = new Map<number, RatingForReport[]>();
  for (const r of rows) if (r.agentUserId !== null) byAgent.set(r.agentUserId, [...(byAgent.get(r.agentUserId) ?? []), r]);
  const byUnit = new Map<string, RatingForReport[]>();
  for (const r of rows) if (r.unitCode) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);
  const overall = figures(rows);
  return {
    year, month,
    scale_max: settings.scaleMax,
    target: settings.target,
    minimum: { count: settings.minCount, users: settings.minUsers },
    overall: { ...overall, service_meets_target: meets(overall.service), substance_meets_target: meets(overall.substance) },
    agents: [...byAgent.values()]
      .map((list) => {
        const f = figures(list);
        return {
          username: list[0].agentUsername ?? '', name: list[0].agentName ?? '', ...f,
          meets_minimum: f.count >= settings.minCount && f.users >= settings.minUsers,
          service_meets_target: meets(f.service), substance_meets_target: meets(f.substance),
        };
      })
      .sort((a, b) => a.username.localeCompare(b.username)),
    units: [...byUnit.entries()].map(([code, list]) => ({ code, ...figures(list) })).sort((a, b) => a.code.localeCompare(b.code)),
    skm: {
      month: skmJson(skmOfRows(rows)),
      quarter: { quarter, ...skmJson(skmOfRows(ratingsBetween(db, ...span(zone, year, quarter * 3 - 2, 3)))) },
      year: skmJson(skmOfRows(ratingsBetween(db, ...span(zone, year, 1, 12)))),
    },
  };
}
export type RatingsSummary = ReturnType<typeof ratingsSummary>;

/** The month's comments, for the supervisor to follow up; no user identity, no ticket number. */
export function commentsOfMonth(db: Tx, year: number, month: number, zone: string) {
  return ratingsBetween(db, ...span(zone, year, month, 1))
    .filter((r) => r.comment)
    .map((r) => ({
      id: r.id, comment: r.comment, service: r.service, substance: r.substance, submittedAt: r.submittedAt,
      agent: r.agentUsername ?? '', unit: r.unitCode ?? '', followedUp: Boolean(r.followedUpAt), followUpNote: r.followUpNote,
    }));
}

/** The public page: the SKM index of each quarter of a year. */
export function skmByQuarter(db: Tx, year: number, zone: string) {
  return [1, 2, 3, 4].map((q) => ({ quarter: q, ...skmOfRows(ratingsBetween(db, ...span(zone, year, q * 3 - 2, 3))) }));
}
