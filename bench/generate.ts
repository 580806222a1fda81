/**
 * Generates a realistic register into a fresh database file: the monthly shape, outcome mix,
 * reasons and service times of the office's 2022 table (../shared/domain/README.md), spread
 * over ten years, with objections on about 1% of the requests. Deterministic (seeded).
 */
import fs from 'node:fs';
import { DateTime } from 'luxon';
import path from 'node:path';
import { openDb, type Db } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';
import { seedDatabase } from '../src/setup/seed.js';
import { loadCalendar } from '../src/calendar/holidays.service.js';
import { addWorkingDays } from '../src/calendar/working-days.js';
import { computeDeadlines } from '../src/requests/deadlines.js';
import { objectionDates } from '../src/objections/objection-rules.js';
import type { Outcome } from '../src/vocabulary/requests.js';
import { ROMAN_MONTHS } from '../src/shared/dates.js';
import { recordEvent } from '../src/audit/audit.repo.js';

/** Requests per month in the office's 2022 table, the shape every generated year follows. */
const MONTH_WEIGHTS = [15, 19, 35, 24, 11, 21, 10, 11, 19, 16, 8, 16];
/** The 2022 outcome mix (129 full, 53 partial, 23 not provided) plus a few rejections. */
const OUTCOMES: [Outcome, number][] = [['full', 0.62], ['partial', 0.26], ['not_provided', 0.1], ['rejected', 0.02]];
const CATEGORIES = ['academic', 'academic', 'academic', 'local_government', 'ministry_agency', 'media', 'private_sector', 'ngo', 'public', 'other'];
const CHANNELS = ['email', 'email', 'email', 'email', 'website', 'whatsapp', 'letter', 'walk_in', 'phone'];
const TOPICS = ['realisasi dana desa', 'belanja DAK fisik', 'transfer ke daerah', 'dana bagi hasil', 'APBD kabupaten', 'hibah daerah', 'pinjaman daerah', 'DAU per provinsi'];
// Names built from syllables, so that a register has as many different names as a real one
// (a search for one person's name then matches a handful of requests, not a tenth of them).
const SYLLABLES = ['an', 'di', 'sa', 'ri', 'wa', 'ti', 'ko', 'nu', 'har', 'ma', 'ra', 'ya', 'se', 'tio', 'gus', 'lan', 'bu', 'de', 'wi', 'yan'];
const word = (random: () => number, parts: number) => {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w[0].toUpperCase() + w.slice(1);
};

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  file: string;
  requests: number;
  lastYear: number;
  years: number;
  /** Requests of the last year are received up to this date. */
  until: string;
  seed?: number;
}

export interface Generated {
  db: Db;
  requests: number;
  objections: number;
  busiestYear: number;
  sampleName: string;
}

export function generateRegister(o: GenerateOptions): Generated {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(o.file + suffix, { force: true });
  fs.mkdirSync(path.dirname(o.file), { recursive: true });
  const db = openDb(o.file);
  migrateDb(db);
  seedDatabase(db);
  const cal = loadCalendar(db);
  const random = rng(o.seed ?? 2022);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const client = db.$client;
  // Generation writes history in bulk, like an import: durability per row is not needed here.
  client.pragma('synchronous = OFF');

  const insertRequest = client.prepare(`insert into requests (
    registration_number, registration_year, registration_seq, access_code, received_on, channel,
    requester_name, requester_id_number, requester_address, requester_phone, requester_email, requester_occupation,
    requester_type, requester_category, information_requested, purpose, obtain_method, delivery_method,
    extended_on, extension_days, extension_reason, outcome, decided_on, reason_exempt, reason_not_held, reason_other,
    exemption_articles, reason_note, original_due_on, due_on, service_days, source, opened_at, created_at, updated_at
  ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?)`);
  const insertObjection = client.prepare(`insert into objections (
    request_id, registration_number, registration_year, registration_seq, filed_on, grounds, statement, filed_by,
    responded_on, result, reasoning, filing_deadline, late, response_due_on, created_at, updated_at
  ) values (?, ?, ?, ?, ?, ?, ?, 'requester', ?, ?, ?, ?, ?, ?, ?, ?)`);

  const totalWeight = MONTH_WEIGHTS.reduce((a, b) => a + b, 0);
  const perYear = Math.floor(o.requests / o.years);
  const firstYear = o.lastYear - o.years + 1;
  let made = 0;
  let objectionsMade = 0;
  let sampleName = '';
  const now = new Date().toISOString();
  // The last month's requests are partly still open, as on a real desk.
  const objectionSeqs = new Map<number, number>();
  const recentFrom = DateTime.fromISO(o.until).minus({ days: 30 }).toISODate()!;
  for (let year = firstYear; year <= o.lastYear; year++) {
    const target = year === o.lastYear ? o.requests - made : perYear;
    let seq = 0;
    const insertYear = client.transaction(() => {
      for (let m = 0; m < 12; m++) {
        const inMonth = Math.round((target * MONTH_WEIGHTS[m]) / totalWeight);
        for (let i = 0; i < inMonth && seq < target; i++) {
          const day = 1 + Math.floor(random() * 28);
          const receivedOn = `${year}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (receivedOn > o.until) continue;
          seq++;
          const name = `${word(random, 2)} ${word(random, 3)}`;
          if (!sampleName && year === o.lastYear - 1) sampleName = name;
          // Recent requests are still open; the rest are decided after a 2022-like service time.
          const open = receivedOn > recentFrom && random() < 0.5;
          const serviceDays = Math.min(16, Math.floor(-Math.log(1 - random()) * 4.5));
          // Extended on the 5th working day, so only requests that took longer were extended.
          const decidedOn = open ? null : addWorkingDays(receivedOn, serviceDays, cal);
          const decided = decidedOn !== null && decidedOn <= o.until;
          const extended = decided && serviceDays > 5 && random() < 0.4;
          const d = computeDeadlines({ receivedOn, extensionDays: extended ? 7 : null, decidedOn: decided ? decidedOn : null }, cal);
          let outcome: Outcome | null = null;
          if (decided) {
            let roll = random();
            outcome = OUTCOMES.find(([, p]) => (roll -= p) < 0)?.[0] ?? 'full';
          }
          const notHeld = outcome !== null && outcome !== 'full' && random() < 0.8;
          const exempt = outcome !== null && outcome !== 'full' && (!notHeld || random() < 0.1);
          const topic = pick(TOPICS);
          const info = `Data ${topic} tahun ${year - 1} per kabupaten/kota`;
          const r = insertRequest.run(
            `${String(seq).padStart(3, '0')}/PPID/${ROMAN_MONTHS[m]}/${year}`, year, seq, 'BENC-HMRK', receivedOn, pick(CHANNELS),
            name, '', 'Jl. Contoh No. 1', '0812000000', `u${seq}@contoh.id`, 'Peneliti',
            'individual', pick(CATEGORIES), info, random() < 0.6 ? 'Penelitian' : 'Kajian kebijakan', 'softcopy', 'email',
            extended ? addWorkingDays(receivedOn, 5, cal) : null, extended ? 7 : null, extended ? 'Data dihimpun dari unit lain' : null,
            outcome, decided ? decidedOn : null, exempt ? 1 : 0, notHeld ? 1 : 0, 0,
            exempt ? 'h' : '', '', d.originalDueOn, d.dueOn, decided ? d.serviceDays : null, now, now, now,
          );
          made++;
          const filedOn = decided ? addWorkingDays(decidedOn!, 3, cal) : '';
          if (decided && outcome !== 'full' && filedOn <= o.until && random() < 0.04) {
            const filedYear = Number(filedOn.slice(0, 4));
            const objectionSeq = (objectionSeqs.get(filedYear) ?? 0) + 1;
            objectionSeqs.set(filedYear, objectionSeq);
            const dates = objectionDates({ receivedOn, dueOn: d.dueOn, outcome, decidedOn, reasonExempt: exempt, withdrawn: false }, filedOn, cal);
            const answeredOn = addWorkingDays(filedOn, 12, cal);
            const answered = answeredOn <= o.until && random() < 0.9;
            insertObjection.run(
              r.lastInsertRowid, `${String(objectionSeq).padStart(3, '0')}/KEB/PPID/${filedYear}`, filedYear, objectionSeq, filedOn, 'e',
              'Keberatan atas putusan', answered ? answeredOn : null, answered ? pick(['upheld', 'rejected', 'rejected']) : null,
              answered ? 'Pertimbangan atasan' : '', dates.filingDeadline, dates.late ? 1 : 0, dates.responseDueOn, now, now,
            );
            objectionsMade++;
          }
        }
      }
    });
    insertYear();
  }
  db.transaction((tx) => {
    recordEvent(tx, { userId: null, label: 'bench' }, { action: 'bench.generate', entityType: 'request', summary: `${made} permohonan dibuat untuk benchmark` });
  });
  client.pragma('synchronous = FULL');
  client.pragma('wal_checkpoint(TRUNCATE)');
  return { db, requests: made, objections: objectionsMade, busiestYear: o.lastYear - 1, sampleName };
}
