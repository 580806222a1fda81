/**
 * Hostile input, property-based: every API endpoint that takes a body or a query, and every form
 * POST, fed generated bodies (wrong types, huge strings, odd Unicode, missing and extra fields,
 * bad dates, unknown values, odd numbers, arrays for strings, __proto__/constructor keys, path
 * tricks). Properties:
 *  - never a 5xx;
 *  - the API always answers JSON; a refusal has the documented shape
 *    {error: {code, message, fields}} with a known code and the status that code goes with;
 *  - a refusal changes nothing in the database (requests, objections, attachments, audit_log,
 *    users, holidays, settings, api_tokens: row counts and content);
 *  - Object.prototype is never polluted.
 * One app, one database and one logged-in agent per property; fixtures that a run may use up
 * (an open request to decide, an objection to answer) are made fresh for each run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propertySeed, replayHint } from '../helpers/property-seed.js';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, makeUser, TEST_PASSWORD } from '../helpers/login-as.js';
import { apiIntakeBody, intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import type { Db } from '../../src/db/client.js';
import type { AppConfig } from '../../src/config.js';
import type { Role } from '../../src/auth/roles.js';
import { createToken } from '../../src/auth/auth.service.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import { decideRequest, getRequest, voidRequest } from '../../src/requests/requests.service.js';
import { fileObjection, recordDispute, respondToObjection } from '../../src/objections/objections.service.js';
import { baseUrl, close, fingerprint, freshAddress, listen } from './support.js';
import { createUnit, findUnitByCode } from '../../src/units/units.service.js';
import { sendDispositions } from '../../src/units/dispositions.service.js';
import { answerConsultation, logConsultation } from '../../src/desk/desk.service.js';
import { ratingLinkOf } from '../../src/ratings/links.js';
import { DateTime } from 'luxon';
import { reserveVisit } from '../../src/visits/visits.service.js';
import { insertVisit } from '../../src/visits/visits.repo.js';
import { requestVideoConference } from '../../src/visits/video.service.js';
import { addWorkingDays } from '../../src/calendar/working-days.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { todayIn } from '../../src/shared/dates.js';
import { provinces, regenciesOf } from '../../src/regions/regions.js';

// ---- generators ------------------------------------------------------------------------------------

const WEIRD = [
  '\u202E', '\u202Egnp.exe', '\u200B', '\u200D', '\uFEFF', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uDBFF', '\uD83D\uDE00', '👨‍👩‍👧',
  'ẞ', 'İ', 'ǅ', '\r\n', '\u2028', '\u0085', '\t', ' ', '  ', '٣', '０', '\u0301', 'e\u0301',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; DROP TABLE requests;--", '../../etc/passwd',
  '..\\..\\windows\\win.ini', '/etc/passwd', 'file:///etc/passwd', '%00', '%2e%2e%2f', '${7*7}', '<%= 7*7 %>', '{{7*7}}', '#{7*7}',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'NaN', 'Infinity', '-1', '0', '1e309', '0x10', '1_000',
  'null', 'undefined', 'true', '[]', '{}', '[object Object]', '{seq}', '{seq:9}', '{year}{', '}{',
];
const BAD_DATES = [
  '2022-02-30', '2022-13-01', '2022-00-10', '2022-04-31', '2021-02-29', '0000-01-01', '9999-12-31', '2999-01-01', '1900-01-01',
  '2022-1-1', '22-03-01', '2022/03/01', '01-03-2022', '2022-03-01T00:00:00Z', ' 2022-03-01 ', '２０２２-０３-０１', '2022-03-01\u0000',
  '+002022-03-01', '2022-W10-1', '2022-060', '20220301', '-2022-03-01', 'today', 'now', '',
  '0001-01-01', '1900-02-29', '2100-02-29', '2009-12-31', '1970-01-01', '2200-01-01',
];
/**
 * Real calendar days the register must refuse (issue 10 point 1): before 2010-01-01, or after
 * 31 December of next year. A 0001-01-01 once froze every page; each is proven refused below.
 */
const THIS_YEAR = new Date().getUTCFullYear();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const oldOrFarDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0001-01-01', '0999-12-31', '1900-01-01', '1969-12-31', '2009-12-31', '9999-12-31', '2999-01-01', `${THIS_YEAR + 2}-01-01`),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('2009-12-31T00:00:00Z'), noInvalidDate: true }).map(isoDay),
  fc.date({ min: new Date(`${THIS_YEAR + 2}-01-02T00:00:00Z`), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map(isoDay),
  // Not days at all (1900 and 2100 are not leap years).
  fc.constantFrom('1900-02-29', '2100-02-29', '0000-01-01'),
);
const DATE_REFUSAL = /Tanggal terlalu lama|Tanggal terlalu jauh di masa depan|Tanggal tidak valid/;
const GOOD_DATES = ['2022-03-01', '2022-03-08', '2022-03-15', '2022-03-16', '2022-03-20', '2022-04-01', '2022-12-31', '2023-01-02', '2024-02-29'];
const ENUMS = [
  'full', 'partial', 'rejected', 'not_provided', 'exempt', 'not_held', 'other', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'j', 'k', 'z',
  'requester', 'proxy', 'upheld', 'withdrawn', 'pending', 'granted', 'individual', 'legal_entity', 'academic', 'media', 'email',
  'website', 'walk_in', 'softcopy', 'inspect', 'pickup', 'courier', 'admin', 'officer', 'supervisor', 'auditor', 'root', 'holiday',
  'collective_leave', 'open', 'overdue', 'due_soon', 'answered', 'late', 'dispute', 'in_process', 'decided', 'yes', 'on', '1',
  'FULL', 'Full ', ' partial',
];

/** ~2 KB to ~300 KB of one character (made by repeat, so it costs nothing to generate). */
const huge = fc
  .tuple(fc.constantFrom('x', '\u202E', 'é', '😀', '\u0000', ' ', '<', '&'), fc.integer({ min: 2_000, max: 300_000 }))
  .map(([c, bytes]) => c.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(c)))));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...WEIRD) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...WEIRD, 'a', ' ', '1', '-'), { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_DATES) },
  { weight: 3, arbitrary: fc.constantFrom(...ENUMS, ...GOOD_DATES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3000 }) },
  { weight: 1, arbitrary: huge },
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 1, 7, 8, 31, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e308, -0, 0.5, 1e-7, 2022, 12, 13),
);
const KEYS_EXTRA = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', 'id', 'status', 'version', 'role', 'isAdmin', 'polluted', ''];

/** An object whose keys may include __proto__ and constructor as own properties. */
function objectFrom(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.array(scalar, { maxLength: 2 }), { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...KEYS_EXTRA, 'name', 'a'), scalar), { maxLength: 3 }).map(objectFrom) },
);

/** A few changes to a valid body: set a field (known or not) to a hostile value, or drop it. */
function mutations(paths: string[]) {
  return fc.array(
    fc.record({ path: fc.constantFrom(...paths, ...KEYS_EXTRA), drop: fc.boolean(), value: jsonValue }),
    { minLength: 1, maxLength: 3 },
  );
}

function applyMutations(valid: Record<string, unknown>, muts: { path: string; drop: boolean; value: unknown }[]): Record<string, unknown> {
  const body = structuredClone(valid);
  for (const { path: p, drop, value } of muts) {
    const keys = p.split('.');
    let parent: unknown = body;
    for (const k of keys.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[k] : undefined;
    if (!parent || typeof parent !== 'object' || Array.isArray(parent)) continue;
    const last = keys[keys.length - 1];
    if (drop) delete (parent as Record<string, unknown>)[last];
    else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return body;
}

/** Field paths of a body, nested ones dotted ("requester.name"). */
function pathsOf(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? [`${prefix}${k}`, ...pathsOf(v as Record<string, unknown>, `${prefix}${k}.`)] : [`${prefix}${k}`]);
}

/** A JSON body as sent on the wire: a mutated valid body, a random object, or not an object at all. */
function jsonBody(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const paths = pathsOf(valid);
  return fc.oneof(
    { weight: 6, arbitrary: mutations(paths).map((m) => JSON.stringify(applyMutations(valid, m))) },
    { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom(...paths, ...KEYS_EXTRA), jsonValue), { maxLength: 8 }).map((e) => JSON.stringify(objectFrom(e))) },
    { weight: 1, arbitrary: jsonValue.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":}', '[1,]', "{'a':1}", 'NaN', '{"a":NaN}', '{"a":1}{"b":2}', '\u0000', '', ' ', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}') },
  );
}

/** Percent-encodes the UTF-8 of a string (lone surrogates become U+FFFD, as a browser would send them). */
function pct(s: string): string {
  return encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));
}
const RAW_ENCODINGS = ['%', '%E0%A4%A', '%FF%FE', '%ED%A0%80', '%C0%AF', '+', '%2B', '%00', '%%', '%zz', '%u202E'];

type FormValue = string | string[] | { raw: string };
/** A form body as sent on the wire (urlencoded), fields repeated for arrays, some values not valid encoding. */
function formBodyOf(entries: [string, FormValue][]): string {
  return entries.flatMap(([k, v]) => {
    if (typeof v === 'object' && !Array.isArray(v)) return [`${pct(k)}=${v.raw}`];
    return (Array.isArray(v) ? v : [v]).map((x) => `${pct(k)}=${pct(x)}`);
  }).join('&');
}
const formScalar: fc.Arbitrary<FormValue> = fc.oneof(
  { weight: 10, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber.map(String) },
  { weight: 2, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_ENCODINGS).map((raw) => ({ raw })) },
);
const FORM_EXTRA = ['__proto__', 'constructor', 'constructor[prototype][polluted]', '__proto__[polluted]', 'toString', 'hasOwnProperty', 'extra', 'a[b]', 'a[]', 'id', 'role', 'website', '_csrf'];

/** A generated form body: its fields, and a second _csrf field or not (a token array, refused with 403). */
interface FormBody {
  fields: [string, FormValue][];
  secondToken: FormValue | null;
}
const renderForm = (f: FormBody, csrf: string): string =>
  formBodyOf([['_csrf', csrf], ...f.fields, ...(f.secondToken === null ? [] : [['_csrf', f.secondToken] as [string, FormValue]])]);

/**
 * A form body: the valid fields with a few changed, dropped or repeated, or random fields; the
 * CSRF token always first (its refusal is tested in access-control.test.ts).
 */
function formBody(valid: Record<string, string | string[]>): fc.Arbitrary<FormBody> {
  const keys = Object.keys(valid);
  const mutated = fc
    .array(fc.record({ key: fc.constantFrom(...keys, ...FORM_EXTRA), drop: fc.boolean(), value: formScalar }), { minLength: 1, maxLength: 3 })
    .map((muts): FormBody => {
      const fields = new Map<string, FormValue>(Object.entries(valid));
      let secondToken: FormValue | null = null;
      for (const { key, drop, value } of muts) {
        if (key === '_csrf') secondToken = value;
        else if (drop) fields.delete(key);
        else fields.set(key, value);
      }
      return { fields: [...fields], secondToken };
    });
  const random = fc
    .array(fc.tuple(fc.constantFrom(...keys, ...FORM_EXTRA.filter((k) => k !== '_csrf')), formScalar), { maxLength: 8 })
    .map((fields): FormBody => ({ fields, secondToken: null }));
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: random });
}

/** fast-check's report, with the counterexample cut short (a 300 KB string is no help in a log). */
function shortReport(out: fc.RunDetails<unknown>): void {
  if (!out.failed) return;
  const message = fc.defaultReportMessage(out) ?? 'property failed';
  const short = message.length > 4000 ? `${message.slice(0, 4000)}… [${message.length - 4000} more characters]` : message;
  throw new Error(`${replayHint}\n${short}`, { cause: out.errorInstance });
}
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: propertySeed, reporter: shortReport });

// ---- checks ----------------------------------------------------------------------------------------

const STATUS_OF: Record<string, number> = {
  validation: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, gone: 410, payload_too_large: 413, rate_limited: 429,
};
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'isAdmin', 'role', 'a', 'name']) expect(probe[k], `Object.prototype.${k}`).toBeUndefined();
}

/** The API's answer: JSON always; a refusal in the documented shape with a known code. */
function expectApiAnswer(res: request.Response, okStatuses: number[]): void {
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  if (res.status >= 400) {
    expect(Object.keys(res.body)).toEqual(['error']);
    expect(Object.keys(res.body.error).sort()).toEqual(['code', 'fields', 'message']);
    const { code, message, fields } = res.body.error;
    expect(Object.keys(STATUS_OF)).toContain(code);
    expect(res.status).toBe(STATUS_OF[code]);
    expect(typeof message).toBe('string');
    expect(message.length).toBeGreaterThan(0);
    expect(fields).toBeTypeOf('object');
    for (const v of Object.values(fields)) expect(typeof v).toBe('string');
  } else {
    expect(okStatuses, `unexpected success status ${res.status}`).toContain(res.status);
    expect(res.body).toBeTypeOf('object');
  }
}

/** A page's answer: no 5xx, a status the app uses, and never a stack trace. */
function expectPageAnswer(res: request.Response, alsoAllowed: number[] = []): void {
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  expect([200, 201, 302, 303, 400, 404, 409, 413, 429, ...alsoAllowed]).toContain(res.status);
  if (res.status >= 400) {
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).not.toMatch(/ReferenceError|TypeError|SyntaxError|node_modules|\n\s+at .+:\d+:\d+/);
  }
}

const unchanged = (before: Record<string, string>, db: Db) => expect(fingerprint(db), 'a refusal changed the database').toEqual(before);

// ---- worlds ----------------------------------------------------------------------------------------

const servers: http.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map(close));
});

interface World {
  db: Db;
  config: AppConfig;
  server: http.Server;
}

async function world(opts: { noUsers?: boolean } = {}): Promise<World> {
  const { app, db, config } = buildTestApp();
  const server = await listen(app);
  servers.push(server);
  if (!opts.noUsers) await makeUser(db, 'officer', 'petugas');
  return { db, config, server };
}

async function apiToken(w: World, role: Role): Promise<string> {
  const name = await makeUser(w.db, role, `${role}-token`);
  return createToken(w.db, testActor, name, 'fuzz').token;
}

interface Browser {
  agent: TestAgent;
  csrf: string;
}

async function browserAs(w: World, role?: Role): Promise<Browser> {
  const agent = request.agent(w.server);
  const ip = freshAddress();
  if (!role) return { agent, csrf: csrfFrom((await agent.get('/status').set('X-Forwarded-For', ip)).text) };
  const username = await makeUser(w.db, role, `${role}-fuzz`);
  const page = await agent.get('/login').set('X-Forwarded-For', ip);
  await agent.post('/login').set('X-Forwarded-For', ip).type('form').send({ _csrf: csrfFrom(page.text), username, password: TEST_PASSWORD }).expect(302);
  return { agent, csrf: csrfFrom((await agent.get('/status').set('X-Forwarded-For', ip)).text) };
}

const Z = 'Asia/Jakarta';
const openRequest = (db: Db) => makeRequest(db, { receivedOn: '2022-03-01' });
/** A voided entry (version 2), for the restore endpoints. */
function voidedRequest(db: Db) {
  const r = makeRequest(db, { receivedOn: '2022-03-01' });
  return voidRequest({ db, actor: testActor, zone: Z, id: r.id, input: { reason: 'duplicate', note: '' } });
}
/** Granted in full on 8 March 2022: the information can be delivered. */
function grantedRequest(db: Db) {
  const r = makeRequest(db, { receivedOn: '2022-03-01' });
  return decideRequest({ db, actor: testActor, zone: Z, id: r.id, input: {
    decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '',
    reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
}

function decidedRequest(db: Db) {
  const r = makeRequest(db, { receivedOn: '2022-03-01' });
  return decideRequest({ db, actor: testActor, zone: Z, id: r.id, input: {
    decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Memuat NIK',
    reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
}
function openObjection(db: Db) {
  const r = decidedRequest(db);
  return fileObjection({ db, actor: testActor, zone: Z, requestId: r.id, input: {
    filedOn: '2022-03-20', grounds: ['a'], statement: 'Keberatan atas penolakan', filedBy: 'requester', proxyName: '', lateNote: '' } });
}
/** An answered objection (25 Mar 2022) whose dispute is registered (5 Apr 2022): for the stage forms. */
function disputedObjection(db: Db) {
  const o = answeredObjection(db);
  return recordDispute({ db, actor: testActor, zone: Z, id: o.id, input: { disputeRegisteredOn: '2022-04-05', disputeCaseNumber: '', disputeLateNote: '', disputeNote: '' } });
}
function answeredObjection(db: Db) {
  const o = openObjection(db);
  return respondToObjection({ db, actor: testActor, zone: Z, id: o.id, input: {
    respondedOn: '2022-03-25', result: 'rejected', reasoning: 'Tetap', followUp: '', informationGivenOn: null, responderName: '' } });
}

/** Unit PK.1, made once per world. */
function unitPk1(db: Db): number {
  return findUnitByCode(db, 'PK.1')?.id ?? createUnit({ db, actor: testActor, input: { code: 'PK.1', name: 'Sekretariat', kind: 'unit', active: true } }).id;
}
/** An open disposition of a fresh request to PK.1, sent today. */
function openDisposition(db: Db) {
  return sendDispositions({ db, actor: testActor, zone: Z, requestId: openRequest(db).id, input: { unitIds: [unitPk1(db)], note: '' } }).rows[0];
}
/** Today in the office zone: a unit answers on or after the day sent, never later than today. */
const TODAY = todayIn(Z);
/** An open consultation ticket that came in on 2024-03-01, 09:00 WIB. */
function openTicket(db: Db): number {
  return logConsultation({ db, actor: testActor, zone: Z, input: {
    received_at: '2024-03-01T09:00:00+07:00', channel: 'whatsapp', category: 'question', topic: '', question: 'Pertanyaan', escalated: false,
    user: { name: 'Pengguna', type: 'other', institution: '', region_code: '', email: '', phone: '' } } }).id;
}

/** The next working day (a visit is reserved at least one working day ahead; a video call planned then). */
const nextWorkingDay = (db: Db) => addWorkingDays(TODAY, 1, loadCalendar(db));
/** A minute ago, as a datetime-local field in the office zone. */
const justNow = () => DateTime.now().setZone(Z).minus({ minutes: 1 }).toFormat("yyyy-LL-dd'T'HH:mm");
const visitInput = (db: Db) => ({
  guestNames: 'Tamu', guestType: 'local_government' as const, institution: 'BPKAD', regionCode: '51', phone: '0811', email: '',
  plannedOn: nextWorkingDay(db), topic: 'village_fund', people: 1, travelOrders: '' });
/** A reservation for the next working day (people 1; a fresh region each time, so the quota never fills). */
let visitRegion = 0;
/** The official region codes (provinces and regencies/cities), taken in turn. */
const REGION_CODES = provinces().flatMap((p) => [p.code, ...regenciesOf(p.code).map((r) => r.code)]);
const nextRegion = () => REGION_CODES[visitRegion++ % REGION_CODES.length];
function reservedVisit(db: Db): number {
  return reserveVisit({ db, actor: testActor, zone: Z, input: { ...visitInput(db), regionCode: nextRegion() } }).id;
}
/** A reservation for today, written as if taken earlier (the guest is at the lobby now). */
function visitToday(db: Db): number {
  const now = new Date().toISOString();
  return insertVisit(db, { ...visitInput(db), plannedOn: TODAY, status: 'reserved', createdAt: now, updatedAt: now }).id;
}
/** A video call requested by a letter received today, planned on the next working day. */
function plannedCall(db: Db): number {
  unitPk1(db);
  return requestVideoConference({ db, actor: testActor, zone: Z, input: {
    letterNumber: '005/1/2026', letterDate: TODAY, letterReceivedOn: TODAY, regionCode: '5171', institution: 'BPKAD', topic: 'regional_financing',
    unitCode: 'PK.1', network: 'office_app', plannedAt: `${nextWorkingDay(db)}T09:00:00+07:00`, lateReason: '' } }).id;
}

/**
 * The target of one run, made on demand and kept while runs are refused: a refusal leaves it as it
 * was (the very thing the properties check), so only a success uses it up.
 */
function reusable(make: (db: Db) => string) {
  let current: string | null = null;
  return {
    get: (db: Db) => (current ??= make(db)),
    usedUp: () => {
      current = null;
    },
  };
}

const RUNS_API = 150;
const RUNS_FORM = 150;
/** Forms whose valid bodies cost a scrypt hash or check (~50 ms each): fewer runs keep the file fast. */
const RUNS_SCRYPT = 100;

// ---- API bodies -----------------------------------------------------------------------------------

interface ApiBodyTarget {
  name: string;
  method: 'post' | 'put';
  /** Makes what one run needs and returns the path. */
  path: (db: Db) => string;
  valid: Record<string, unknown>;
  role: Role;
  ok: number[];
}

/** The date fields of each API body (every one is bounded). */
const API_DATE_FIELDS: Record<string, string[]> = {
  'POST /api/v1/requests': ['received_on'],
  'POST /api/v1/requests/:id/extension': ['extended_on'],
  'POST /api/v1/requests/:id/decision': ['decided_on'],
  'PUT /api/v1/requests/:id/decision': ['decided_on'],
  'POST /api/v1/requests/:id/delivery': ['delivered_on'],
  'POST /api/v1/requests/:id/withdrawal': ['withdrawn_on'],
  'POST /api/v1/requests/:id/objections': ['filed_on'],
  'POST /api/v1/objections/:id/response': ['responded_on', 'information_given_on'],
  'POST /api/v1/objections/:id/dispute-stages': ['decided_on'],
  'POST /api/v1/requests/:id/dispositions': ['due_on'],
  'POST /api/v1/dispositions/:id/answer': ['answered_on'],
  // Instants of the desk: the day is sent with a time and an offset (see asInstant).
  'POST /api/v1/consultations': ['received_at'],
  'POST /api/v1/consultations/:id/escalation': ['escalated_at'],
  'POST /api/v1/consultations/:id/answer': ['answered_at'],
};
/** The desk's date-and-time fields: an old or far day is sent as that day at 09:00 (office zone). */
const INSTANT_FIELDS = new Set(['received_at', 'escalated_at', 'answered_at', 'receivedAt', 'escalatedAt', 'answeredAt', 'checkedInAt', 'plannedAt', 'heldAt']);
const asInstant = (field: string, day: string, offset: string) => (INSTANT_FIELDS.has(field) ? `${day}T09:00${offset}` : day);

const API_BODIES: ApiBodyTarget[] = [
  { name: 'POST /api/v1/requests', method: 'post', path: () => '/api/v1/requests', valid: apiIntakeBody(), role: 'officer', ok: [201] },
  {
    name: 'POST /api/v1/requests/:id/extension', method: 'post', path: (db) => `/api/v1/requests/${openRequest(db).id}/extension`,
    valid: { extended_on: '2022-03-10', days: 5, reason: 'Data dihimpun dari kantor wilayah', version: 1 }, role: 'officer', ok: [200],
  },
  {
    name: 'POST /api/v1/requests/:id/decision', method: 'post', path: (db) => `/api/v1/requests/${openRequest(db).id}/decision`,
    valid: { decided_on: '2022-03-08', provide_on: '2022-03-08', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'partial', reasons: ['exempt', 'other'], exemption_articles: ['h'], exemption_while_protected: true, exemption_basis: 'UU 14/2008 Pasal 17', consequence_test: 'Memuat NIK', reason_note: 'Sebagian belum ada', notice_note: '', fee_rupiah: 0, version: 1 },
    role: 'officer', ok: [200],
  },
  {
    name: 'PUT /api/v1/requests/:id/decision', method: 'put', path: (db) => `/api/v1/requests/${decidedRequest(db).id}/decision`,
    valid: { decided_on: '2022-03-09', provide_on: '2022-03-09', given_form: "softcopy", redacted_parts: "NIK dihitamkan", held_by: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemption_articles: ['h', 'j'], exemption_while_protected: true, exemption_basis: 'UU 14/2008 Pasal 17', consequence_test: 'Memuat NIK', correction_note: 'Salah tanggal' },
    role: 'supervisor', ok: [200],
  },
  {
    name: 'POST /api/v1/requests/:id/delivery', method: 'post', path: (db) => `/api/v1/requests/${grantedRequest(db).id}/delivery`,
    valid: { delivered_on: '2022-03-10', method: 'email', cost_copy: 5000, cost_delivery: 0, cost_other: 0, payment_method: 'cash', note: 'Dikirim', version: 2 },
    role: 'officer', ok: [200],
  },
  {
    name: 'POST /api/v1/requests/:id/withdrawal', method: 'post', path: (db) => `/api/v1/requests/${openRequest(db).id}/withdrawal`,
    valid: { withdrawn_on: '2022-03-05', note: 'Pemohon mencabut', version: 1 }, role: 'officer', ok: [200],
  },
  {
    name: 'POST /api/v1/requests/:id/void', method: 'post', path: (db) => `/api/v1/requests/${openRequest(db).id}/void`,
    valid: { reason: 'duplicate', note: 'Sama dengan 001', version: 1 }, role: 'officer', ok: [200],
  },
  {
    name: 'POST /api/v1/requests/:id/unvoid', method: 'post', path: (db) => `/api/v1/requests/${voidedRequest(db).id}/unvoid`,
    valid: { note: 'Bukan entri ganda', version: 2 }, role: 'supervisor', ok: [200],
  },
  {
    name: 'POST /api/v1/requests/:id/objections', method: 'post', path: (db) => `/api/v1/requests/${decidedRequest(db).id}/objections`,
    valid: { filed_on: '2022-03-20', grounds: ['a'], statement: 'Keberatan atas penolakan', filed_by: 'proxy', proxy_name: 'Kuasa', late_note: '' },
    role: 'officer', ok: [201],
  },
  {
    name: 'POST /api/v1/objections/:id/response', method: 'post', path: (db) => `/api/v1/objections/${openObjection(db).id}/response`,
    valid: { responded_on: '2022-04-01', result: 'upheld', reasoning: 'Informasi dapat diberikan sebagian', follow_up: 'Diberikan', information_given_on: '2022-04-05', responder_name: 'Atasan', version: 1 },
    role: 'supervisor', ok: [200],
  },
  {
    name: 'POST /api/v1/objections/:id/dispute-stages', method: 'post', path: (db) => `/api/v1/objections/${disputedObjection(db).id}/dispute-stages`,
    valid: { stage: 'adjudication', decided_on: '2022-06-01', result: 'partly_granted', case_number: '12/KIP/2022', note: 'Putusan dibacakan' },
    role: 'supervisor', ok: [201],
  },
  {
    name: 'POST /api/v1/requests/:id/dispositions', method: 'post', path: (db) => { unitPk1(db); return `/api/v1/requests/${openRequest(db).id}/dispositions`; },
    valid: { unit_code: 'PK.1', due_on: `${Number(TODAY.slice(0, 4)) + 1}-01-05`, note: 'Mohon data per kabupaten' }, role: 'officer', ok: [201],
  },
  {
    name: 'POST /api/v1/dispositions/:id/answer', method: 'post', path: (db) => `/api/v1/dispositions/${openDisposition(db).id}/answer`,
    valid: { answered_on: TODAY, result: 'possibly_exempt', note: 'Ada di bagian anggaran', holder: '', exemption_articles: ['h'], consequence_test: 'Memuat NIK', version: 1 },
    role: 'officer', ok: [200],
  },
  {
    name: 'POST /api/v1/consultations', method: 'post', path: () => '/api/v1/consultations',
    valid: { received_at: '2024-03-01T09:00:00+07:00', channel: 'whatsapp', user: { name: 'Budi', type: 'local_government', institution: 'Pemkab', region_code: '3404', email: 'b@contoh.id', phone: '0812' }, category: 'question', topic: 'village_fund', question: 'Kapan cair?', escalated: false },
    role: 'agent', ok: [201],
  },
  {
    name: 'POST /api/v1/consultations/:id/escalation', method: 'post', path: (db) => { unitPk1(db); return `/api/v1/consultations/${openTicket(db)}/escalation`; },
    valid: { unit_code: 'PK.1', escalated_at: '2024-03-01T10:00:00+07:00', note: 'Mohon dijawab' }, role: 'agent', ok: [200],
  },
  {
    name: 'POST /api/v1/consultations/:id/answer', method: 'post', path: (db) => `/api/v1/consultations/${openTicket(db)}/answer`,
    valid: { answered_at: '2024-03-01T11:00:00+07:00', answer: 'Jawaban' }, role: 'agent', ok: [200],
  },
  {
    // The received date is the ticket's own (nothing to send); the body completes the prefill.
    name: 'POST /api/v1/consultations/:id/request', method: 'post', path: (db) => `/api/v1/consultations/${openTicket(db)}/request`,
    valid: { requester: { address: 'Jl. Melati 1, Sleman', type: 'individual' }, purpose: 'Penelitian', obtain_method: 'softcopy' }, role: 'officer', ok: [201],
  },
];

describe('API bodies: never a 5xx, always the documented error shape, nothing written on a refusal', () => {
  for (const t of API_BODIES) {
    it(t.name, async () => {
      const w = await world();
      const auth = `Bearer ${await apiToken(w, t.role)}`;
      // The valid body itself goes through: the properties below start from something real.
      const first = await request(w.server)[t.method](t.path(w.db)).set('Authorization', auth).send(t.valid);
      expect(t.ok, first.text.slice(0, 300)).toContain(first.status);
      let refused = 0;
      const target = reusable(t.path);
      await fc.assert(
        fc.asyncProperty(jsonBody(t.valid), async (body) => {
          const url = target.get(w.db);
          const before = fingerprint(w.db);
          const res = await request(w.server)[t.method](url).set('Authorization', auth).set('Content-Type', 'application/json').send(body);
          expectApiAnswer(res, t.ok);
          if (res.status >= 400) {
            refused++;
            unchanged(before, w.db);
          } else {
            target.usedUp();
          }
          expectNoPollution();
        }),
        runs(RUNS_API),
      );
      expect(refused, 'most generated bodies are refused').toBeGreaterThan(RUNS_API / 2);
    });
  }
});

// ---- API queries and path parameters ------------------------------------------------------------------

const queryValue = fc.oneof(
  { weight: 6, arbitrary: hostileString.filter((s) => s.length < 1000).map(pct) },
  { weight: 2, arbitrary: hostileNumber.map((n) => pct(String(n))) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_ENCODINGS) },
);
function queryOf(keys: string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...keys, '__proto__', 'constructor', 'toString', 'year[]', 'status[a]', 'extra', ''), queryValue), { maxLength: 6 })
    // Under Node's 16 KB header limit, so the app, not the HTTP parser, answers (a cut may leave a broken escape: fine).
    .map((pairs) => pairs.map(([k, v]) => `${pct(k)}=${v}`).join('&').slice(0, 6000));
}
const segment = fc.oneof(
  { weight: 5, arbitrary: hostileString.filter((s) => s.length < 600).map(pct) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 1_000_000 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('2022', '12', '1', '0', '13', '1989', '2101', '2022.5', '2e3', '+2022', '-2022', '0x7E6', ' 2022', '99999999999999999999999') },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_ENCODINGS, '..', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '2022%00', '2022%2F03', '.', '%20') },
);

describe('API queries and path parameters: never a 5xx, never a write', () => {
  const GETS: { name: string; url: fc.Arbitrary<string>; ok: number[] }[] = [
    { name: 'GET /api/v1/requests?…', url: queryOf(['year', 'month', 'status', 'channel', 'category', 'q', 'page']).map((q) => `/api/v1/requests?${q}`), ok: [200] },
    { name: 'GET /api/v1/objections?…', url: queryOf(['year', 'status']).map((q) => `/api/v1/objections?${q}`), ok: [200] },
    { name: 'GET /api/v1/recap/:year', url: fc.tuple(segment, queryOf(['year', 'unit'])).map(([y, q]) => `/api/v1/recap/${y}?${q}`), ok: [200] },
    { name: 'GET /api/v1/reports/monthly/:year/:month', url: fc.tuple(segment, segment).map(([y, m]) => `/api/v1/reports/monthly/${y}/${m}`), ok: [200] },
    { name: 'GET /api/v1/reports/service/:year/:month', url: fc.tuple(segment, segment).map(([y, m]) => `/api/v1/reports/service/${y}/${m}`), ok: [200] },
    { name: 'GET /api/v1/dispositions?…', url: queryOf(['unit', 'status']).map((q) => `/api/v1/dispositions?${q}`), ok: [200] },
    { name: 'GET /api/v1/consultations?…', url: queryOf(['year', 'month', 'channel', 'status', 'unit']).map((q) => `/api/v1/consultations?${q}`), ok: [200] },
    { name: 'GET /api/v1/units/stats?…', url: queryOf(['year', 'month']).map((q) => `/api/v1/units/stats?${q}`), ok: [200] },
    { name: 'GET /api/v1/requests/:id and /objections/:id', url: fc.tuple(fc.constantFrom('requests', 'objections'), segment).map(([k, id]) => `/api/v1/${k}/${id}`), ok: [200] },
  ];
  for (const t of GETS) {
    it(t.name, async () => {
      const w = await world();
      const auth = `Bearer ${await apiToken(w, 'auditor')}`;
      openObjection(w.db);
      await fc.assert(
        fc.asyncProperty(t.url, async (url) => {
          const before = fingerprint(w.db);
          const res = await request(w.server).get(url).set('Authorization', auth);
          expectApiAnswer(res, t.ok);
          unchanged(before, w.db);
          expectNoPollution();
        }),
        runs(RUNS_API),
      );
    });
  }
});

// ---- API upload (multipart) --------------------------------------------------------------------------

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const FILE_CONTENTS = [
  PDF,
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.from('<html><script>alert(1)</script></html>'),
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0]), Buffer.alloc(100)]),
  Buffer.from('bulan;jumlah\nJanuari;15\n'),
  Buffer.alloc(0),
];
const FILE_NAMES = [
  'surat.pdf', '../../etc/passwd', '../../../tmp/x.pdf', '/etc/passwd', 'C:\\Windows\\x.pdf', '..\\..\\a.pdf', '.htaccess', 'a.pdf.exe',
  'a.exe.pdf', 'rapor\u202Efdp.exe', 'a\u0000.pdf', 'nul', 'CON.pdf', '', ' ', '.pdf', 'a"b.pdf', "a'b.pdf", 'a;b.pdf', 'x'.repeat(400) + '.pdf',
  '😀.pdf', 'data.csv', 'gambar.png', 'a\r\nContent-Type: text/html.pdf',
];

describe('API upload: hostile fields and file names', () => {
  it('POST /api/v1/requests/:id/attachments', async () => {
    const w = await world();
    const auth = `Bearer ${await apiToken(w, 'officer')}`;
    const r = decidedRequest(w.db);
    const o = fileObjection({ db: w.db, actor: testActor, zone: Z, requestId: r.id, input: {
      filedOn: '2022-03-20', grounds: ['a'], statement: 'Keberatan', filedBy: 'requester', proxyName: '', lateNote: '' } });
    const stored = () => fs.readdirSync(w.config.uploadDir).filter((f) => f !== 'tmp').sort();
    const temp = () => fs.readdirSync(path.join(w.config.uploadDir, 'tmp'));
    const fieldValue = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('request_letter', 'written_notice', 'other', 'request', 'decision', `objection:${o.id}`, 'objection:999', 'objection:', 'objection:1:2') },
      { weight: 3, arbitrary: hostileString.filter((s) => s.length < 30_000 && !s.includes('\u0000')) },
    );
    const upload = fc.record({
      fields: fc.array(fc.tuple(fc.constantFrom('kind', 'target', 'note', '__proto__', 'constructor', 'files', 'extra'), fieldValue), { maxLength: 5 }),
      files: fc.array(fc.tuple(fc.constantFrom(...FILE_CONTENTS), fc.oneof(fc.constantFrom(...FILE_NAMES), hostileString.filter((s) => s.length < 300))), { maxLength: 3 }),
      id: fc.oneof({ weight: 5, arbitrary: fc.constant(String(r.id)) }, { weight: 1, arbitrary: segment }),
    });
    await fc.assert(
      fc.asyncProperty(upload, async ({ fields, files, id }) => {
        const before = fingerprint(w.db);
        const filesBefore = stored();
        let t = request(w.server).post(`/api/v1/requests/${id}/attachments`).set('Authorization', auth);
        for (const [k, v] of fields) t = t.field(k, v);
        for (const [buf, name] of files) t = t.attach('files', buf, { filename: name, contentType: 'application/octet-stream' });
        if (!fields.length && !files.length) t = t.field('note', '');
        const res = await t;
        expectApiAnswer(res, [201]);
        expect(temp(), 'no temp file left behind').toEqual([]);
        if (res.status >= 400) {
          unchanged(before, w.db);
          expect(stored()).toEqual(filesBefore);
        } else {
          for (const item of res.body.items) {
            expect(item.name).not.toMatch(/[\\/\u0000-\u001f]/);
            expect(item.name).not.toMatch(/^\./);
          }
          expect(stored().length).toBe(filesBefore.length + res.body.items.length);
        }
        expectNoPollution();
      }),
      runs(RUNS_FORM),
    );
  });
});

async function rawPost(server: http.Server, method: string, url: string, auth: string, body: Buffer, encoding: string) {
  const res = await fetch(`${baseUrl(server)}${url}`, {
    method: method.toUpperCase(), body: new Uint8Array(body),
    headers: { Authorization: auth, 'Content-Type': 'application/json', 'Content-Encoding': encoding },
  });
  return { status: res.status, body: (await res.json()) as { error: { code: string } } & Record<string, unknown> };
}

// ---- explicit API cases ----------------------------------------------------------------------------

describe('API bodies the parser refuses', () => {
  const ENDPOINTS: [string, string][] = [
    ['post', '/api/v1/requests'], ['post', '/api/v1/requests/1/extension'], ['post', '/api/v1/requests/1/decision'],
    ['put', '/api/v1/requests/1/decision'], ['post', '/api/v1/requests/1/withdrawal'], ['post', '/api/v1/requests/1/objections'],
    ['post', '/api/v1/objections/1/response'], ['post', '/api/v1/requests/1/dispositions'], ['post', '/api/v1/dispositions/1/answer'],
  ];

  it('over 100 KB → 413 payload_too_large; malformed JSON → 400; text/plain, XML, form, odd charsets and encodings → 400, never 500', async () => {
    const w = await world();
    const auth = `Bearer ${await apiToken(w, 'supervisor')}`;
    openObjection(w.db);
    const before = fingerprint(w.db);
    for (const [method, url] of ENDPOINTS) {
      const call = () => (request(w.server) as unknown as Record<string, (u: string) => request.Test>)[method](url).set('Authorization', auth);
      const cases: [string, () => request.Test, number, string][] = [
        ['101 KB of JSON', () => call().send(apiIntakeBody({ purpose: 'x'.repeat(101 * 1024) })), 413, 'payload_too_large'],
        ['1 MB of JSON', () => call().set('Content-Type', 'application/json').send(`{"a":"${'y'.repeat(1024 * 1024)}"}`), 413, 'payload_too_large'],
        ['broken JSON', () => call().set('Content-Type', 'application/json').send('{"received_on": '), 400, 'validation'],
        ['JSON with a trailing comma', () => call().set('Content-Type', 'application/json').send('{"a":1,}'), 400, 'validation'],
        ['a bare JSON string', () => call().set('Content-Type', 'application/json').send('"hello"'), 400, 'validation'],
        ['JSON null', () => call().set('Content-Type', 'application/json').send('null'), 400, 'validation'],
        ['a JSON array', () => call().set('Content-Type', 'application/json').send('[{"received_on":"2022-03-01"}]'), 400, 'validation'],
        ['deeply nested arrays', () => call().set('Content-Type', 'application/json').send('['.repeat(20_000) + ']'.repeat(20_000)), 400, 'validation'],
        ['text/plain', () => call().set('Content-Type', 'text/plain').send(JSON.stringify(apiIntakeBody())), 400, 'validation'],
        ['application/xml', () => call().set('Content-Type', 'application/xml').send('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'), 400, 'validation'],
        ['a form body', () => call().type('form').send('received_on=2022-03-01&channel=email'), 400, 'validation'],
        ['no body at all', () => call(), 400, 'validation'],
        ['JSON in latin1', () => call().set('Content-Type', 'application/json; charset=latin1').send('{}'), 400, 'validation'],
        ['JSON in an unknown charset', () => call().set('Content-Type', 'application/json; charset=x-nope').send('{}'), 400, 'validation'],
        ['an unknown content encoding', () => call().set('Content-Type', 'application/json').set('Content-Encoding', 'x-nope').send('{}'), 400, 'validation'],
        ['gzip that is not gzip', () => call().set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"not":"gzip"}'), 400, 'validation'],
      ];
      for (const [what, send, status, code] of cases) {
        const res = await send();
        expect(res.status, `${method} ${url}: ${what}`).toBe(status);
        expect(res.headers['content-type'], what).toMatch(/^application\/json/);
        expect(res.body, what).toEqual({ error: { code, message: expect.any(String), fields: expect.any(Object) } });
      }
      // Compressed bodies as bytes (supertest would turn a Buffer into JSON).
      const bomb = await rawPost(w.server, method, url, auth, zlib.gzipSync(`{"a":"${'z'.repeat(5 * 1024 * 1024)}"}`), 'gzip');
      expect(bomb.status, 'a gzip bomb').toBe(413);
      expect(bomb.body.error.code).toBe('payload_too_large');
      const brotli = await rawPost(w.server, method, url, auth, Buffer.from('not brotli'), 'br');
      expect(brotli.status, 'broken brotli').toBe(400);
      expect(brotli.body.error.code).toBe('validation');
    }
    unchanged(before, w.db);
    expectNoPollution();
  });

  it('gzip-compressed valid JSON is read like plain JSON', async () => {
    const w = await world();
    const auth = `Bearer ${await apiToken(w, 'officer')}`;
    const res = await rawPost(w.server, 'post', '/api/v1/requests', auth, zlib.gzipSync(JSON.stringify(apiIntakeBody())), 'gzip');
    expect(res.status).toBe(201);
    expect(res.body.registration_number).toBe('001/PPID/III/2022');
  });

  it('prototype keys in a body are refused as unknown fields and pollute nothing', async () => {
    const w = await world();
    const auth = `Bearer ${await apiToken(w, 'officer')}`;
    for (const body of [
      '{"__proto__":{"polluted":true},"received_on":"2022-03-01"}',
      `{"constructor":{"prototype":{"polluted":true}}}`,
      `${JSON.stringify(apiIntakeBody()).slice(0, -1)},"__proto__":{"isAdmin":true}}`,
      `${JSON.stringify(apiIntakeBody()).slice(0, -1)},"requester":{"__proto__":{"polluted":1},"name":"x","type":"individual","category":"academic"}}`,
    ]) {
      const before = fingerprint(w.db);
      const res = await request(w.server).post('/api/v1/requests').set('Authorization', auth).set('Content-Type', 'application/json').send(body);
      expect(res.status, body.slice(0, 60)).toBe(400);
      expect(res.body.error.code).toBe('validation');
      unchanged(before, w.db);
      expectNoPollution();
    }
  });

  it('a URL longer than the HTTP parser takes is refused by Node (431) before the app, never a 5xx', async () => {
    const w = await world();
    const auth = `Bearer ${await apiToken(w, 'auditor')}`;
    const res = await request(w.server).get(`/api/v1/requests?q=${'a'.repeat(20_000)}`).set('Authorization', auth);
    expect(res.status).toBe(431);
  });

  it('a path with broken percent-encoding is a 400, on the API and on pages', async () => {
    const w = await world();
    const auth = `Bearer ${await apiToken(w, 'auditor')}`;
    for (const url of ['/api/v1/requests/%E0%A4%A', '/api/v1/objections/%', '/api/v1/recap/%zz', '/api/v1/reports/monthly/2022/%C0']) {
      const res = await request(w.server).get(url).set('Authorization', auth);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('validation');
    }
    const b = await browserAs(w, 'auditor');
    for (const url of ['/requests/%E0%A4%A', '/objections/%', '/status/files/%zz', '/admin/users/%/edit']) {
      const res = await b.agent.get(url);
      expect(res.status, url).toBe(400);
      expectPageAnswer(res);
    }
  });
});

// ---- page forms -----------------------------------------------------------------------------------

type FormValues = Record<string, string | string[]>;
interface FormTarget {
  name: string;
  /** Who posts it: a role, nobody logged in, or nobody on an app without accounts (setup). */
  as: Role | 'anonymous' | 'first visitor';
  path: (db: Db) => string;
  valid: (db: Db) => FormValues;
  /** Refusals this form writes on purpose (a failed login is audited and counted). */
  refusalWrites?: 'failed login';
  numRuns?: number;
  /** What the valid body gets (default 302: saved, redirected). */
  validStatus?: number;
}

const asForm = (o: Record<string, unknown>): FormValues =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v ?? '')]));

/** A fresh answered consultation's one-time rating path (src/ratings). */
function ratingPath(db: Db): string {
  const id = openTicket(db);
  answerConsultation({ db, actor: testActor, zone: Z, id, viewer: { role: 'officer', unitId: null }, input: { answered_at: '2024-03-01T10:00:00+07:00', answer: 'Jawaban' } });
  return ratingLinkOf(db, 'consultation', id)!.path;
}

const FORMS: FormTarget[] = [
  {
    name: 'rate POST /penilaian/:token', as: 'anonymous', path: ratingPath,
    valid: () => ({ service: '4', substance: '5', comment: 'Jawaban jelas', u1: '4', u2: '3', u3: '4', u4: '4', u5: '3', u6: '4', u7: '4', u8: '3', u9: '4', age_band: '30-39', sex: 'p', education: 's1', occupation: 'pns' }),
  },
  {
    name: 'rating settings POST /admin/penilaian', as: 'admin', path: () => '/admin/penilaian',
    valid: () => ({ link_days: '14', scale_max: '5', target: '3.5', min_count: '5', min_users: '5' }),
  },
  { name: 'intake POST /requests', as: 'officer', path: () => '/requests', valid: () => asForm(intakeInput()) },
  {
    name: 'correct intake POST /requests/:id/edit', as: 'officer', path: (db) => `/requests/${openRequest(db).id}/edit`,
    valid: () => asForm({ ...intakeInput({ requesterName: 'Nama Dikoreksi' }), version: 1 }),
  },
  {
    name: 'extend POST /requests/:id/extend', as: 'officer', path: (db) => `/requests/${openRequest(db).id}/extend`,
    valid: () => asForm({ extendedOn: '2022-03-10', extensionDays: 5, extensionReason: 'Data di kantor wilayah', version: 1 }),
  },
  {
    name: 'decide POST /requests/:id/decide', as: 'supervisor', path: (db) => `/requests/${openRequest(db).id}/decide`,
    valid: () => asForm({ decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'partial', reasons: ['exempt', 'other'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Memuat NIK', reasonNote: 'Sebagian', noticeNote: '', feeRupiah: 0, version: 1 }),
  },
  {
    name: 'correct decision POST /requests/:id/correct', as: 'officer', path: (db) => `/requests/${decidedRequest(db).id}/correct`,
    valid: (db) => asForm({ decidedOn: '2022-03-09', provideOn: '2022-03-09', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Memuat NIK', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: 'Salah tanggal', version: decidedRequest(db).version }),
  },
  {
    name: 'withdraw POST /requests/:id/withdraw', as: 'officer', path: (db) => `/requests/${openRequest(db).id}/withdraw`,
    valid: () => asForm({ withdrawnOn: '2022-03-05', note: 'Dicabut', version: 1 }),
  },
  {
    name: 'void POST /requests/:id/void', as: 'officer', path: (db) => `/requests/${openRequest(db).id}/void`,
    valid: () => asForm({ reason: 'mistaken', note: 'Bukan permohonan', version: 1 }),
  },
  {
    name: 'restore POST /requests/:id/unvoid', as: 'supervisor', path: (db) => `/requests/${voidedRequest(db).id}/unvoid`,
    valid: () => asForm({ note: 'Bukan entri ganda', version: 2 }),
  },
  {
    name: 'file objection POST /requests/:id/objections', as: 'officer', path: (db) => `/requests/${decidedRequest(db).id}/objections`,
    valid: () => asForm({ filedOn: '2022-03-20', grounds: ['a'], statement: 'Keberatan atas penolakan', filedBy: 'proxy', proxyName: 'Kuasa', lateNote: '' }),
  },
  {
    name: 'respond POST /objections/:id/respond', as: 'supervisor', path: (db) => `/objections/${openObjection(db).id}/respond`,
    valid: () => asForm({ respondedOn: '2022-04-01', result: 'rejected', reasoning: 'Putusan PPID tetap', followUp: '', informationGivenOn: '', responderName: 'Atasan', version: 1 }),
  },
  {
    name: 'dispute POST /objections/:id/dispute', as: 'supervisor', path: (db) => `/objections/${openObjection(db).id}/dispute`,
    valid: () => asForm({ disputeRegisteredOn: '2022-06-01', disputeCaseNumber: '001/REG-PSI/VI/2022', disputeLateNote: '', disputeNote: '', version: 1 }),
  },
  {
    name: 'dispute stage POST /objections/:id/dispute-stages', as: 'supervisor', path: (db) => `/objections/${disputedObjection(db).id}/dispute-stages`,
    valid: () => asForm({ stage: 'mediation', court: '', heldOn: '2022-05-09', decidedOn: '', caseNumber: '', result: 'failed', note: 'Tidak sepakat' }),
  },
  {
    name: 'requester response POST /objections/:id/requester-response', as: 'officer', path: (db) => `/objections/${answeredObjection(db).id}/requester-response`,
    valid: () => asForm({ requesterResponse: 'accepted', requesterResponseOn: '2022-03-28', requesterResponseNote: '' }),
  },
  {
    name: 'request-less objection POST /objections', as: 'officer', path: () => '/objections',
    valid: () => asForm({ filedOn: '2022-04-04', grounds: ['b'], objectorName: 'Forum Warga', objectorAddress: 'Jl. Kenanga 5', objectorContact: '', statement: 'Laporan berkala tidak diumumkan', filedBy: 'requester', proxyName: '' }),
  },
  { name: 'add holiday POST /admin/holidays', as: 'admin', path: () => '/admin/holidays', valid: () => asForm({ date: '2027-03-10', kind: 'holiday', name: 'Libur uji' }) },
  {
    name: 'edit holiday POST /admin/holidays/:id/edit', as: 'admin', path: (db) => `/admin/holidays/${holidayId(db)}/edit`,
    valid: () => asForm({ date: '2020-01-01', kind: 'holiday', name: 'Tahun Baru Masehi' }),
  },
  { name: 'new user POST /admin/users', as: 'admin', path: () => '/admin/users', valid: () => asForm({ username: 'pengguna.baru', displayName: 'Pengguna Baru', role: 'officer', password: 'kata-sandi-panjang' }), numRuns: RUNS_SCRYPT },
  {
    name: 'edit user POST /admin/users/:id', as: 'admin', path: (db) => `/admin/users/${findUserByUsername(db, 'petugas')!.id}`,
    valid: () => asForm({ displayName: 'Petugas Satu', role: 'officer', active: 'on', password: '' }),
  },
  { name: 'new token POST /admin/tokens', as: 'admin', path: () => '/admin/tokens', valid: () => asForm({ username: 'petugas', name: 'Bot WhatsApp', expiresOn: '' }), validStatus: 201 },
  {
    name: 'settings POST /admin/settings', as: 'admin', path: () => '/admin/settings',
    valid: () => asForm({ office_name: 'Dinas Kominfo', office_city: 'Bekasi', office_address: 'Jl. A', ppid_officer_name: 'Siti', supervisor_name: 'Budi', registration_pattern: '{seq:3}/PPID/{month_roman}/{year}', objection_pattern: '{seq:3}/KEB/PPID/{year}', collective_leave_is_working_day: '1' }),
  },
  {
    name: 'annual report narrative POST /reports/annual/:year/edit', as: 'officer', path: () => '/reports/annual/2022/edit',
    valid: () => asForm({ policy: 'SK PPID 2021', implementation: 'Meja layanan', obstacles: '', recommendations: 'Digitalisasi' }), validStatus: 303,
  },
  { name: 'service standard POST /admin/service-standard', as: 'admin', path: () => '/admin/service-standard', valid: () => asForm({ text: 'Senin–Jumat 08.00–16.00' }), validStatus: 303 },
  {
    name: 'message template POST /admin/templates/:kind', as: 'admin', path: () => '/admin/templates/request.receipt',
    valid: () => asForm({ subject: 'Tanda terima {{nomor}}', body: 'Yth. {{nama}}, kode akses {{kode_akses}}.', waTemplate: 'tanda_terima' }),
  },
  {
    name: 'Profil saya POST /profil', as: 'officer', path: () => '/profil',
    valid: () => asForm({ email: 'petugas@kantor.go.id', newRequests: 'on', dailyDigest: 'on', weeklySummary: '' }),
  },
  { name: 'login POST /login', as: 'anonymous', path: () => '/login', valid: () => asForm({ username: 'petugas', password: 'bukan kata sandinya', next: '/requests' }), refusalWrites: 'failed login', numRuns: RUNS_SCRYPT, validStatus: 400 },
  { name: 'setup POST /setup', as: 'first visitor', path: () => '/setup', valid: () => asForm({ username: 'admin', displayName: 'Admin', password: 'kata-sandi-panjang', passwordConfirm: 'kata-sandi-panjang' }), numRuns: RUNS_SCRYPT },
  {
    name: 'status lookup POST /status', as: 'anonymous', path: () => '/status',
    valid: (db) => { const r = getRequest(db, 1); return asForm({ number: r.registrationNumber, code: r.accessCode }); }, validStatus: 200,
  },
  {
    name: 'send to units POST /requests/:id/dispositions', as: 'officer', path: (db) => `/requests/${openRequest(db).id}/dispositions`,
    valid: (db) => asForm({ unitIds: [String(unitPk1(db))], dueOn: '', note: 'Mohon data' }),
  },
  {
    name: 'unit answer POST /dispositions/:id/answer', as: 'officer', path: (db) => `/dispositions/${openDisposition(db).id}/answer`,
    valid: () => asForm({ answeredOn: TODAY, result: 'not_held', note: 'Bukan data kami', holder: 'BPS', consequenceTest: '', version: 1 }),
  },
  {
    name: 'log a consultation POST /desk/new', as: 'agent', path: () => '/desk/new',
    valid: () => asForm({ receivedAt: '2024-03-01T09:00', channel: 'phone', userName: 'Ani', userType: 'academic', userInstitution: '', userRegionCode: '51', userEmail: '', userPhone: '', category: 'question', topic: '', question: 'Apa itu DAK?' }),
  },
  {
    name: 'escalate a consultation POST /desk/:id/escalate', as: 'agent', path: (db) => { unitPk1(db); return `/desk/${openTicket(db)}/escalate`; },
    valid: () => asForm({ unitCode: 'PK.1', escalatedAt: '2024-03-01T10:00', note: 'Mohon dijawab' }),
  },
  {
    name: 'answer a consultation POST /desk/:id/answer', as: 'agent', path: (db) => `/desk/${openTicket(db)}/answer`,
    valid: () => asForm({ answeredAt: '2024-03-01T10:30', answer: 'Jawaban' }),
  },
  {
    // Received on the ticket's day whatever the form says (the date is not the form's to set).
    name: 'make a consultation a request POST /desk/:id/request', as: 'officer', path: (db) => `/desk/${openTicket(db)}/request`,
    valid: () => asForm(intakeInput()),
  },
  {
    name: 'knowledge entry POST /knowledge', as: 'officer', path: () => '/knowledge',
    valid: (db) => asForm({ topic: 'Dana desa', title: 'Kapan cair?', answer: 'Tahap I Januari.', ownerUnitId: unitPk1(db) }),
  },
  {
    name: 'reserve a visit POST /visits/new', as: 'agent', path: () => '/visits/new',
    valid: (db) => asForm({ ...visitInput(db), regionCode: nextRegion() }),
  },
  { name: 'check in a visit POST /visits/:id/check-in', as: 'agent', path: (db) => `/visits/${visitToday(db)}/check-in`, valid: () => asForm({ checkedInAt: justNow() }) },
  { name: 'cancel a visit POST /visits/:id/cancel', as: 'officer', path: (db) => `/visits/${reservedVisit(db)}/cancel`, valid: () => asForm({ note: 'Jadwal bentrok' }) },
  {
    name: 'video conference POST /video-conferences/new', as: 'agent', path: (db) => { unitPk1(db); return '/video-conferences/new'; },
    valid: (db) => asForm({ letterNumber: '005/2/2026', letterDate: TODAY, letterReceivedOn: TODAY, regionCode: '51', institution: 'Pemprov Bali', topic: 'transfers', unitCode: 'PK.1', network: 'ministry', plannedAt: `${nextWorkingDay(db)}T10:00`, lateReason: '' }),
  },
  { name: 'video conference held POST /video-conferences/:id/held', as: 'agent', path: (db) => `/video-conferences/${plannedCall(db)}/held`, valid: () => asForm({ heldAt: justNow(), recordingUrl: 'https://rekaman.example.id/1' }) },
  {
    name: 'forwarding POST /requests/:id/forward', as: 'officer', path: (db) => `/requests/${openRequest(db).id}/forward`,
    valid: () => asForm({ body: 'Kementerian Dalam Negeri', forwardedOn: TODAY, contact: 'ppid@kemendagri.go.id', note: '' }),
  },
  {
    name: 'report note POST /reports/service/notes', as: 'officer', path: () => '/reports/service/notes',
    valid: () => asForm({ year: '2026', month: '3', section: 'channels', body: 'Perlu penambahan agen pada jam sibuk.' }),
  },
  { name: 'new unit POST /admin/units', as: 'admin', path: () => '/admin/units', valid: () => asForm({ code: 'PK.7', name: 'Unit Baru', kind: 'unit', parentId: '' }) },
  { name: 'desk list item POST /admin/desk/lists', as: 'admin', path: () => '/admin/desk/lists', valid: () => asForm({ list: 'topic', code: 'pajak_pusat', label: 'Pajak pusat' }) },
  {
    name: 'desk list relabel POST /admin/desk/lists/:id', as: 'admin',
    path: (db) => `/admin/desk/lists/${(db.$client.prepare("select id from desk_list_items where code = 'general'").get() as { id: number }).id}`,
    valid: () => asForm({ label: 'Umum dan lain-lain', active: '1' }),
  },
  {
    name: 'desk service hours POST /admin/desk/hours', as: 'admin', path: () => '/admin/desk/hours',
    valid: () => asForm({ opens_1: '08:00', closes_1: '16:00', opens_2: '08:00', closes_2: '16:00', opens_3: '08:00', closes_3: '16:00', opens_4: '08:00', closes_4: '16:00', opens_5: '07:30', closes_5: '16:30' }),
  },
  {
    name: 'desk service levels POST /admin/desk/levels', as: 'admin', path: () => '/admin/desk/levels',
    valid: (db) => asForm(Object.fromEntries((db.$client.prepare('select channel, escalated, amount, unit from desk_service_levels').all() as { channel: string; escalated: number; amount: number; unit: string }[])
      .flatMap((r) => [[`amount_${r.channel}_${r.escalated}`, String(r.channel === 'phone' ? r.amount + 1 : r.amount)], [`unit_${r.channel}_${r.escalated}`, r.unit]]))),
  },
  {
    name: 'online request POST /permohonan', as: 'anonymous', path: () => '/permohonan',
    valid: () => { const { receivedOn: _r, channel: _c, ...rest } = intakeInput(); return asForm({ ...rest, agree: 'yes', website: '' }); },
  },
];

function holidayId(db: Db): number {
  return (db.$client.prepare("SELECT id FROM holidays WHERE date LIKE '2020-%' ORDER BY date LIMIT 1").get() as { id: number }).id;
}

describe('page forms: never a 5xx or a stack trace, nothing written on a refusal', () => {
  for (const t of FORMS) {
    it(t.name, async () => {
      const w = await world({ noUsers: t.as === 'first visitor' });
      openRequest(w.db); // request 1, for the status lookup
      const b = await browserAs(w, t.as === 'anonymous' || t.as === 'first visitor' ? undefined : t.as);
      const freshToken = async () => csrfFrom((await b.agent.get('/status')).text);
      let csrf = await freshToken();
      const valid = t.valid(w.db);
      // The valid body itself goes through (a login with a wrong password is its "valid" refusal):
      // the generated bodies start from something real.
      const first = await b.agent.post(t.path(w.db)).set('X-Forwarded-For', freshAddress()).type('form').send(renderForm({ fields: Object.entries(valid), secondToken: null }, csrf));
      expect(first.status, first.text.slice(0, 500)).toBe(t.validStatus ?? 302);
      // Setup works once: take its account away again so every run meets a fresh install.
      const resetSetup = () => t.as === 'first visitor' && w.db.$client.exec('DELETE FROM users');
      resetSetup();
      csrf = await freshToken();
      let refused = 0;
      const target = reusable(t.path);
      await fc.assert(
        fc.asyncProperty(formBody(valid), async (form) => {
          const doubledToken = form.secondToken !== null;
          const url = target.get(w.db);
          const before = fingerprint(w.db);
          const auditBefore = (w.db.$client.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
          // Each run from its own address: the per-address limits (login, lookup, online form) stay out of the way.
          const res = await b.agent.post(url).set('X-Forwarded-For', freshAddress()).type('form').send(renderForm(form, csrf));
          if (doubledToken) expect([403, 413], 'two CSRF tokens are refused').toContain(res.status);
          expectPageAnswer(res, doubledToken ? [403] : []);
          if (res.status >= 400) {
            refused++;
            if (t.refusalWrites === 'failed login') {
              // By design a failed login is audited and counted toward the lock; nothing else moves.
              const after = fingerprint(w.db);
              for (const table of ['requests', 'objections', 'dispute_stages', 'attachments', 'holidays', 'settings', 'api_tokens']) expect(after[table], table).toBe(before[table]);
              const actions = w.db.$client.prepare('SELECT DISTINCT action FROM audit_log WHERE id > ?').all(auditBefore) as { action: string }[];
              expect(actions.map((a) => a.action).filter((a) => a !== 'login.failed')).toEqual([]);
            } else {
              unchanged(before, w.db);
            }
          }
          else {
            target.usedUp();
            resetSetup();
            // A success may renew the session (setup logs the new admin in): take the token of the current one.
            csrf = await freshToken();
          }
          expectNoPollution();
        }),
        runs(t.numRuns ?? RUNS_FORM),
      );
      expect(refused, 'the property exercised refusals').toBeGreaterThanOrEqual(10);
    });
  }

  it('GET /desk with hostile query strings (an agent): never a 5xx', async () => {
    const w = await world();
    openTicket(w.db);
    const b = await browserAs(w, 'agent');
    await fc.assert(
      fc.asyncProperty(queryOf(['year', 'month', 'channel', 'status', 'unit']), async (q) => {
        const res = await b.agent.get(`/desk?${q}`);
        expect([200, 400, 404], `/desk?${q.slice(0, 200)}`).toContain(res.status);
        if (res.status >= 400) expectPageAnswer(res);
        expectNoPollution();
      }),
      runs(RUNS_API),
    );
  });

  it('GET /visits and /video-conferences with hostile query strings (an agent): never a 5xx', async () => {
    const w = await world();
    reservedVisit(w.db);
    plannedCall(w.db);
    const b = await browserAs(w, 'agent');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/visits', '/video-conferences', '/visits/new', '/video-conferences/new'), queryOf(['date', 'month', 'year']), async (p, q) => {
        const res = await b.agent.get(`${p}?${q}`);
        expect([200, 400, 404], `${p}?${q.slice(0, 200)}`).toContain(res.status);
        if (res.status >= 400) expectPageAnswer(res);
        expectNoPollution();
      }),
      runs(RUNS_API),
    );
  });

  it('GET pages with hostile query strings: never a 5xx', async () => {
    const w = await world();
    openObjection(w.db);
    const b = await browserAs(w, 'admin');
    const pages = ['/requests', '/objections', '/audit', '/recap', '/reports/monthly', '/reports/service', '/rekap', '/admin/holidays', '/requests/export.csv', '/login', '/status', '/permohonan', '/dispositions', '/admin/units'];
    const keys = ['year', 'month', 'status', 'channel', 'category', 'q', 'page', 'action', 'entity', 'actor', 'from', 'to', 'next'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pages), queryOf(keys), async (p, q) => {
        const res = await b.agent.get(`${p}?${q}`);
        expect(res.status, `${p}?${q.slice(0, 200)}`).toBeLessThan(500);
        expect([200, 302, 400, 404]).toContain(res.status);
        if (res.status >= 400) expectPageAnswer(res);
        expectNoPollution();
      }),
      runs(RUNS_API),
    );
  });
});

describe('page forms as multipart without a valid token: refused with 403, never a 5xx, nothing written', () => {
  // Issue 10, points 4 and 8: multipart bodies skipped the CSRF check, and forms that take no
  // files answered 500 on them. Every form, with generated fields, and no token, an empty one, a
  // forged one or one of another browser. (Only the forms that take files parse the body before
  // the check: their parser's limits may answer 400/413 first, never anything that writes.)
  it('every form of FORMS', async () => {
    const w = await world();
    openObjection(w.db);
    const officer = await browserAs(w, 'supervisor');
    const anonymous = await browserAs(w);
    const tokenValue = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.constant('of the other browser'),
      fc.constant('forged'),
      hostileString.filter((v) => v.length < 1000),
    );
    const targets = FORMS.map((t) => ({ ...t, values: t.valid(w.db) }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets).chain((t) => fc.tuple(fc.constant(t), formBody(t.values), tokenValue, fc.boolean())), async ([t, form, token, withFile]) => {
        const b = t.as === 'anonymous' || t.as === 'first visitor' ? anonymous : officer;
        const url = t.path(w.db); // may make a fixture: before the fingerprint
        const before = fingerprint(w.db);
        let req = b.agent.post(url).set('X-Forwarded-For', freshAddress());
        const other = b === officer ? anonymous : officer;
        const sent = token === 'of the other browser' ? other.csrf : token === 'forged' ? `${b.csrf.slice(0, -4)}AAAA` : token;
        if (sent !== null) req = req.field('_csrf', sent);
        for (const [k, v] of form.fields) {
          for (const value of typeof v === 'object' && !Array.isArray(v) ? [v.raw] : ([] as string[]).concat(v)) req = req.field(k, value);
        }
        if (withFile) req = req.attach(url === '/permohonan' ? 'requestLetter' : 'file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'surat.pdf');
        const res = await req;
        expectPageAnswer(res, [403]);
        expect(url === '/permohonan' ? [400, 403, 413] : [403], `${t.name}: ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
        unchanged(before, w.db);
        expectNoPollution();
      }),
      runs(RUNS_FORM),
    );
    // Still logged in: no generated body logged the officer out.
    expect((await officer.agent.get('/requests')).status).toBe(200);
  });
});

/** The date fields of each form (every one is bounded). */
const FORM_DATE_FIELDS: Record<string, string[]> = {
  'intake POST /requests': ['receivedOn'],
  'correct intake POST /requests/:id/edit': ['receivedOn'],
  'extend POST /requests/:id/extend': ['extendedOn'],
  'decide POST /requests/:id/decide': ['decidedOn'],
  'correct decision POST /requests/:id/correct': ['decidedOn'],
  'withdraw POST /requests/:id/withdraw': ['withdrawnOn'],
  'file objection POST /requests/:id/objections': ['filedOn'],
  'respond POST /objections/:id/respond': ['respondedOn', 'informationGivenOn'],
  'dispute POST /objections/:id/dispute': ['disputeRegisteredOn'],
  'dispute stage POST /objections/:id/dispute-stages': ['heldOn', 'decidedOn'],
  'requester response POST /objections/:id/requester-response': ['requesterResponseOn'],
  'request-less objection POST /objections': ['filedOn'],
  'add holiday POST /admin/holidays': ['date'],
  'edit holiday POST /admin/holidays/:id/edit': ['date'],
  'send to units POST /requests/:id/dispositions': ['dueOn'],
  'unit answer POST /dispositions/:id/answer': ['answeredOn'],
  'log a consultation POST /desk/new': ['receivedAt'],
  'escalate a consultation POST /desk/:id/escalate': ['escalatedAt'],
  'answer a consultation POST /desk/:id/answer': ['answeredAt'],
  'forwarding POST /requests/:id/forward': ['forwardedOn'],
  'reserve a visit POST /visits/new': ['plannedOn'],
  'check in a visit POST /visits/:id/check-in': ['checkedInAt'],
  'video conference POST /video-conferences/new': ['letterDate', 'letterReceivedOn', 'plannedAt'],
  'video conference held POST /video-conferences/:id/held': ['heldAt'],
};

describe('old and far dates are refused wherever a date enters (issue 10: one date froze every page)', () => {
  it('every API date field: 400 validation naming the field, nothing written', async () => {
    const w = await world();
    const tokens = new Map<Role, string>();
    for (const role of new Set(API_BODIES.map((t) => t.role))) tokens.set(role, `Bearer ${await apiToken(w, role)}`);
    const cases = API_BODIES.flatMap((t) => (API_DATE_FIELDS[t.name] ?? []).map((field) => ({ t, field, target: reusable(t.path) })));
    // Every body with a date field is covered; voiding and restoring take no date (the day is today).
    const undated = new Set(['POST /api/v1/requests/:id/void', 'POST /api/v1/requests/:id/unvoid', 'POST /api/v1/consultations/:id/request']);
    expect(cases.map((c) => c.t.name)).toEqual(expect.arrayContaining(API_BODIES.map((t) => t.name).filter((n) => !undated.has(n))));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), oldOrFarDate, async ({ t, field, target }, date) => {
        const url = target.get(w.db);
        const before = fingerprint(w.db);
        const res = await request(w.server)[t.method](url).set('Authorization', tokens.get(t.role)!).send({ ...t.valid, [field]: asInstant(field, date, ':00+07:00') });
        expect(res.status, `${t.name} ${field}=${date}`).toBe(400);
        expect(res.body.error.code).toBe('validation');
        expect(res.body.error.fields[field], `${t.name} ${field}=${date}`).toMatch(DATE_REFUSAL);
        unchanged(before, w.db);
      }),
      runs(RUNS_API),
    );
  });

  it('every form date field: the form comes back (400) with the date message, nothing written', async () => {
    const w = await world();
    const targets = FORMS.filter((t) => FORM_DATE_FIELDS[t.name]);
    expect(targets).toHaveLength(Object.keys(FORM_DATE_FIELDS).length);
    const browsers = new Map<Role, Browser>();
    for (const role of new Set(targets.map((t) => t.as as Role))) browsers.set(role, await browserAs(w, role));
    const cases = targets.flatMap((t) => FORM_DATE_FIELDS[t.name].map((field) => ({ t, field, target: reusable(t.path) })));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), oldOrFarDate, async ({ t, field, target }, date) => {
        const b = browsers.get(t.as as Role)!;
        const url = target.get(w.db);
        const fields = Object.entries({ ...t.valid(w.db), [field]: asInstant(field, date, '') });
        const before = fingerprint(w.db);
        const res = await b.agent.post(url).type('form').send(renderForm({ fields, secondToken: null }, b.csrf));
        expect(res.status, `${t.name} ${field}=${date}`).toBe(400);
        expect(res.text, `${t.name} ${field}=${date}`).toMatch(DATE_REFUSAL);
        unchanged(before, w.db);
      }),
      runs(RUNS_FORM),
    );
  });
});

describe('form bodies the parser refuses', () => {
  it('over the 200 KB limit → 413 page; too many fields → 413 page; an odd charset or encoding → 400 page; never a stack trace', async () => {
    const w = await world();
    makeRequest(w.db);
    const b = await browserAs(w, 'officer');
    const before = fingerprint(w.db);
    const cases: [string, () => request.Test, number][] = [
      ['250 KB field', () => b.agent.post('/requests').type('form').send(`_csrf=${encodeURIComponent(b.csrf)}&requesterName=${'x'.repeat(250_000)}`), 413],
      ['2 MB field', () => b.agent.post('/status').type('form').send(`_csrf=${encodeURIComponent(b.csrf)}&number=${'x'.repeat(2_000_000)}`), 413],
      ['600 fields', () => b.agent.post('/requests').type('form').send(`_csrf=${encodeURIComponent(b.csrf)}&${Array.from({ length: 600 }, (_, i) => `f${i}=1`).join('&')}`), 413],
      ['koi8-r charset', () => b.agent.post('/requests').set('Content-Type', 'application/x-www-form-urlencoded; charset=koi8-r').send(`_csrf=${encodeURIComponent(b.csrf)}`), 400],
      ['unknown content encoding', () => b.agent.post('/requests').type('form').set('Content-Encoding', 'x-nope').send(`_csrf=${encodeURIComponent(b.csrf)}`), 400],
      ['gzip that is not gzip', () => b.agent.post('/requests').type('form').set('Content-Encoding', 'gzip').send(`_csrf=${encodeURIComponent(b.csrf)}`), 400],
    ];
    for (const [what, send, status] of cases) {
      const res = await send();
      expect(res.status, what).toBe(status);
      expectPageAnswer(res);
      // The app's own error page, with its layout, not Express's default one.
      expect(res.text, what).toContain('PPID · Layanan Informasi Publik');
      expect(res.headers['content-security-policy'], what).toBeDefined();
    }
    unchanged(before, w.db);
  });

  it('JSON, XML and plain text posted to a form are refused (no CSRF token was read), never a 5xx', async () => {
    const w = await world();
    const b = await browserAs(w, 'officer');
    const before = fingerprint(w.db);
    for (const [type, body] of [['application/json', JSON.stringify({ _csrf: b.csrf, ...intakeInput() })], ['application/xml', '<a/>'], ['text/plain', `_csrf=${b.csrf}`]]) {
      const res = await b.agent.post('/requests').set('Content-Type', type).send(body);
      expect(res.status, type).toBe(403);
      expect(res.text).not.toMatch(/ReferenceError|TypeError|node_modules/);
    }
    unchanged(before, w.db);
  });

  it('a second _csrf field (the token becomes an array) is refused, not a crash', async () => {
    const w = await world();
    const b = await browserAs(w, 'officer');
    const res = await b.agent.post('/requests').type('form').send(`_csrf=${encodeURIComponent(b.csrf)}&_csrf=${encodeURIComponent(b.csrf)}`);
    expect(res.status).toBe(403);
  });

  it('a hostile one-time form key (array, too long, control characters, odd bytes) is refused with a 400 page and changes nothing', async () => {
    const w = await world();
    const b = await browserAs(w, 'officer');
    const form = new URLSearchParams({ _csrf: b.csrf, ...(intakeInput() as unknown as Record<string, string>) }).toString();
    for (const key of ['_key=a&_key=b', `_key=${'k'.repeat(300)}`, '_key=abc%00defghij', '_key=%E2%80%AEabcdefghij', '_key=%09abcdefghij', '_key=short']) {
      const before = fingerprint(w.db);
      const res = await b.agent.post('/requests').type('form').send(`${form}&${key}`);
      expect(res.status, key).toBe(400);
      expect(res.text).not.toMatch(/TypeError|ReferenceError|node_modules/);
      unchanged(before, w.db);
    }
  });

  it('a hostile Idempotency-Key header is refused with a 400 in the documented shape and changes nothing', async () => {
    const w = await world();
    const auth = `Bearer ${await apiToken(w, 'officer')}`;
    for (const key of ['x', 'k'.repeat(256), 'kunci dengan spasi', 'ééééééééé']) {
      const before = fingerprint(w.db);
      const res = await request(w.server).post('/api/v1/requests').set('Authorization', auth).set('Idempotency-Key', encodeURI(key) === key ? key : Buffer.from(key, 'utf8').toString('latin1')).send(apiIntakeBody());
      expect(res.status, key).toBe(400);
      expect(res.body.error.code).toBe('validation');
      unchanged(before, w.db);
    }
  });

  it('a stale, broken or forged version is refused and changes nothing; only the current one goes through', async () => {
    const w = await world();
    const b = await browserAs(w, 'officer');
    const cases: [string | string[], number[]][] = [
      ['1', [409]], ['99', [409]], ['1e3', [409]], ['0', [400]], ['-1', [400]], ['abc', [400]], ['1.5', [400]], ['2abc', [400]],
      [['2', '1'], [400]], ['2', [302]],
    ];
    for (const [version, statuses] of cases) {
      const r = openRequest(w.db);
      // Someone else extended it first: version 1 → 2.
      await b.agent.post(`/requests/${r.id}/extend`).type('form').send({ _csrf: b.csrf, extendedOn: '2022-03-10', extensionDays: '3', extensionReason: 'pertama', version: '1' }).expect(302);
      const before = fingerprint(w.db);
      const res = await b.agent.post(`/requests/${r.id}/withdraw`).type('form').send({ _csrf: b.csrf, withdrawnOn: '2022-03-11', note: '', version });
      expect(statuses, `version ${JSON.stringify(version)} gave ${res.status}`).toContain(res.status);
      if (res.status >= 400) unchanged(before, w.db);
    }
  });
});
