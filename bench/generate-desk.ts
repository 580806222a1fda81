/**
 * Generates the consultation desk's history into an open database (issue 20): `count` tickets
 * over `years` years with the seeds' mix (WhatsApp about 80%, then phone, e-mail, the ministry's
 * contact portal, live chat, visits, video conferences, letters; about a fifth escalated to a
 * unit; most answered, the last days' partly still open). Deterministic (seeded), written
 * straight into the table in one transaction per year, like generate.ts does for requests.
 *
 * The columns are listed once, in COLUMNS: a column added to `consultations` (user zone, inside
 * service hours, lists, ...) is one more entry there.
 */
import { DateTime } from 'luxon';
import type { Db } from '../src/db/client.js';
import { loadCalendar } from '../src/calendar/holidays.service.js';
import { slaDueAt } from '../src/desk/sla.js';
import { ticketNumber, type Channel } from '../src/desk/vocabulary.js';
import { DEFAULT_SERVICE_HOURS, isInsideServiceHours } from '../src/desk/service-hours.js';
import { zoneOfRegion } from '../src/regions/regions.js';

/** The seeds' channel mix. */
const CHANNEL_MIX: [Channel, number][] = [
  ['whatsapp', 0.8], ['phone', 0.07], ['email', 0.05], ['portal', 0.03], ['live_chat', 0.02], ['visit', 0.015], ['video_conference', 0.01], ['letter', 0.005],
];
const USER_TYPES: [string, number][] = [['local_government', 0.55], ['ministry_agency', 0.12], ['academic', 0.08], ['other', 0.25]];
const CATEGORIES: [string, number][] = [
  ['question', 0.58], ['data_request', 0.1], ['letter', 0.05], ['reservation', 0.04], ['complaint', 0.06], ['impostor_report', 0.02], ['out_of_remit', 0.07], ['spam', 0.05], ['other', 0.03],
];
/** Topic codes of the desk's default list (src/desk/desk-config.ts); '' for none. */
const TOPICS = ['general', 'transfers', 'regional_tax', 'village_fund', 'regional_financing', 'unit_prices', 'functional_position', 'information_system', ''];
const REGIONS = ['11', '12', '31', '32', '33', '34', '35', '51', '52', '63', '73', '3201', '3273', '3578', '7371', ''];
/** Tickets per month of the year (more in the budget months). */
const MONTH_WEIGHTS = [9, 8, 9, 8, 8, 8, 8, 8, 9, 9, 8, 10];
/** Share of tickets escalated to a unit. */
const ESCALATED = 0.2;
const UNIT_KIND = 'unit';

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
const weighted = <T>(random: () => number, mix: [T, number][]): T => {
  let roll = random();
  return (mix.find(([, p]) => (roll -= p) < 0) ?? mix[0])[0];
};

/** One generated ticket, before it is spread into columns. */
export interface GeneratedTicket {
  seq: number;
  year: number;
  receivedAt: string;
  channel: Channel;
  userName: string;
  userType: string;
  regionCode: string;
  category: string;
  topic: string;
  escalatedAt: string | null;
  unitId: number | null;
  slaDueAt: string;
  outsideServiceHours: boolean;
  answeredAt: string | null;
  closedAt: string | null;
  status: string;
  now: string;
}

/** Every column written, with its value: extend here when `consultations` gains a column. */
export const COLUMNS: [string, (t: GeneratedTicket) => string | number | null][] = [
  ['ticket_number', (t) => ticketNumber(t.seq, t.year)],
  ['year', (t) => t.year],
  ['seq', (t) => t.seq],
  ['received_at', (t) => t.receivedAt],
  ['channel', (t) => t.channel],
  ['user_name', (t) => t.userName],
  ['user_type', (t) => t.userType],
  ['user_institution', (t) => (t.userType === 'local_government' ? `Pemda ${t.regionCode}` : '')],
  ['user_region_code', (t) => t.regionCode],
  ['user_zone', (t) => zoneOfRegion(t.regionCode)],
  ['outside_service_hours', (t) => (t.outsideServiceHours ? 1 : 0)],
  ['user_email', () => ''],
  ['user_phone', (t) => (t.channel === 'whatsapp' || t.channel === 'phone' ? `0812${String(t.seq).padStart(7, '0')}` : '')],
  ['category', (t) => t.category],
  ['topic', (t) => t.topic],
  ['question', (t) => `Pertanyaan tentang ${t.topic || 'layanan'} (${t.seq})`],
  ['answer', (t) => (t.answeredAt ? 'Sudah dijelaskan sesuai ketentuan.' : '')],
  ['status', (t) => t.status],
  ['sla_due_at', (t) => t.slaDueAt],
  ['escalated_at', (t) => t.escalatedAt],
  ['escalated_unit_id', (t) => t.unitId],
  ['escalation_note', (t) => (t.unitId ? 'Mohon ditindaklanjuti' : '')],
  ['answered_at', (t) => t.answeredAt],
  ['closed_at', (t) => t.closedAt],
  ['created_at', (t) => t.now],
  ['updated_at', (t) => t.now],
];

export interface DeskGenerated {
  consultations: number;
  /** The month with the most tickets. */
  busiest: { year: number; month: number; tickets: number };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function generateDesk(db: Db, o: { count: number; lastYear: number; years: number; until: string; zone: string; seed?: number }): DeskGenerated {
  const client = db.$client;
  const cal = loadCalendar(db);
  const random = rng(o.seed ?? 2020);
  const unitIds = () => (client.prepare('select id from units').all() as { id: number }[]).map((u) => u.id);
  if (unitIds().length === 0) {
    const addUnit = client.prepare("insert into units (code, name, kind, created_at, updated_at) values (?, ?, ?, datetime('now'), datetime('now'))");
    for (const code of ['DAPK', 'PKD', 'EPIKD', 'DPD', 'SETDIT']) addUnit.run(code, `Direktorat ${code}`, UNIT_KIND);
  }
  const units = unitIds();
  const insert = client.prepare(`insert into consultations (${COLUMNS.map(([c]) => c).join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
  const offsetMs = DateTime.now().setZone(o.zone).offset * 60_000;
  const untilMs = DateTime.fromISO(o.until, { zone: o.zone }).endOf('day').toMillis();
  const recentMs = untilMs - 5 * 86_400_000;
  const totalWeight = MONTH_WEIGHTS.reduce((a, b) => a + b, 0);
  const perYear = Math.floor(o.count / o.years);
  const firstYear = o.lastYear - o.years + 1;
  const now = new Date().toISOString();
  const perMonth = new Map<string, number>();
  const synchronous = client.pragma('synchronous', { simple: true });
  client.pragma('synchronous = OFF');
  let made = 0;
  for (let year = firstYear; year <= o.lastYear; year++) {
    const target = year === o.lastYear ? o.count - made : perYear;
    let seq = 0;
    client.transaction(() => {
      for (let m = 0; m < 12; m++) {
        const inMonth = Math.round((target * MONTH_WEIGHTS[m]) / totalWeight);
        const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
        for (let i = 0; i < inMonth && seq < target; i++) {
          // Mostly in office hours (07:00–17:00 local), some in the evening and at night.
          const hour = random() < 0.8 ? 7 + Math.floor(random() * 10) : Math.floor(random() * 24);
          const at = Date.UTC(year, m, 1 + Math.floor(random() * days), hour, Math.floor(random() * 60)) - offsetMs;
          if (at > untilMs) continue;
          seq++;
          const channel = weighted(random, CHANNEL_MIX);
          const escalated = random() < ESCALATED && units.length > 0;
          const receivedAt = iso(at);
          const open = at > recentMs && random() < 0.5;
          const answerMs = at + (escalated ? 1 + random() * 72 : random() * 8) * 3_600_000;
          const answered = !open && answerMs <= untilMs;
          const status = answered ? (random() < 0.1 ? 'closed' : 'answered') : escalated ? 'escalated' : 'open';
          const t: GeneratedTicket = {
            seq, year, receivedAt, channel, status, now,
            userName: `Pengguna ${seq}`, userType: weighted(random, USER_TYPES), regionCode: REGIONS[Math.floor(random() * REGIONS.length)],
            category: weighted(random, CATEGORIES), topic: TOPICS[Math.floor(random() * TOPICS.length)],
            escalatedAt: escalated ? iso(at + 30 * 60_000) : null,
            unitId: escalated ? units[Math.floor(random() * units.length)] : null,
            slaDueAt: slaDueAt(receivedAt, channel, escalated, cal, o.zone),
            outsideServiceHours: !isInsideServiceHours(receivedAt, DEFAULT_SERVICE_HOURS, cal, o.zone),
            answeredAt: answered ? iso(answerMs) : null,
            closedAt: status === 'closed' ? iso(answerMs + 3_600_000) : null,
          };
          insert.run(...COLUMNS.map(([, value]) => value(t)));
          const key = `${year}-${m + 1}`;
          perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
          made++;
        }
      }
    })();
  }
  client.pragma(`synchronous = ${synchronous}`);
  let busiest = { year: o.lastYear, month: 1, tickets: 0 };
  for (const [key, tickets] of perMonth) {
    const [year, month] = key.split('-').map(Number);
    if (tickets > busiest.tickets) busiest = { year, month, tickets };
  }
  return { consultations: made, busiest };
}
