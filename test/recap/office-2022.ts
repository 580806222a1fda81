/**
 * The office's 2022 recap (../shared/domain/README.md, "The yearly recap the auditors want"),
 * rebuilt request by request through the services, and what our recap must say about it.
 */
import type { Db } from '../../src/db/client.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { addWorkingDays, isWorkingDay } from '../../src/calendar/working-days.js';
import type { DecisionInput } from '../../src/requests/requests.schemas.js';
import type { Outcome, Reason } from '../../src/requests/vocabulary.js';
import { makeRequest, testActor } from '../helpers/factories.js';

const ZONE = 'Asia/Jakarta';

/** The office's table as printed: [n, avg, full, partial, rejected, notProvided, exempt, notHeld, other, objections]. */
export const OFFICE_2022: readonly (readonly [number, string, number, number, number, number, number, number, number, number])[] = [
  [15, '4,40', 10, 2, 0, 3, 0, 3, 0, 0],
  [19, '4,26', 17, 1, 0, 1, 0, 1, 0, 0],
  [35, '4,71', 23, 7, 0, 5, 0, 4, 1, 0],
  [24, '4,30', 19, 1, 0, 4, 1, 4, 0, 0],
  [11, '4,34', 5, 4, 0, 2, 0, 6, 0, 0],
  [21, '4,62', 15, 3, 0, 3, 1, 4, 0, 0],
  [10, '7,40', 5, 4, 0, 1, 1, 5, 0, 0],
  [11, '4,36', 4, 6, 0, 1, 1, 6, 0, 0],
  [19, '6,26', 10, 9, 0, 0, 2, 8, 0, 1],
  [16, '5,56', 5, 9, 0, 2, 0, 10, 0, 0],
  [8, '8,63', 4, 4, 0, 0, 0, 4, 0, 0],
  [16, '5,44', 12, 3, 0, 1, 0, 4, 0, 0],
];
// Office Total row: 205 | 5,04 | 129 | 53 | 0 | 23 | 6 | 59 | 1 | 1.

/**
 * Working days to spread over each month's requests so that the month's average is the
 * table's: average × n, which is a whole number except in two months.
 *   Jan 4,40 × 15 = 66      Feb 4,26 × 19 = 80,94 → 81 (81/19 = 4,263 → 4,26)
 *   Mar 4,71 × 35 = 164,85 → 165 (4,714)   Apr 4,30 × 24 = 103,2: no whole number gives 4,30
 *   (103/24 = 4,29, 104/24 = 4,33), so 103 → our recap says 4,29
 *   May 4,34 × 11 = 47,74: none gives 4,34 either (47 → 4,27, 48 → 4,36), so 48 → 4,36
 *   Jun 97 (4,619 → 4,62)   Jul 74 (7,40)   Aug 48 (4,36)   Sep 119 (6,263 → 6,26)
 *   Oct 89 (5,5625 → 5,56)  Nov 69 (8,625 → 8,63)  Dec 87 (5,4375 → 5,44)
 * The Total: 66+81+165+103+48+97+74+48+119+89+69+87 = 1046 working days over 205 decided
 * requests = 5,1024 → 5,10: the weighted mean, not the office's 5,04 and not the mean of the
 * monthly averages (5,36).
 */
export const SERVICE_DAY_SUMS = [66, 81, 165, 103, 48, 97, 74, 48, 119, 89, 69, 87];

/**
 * Our app records at least one reason on every partial, rejected or not-provided decision;
 * the office's table has fewer reasons than such requests in five months:
 *   Jan 5 requests (2 partial + 3 not provided), 3 reasons → 2 more
 *   Feb 2 requests, 1 reason → 1 more        Mar 12 requests, 5 reasons → 7 more
 *   Jun 6 requests, 5 reasons → 1 more       Oct 11 requests, 10 reasons → 1 more
 * We give each of those the reason "Lainnya" (note: "alasan tidak tercatat di laporan kantor"),
 * so exempt and not-held stay the office's and Lainnya grows from 1 to 13. Where the table has
 * more reasons than requests (Jul 6 for 5, Sep 10 for 9) one request carries two.
 */
export const EXPECTED_OTHER = [2, 1, 8, 0, 0, 1, 0, 0, 0, 1, 0, 0];

/** Every count cell our recap must show, per month, in API key order. */
export function expectedMonths() {
  return OFFICE_2022.map(([n, , full, partial, rejected, notProvided, exempt, notHeld, , objections], i) => ({
    month: i + 1,
    requests: n,
    granted_full: full,
    granted_partial: partial,
    rejected,
    not_provided: notProvided,
    reason_exempt: exempt,
    reason_not_held: notHeld,
    reason_other: EXPECTED_OTHER[i],
    objections,
    in_process: 0,
  }));
}

export const EXPECTED_AVG = [4.4, 4.26, 4.71, 4.29, 4.36, 4.62, 7.4, 4.36, 6.26, 5.56, 8.63, 5.44];
export const EXPECTED_TOTAL = {
  requests: 205, avg_service_days: 5.1, granted_full: 129, granted_partial: 53, rejected: 0, not_provided: 23,
  reason_exempt: 6, reason_not_held: 59, reason_other: 13, objections: 1, in_process: 0,
};

/** Spreads `ticks` of each reason over `k` requests: everyone gets one first, fewest-first after. */
function reasonSets(k: number, exempt: number, notHeld: number, other: number): Reason[][] {
  const sets: Reason[][] = Array.from({ length: k }, () => []);
  const ticks: Reason[] = [...Array(exempt).fill('exempt'), ...Array(notHeld).fill('not_held'), ...Array(other).fill('other')];
  for (const t of ticks) {
    const candidates = sets.map((s, i) => ({ s, i })).filter(({ s }) => !s.includes(t));
    candidates.sort((a, b) => a.s.length - b.s.length || a.i - b.i);
    candidates[0].s.push(t);
  }
  if (sets.some((s) => s.length === 0)) throw new Error('a non-full request without a reason');
  return sets;
}

function decision(outcome: Outcome, decidedOn: string, reasons: Reason[]): DecisionInput {
  return {
    decidedOn, outcome, reasons,
    exemptionArticles: reasons.includes('exempt') ? ['h'] : [],
    consequenceTest: reasons.includes('exempt') ? 'Mengungkap rahasia pribadi pihak ketiga.' : '',
    givenForm: 'softcopy', provideOn: decidedOn, redactedParts: 'NIK dihitamkan', heldBy: 'Dinas Sosial',
    exemptionWhileProtected: reasons.includes('exempt'), exemptionBasis: reasons.includes('exempt') ? 'UU 14/2008 Pasal 17 huruf h' : '',
    reasonNote: reasons.includes('other') ? 'alasan tidak tercatat di laporan kantor' : '',
    noticeNote: '', feeRupiah: 0, correctionNote: '',
  };
}

/** Builds the whole 2022 register (205 requests, 1 objection) into `db`. */
export function buildOffice2022(db: Db): void {
  const cal = loadCalendar(db);
  OFFICE_2022.forEach(([n, , full, partial, rejected, notProvided, exempt, notHeld], i) => {
    const month = i + 1;
    const mm = String(month).padStart(2, '0');
    const workdays: string[] = [];
    for (let d = 1; d <= 31; d++) {
      const date = `2022-${mm}-${String(d).padStart(2, '0')}`;
      if (new Date(`${date}T00:00:00Z`).getUTCMonth() === i && isWorkingDay(date, cal)) workdays.push(date);
    }
    const outcomes: Outcome[] = [
      ...Array(full).fill('full'), ...Array(partial).fill('partial'), ...Array(rejected).fill('rejected'), ...Array(notProvided).fill('not_provided'),
    ];
    const nonFull = partial + rejected + notProvided;
    const reasons = reasonSets(nonFull, exempt, notHeld, EXPECTED_OTHER[i]);
    const base = Math.floor(SERVICE_DAY_SUMS[i] / n);
    const extra = SERVICE_DAY_SUMS[i] - base * n;
    outcomes.forEach((outcome, j) => {
      const receivedOn = workdays[j % workdays.length];
      const days = base + (j < extra ? 1 : 0);
      const r = makeRequest(db, { receivedOn, requesterName: `Pemohon ${month}-${j}`, requesterEmail: `p${month}x${j}@contoh.id` });
      const decidedOn = addWorkingDays(receivedOn, days, cal);
      const row = decideRequest({ db, actor: testActor, zone: ZONE, id: r.id, input: decision(outcome, decidedOn, j < full ? [] : reasons[j - full]) });
      if (row.serviceDays !== days) throw new Error(`service days ${row.serviceDays} ≠ ${days}`);
      // September's one objection: against its first partial grant, filed later that month.
      if (month === 9 && j === full) {
        fileObjection({
          db, actor: testActor, zone: ZONE, requestId: r.id,
          input: { filedOn: '2022-09-28', grounds: ['e'], statement: 'Sebagian informasi tidak diberikan.', filedBy: 'requester', proxyName: '', lateNote: '' },
        });
      }
    });
  });
}
