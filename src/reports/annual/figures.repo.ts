/**
 * Row lists the annual report needs beyond the recap's aggregates: one row per request of the
 * year (the annex: a year is a few hundred rows), the backlog at the year's end, the year's
 * objections and the stages of their disputes, and counts by channel and category. Voided
 * entries are left out everywhere, as in the recap.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or, gt, sql, type SQL } from 'drizzle-orm';
import { disputeStages, objections, requests } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import { objectionScopeWhere, scopeWhere } from '../../pelaksana/pelaksana.service.js';
import type { ReportScope } from './scope.js';

const counted = isNull(requests.voidedOn);
const inYear = (year: number) => and(gte(requests.receivedOn, `${year}-01-01`), lte(requests.receivedOn, `${year}-12-31`));

/** Requests of the scope (src/pelaksana): all, the PPID Utama's own, or one PPID Pelaksana's, as in the recap. */
export function scopeCondition(scope: ReportScope): SQL | undefined {
  return scope ? scopeWhere(scope, requests.id) : undefined;
}

export interface AnnexSource {
  id: number;
  registrationNumber: string;
  requesterName: string;
  receivedOn: string;
  channel: string;
  requesterCategory: string;
  outcome: string | null;
  withdrawn: boolean;
  decidedOn: string | null;
  serviceDays: number | null;
  deliveredOn: string | null;
  extendedOn: string | null;
}

/** Every request received in `year`, in order of receipt. */
export function requestsOfYear(tx: Tx, year: number, scope: ReportScope): AnnexSource[] {
  const r = requests;
  return tx
    .select({
      id: r.id, registrationNumber: r.registrationNumber, requesterName: r.requesterName, receivedOn: r.receivedOn, channel: r.channel,
      requesterCategory: r.requesterCategory, outcome: r.outcome, withdrawn: r.withdrawn, decidedOn: r.decidedOn, serviceDays: r.serviceDays,
      deliveredOn: r.deliveredOn, extendedOn: r.extendedOn,
    })
    .from(r)
    .where(and(inYear(year), counted, scopeCondition(scope)))
    .orderBy(asc(r.receivedOn), asc(r.id))
    .all();
}

/** Requests received on or before `cutoff` and not decided (nor withdrawn) by then: the backlog. */
export function openOn(tx: Tx, cutoff: string, scope: ReportScope): { registrationNumber: string; receivedOn: string }[] {
  const r = requests;
  return tx
    .select({ registrationNumber: r.registrationNumber, receivedOn: r.receivedOn })
    .from(r)
    .where(and(lte(r.receivedOn, cutoff), counted, or(isNull(r.decidedOn), gt(r.decidedOn, cutoff)), scopeCondition(scope)))
    .orderBy(asc(r.receivedOn), asc(r.id))
    .all();
}

/** The year's requests per value of a category-like column, most frequent first. */
function countsBy(tx: Tx, col: typeof requests.channel | typeof requests.requesterCategory, year: number, scope: ReportScope) {
  return tx
    .select({ key: sql<string>`${col}`, count: sql<number>`count(*)` })
    .from(requests)
    .where(and(inYear(year), counted, scopeCondition(scope)))
    .groupBy(col)
    .orderBy(sql`count(*) desc`, asc(col))
    .all()
    .map((x) => ({ key: x.key, count: Number(x.count) }));
}
export const channelsOfYear = (tx: Tx, year: number, scope: ReportScope) => countsBy(tx, requests.channel, year, scope);
export const categoriesOfYear = (tx: Tx, year: number, scope: ReportScope) => countsBy(tx, requests.requesterCategory, year, scope);

/** Exemption letters ("a,h") of the year's decisions that withheld information as exempt. */
export function exemptDecisionArticles(tx: Tx, year: number, scope: ReportScope): string[] {
  return tx
    .select({ articles: requests.exemptionArticles })
    .from(requests)
    .where(and(inYear(year), counted, eq(requests.reasonExempt, true), scopeCondition(scope)))
    .all()
    .map((x) => x.articles);
}

export interface ObjectionSource {
  id: number;
  filedOn: string;
  grounds: string;
  result: string | null;
  respondedOn: string | null;
  disputeRegisteredOn: string | null;
}

/** Objections filed in `year` (of the scope when scoped). */
export function objectionsOfYear(tx: Tx, year: number, scope: ReportScope): ObjectionSource[] {
  const o = objections;
  // As the recap: an objection follows its request; one without a request is the PPID Utama's.
  const scoped = scope ? objectionScopeWhere(scope) : undefined;
  return tx
    .select({ id: o.id, filedOn: o.filedOn, grounds: o.grounds, result: o.result, respondedOn: o.respondedOn, disputeRegisteredOn: o.disputeRegisteredOn })
    .from(o)
    .where(and(gte(o.filedOn, `${year}-01-01`), lte(o.filedOn, `${year}-12-31`), scoped))
    .orderBy(asc(o.filedOn), asc(o.id))
    .all();
}

/** The recorded stages of the given objections' disputes. */
export function stagesOf(tx: Tx, objectionIds: number[]): { objectionId: number; stage: string }[] {
  if (objectionIds.length === 0) return [];
  return tx
    .select({ objectionId: disputeStages.objectionId, stage: disputeStages.stage })
    .from(disputeStages)
    .where(inArray(disputeStages.objectionId, objectionIds))
    .all();
}

