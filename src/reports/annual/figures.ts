/**
 * Sections (c) and (d) of the annual report: the service in figures, and objections and
 * disputes. Every count the recap has comes from the recap's own functions (its table, its
 * service-time distribution, its objection aggregate), so the report and the rekapitulasi of
 * the year cannot disagree; what the recap does not have (per-request days, the backlog, the
 * breakdowns) is added here.
 */
import type { Db, Tx } from '../../db/client.js';
import { loadCalendar } from '../../calendar/holidays.service.js';
import { workingDaysBetween } from '../../calendar/working-days.js';
import { buildRecapTable, checkYear } from '../../recap/recap.service.js';
import { objectionAggregate, serviceTimes } from '../../recap/recap.repo.js';
import { median, shareWithin, average, type RecapRow } from '../../recap/recap.js';
import { fulfilmentDays } from '../../requests/delivery.js';
import { NOTICE_WORKING_DAYS, MAX_EXTENSION_WORKING_DAYS } from '../../requests/deadlines.js';
import { CHANNELS, REQUESTER_CATEGORIES } from '../../requests/vocabulary.js';
import { DISPUTE_RESULTS, DISPUTE_STAGES, OBJECTION_GROUNDS, OBJECTION_RESULTS } from '../../objections/vocabulary.js';
import * as repo from './figures.repo.js';
import { exemptionsByArticle, type ExemptionCount } from './exemptions.js';
import { dayStats, type DayStats } from './stats.js';
import { scopeLabel } from '../../pelaksana/pelaksana.service.js';
import { scopeKey, type ReportScope } from './scope.js';

export interface Counted { key: string; label: string; count: number }

export interface AnnexRow {
  registrationNumber: string;
  requesterName: string;
  receivedOn: string;
  channel: string;
  category: string;
  /** OUTCOMES code, 'withdrawn', or null while open. */
  outcome: string | null;
  decidedOn: string | null;
  /** Working days to the written notice (the recap's), null while open. */
  serviceDays: number | null;
  deliveredOn: string | null;
  /** Waktu pemenuhan: working days to delivery, null while not delivered. */
  fulfilmentDays: number | null;
  extended: boolean;
}

export interface ServiceFigures {
  requests: number;
  grantedFull: number;
  grantedPartial: number;
  rejected: number;
  notProvided: number;
  inProcess: number;
  reasonExempt: number;
  reasonNotHeld: number;
  reasonOther: number;
  serviceDays: DayStats;
  fulfilmentDays: DayStats;
  /** Decided within 10 working days (Pasal 22 ayat 7), 11–17 (with the extension of ayat 8), over 17. */
  within10: number;
  within11to17: number;
  over17: number;
  extended: number;
  /** The day the backlog is counted on: 31 December, or today while the year runs. */
  openCountedOn: string;
  openAtYearEnd: number;
  oldestOpen: { registrationNumber: string; receivedOn: string; workingDaysOpen: number }[];
  byChannel: Counted[];
  byCategory: Counted[];
  exemptions: ExemptionCount[];
}

export interface ObjectionFigures {
  filed: number;
  byGround: Counted[];
  byResult: Counted[];
  /** Working days the atasan PPID took to answer (filed → answered), over the answered ones. */
  supervisorDays: DayStats;
  answeredInTime: number;
  answeredLate: number;
}

export interface DisputeFigures {
  filed: number;
  /** Each dispute at the furthest stage it reached. */
  byStage: Counted[];
  byResult: Counted[];
}

export interface YearFigures {
  year: number;
  service: ServiceFigures;
  objections: ObjectionFigures;
  disputes: DisputeFigures;
}

export interface AnnualFigures extends YearFigures {
  /** The stored scope key ('' consolidated, 'utama', 'unit:<id>'; see scope.ts). */
  scope: string;
  /** Whose report, under the title ('' for the consolidated one). */
  scopeLabel?: string;
  /** The office-zone date the figures were drawn up. */
  drawnOn: string;
  /** The rekapitulasi table itself (months and Total), part of section (c). */
  recap: { months: RecapRow[]; total: RecapRow };
  annex: AnnexRow[];
  previous: YearFigures | null;
}

/**
 * Where the recap's counts come from for a scope: the recap itself, with the same scope
 * (consolidated, the PPID Utama's own, or one PPID Pelaksana's), so the rules stay the recap's.
 */
function recapFor(tx: Tx, year: number, scope: ReportScope, today: string) {
  const only = scope && scope.kind !== 'all' ? scope : undefined;
  return { table: buildRecapTable(tx as Db, year, only), times: serviceTimes(tx, year, only), objections: objectionAggregate(tx, year, today, only) };
}

const labelled = (labels: Record<string, string>, key: string) => (Object.hasOwn(labels, key) ? labels[key] : key);

function yearFigures(db: Db, year: number, scope: ReportScope, today: string): YearFigures & { recap: AnnualFigures['recap']; annex: AnnexRow[] } {
  checkYear(year);
  const cal = loadCalendar(db);
  const { table, times, objections: agg } = recapFor(db, year, scope, today);
  const t = table.total;
  const hist = times.histogram;
  const within10 = shareWithin(hist, NOTICE_WORKING_DAYS).count;
  const within17 = shareWithin(hist, NOTICE_WORKING_DAYS + MAX_EXTENSION_WORKING_DAYS).count;

  const annex: AnnexRow[] = repo.requestsOfYear(db, year, scope).map((r) => ({
    registrationNumber: r.registrationNumber, requesterName: r.requesterName, receivedOn: r.receivedOn, channel: r.channel,
    category: r.requesterCategory, outcome: r.withdrawn ? 'withdrawn' : r.outcome, decidedOn: r.decidedOn,
    serviceDays: r.outcome !== null && !r.withdrawn ? r.serviceDays : null, deliveredOn: r.deliveredOn,
    fulfilmentDays: fulfilmentDays(r, cal), extended: r.extendedOn !== null,
  }));

  const yearEnd = `${year}-12-31`;
  const openCountedOn = today < yearEnd ? today : yearEnd;
  const open = repo.openOn(db, openCountedOn, scope);

  const objectionRows = repo.objectionsOfYear(db, year, scope);
  const groundCounts = new Map<string, number>();
  for (const o of objectionRows) for (const g of new Set(o.grounds.split(',').map((s) => s.trim()).filter(Boolean))) groundCounts.set(g, (groundCounts.get(g) ?? 0) + 1);
  const answered = objectionRows.filter((o) => o.respondedOn).map((o) => workingDaysBetween(o.filedOn, o.respondedOn!, cal));

  const disputed = objectionRows.filter((o) => o.disputeRegisteredOn);
  const order = Object.keys(DISPUTE_STAGES);
  const furthest = new Map<number, number>(disputed.map((o) => [o.id, 0]));
  for (const s of repo.stagesOf(db, disputed.map((o) => o.id))) {
    const rank = order.indexOf(s.stage);
    if (rank > (furthest.get(s.objectionId) ?? 0)) furthest.set(s.objectionId, rank);
  }

  return {
    year,
    recap: table,
    annex,
    service: {
      requests: t.requests, grantedFull: t.grantedFull, grantedPartial: t.grantedPartial, rejected: t.rejected, notProvided: t.notProvided,
      inProcess: t.inProcess, reasonExempt: t.reasonExempt, reasonNotHeld: t.reasonNotHeld, reasonOther: t.reasonOther,
      // The recap's own distribution: the same requests, the same days as its average.
      serviceDays: {
        count: t.timed, median: median(hist), mean: average(t.serviceDaysSum, t.timed),
        min: hist.length ? hist[0].days : null, max: hist.length ? hist[hist.length - 1].days : null,
      },
      fulfilmentDays: dayStats(annex.flatMap((a) => (a.fulfilmentDays === null ? [] : [a.fulfilmentDays]))),
      within10, within11to17: within17 - within10, over17: t.timed - within17,
      extended: times.extended,
      openCountedOn, openAtYearEnd: open.length,
      oldestOpen: open.slice(0, 10).map((o) => ({ ...o, workingDaysOpen: workingDaysBetween(o.receivedOn, openCountedOn, cal) })),
      byChannel: repo.channelsOfYear(db, year, scope).map((c) => ({ ...c, label: labelled(CHANNELS, c.key) })),
      byCategory: repo.categoriesOfYear(db, year, scope).map((c) => ({ ...c, label: labelled(REQUESTER_CATEGORIES, c.key) })),
      exemptions: exemptionsByArticle(db, year, scope),
    },
    objections: {
      filed: agg.filed,
      byGround: Object.entries(OBJECTION_GROUNDS).map(([key, label]) => ({ key, label: `Pasal 35 ayat 1 huruf ${key}: ${label}`, count: groundCounts.get(key) ?? 0 })),
      byResult: [
        ...Object.entries(OBJECTION_RESULTS).map(([key, label]) => ({ key, label, count: agg[key as keyof typeof OBJECTION_RESULTS] })),
        { key: 'open', label: 'Belum ditanggapi', count: agg.open },
      ],
      supervisorDays: dayStats(answered),
      answeredInTime: agg.answeredInTime,
      answeredLate: agg.answeredLate,
    },
    disputes: {
      filed: agg.disputes,
      byStage: order.map((key, i) => ({ key, label: labelled(DISPUTE_STAGES, key), count: [...furthest.values()].filter((r) => r === i).length })),
      byResult: Object.entries(DISPUTE_RESULTS).map(([key, label]) => ({ key, label, count: agg.disputeResults[key as keyof typeof DISPUTE_RESULTS] })),
    },
  };
}

/** The figures of the annual report of `year`, with the previous year's for comparison. */
export function buildAnnualFigures(db: Db, year: number, opts: { today: string; scope?: ReportScope }): AnnualFigures {
  const scope = opts.scope;
  const current = yearFigures(db, year, scope, opts.today);
  let previous: YearFigures | null = null;
  if (year - 1 >= 2000) {
    const p = yearFigures(db, year - 1, scope, opts.today);
    previous = { year: p.year, service: p.service, objections: p.objections, disputes: p.disputes };
  }
  return { ...current, scope: scopeKey(scope), scopeLabel: scope ? scopeLabel(scope) : '', drawnOn: opts.today, previous };
}
