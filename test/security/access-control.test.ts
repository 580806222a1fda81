/**
 * Access control, route by route and role by role, as README "Roles", "The public side",
 * "Attachments" and "JSON API v1" describe it. The tables below ARE the specification: the
 * allowed roles are written out here, not read from src/auth/roles.ts. A route the app registers
 * without a row here fails the first test.
 *
 * Also: CSRF on every POST form, session renewal at login, security headers, no inline script
 * on any page, and no personal data on /status, /rekap or /api/v1/recap.
 * (The lockout after five wrong passwords is tested in test/auth/auth.routes.test.ts, "when the
 * password is wrong too often…"; the per-address login limit likewise.)
 */
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import type { Application } from 'express';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, makeUser, TEST_PASSWORD } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { testUnit } from '../helpers/login-as.js';
import { createUnit } from '../../src/units/units.service.js';
import { sendDispositions } from '../../src/units/dispositions.service.js';
import { answerConsultation, escalateConsultation, logConsultation } from '../../src/desk/desk.service.js';
import { submitRating } from '../../src/ratings/ratings.service.js';
import { ratingLinkOf } from '../../src/ratings/links.js';
import { createEntry } from '../../src/knowledge/knowledge.service.js';
import { reserveVisit } from '../../src/visits/visits.service.js';
import { requestVideoConference } from '../../src/visits/video.service.js';
import { addWorkingDays } from '../../src/calendar/working-days.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { todayIn } from '../../src/shared/dates.js';
import type { Db } from '../../src/db/client.js';
import type { Role } from '../../src/auth/roles.js';
import { createToken, revokeToken } from '../../src/auth/auth.service.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { removeAttachment } from '../../src/uploads/attachments.service.js';
import {
  close, expectSecurityHeaders, fingerprint, freshAddress, inlineScriptProblems, listen, registeredRoutes,
} from './support.js';

// ---- who -------------------------------------------------------------------------------------

/** Browser principals: nobody, a requester who passed the status lookup for request A, staff. */
type Who = 'anonymous' | 'requester' | Role;
const WHO: readonly Who[] = ['anonymous', 'requester', 'officer', 'supervisor', 'auditor', 'admin', 'unit', 'agent'];
const STAFF: readonly Role[] = ['officer', 'supervisor', 'auditor', 'admin', 'unit', 'agent'];
const isStaff = (w: Who): w is Role => (STAFF as readonly string[]).includes(w);

/** API principals: no token, a revoked token, a browser session cookie (no token), and tokens per role. */
type ApiWho = 'no token' | 'revoked token' | 'session cookie' | Role;
const API_WHO: readonly ApiWho[] = ['no token', 'revoked token', 'session cookie', 'officer', 'supervisor', 'auditor', 'admin', 'unit', 'agent'];

// ---- the specification -------------------------------------------------------------------------

// README "Roles": every staff role reads the register; officers and supervisors do the PPID work;
// only the supervisor answers objections and records disputes; auditors and admins read the audit
// log and download exports; the admin alone runs accounts, tokens, holidays, settings, the import
// and the purge of removed files.
const READ: readonly Role[] = ['officer', 'supervisor', 'auditor', 'admin'];
const WRITE: readonly Role[] = ['officer', 'supervisor'];
const RESPOND: readonly Role[] = ['supervisor'];
// README "Deadlines": an officer or supervisor voids a mistaken entry; only the supervisor restores it.
const RESTORE: readonly Role[] = ['supervisor'];
const AUDIT: readonly Role[] = ['auditor', 'admin'];
const EXPORT: readonly Role[] = ['auditor', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
// README "Unit kerja dan disposisi": a unit's staff (role `unit`) see their unit's queue and
// dispositions and answer them; officers and supervisors send, reassign, recall and remind (and
// may record a unit's answer on its behalf); every staff reader sees every queue. A unit's staff
// get "not found" for anything under /requests/ (numbers do not leak): see judgePage.
const QUEUE: readonly Role[] = [...READ, 'unit'];
const ANSWER: readonly Role[] = [...WRITE, 'unit'];
// README "Layanan konsultasi": agents (contact-centre staff) work the desk and nothing of the
// register; officers and supervisors can do all an agent can; a unit's staff see and answer the
// tickets escalated to their unit (K is escalated to the `unit` user's unit). Admins and
// auditors have no desk.
const DESK: readonly Role[] = [...WRITE, 'agent'];
const DESK_OR_UNIT: readonly Role[] = [...DESK, 'unit'];
// README "Layanan konsultasi": only a unit's head approves its answers (the route is the unit
// role's; a non-head unit user is refused by the use case); making a ticket a PPID request is an
// officer's act (agents hand it over); knowledge entries are written by officers, supervisors and
// the owner unit's staff, flagged by desk staff; the per-unit approval setting is the admin's.
const HEAD: readonly Role[] = ['unit'];
const KB_EDIT: readonly Role[] = [...WRITE, 'unit'];
// README "Layanan konsultasi": the CRM import is for admins and officers.
const DESK_IMPORT: readonly Role[] = ['officer', 'admin'];

/**
 * gate 'staff': anonymous (and the requester) are sent to /login?next=…, a logged-in role not in
 * `allow` gets 403. gate 'public': everyone. gate 'holder': only who holds the capability in
 * its session (`allow`), everyone else 404 (no hint that the thing exists).
 * `ok` is the exact answer an allowed principal gets, where it is known: [status, Location?].
 */
interface PageRow {
  m: 'GET' | 'POST';
  route: string;
  path: string;
  gate: 'staff' | 'public' | 'holder';
  allow: readonly Who[];
  ok?: (who: Who) => [number, string?];
}

const EVERYONE = WHO;
const PAGES: PageRow[] = [
  // public side
  { m: 'GET', route: '/', path: '/', gate: 'public', allow: EVERYONE, ok: (w) => (w === 'unit' ? [302, '/dispositions'] : w === 'agent' ? [302, '/desk'] : isStaff(w) ? [302, '/requests'] : [200]) },
  { m: 'GET', route: '/login', path: '/login', gate: 'public', allow: EVERYONE, ok: (w) => (isStaff(w) ? [302, '/'] : [200]) },
  { m: 'POST', route: '/login', path: '/login', gate: 'public', allow: EVERYONE, ok: () => [400] },
  // Setup is gone once an account exists.
  { m: 'GET', route: '/setup', path: '/setup', gate: 'public', allow: EVERYONE, ok: () => [302, '/login'] },
  { m: 'POST', route: '/setup', path: '/setup', gate: 'public', allow: EVERYONE, ok: () => [404] },
  { m: 'GET', route: '/status', path: '/status', gate: 'public', allow: EVERYONE },
  { m: 'POST', route: '/status', path: '/status', gate: 'public', allow: EVERYONE, ok: () => [400] },
  { m: 'GET', route: '/permohonan', path: '/permohonan', gate: 'public', allow: EVERYONE },
  { m: 'POST', route: '/permohonan', path: '/permohonan', gate: 'public', allow: EVERYONE, ok: () => [400] },
  { m: 'GET', route: '/rekap', path: '/rekap?year=2022', gate: 'public', allow: EVERYONE },
  // Handed-in annual reports (none in this world: the year's page is "not found").
  { m: 'GET', route: '/laporan', path: '/laporan', gate: 'public', allow: EVERYONE },
  { m: 'GET', route: '/laporan/:year', path: '/laporan/2022', gate: 'public', allow: EVERYONE, ok: () => [404] },
  // Only the browser that submitted the online form sees its receipt; A came in by e-mail.
  { m: 'GET', route: '/permohonan/tanda-bukti/:id', path: '/permohonan/tanda-bukti/{A}', gate: 'holder', allow: [] },
  // The requester's written notice, after the status lookup in this browser; nobody else.
  { m: 'GET', route: '/status/files/:id', path: '/status/files/{notice}', gate: 'holder', allow: ['requester'] },

  // register
  { m: 'GET', route: '/requests', path: '/requests', gate: 'staff', allow: READ },
  { m: 'GET', route: '/requests/new', path: '/requests/new', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests', path: '/requests', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/requests/export.csv', path: '/requests/export.csv?year=2022', gate: 'staff', allow: EXPORT },
  { m: 'GET', route: '/requests/export.xlsx', path: '/requests/export.xlsx?year=2022', gate: 'staff', allow: EXPORT },
  { m: 'GET', route: '/requests/:id', path: '/requests/{A}', gate: 'staff', allow: READ },
  { m: 'GET', route: '/requests/:id/receipt', path: '/requests/{A}/receipt', gate: 'staff', allow: READ },
  { m: 'GET', route: '/requests/:id/notice', path: '/requests/{A}/notice', gate: 'staff', allow: READ },
  // A is not extended: readers get "not found" (the letter itself: test/requests/extension-letter.test.ts).
  { m: 'GET', route: '/requests/:id/extension-letter', path: '/requests/{A}/extension-letter', gate: 'staff', allow: READ, ok: () => [404] },
  // A is rejected under Pasal 17 huruf h: its Surat Keputusan penolakan (test/dik/dik.test.ts).
  { m: 'GET', route: '/requests/:id/rejection-letter', path: '/requests/{A}/rejection-letter', gate: 'staff', allow: READ },
  // The Daftar Informasi yang Dikecualikan: every register reader; its export is the auditors' and admins'.
  { m: 'GET', route: '/dik', path: '/dik', gate: 'staff', allow: READ },
  { m: 'GET', route: '/dik/export.csv', path: '/dik/export.csv', gate: 'staff', allow: EXPORT },
  { m: 'GET', route: '/dik/export.xlsx', path: '/dik/export.xlsx', gate: 'staff', allow: EXPORT },
  { m: 'GET', route: '/requests/:id/edit', path: '/requests/{A}/edit', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/edit', path: '/requests/{A}/edit', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/requests/:id/extend', path: '/requests/{B}/extend', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/extend', path: '/requests/{B}/extend', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/requests/:id/delivery', path: '/requests/{A}/delivery', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/delivery', path: '/requests/{A}/delivery', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/requests/:id/decide', path: '/requests/{B}/decide', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/decide', path: '/requests/{B}/decide', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/requests/:id/correct', path: '/requests/{A}/correct', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/correct', path: '/requests/{A}/correct', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/requests/:id/withdraw', path: '/requests/{B}/withdraw', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/withdraw', path: '/requests/{B}/withdraw', gate: 'staff', allow: WRITE },
  // Batalkan entri / Pulihkan; the "Baru" flag is cleared by its own POST, never by reading.
  { m: 'GET', route: '/requests/:id/void', path: '/requests/{B}/void', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/void', path: '/requests/{B}/void', gate: 'staff', allow: WRITE, ok: () => [400] },
  { m: 'GET', route: '/requests/:id/unvoid', path: '/requests/{B}/unvoid', gate: 'staff', allow: RESTORE },
  // B is not voided: nothing to restore.
  { m: 'POST', route: '/requests/:id/unvoid', path: '/requests/{B}/unvoid', gate: 'staff', allow: RESTORE, ok: () => [400] },
  { m: 'POST', route: '/requests/:id/opened', path: '/requests/{B}/opened', gate: 'staff', allow: WRITE },

  // objections: officers and supervisors record them, only the supervisor answers and records disputes
  { m: 'GET', route: '/requests/:id/objections/new', path: '/requests/{A}/objections/new', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/objections', path: '/requests/{A}/objections', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/objections', path: '/objections?year=2022', gate: 'staff', allow: READ },
  { m: 'GET', route: '/objections/:id', path: '/objections/{O}', gate: 'staff', allow: READ },
  { m: 'GET', route: '/objections/:id/receipt', path: '/objections/{O}/receipt', gate: 'staff', allow: READ },
  // Not answered yet, so there is no letter: 404 for whoever may read it.
  { m: 'GET', route: '/objections/:id/response-letter', path: '/objections/{O}/response-letter', gate: 'staff', allow: READ, ok: () => [404] },
  { m: 'GET', route: '/objections/:id/respond', path: '/objections/{O}/respond', gate: 'staff', allow: RESPOND },
  { m: 'POST', route: '/objections/:id/respond', path: '/objections/{O}/respond', gate: 'staff', allow: RESPOND },
  { m: 'GET', route: '/objections/:id/dispute', path: '/objections/{O}/dispute', gate: 'staff', allow: RESPOND },
  { m: 'POST', route: '/objections/:id/dispute', path: '/objections/{O}/dispute', gate: 'staff', allow: RESPOND },
  // The dispute's later stages (mediation, adjudication, courts): the supervisor, as the registration.
  { m: 'GET', route: '/objections/:id/dispute-stages/:stage', path: '/objections/{O}/dispute-stages/mediation', gate: 'staff', allow: RESPOND },
  { m: 'POST', route: '/objections/:id/dispute-stages', path: '/objections/{O}/dispute-stages', gate: 'staff', allow: RESPOND },
  // The requester's response to the answer, and a request-less objection (ground b): who records objections.
  { m: 'GET', route: '/objections/:id/requester-response', path: '/objections/{O}/requester-response', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/objections/:id/requester-response', path: '/objections/{O}/requester-response', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/objections/new', path: '/objections/new', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/objections', path: '/objections', gate: 'staff', allow: WRITE },

  // attachments
  { m: 'POST', route: '/requests/:id/attachments', path: '/requests/{A}/attachments', gate: 'staff', allow: WRITE },
  { m: 'GET', route: '/attachments/:id/download', path: '/attachments/{letter}/download', gate: 'staff', allow: READ },
  { m: 'POST', route: '/attachments/:id/delete', path: '/attachments/{toDelete}/delete', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/attachments/:id/purge', path: '/attachments/{toPurge}/purge', gate: 'staff', allow: ADMIN },

  // recap and reports
  { m: 'GET', route: '/recap', path: '/recap?year=2022', gate: 'staff', allow: READ },
  { m: 'GET', route: '/recap/:year.csv', path: '/recap/2022.csv', gate: 'staff', allow: EXPORT },
  { m: 'GET', route: '/recap/:year.xlsx', path: '/recap/2022.xlsx', gate: 'staff', allow: EXPORT },
  { m: 'GET', route: '/reports/monthly', path: '/reports/monthly?year=2022&month=3', gate: 'staff', allow: READ },
  // README "Laporan bulanan layanan informasi": register readers see the report and its XLSX (aggregates
  // only); agents and unit staff do not (it carries the PPID section); officers and supervisors write
  // the evaluation paragraphs (a blank body with nothing stored is a no-op: 302).
  { m: 'GET', route: '/reports/service', path: '/reports/service?year=2022&month=3', gate: 'staff', allow: READ },
  { m: 'GET', route: '/reports/service.xlsx', path: '/reports/service.xlsx?year=2022&month=3', gate: 'staff', allow: READ },
  { m: 'POST', route: '/reports/service/notes', path: '/reports/service/notes', gate: 'staff', allow: WRITE, ok: () => [400] },
  // annual report (Perki 1/2021 Pasal 56): readers see it, officers and supervisors write and hand it in,
  // auditors and admins download the files; 2022 is a draft here (no proof yet, nothing public).
  { m: 'GET', route: '/reports/annual', path: '/reports/annual?year=2022', gate: 'staff', allow: READ },
  { m: 'GET', route: '/reports/annual/:year.xlsx', path: '/reports/annual/2022.xlsx', gate: 'staff', allow: EXPORT },
  { m: 'GET', route: '/reports/annual/:year/evidence.zip', path: '/reports/annual/2022/evidence.zip', gate: 'staff', allow: EXPORT },
  { m: 'GET', route: '/reports/annual/:year/proof', path: '/reports/annual/2022/proof', gate: 'staff', allow: READ, ok: () => [404] },
  { m: 'GET', route: '/reports/annual/:year/edit', path: '/reports/annual/2022/edit', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/reports/annual/:year/edit', path: '/reports/annual/2022/edit', gate: 'staff', allow: WRITE, ok: () => [303, '/reports/annual?year=2022'] },
  { m: 'GET', route: '/reports/annual/:year/submit', path: '/reports/annual/2022/submit', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/reports/annual/:year/submit', path: '/reports/annual/2022/submit', gate: 'staff', allow: WRITE, ok: () => [400] },
  { m: 'POST', route: '/reports/annual/:year/correct', path: '/reports/annual/2022/correct', gate: 'staff', allow: WRITE, ok: () => [400] },
  { m: 'GET', route: '/admin/service-standard', path: '/admin/service-standard', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/service-standard', path: '/admin/service-standard', gate: 'staff', allow: ADMIN, ok: () => [400] },

  // audit log
  { m: 'GET', route: '/audit', path: '/audit', gate: 'staff', allow: AUDIT },
  { m: 'GET', route: '/audit/verify', path: '/audit/verify', gate: 'staff', allow: AUDIT },
  { m: 'GET', route: '/audit/export.csv', path: '/audit/export.csv', gate: 'staff', allow: AUDIT },

  // units and dispositions (D: a disposition of request C to the unit user's unit)
  { m: 'GET', route: '/dispositions', path: '/dispositions', gate: 'staff', allow: QUEUE },
  { m: 'GET', route: '/dispositions/:id', path: '/dispositions/{D}', gate: 'staff', allow: QUEUE },
  { m: 'POST', route: '/dispositions/:id/answer', path: '/dispositions/{D}/answer', gate: 'staff', allow: ANSWER, ok: () => [400] },
  { m: 'POST', route: '/dispositions/:id/reassign', path: '/dispositions/{D}/reassign', gate: 'staff', allow: WRITE, ok: () => [400] },
  { m: 'POST', route: '/dispositions/:id/recall', path: '/dispositions/{D}/recall', gate: 'staff', allow: WRITE, ok: () => [400] },
  { m: 'POST', route: '/dispositions/:id/remind', path: '/dispositions/{D}/remind', gate: 'staff', allow: WRITE, ok: () => [302] },
  { m: 'GET', route: '/requests/:id/dispositions/new', path: '/requests/{B}/dispositions/new', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/dispositions', path: '/requests/{B}/dispositions', gate: 'staff', allow: WRITE, ok: () => [400] },
  { m: 'GET', route: '/requests/:id/forward', path: '/requests/{B}/forward', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/requests/:id/forward', path: '/requests/{B}/forward', gate: 'staff', allow: WRITE, ok: () => [400] },
  { m: 'GET', route: '/admin/units', path: '/admin/units', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/units', path: '/admin/units', gate: 'staff', allow: ADMIN, ok: () => [400] },
  { m: 'GET', route: '/admin/units/:id/edit', path: '/admin/units/{spareUnit}/edit', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/units/:id', path: '/admin/units/{spareUnit}', gate: 'staff', allow: ADMIN, ok: () => [400] },
  { m: 'POST', route: '/admin/units/:id/delete', path: '/admin/units/{unusedUnit}/delete', gate: 'staff', allow: ADMIN, ok: () => [302, '/admin/units'] },

  // consultation desk (K: a ticket escalated to the unit user's unit; closeMe: one to close)
  { m: 'GET', route: '/desk', path: '/desk', gate: 'staff', allow: DESK_OR_UNIT },
  { m: 'GET', route: '/desk/new', path: '/desk/new', gate: 'staff', allow: DESK },
  { m: 'POST', route: '/desk/new', path: '/desk/new', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'GET', route: '/desk/:id', path: '/desk/{K}', gate: 'staff', allow: DESK_OR_UNIT },
  { m: 'POST', route: '/desk/:id/escalate', path: '/desk/{K}/escalate', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'POST', route: '/desk/:id/answer', path: '/desk/{K}/answer', gate: 'staff', allow: DESK_OR_UNIT, ok: () => [400] },
  // The first allowed role closes it (302), the next are told it is closed already (409).
  { m: 'POST', route: '/desk/:id/close', path: '/desk/{closeMe}/close', gate: 'staff', allow: DESK },
  // desk flows (answered: escalated to the unit user's unit and answered, so it has its BAK)
  { m: 'GET', route: '/desk/:id/bak', path: '/desk/{answered}/bak', gate: 'staff', allow: DESK_OR_UNIT },
  { m: 'POST', route: '/desk/:id/approval', path: '/desk/{K}/approval', gate: 'staff', allow: HEAD, ok: () => [400] },
  { m: 'POST', route: '/desk/:id/send', path: '/desk/{K}/send', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'GET', route: '/desk/:id/request', path: '/desk/{K}/request', gate: 'staff', allow: WRITE },
  { m: 'POST', route: '/desk/:id/request', path: '/desk/{K}/request', gate: 'staff', allow: WRITE, ok: () => [400] },
  { m: 'GET', route: '/admin/desk-approval', path: '/admin/desk-approval', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/desk-approval/:id', path: '/admin/desk-approval/{spareUnit}', gate: 'staff', allow: ADMIN, ok: () => [302, '/admin/desk-approval'] },
  // knowledge base (KB: an entry owned by the unit user's unit)
  { m: 'GET', route: '/knowledge', path: '/knowledge', gate: 'staff', allow: DESK_OR_UNIT },
  { m: 'GET', route: '/knowledge/new', path: '/knowledge/new', gate: 'staff', allow: KB_EDIT },
  { m: 'POST', route: '/knowledge', path: '/knowledge', gate: 'staff', allow: KB_EDIT, ok: () => [400] },
  { m: 'GET', route: '/knowledge/:id', path: '/knowledge/{KB}', gate: 'staff', allow: DESK_OR_UNIT },
  { m: 'GET', route: '/knowledge/:id/edit', path: '/knowledge/{KB}/edit', gate: 'staff', allow: KB_EDIT },
  { m: 'POST', route: '/knowledge/:id', path: '/knowledge/{KB}', gate: 'staff', allow: KB_EDIT, ok: () => [400] },
  { m: 'POST', route: '/knowledge/:id/flag', path: '/knowledge/{KB}/flag', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'POST', route: '/knowledge/:id/reviewed', path: '/knowledge/{KB}/reviewed', gate: 'staff', allow: KB_EDIT, ok: () => [302, `/knowledge/${world.ids.KB}`] },

  // satisfaction (README "Kepuasan layanan"): the public rate with a one-time link (an unknown
  // token is "not found" for everyone) and see the SKM index; the PPID's readers see the month's
  // report, the supervisor alone marks a comment as followed up; who works a ticket sends its link
  // (the link of {rated} is spent: told so, back to the ticket); the admin sets the survey.
  { m: 'GET', route: '/penilaian/terima-kasih', path: '/penilaian/terima-kasih', gate: 'public', allow: EVERYONE },
  { m: 'GET', route: '/penilaian/:token', path: `/penilaian/${'Z'.repeat(43)}`, gate: 'public', allow: EVERYONE, ok: () => [404] },
  { m: 'POST', route: '/penilaian/:token', path: `/penilaian/${'Z'.repeat(43)}`, gate: 'public', allow: EVERYONE, ok: () => [404] },
  { m: 'GET', route: '/skm', path: '/skm?year=2023', gate: 'public', allow: EVERYONE },
  { m: 'GET', route: '/laporan/kepuasan', path: '/laporan/kepuasan?year=2023&month=5', gate: 'staff', allow: READ },
  { m: 'POST', route: '/laporan/kepuasan/komentar/:id', path: '/laporan/kepuasan/komentar/{rating}', gate: 'staff', allow: RESPOND, ok: () => [302] },
  { m: 'POST', route: '/penilaian/kirim/:type/:id', path: '/penilaian/kirim/konsultasi/{rated}', gate: 'staff', allow: DESK, ok: () => [302, `/desk/${world.ids.rated}`] },
  { m: 'GET', route: '/admin/penilaian', path: '/admin/penilaian', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/penilaian', path: '/admin/penilaian', gate: 'staff', allow: ADMIN, ok: () => [400] },
  // visits and video conferences (V: a reservation for the next working day; VC: a planned call)
  { m: 'GET', route: '/visits', path: '/visits', gate: 'staff', allow: DESK },
  { m: 'GET', route: '/visits/new', path: '/visits/new', gate: 'staff', allow: DESK },
  { m: 'POST', route: '/visits/new', path: '/visits/new', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'GET', route: '/visits/:id', path: '/visits/{V}', gate: 'staff', allow: DESK },
  { m: 'GET', route: '/visits/:id/confirmation', path: '/visits/{V}/confirmation', gate: 'staff', allow: DESK },
  { m: 'POST', route: '/visits/:id/check-in', path: '/visits/{V}/check-in', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'POST', route: '/visits/:id/met', path: '/visits/{V}/met', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'POST', route: '/visits/:id/cancel', path: '/visits/{V}/cancel', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'POST', route: '/visits/:id/no-show', path: '/visits/{V}/no-show', gate: 'staff', allow: DESK, ok: () => [409] },
  { m: 'GET', route: '/video-conferences', path: '/video-conferences', gate: 'staff', allow: DESK },
  { m: 'GET', route: '/video-conferences/new', path: '/video-conferences/new', gate: 'staff', allow: DESK },
  { m: 'POST', route: '/video-conferences/new', path: '/video-conferences/new', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'GET', route: '/video-conferences/:id', path: '/video-conferences/{VC}', gate: 'staff', allow: DESK },
  { m: 'POST', route: '/video-conferences/:id/held', path: '/video-conferences/{VC}/held', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'POST', route: '/video-conferences/:id/recording', path: '/video-conferences/{VC}/recording', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'POST', route: '/video-conferences/:id/cancel', path: '/video-conferences/{VC}/cancel', gate: 'staff', allow: DESK, ok: () => [400] },
  { m: 'GET', route: '/admin/consultation-import', path: '/admin/consultation-import', gate: 'staff', allow: DESK_IMPORT },
  { m: 'GET', route: '/admin/consultation-import/template.xlsx', path: '/admin/consultation-import/template.xlsx', gate: 'staff', allow: DESK_IMPORT },
  { m: 'GET', route: '/admin/consultation-import/template.csv', path: '/admin/consultation-import/template.csv', gate: 'staff', allow: DESK_IMPORT },
  { m: 'POST', route: '/admin/consultation-import', path: '/admin/consultation-import', gate: 'staff', allow: DESK_IMPORT, ok: () => [400] },

  // administration
  { m: 'GET', route: '/admin/users', path: '/admin/users', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/users/new', path: '/admin/users/new', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/users', path: '/admin/users', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/users/:id/edit', path: '/admin/users/{victim}/edit', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/users/:id', path: '/admin/users/{victim}', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/tokens', path: '/admin/tokens', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/tokens', path: '/admin/tokens', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/tokens/:id/revoke', path: '/admin/tokens/{victimToken}/revoke', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/settings', path: '/admin/settings', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/settings', path: '/admin/settings', gate: 'staff', allow: ADMIN },
  // the desk's admin pages (README "Layanan konsultasi"): lists, service hours, service levels
  { m: 'GET', route: '/admin/desk/lists', path: '/admin/desk/lists', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/desk/lists', path: '/admin/desk/lists', gate: 'staff', allow: ADMIN, ok: () => [400] },
  { m: 'POST', route: '/admin/desk/lists/:id', path: '/admin/desk/lists/{deskItem}', gate: 'staff', allow: ADMIN, ok: () => [400] },
  { m: 'POST', route: '/admin/desk/lists/:id/move', path: '/admin/desk/lists/{deskItem}/move', gate: 'staff', allow: ADMIN, ok: () => [400] },
  { m: 'GET', route: '/admin/desk/service', path: '/admin/desk/service', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/desk/hours', path: '/admin/desk/hours', gate: 'staff', allow: ADMIN, ok: () => [400] },
  { m: 'POST', route: '/admin/desk/levels', path: '/admin/desk/levels', gate: 'staff', allow: ADMIN, ok: () => [400] },
  { m: 'GET', route: '/admin/holidays', path: '/admin/holidays?year=2022', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/holidays', path: '/admin/holidays', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/holidays/:id/edit', path: '/admin/holidays/{holiday}/edit', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/holidays/:id/edit', path: '/admin/holidays/{holiday}/edit', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/holidays/:id/delete', path: '/admin/holidays/{holiday}/delete', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/import', path: '/admin/import', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/import/template.xlsx', path: '/admin/import/template.xlsx', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/import/template.csv', path: '/admin/import/template.csv', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/import', path: '/admin/import', gate: 'staff', allow: ADMIN },

  // messages (README "Pesan"): the outbox and the templates are the admin's; every staff member
  // chooses their own messages on Profil saya.
  { m: 'GET', route: '/admin/outbox', path: '/admin/outbox', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/outbox/:id', path: '/admin/outbox/{message}', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/outbox/:id/eml', path: '/admin/outbox/{message}/eml', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/outbox/:id/attachment', path: '/admin/outbox/{message}/attachment', gate: 'staff', allow: ADMIN },
  { m: 'POST', route: '/admin/outbox/:id/resend', path: '/admin/outbox/{message}/resend', gate: 'staff', allow: ADMIN, ok: () => [302] },
  { m: 'GET', route: '/admin/templates', path: '/admin/templates', gate: 'staff', allow: ADMIN },
  { m: 'GET', route: '/admin/templates/:kind', path: '/admin/templates/request.receipt', gate: 'staff', allow: ADMIN },
  // An empty template is refused.
  { m: 'POST', route: '/admin/templates/:kind', path: '/admin/templates/request.receipt', gate: 'staff', allow: ADMIN, ok: () => [400] },
  { m: 'GET', route: '/profil', path: '/profil', gate: 'staff', allow: [...READ, 'unit', 'agent'] },
  { m: 'POST', route: '/profil', path: '/profil', gate: 'staff', allow: [...READ, 'unit', 'agent'], ok: () => [302, '/profil'] },
];
/** Last of all: it ends the sessions the other rows use. */
const LOGOUT: PageRow = { m: 'POST', route: '/logout', path: '/logout', gate: 'public', allow: EVERYONE, ok: () => [302, '/login'] };

interface ApiRow {
  m: 'GET' | 'POST' | 'PUT';
  route: string;
  path: string;
  allow: readonly Role[];
}
// README "JSON API v1": a token acts with its user's role; the objection answer is for supervisor tokens only.
const API: ApiRow[] = [
  { m: 'POST', route: '/api/v1/requests', path: '/api/v1/requests', allow: WRITE },
  { m: 'GET', route: '/api/v1/requests', path: '/api/v1/requests?year=2022', allow: READ },
  { m: 'GET', route: '/api/v1/requests/:id', path: '/api/v1/requests/{A}', allow: READ },
  { m: 'GET', route: '/api/v1/dik', path: '/api/v1/dik', allow: READ },
  { m: 'POST', route: '/api/v1/requests/:id/extension', path: '/api/v1/requests/{B}/extension', allow: WRITE },
  { m: 'POST', route: '/api/v1/requests/:id/decision', path: '/api/v1/requests/{B}/decision', allow: WRITE },
  { m: 'PUT', route: '/api/v1/requests/:id/decision', path: '/api/v1/requests/{A}/decision', allow: WRITE },
  { m: 'POST', route: '/api/v1/requests/:id/delivery', path: '/api/v1/requests/{A}/delivery', allow: WRITE },
  { m: 'POST', route: '/api/v1/requests/:id/withdrawal', path: '/api/v1/requests/{B}/withdrawal', allow: WRITE },
  { m: 'POST', route: '/api/v1/requests/:id/void', path: '/api/v1/requests/{B}/void', allow: WRITE },
  { m: 'POST', route: '/api/v1/requests/:id/unvoid', path: '/api/v1/requests/{B}/unvoid', allow: RESTORE },
  { m: 'POST', route: '/api/v1/requests/:id/objections', path: '/api/v1/requests/{A}/objections', allow: WRITE },
  { m: 'POST', route: '/api/v1/objections/:id/response', path: '/api/v1/objections/{O}/response', allow: RESPOND },
  { m: 'POST', route: '/api/v1/objections/:id/dispute-stages', path: '/api/v1/objections/{O}/dispute-stages', allow: RESPOND },
  { m: 'GET', route: '/api/v1/objections', path: '/api/v1/objections?year=2022', allow: READ },
  { m: 'GET', route: '/api/v1/objections/:id', path: '/api/v1/objections/{O}', allow: READ },
  { m: 'POST', route: '/api/v1/requests/:id/attachments', path: '/api/v1/requests/{A}/attachments', allow: WRITE },
  { m: 'GET', route: '/api/v1/attachments/:id', path: '/api/v1/attachments/{letter}', allow: READ },
  { m: 'GET', route: '/api/v1/recap/:year', path: '/api/v1/recap/2022', allow: READ },
  { m: 'GET', route: '/api/v1/reports/monthly/:year/:month', path: '/api/v1/reports/monthly/2022/3', allow: READ },
  { m: 'GET', route: '/api/v1/reports/service/:year/:month', path: '/api/v1/reports/service/2022/3', allow: READ },
  { m: 'GET', route: '/api/v1/reports/annual/:year', path: '/api/v1/reports/annual/2022', allow: READ },
  { m: 'GET', route: '/api/v1/units', path: '/api/v1/units', allow: QUEUE },
  { m: 'GET', route: '/api/v1/units/stats', path: '/api/v1/units/stats?year=2022', allow: READ },
  { m: 'POST', route: '/api/v1/requests/:id/dispositions', path: '/api/v1/requests/{B}/dispositions', allow: WRITE },
  { m: 'POST', route: '/api/v1/dispositions/:id/answer', path: '/api/v1/dispositions/{D}/answer', allow: ANSWER },
  { m: 'GET', route: '/api/v1/dispositions', path: '/api/v1/dispositions', allow: QUEUE },
  { m: 'POST', route: '/api/v1/consultations', path: '/api/v1/consultations', allow: DESK },
  { m: 'POST', route: '/api/v1/consultations/:id/escalation', path: '/api/v1/consultations/{K}/escalation', allow: DESK },
  { m: 'POST', route: '/api/v1/consultations/:id/answer', path: '/api/v1/consultations/{K}/answer', allow: DESK_OR_UNIT },
  { m: 'GET', route: '/api/v1/consultations', path: '/api/v1/consultations', allow: DESK_OR_UNIT },
  { m: 'GET', route: '/api/v1/ratings/summary', path: '/api/v1/ratings/summary?year=2023&month=5', allow: READ },
  { m: 'POST', route: '/api/v1/consultations/:id/approval', path: '/api/v1/consultations/{K}/approval', allow: HEAD },
  { m: 'POST', route: '/api/v1/consultations/:id/send', path: '/api/v1/consultations/{K}/send', allow: DESK },
  { m: 'GET', route: '/api/v1/consultations/:id/bak', path: '/api/v1/consultations/{answered}/bak', allow: DESK_OR_UNIT },
  { m: 'POST', route: '/api/v1/consultations/:id/request', path: '/api/v1/consultations/{K}/request', allow: WRITE },
  { m: 'GET', route: '/api/v1/knowledge', path: '/api/v1/knowledge', allow: DESK_OR_UNIT },
];
/**
 * Public API routes (no bearer token needed): every principal gets the same answer. README
 * "Kepuasan layanan": a chatbot posts the rating with the link's token; an unknown token is 404.
 */
const PUBLIC_API: (ApiRow & { status: number })[] = [
  { m: 'POST', route: '/api/v1/ratings/:token', path: `/api/v1/ratings/${'Z'.repeat(43)}`, allow: [], status: 404 },
];

// ---- the world the tables run against ----------------------------------------------------------

const PII = {
  requesterName: 'Kartika Sulistyowati Rahardjo',
  requesterIdNumber: '3175094411880013',
  requesterPhone: '0813-5566-4422',
  requesterEmail: 'kartika.rahardjo@surel-rahasia.id',
  requesterAddress: 'Jl. Cempaka Tersembunyi No. 47, Bekasi',
};
const PRIVATE_TEXT = ['Pernyataan keberatan yang sangat pribadi', 'Kuasa Bernama Hartono Sukmajaya', 'Uji konsekuensi internal XYZ'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface Client {
  agent: TestAgent;
  csrf: string;
  ip: string;
}

interface World {
  app: Application;
  db: Db;
  server: http.Server;
  ids: Record<string, number>;
  numberA: string;
  accessCodeA: string;
  pages: Record<Who, Client>;
  tokens: Record<Exclude<ApiWho, 'no token' | 'session cookie'>, string>;
}

let world: World;

function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const id = world.ids[key];
    if (id === undefined) throw new Error(`no id for {${key}}`);
    return String(id);
  });
}

function send(c: Client, m: string, path: string) {
  const agent = c.agent as unknown as Record<string, (p: string) => request.Test>;
  return agent[m.toLowerCase()](path).set('X-Forwarded-For', c.ip);
}

async function browser(server: http.Server): Promise<Client> {
  const ip = freshAddress();
  const agent = request.agent(server);
  const page = await agent.get('/status').set('X-Forwarded-For', ip).expect(200);
  return { agent, ip, csrf: csrfFrom(page.text) };
}

async function staff(server: http.Server, db: Db, role: Role): Promise<Client> {
  const username = await makeUser(db, role, `${role}-acl`);
  const c = await browser(server);
  const login = await c.agent.post('/login').set('X-Forwarded-For', c.ip).type('form')
    .send({ _csrf: c.csrf, username, password: TEST_PASSWORD });
  expect(login.status).toBe(302);
  // The token is bound to the session, which login renewed: take it from a page of the new one.
  const page = await c.agent.get('/status').set('X-Forwarded-For', c.ip).expect(200);
  return { ...c, csrf: csrfFrom(page.text) };
}

async function buildWorld(): Promise<World> {
  const { app, db } = buildTestApp();
  const server = await listen(app);
  // A: decided (rejected under Pasal 17 h) with an objection; B: open, for the extend/decide/withdraw forms.
  const a = makeRequest(db, { receivedOn: '2022-03-01', ...PII });
  decideRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: a.id, input: {
    decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: PRIVATE_TEXT[2],
    reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
  const o = fileObjection({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: a.id, input: {
    filedOn: '2022-03-20', grounds: ['a'], statement: PRIVATE_TEXT[0], filedBy: 'proxy', proxyName: PRIVATE_TEXT[1], lateNote: '' } });
  const b = makeRequest(db, { receivedOn: '2022-04-04', requesterName: 'Pemohon Kedua' });
  // C: sent to the unit of the `unit` user (D); A and B are not, so that user gets 404 there.
  const c = makeRequest(db, { receivedOn: '2023-05-02', requesterName: 'Pemohon Ketiga' });
  const d = sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: c.id, input: { unitIds: [testUnit(db)], note: '', dueOn: '2030-01-02' } }).rows[0];
  const unitInput = (code: string) => ({ code, name: `Unit ${code}`, kind: 'unit' as const, active: true });
  const ticket = (name: string) => logConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', input: {
    received_at: '2023-05-02T09:00:00+07:00', channel: 'whatsapp', category: 'question', topic: '', question: 'Kapan dana desa cair?', escalated: false,
    user: { name, type: 'other', institution: '', region_code: '', email: '', phone: '' } } });
  const k = ticket('Pengguna Konsultasi');
  // Answered and rated, with a comment: its link is spent ({rated}), its comment is {rating}.
  const rated = ticket('Pengguna Menilai');
  answerConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', id: rated.id, viewer: { role: 'officer', unitId: null }, input: { answered_at: '2023-05-02T11:00:00+07:00', answer: 'Jawaban.' } });
  const rating = submitRating({ db, actor: testActor, token: ratingLinkOf(db, 'consultation', rated.id)!.path.split('/').pop()!, source: 'api',
    input: { service: 4, substance: 4, comment: 'Komentar untuk ditindaklanjuti', skm: null, profile: { ageBand: '', sex: '', education: '', occupation: '' } } });
  escalateConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', id: k.id, input: { unit_code: 'UT.1', escalated_at: '2023-05-02T10:00:00+07:00', note: '' } });
  const answered = ticket('Pengguna Terjawab');
  escalateConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', id: answered.id, input: { unit_code: 'UT.1', escalated_at: '2023-05-02T10:00:00+07:00', note: '' } });
  answerConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', id: answered.id, viewer: { role: 'officer', unitId: null }, input: { answered_at: '2023-05-02T11:00:00+07:00', answer: 'Sudah cair.' } });
  const kb = createEntry({ db, actor: testActor, user: { role: 'officer', unitId: null }, input: { topic: 'Dana desa', title: 'Jadwal', answer: 'Tahap I Januari.', ownerUnitId: testUnit(db) } });

  const officerToken = await tokenOf(db, 'officer');
  const upload = async (requestId: number, kind: string, target: string, name: string) => {
    const res = await request(server).post(`/api/v1/requests/${requestId}/attachments`).set('Authorization', `Bearer ${officerToken}`)
      .field('kind', kind).field('target', target).attach('files', PDF, name);
    expect(res.status, res.text).toBe(201);
    return res.body.items[0].id as number;
  };
  const ids: Record<string, number> = {
    A: a.id, B: b.id, O: o.id, D: d.id, K: k.id, closeMe: ticket('Pengguna Lain').id, rated: rated.id, rating: rating.id, answered: answered.id, KB: kb.id,
    V: reserveVisit({ db, actor: testActor, zone: 'Asia/Jakarta', input: {
      guestNames: 'Tamu Kunjungan', guestType: 'local_government', institution: '', regionCode: '51', phone: '0811', email: '',
      plannedOn: addWorkingDays(todayIn('Asia/Jakarta'), 1, loadCalendar(db)), topic: 'village_fund', people: 1, travelOrders: '' } }).id,
    VC: requestVideoConference({ db, actor: testActor, zone: 'Asia/Jakarta', input: {
      letterNumber: '005/1/2026', letterDate: todayIn('Asia/Jakarta'), letterReceivedOn: todayIn('Asia/Jakarta'), regionCode: '5171', institution: 'BPKAD',
      topic: 'regional_financing', unitCode: 'UT.1', network: 'office_app', plannedAt: addWorkingDays(todayIn('Asia/Jakarta'), 1, loadCalendar(db)) + 'T09:00:00+07:00', lateReason: '' } }).id,
    spareUnit: createUnit({ db, actor: testActor, input: unitInput('SPARE') }).id,
    unusedUnit: createUnit({ db, actor: testActor, input: unitInput('UNUSED') }).id,
    notice: await upload(a.id, 'written_notice', 'decision', 'pemberitahuan.pdf'),
    letter: await upload(a.id, 'request_letter', 'request', 'surat-permohonan.pdf'),
    toDelete: await upload(a.id, 'other', 'request', 'hapus-saya.pdf'),
    toPurge: await upload(a.id, 'other', 'request', 'musnahkan-saya.pdf'),
    noticeOfB: await upload(b.id, 'written_notice', 'request', 'pemberitahuan-b.pdf'),
  };
  removeAttachment(db, testActor, ids.toPurge, 'duplikat');
  // Dedicated targets for the admin forms that change things even with an empty body.
  await makeUser(db, 'officer', 'victim');
  ids.victim = findUserByUsername(db, 'victim')!.id;
  ids.victimToken = createToken(db, testActor, 'victim', 'akan dicabut').id;
  // The written notice of A, queued to its requester with the letter attached.
  ids.message = (db.$client.prepare("SELECT id FROM outbox WHERE kind = 'request.decision' LIMIT 1").get() as { id: number }).id;
  ids.holiday = (db.$client.prepare("SELECT id FROM holidays WHERE date LIKE '2020-%' ORDER BY date LIMIT 1").get() as { id: number }).id;
  ids.deskItem = (db.$client.prepare("SELECT id FROM desk_list_items WHERE list = 'topic' ORDER BY position LIMIT 1").get() as { id: number }).id;

  const revokedUser = await makeUser(db, 'officer', 'revoked-owner');
  const revoked = createToken(db, testActor, revokedUser, 'dicabut');
  revokeToken(db, testActor, revoked.id);

  const requester = await browser(server);
  const lookup = await send(requester, 'POST', '/status').type('form').send({ _csrf: requester.csrf, number: a.registrationNumber, code: a.accessCode });
  expect(lookup.status).toBe(200);

  const pages = {
    anonymous: await browser(server),
    requester,
    officer: await staff(server, db, 'officer'),
    supervisor: await staff(server, db, 'supervisor'),
    auditor: await staff(server, db, 'auditor'),
    admin: await staff(server, db, 'admin'),
    unit: await staff(server, db, 'unit'),
    agent: await staff(server, db, 'agent'),
  };
  const tokens = {
    'revoked token': revoked.token,
    officer: officerToken,
    supervisor: await tokenOf(db, 'supervisor'),
    auditor: await tokenOf(db, 'auditor'),
    admin: await tokenOf(db, 'admin'),
    unit: await tokenOf(db, 'unit'),
    agent: await tokenOf(db, 'agent'),
  };
  return { app, db, server, ids, numberA: a.registrationNumber, accessCodeA: a.accessCode, pages, tokens };
}

async function tokenOf(db: Db, role: Role): Promise<string> {
  const name = await makeUser(db, role, `${role}-api`);
  return createToken(db, testActor, name, `token ${role}`).token;
}

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await close(world?.server);
});

// ---- judging one answer ------------------------------------------------------------------------

const isHtml = (res: request.Response) => /text\/html/.test(String(res.headers['content-type']));

/** What is wrong with a page answer, or null. */
function judgePage(row: PageRow, who: Who, path: string, res: request.Response): string | null {
  const location = res.headers.location as string | undefined;
  const got = `${res.status}${location ? ` → ${location}` : ''}`;
  const allowed = row.allow.includes(who);
  if (res.status >= 500) return `server error ${got}`;
  if (isHtml(res)) {
    const problems = inlineScriptProblems(res.text);
    if (problems.length) return `inline script on the page: ${problems.join('; ')}`;
    try {
      expectSecurityHeaders(res.headers);
    } catch (e) {
      return `security headers: ${(e as Error).message}`;
    }
  }
  if (row.gate === 'staff' && !isStaff(who)) {
    const want = `/login?next=${encodeURIComponent(path)}`;
    return res.status === 302 && location === want ? null : `expected 302 → ${want}, got ${got}`;
  }
  if (row.gate === 'holder' && !allowed) return res.status === 404 ? null : `expected 404, got ${got}`;
  // A unit's staff: anything under /requests/ is "not found", so numbers do not leak.
  if (who === 'unit' && !allowed && row.route.startsWith('/requests/')) return res.status === 404 ? null : `expected 404, got ${got}`;
  if (!allowed) return res.status === 403 ? null : `expected 403, got ${got}`;
  // Allowed.
  const exact = row.ok?.(who) ?? (row.m === 'GET' ? [200] : undefined);
  if (exact) {
    const [status, to] = exact;
    if (res.status !== status || (to !== undefined && location !== to)) return `expected ${status}${to ? ` → ${to}` : ''}, got ${got}`;
    return null;
  }
  if (res.status === 401 || res.status === 403) return `refused with ${got}`;
  if (res.status >= 300 && res.status < 400 && location?.startsWith('/login')) return `sent to the login page: ${got}`;
  return null;
}

function judgeApi(row: ApiRow, who: ApiWho, res: request.Response): string | null {
  const got = `${res.status} ${JSON.stringify(res.body?.error ?? '').slice(0, 120)}`;
  if (res.status >= 500) return `server error ${got}`;
  const json = /application\/json/.test(String(res.headers['content-type']));
  if (res.status >= 400) {
    if (!json) return `error without JSON: ${res.status} ${res.headers['content-type']}`;
    const e = res.body?.error;
    if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || typeof e.fields !== 'object') return `wrong error shape: ${res.text.slice(0, 200)}`;
  }
  if (json) {
    try {
      expectSecurityHeaders(res.headers);
    } catch (e) {
      return `security headers: ${(e as Error).message}`;
    }
  }
  if (who === 'no token' || who === 'revoked token' || who === 'session cookie') {
    return res.status === 401 && res.body.error.code === 'unauthenticated' ? null : `expected 401 unauthenticated, got ${got}`;
  }
  if (who === 'unit' && !row.allow.includes(who) && row.route.startsWith('/api/v1/requests/:id')) {
    return res.status === 404 && res.body.error.code === 'not_found' ? null : `expected 404 not_found, got ${got}`;
  }
  if (!row.allow.includes(who)) return res.status === 403 && res.body.error.code === 'forbidden' ? null : `expected 403 forbidden, got ${got}`;
  if (row.m === 'GET') return res.status === 200 ? null : `expected 200, got ${got}`;
  return res.status === 401 || res.status === 403 ? `refused with ${got}` : null;
}

async function visitPage(row: PageRow, who: Who): Promise<{ res: request.Response; path: string }> {
  const c = world.pages[who];
  const path = fill(row.path);
  const res = row.m === 'GET'
    ? await send(c, 'GET', path)
    : await send(c, 'POST', path).type('form').send({ _csrf: c.csrf });
  return { res, path };
}

async function visitApi(row: ApiRow, who: ApiWho): Promise<request.Response> {
  const path = fill(row.path);
  if (who === 'session cookie') {
    // A logged-in browser: its cookies must not open the API.
    const c = world.pages.officer;
    const t = send(c, row.m, path);
    return row.m === 'GET' ? t : t.set('x-csrf-token', c.csrf).send({});
  }
  const t = (request(world.server) as unknown as Record<string, (p: string) => request.Test>)[row.m.toLowerCase()](path);
  if (who !== 'no token') t.set('Authorization', `Bearer ${world.tokens[who]}`);
  return row.m === 'GET' ? t : t.send({});
}

const describeAllow = (allow: readonly string[]) => (allow.length ? allow.join(', ') : 'nobody');

// ---- the tests ---------------------------------------------------------------------------------

describe('the route tables cover the app', () => {
  it('every route the app registers has exactly one row in the page or API table', () => {
    const inTables = [...PAGES, LOGOUT, ...API, ...PUBLIC_API].map((r) => `${r.m} ${r.route}`);
    expect(new Set(inTables).size, 'no duplicate rows').toBe(inTables.length);
    expect([...inTables].sort()).toEqual(registeredRoutes(world.app));
  });
});

describe('pages × roles', () => {
  for (const row of PAGES) {
    it(`${row.m} ${row.route}: ${row.gate === 'public' ? 'everyone' : describeAllow(row.allow)}`, async () => {
      const failures: string[] = [];
      for (const who of WHO) {
        const before = fingerprint(world.db);
        const { res, path } = await visitPage(row, who);
        const problem = judgePage(row, who, path, res);
        if (problem) failures.push(`${who}: ${problem}`);
        // A refusal (a role gate, the login gate, a missing capability) changes nothing.
        const refused = !row.allow.includes(who) || (row.gate === 'staff' && !isStaff(who));
        if (refused && JSON.stringify(fingerprint(world.db)) !== JSON.stringify(before)) failures.push(`${who}: refused but the database changed`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('API × tokens', () => {
  for (const row of API) {
    it(`${row.m} ${row.route}: ${describeAllow(row.allow)}`, async () => {
      const failures: string[] = [];
      for (const who of API_WHO) {
        const before = fingerprint(world.db);
        const res = await visitApi(row, who);
        const problem = judgeApi(row, who, res);
        if (problem) failures.push(`${who}: ${problem}`);
        if (!(isStaff(who as Who) && row.allow.includes(who as Role)) && JSON.stringify(fingerprint(world.db)) !== JSON.stringify(before)) {
          failures.push(`${who}: refused but the database changed`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  for (const row of PUBLIC_API) {
    it(`${row.m} ${row.route}: public, ${row.status} for everyone with an unknown token`, async () => {
      const failures: string[] = [];
      for (const who of API_WHO) {
        const before = fingerprint(world.db);
        const res = await visitApi(row, who);
        if (res.status !== row.status || typeof res.body?.error?.code !== 'string') failures.push(`${who}: expected ${row.status} with a JSON error, got ${res.status}`);
        if (JSON.stringify(fingerprint(world.db)) !== JSON.stringify(before)) failures.push(`${who}: the database changed`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('an unknown API path is 401 without a token and a JSON 404 with one', async () => {
    const anon = await request(world.server).get('/api/v1/nope');
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('unauthenticated');
    const known = await request(world.server).get('/api/v1/nope').set('Authorization', `Bearer ${world.tokens.auditor}`);
    expect(known.status).toBe(404);
    expect(known.body).toEqual({ error: { code: 'not_found', message: expect.any(String), fields: {} } });
  });

  it('a malformed Authorization header is 401, never a crash', async () => {
    for (const value of ['Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', `Bearer ${world.tokens.auditor} extra`, `bearer ${'x'.repeat(5000)}`, 'Bearer \u0000']) {
      const res = await request(world.server).get('/api/v1/requests').set('Authorization', value.replace(/\u0000/g, '%00'));
      expect(res.status, value.slice(0, 40)).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });
});

/** Multipart forms check the token after parsing: their file field, so the parser lets the body through. */
const MULTIPART: Record<string, string> = { '/permohonan': 'requestLetter', '/requests/:id/attachments': 'files', '/admin/import': 'file', '/admin/consultation-import': 'file' };

describe('CSRF: every POST form refuses a request without a valid token', () => {
  /** Who may use the form, so the refusal can only come from the missing token. */
  const userOf = (row: PageRow): Who => (row.gate === 'public' ? 'anonymous' : (row.allow.find(isStaff) ?? 'admin'));

  for (const row of [...PAGES, LOGOUT].filter((r) => r.m === 'POST')) {
    it(`POST ${row.route} without a token, with a token of another session, and as a bare multipart body → 403`, async () => {
      const who = userOf(row);
      const c = world.pages[who];
      const path = fill(row.path);
      const other = world.pages[who === 'anonymous' ? 'requester' : 'anonymous'].csrf;
      const before = fingerprint(world.db);
      const attempts: [string, request.Response][] = [
        ['no token', await send(c, 'POST', path).type('form').send({ reason: 'x', name: 'x', username: 'x' })],
        ['token of another session', await send(c, 'POST', path).type('form').send({ _csrf: other })],
        ['forged token', await send(c, 'POST', path).type('form').send({ _csrf: `${c.csrf.slice(0, -4)}AAAA` })],
        ['JSON body with a token of another session', await send(c, 'POST', path).send({ _csrf: other })],
      ];
      const fileField = MULTIPART[row.route];
      if (fileField) {
        attempts.push(['multipart without a token', await send(c, 'POST', path).field('kind', 'other').attach(fileField, PDF, 'a.pdf')]);
        attempts.push(['multipart with a token of another session', await send(c, 'POST', path).field('_csrf', other).attach(fileField, PDF, 'a.pdf')]);
      }
      for (const [what, res] of attempts) {
        expect(res.status, `${who} ${what}`).toBe(403);
        expect(res.text, what).toContain('Formulir kedaluwarsa atau tidak sah');
      }
      expect(fingerprint(world.db)).toEqual(before);
    });
  }
});

describe('CSRF whatever the content type: every state-changing form sent as multipart without a token', () => {
  /** Who may use the form, so the refusal can only come from the missing token. */
  const userOf = (row: PageRow): Who => (row.gate === 'public' ? 'anonymous' : (row.allow.find(isStaff) ?? 'admin'));

  // Issue 10, point 4: the global check skipped every multipart body, and only the three forms
  // that take files checked again. With no token an admin's browser could revoke a token, purge
  // an attachment, delete a holiday or log out; /objections, /decide, /correct, /edit and
  // /admin/settings answered 500.
  for (const row of [...PAGES, LOGOUT].filter((r) => r.m === 'POST')) {
    it(`POST ${row.route} as multipart without a token → 403, nothing changes`, async () => {
      const who = userOf(row);
      // A fresh anonymous browser: the public form's per-address limit must not answer first.
      const c = who === 'anonymous' ? await browser(world.server) : world.pages[who];
      const path = fill(row.path);
      const before = fingerprint(world.db);
      const fields = { reason: 'x', name: 'x', username: 'x', kind: 'other', key: 'office_name', value: 'x', date: '2022-05-05' };
      const attempts: [string, request.Response][] = [];
      let t = send(c, 'POST', path);
      for (const [k, v] of Object.entries(fields)) t = t.field(k, v);
      attempts.push(['fields only', await t]);
      attempts.push(['with a file', await send(c, 'POST', path).field('reason', 'x').attach(MULTIPART[row.route] ?? 'file', PDF, 'a.pdf')]);
      attempts.push(['with an empty token field', await send(c, 'POST', path).field('_csrf', '').field('reason', 'x')]);
      for (const [what, res] of attempts) {
        expect(res.status, `${who} ${what}: ${res.text.slice(0, 200)}`).toBe(403);
        expect(res.text, what).toContain('Formulir kedaluwarsa atau tidak sah');
      }
      expect(fingerprint(world.db)).toEqual(before);
      // Still logged in: a multipart POST /logout without a token did not end the session.
      // (/profil: every staff role opens it, a unit's staff too, who never see the register.)
      if (isStaff(who)) expect((await send(c, 'GET', '/profil')).status).toBe(200);
    });
  }

  it('a multipart form with a valid token in the header, on a route that takes no files, is refused as a bad request, never a 500', async () => {
    const before = fingerprint(world.db);
    const cases: [Who, string][] = [
      ['admin', '/admin/settings'], ['admin', '/admin/tokens'], ['admin', '/admin/users'], ['admin', '/admin/holidays'],
      ['officer', fill('/requests/{A}/objections')], ['officer', fill('/requests/{B}/decide')],
      ['officer', fill('/requests/{A}/correct')], ['officer', fill('/requests/{A}/edit')],
    ];
    for (const [who, path] of cases) {
      const c = world.pages[who];
      const res = await send(c, 'POST', path).set('x-csrf-token', c.csrf).field('officeName', 'x');
      expect(res.status, path).toBe(400);
      expect(res.text).not.toMatch(/TypeError|Terjadi kesalahan pada server/);
    }
    expect(fingerprint(world.db)).toEqual(before);
  });
});

describe('security headers', () => {
  it('a page carries CSP without inline script, nosniff, frame protection and a referrer policy', async () => {
    const res = await send(world.pages.anonymous, 'GET', '/status');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res.headers);
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/);
    expect(String(res.headers['content-security-policy'])).toMatch(/form-action 'self'/);
  });

  it('an API answer, and an API refusal, carry them too', async () => {
    const ok = await request(world.server).get('/api/v1/requests').set('Authorization', `Bearer ${world.tokens.auditor}`);
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok.headers);
    const refused = await request(world.server).get('/api/v1/requests');
    expect(refused.status).toBe(401);
    expectSecurityHeaders(refused.headers);
  });

  it('session and CSRF cookies are httpOnly and SameSite=Lax', async () => {
    // An anonymous view stores no session: the session cookie comes with the login.
    const username = await makeUser(world.db, 'auditor', 'cookies');
    const agent = request.agent(world.server);
    const page = await agent.get('/login').set('X-Forwarded-For', freshAddress());
    const login = await agent.post('/login').set('X-Forwarded-For', freshAddress()).type('form')
      .send({ _csrf: csrfFrom(page.text), username, password: TEST_PASSWORD });
    expect(login.status).toBe(302);
    const cookies = [page, login].flatMap((res) => ([] as string[]).concat(res.headers['set-cookie'] ?? []));
    for (const name of ['ppid.sid', 'ppid.csrf']) {
      const cookie = cookies.find((c) => c.startsWith(`${name}=`));
      expect(cookie, name).toBeDefined();
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    }
  });

  it('downloads are attachments, never rendered, with nosniff and a sandboxing CSP', async () => {
    const res = await send(world.pages.auditor, 'GET', fill('/attachments/{letter}/download'));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/sandbox/);
  });
});

describe('the requester after a status lookup', () => {
  it('downloads the written notice of their request, and nothing else: not its other papers, not another request’s', async () => {
    const requester = world.pages.requester;
    expect((await send(requester, 'GET', fill('/status/files/{notice}'))).status).toBe(200);
    expect((await send(requester, 'GET', fill('/status/files/{letter}'))).status).toBe(404);
    expect((await send(requester, 'GET', fill('/status/files/{noticeOfB}'))).status).toBe(404);
    expect((await send(requester, 'GET', fill('/status/files/{toPurge}'))).status).toBe(404);
    // The lookup opened nothing else: the staff download and the request page still ask for a login.
    const staffDl = await send(requester, 'GET', fill('/attachments/{notice}/download'));
    expect(staffDl.status).toBe(302);
    expect(staffDl.headers.location).toMatch(/^\/login\?next=/);
  });
});

describe('no personal data on the public side', () => {
  const secrets = () => [...Object.values(PII), ...PRIVATE_TEXT];
  const expectClean = (text: string) => {
    for (const s of secrets()) expect(text).not.toContain(s);
    // Also not in another spelling: digits of the ID number and the phone run together.
    expect(text.replace(/\D/g, '')).not.toContain(PII.requesterIdNumber);
  };

  it('the status page for request A shows its status and none of the requester’s data', async () => {
    const c = await browser(world.server);
    const res = await send(c, 'POST', '/status').type('form').send({ _csrf: c.csrf, number: world.numberA, code: world.accessCodeA });
    expect(res.status).toBe(200);
    expect(res.text).toContain(world.numberA);
    expect(res.text).toContain('Pasal 17 huruf h');
    expectClean(res.text);
  });

  it('/rekap shows the year’s numbers, and no name, contact or registration number', async () => {
    for (const path of ['/rekap', '/rekap?year=2022']) {
      const res = await send(world.pages.anonymous, 'GET', path);
      expect(res.status).toBe(200);
      expect(res.text).toContain('2022');
      expectClean(res.text);
      expect(res.text).not.toContain(world.numberA);
      expect(res.text).not.toContain(world.accessCodeA);
      expect(res.text).not.toContain('Pemohon Kedua');
    }
  });

  it('/api/v1/recap carries counts only', async () => {
    const res = await request(world.server).get('/api/v1/recap/2022').set('Authorization', `Bearer ${world.tokens.auditor}`);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2022);
    expect(res.body.total.requests).toBe(2);
    const text = JSON.stringify(res.body);
    expectClean(text);
    expect(text).not.toContain(world.numberA);
    expect(text).not.toContain('Pemohon Kedua');
  });
});

describe('sessions', () => {
  const sid = (res: request.Response) =>
    ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('ppid.sid='))?.split(';')[0];

  it('login gives a new session id; the old id and the old CSRF token are dead afterwards', async () => {
    const username = await makeUser(world.db, 'officer', 'fixation');
    const c = await browser(world.server);
    const first = await send(c, 'GET', '/login');
    const csrfBefore = csrfFrom(first.text);
    // A view stores no session; a status lookup does (its result is kept for the notice download).
    const lookup = await send(c, 'POST', '/status').type('form').send({ _csrf: c.csrf, number: world.numberA, code: world.accessCodeA });
    const before = sid(lookup);
    const login = await send(c, 'POST', '/login').type('form').send({ _csrf: csrfBefore, username, password: TEST_PASSWORD });
    expect(login.status).toBe(302);
    const after = sid(login);
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // The session id from before login (as an attacker who planted it would hold it) is not logged in.
    const planted = await request(world.server).get('/requests').set('Cookie', before!).set('X-Forwarded-For', c.ip);
    expect(planted.status).toBe(302);
    expect(planted.headers.location).toBe('/login?next=%2Frequests');
    // The logged-in session works, but not with the token of the session before login.
    expect((await send(c, 'GET', '/requests')).status).toBe(200);
    const stale = await send(c, 'POST', '/requests').type('form').send({ _csrf: csrfBefore });
    expect(stale.status).toBe(403);
  });

  it('a logged-in user is not sent to an off-site address after login', async () => {
    const username = await makeUser(world.db, 'auditor', 'redirects');
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const c = await browser(world.server);
      const csrf = csrfFrom((await send(c, 'GET', `/login?next=${encodeURIComponent(next)}`)).text);
      const res = await send(c, 'POST', '/login').type('form').send({ _csrf: csrf, username, password: TEST_PASSWORD, next });
      expect(res.status).toBe(302);
      expect(res.headers.location, next).toBe('/');
    }
  });
});

// Last: logging out ends the sessions every table above used.
describe('logout', () => {
  it(`POST /logout: everyone, and the session is gone afterwards`, async () => {
    const failures: string[] = [];
    for (const who of WHO) {
      const { res, path } = await visitPage(LOGOUT, who);
      const problem = judgePage(LOGOUT, who, path, res);
      if (problem) failures.push(`${who}: ${problem}`);
    }
    expect(failures).toEqual([]);
    for (const who of STAFF) {
      const res = await send(world.pages[who], 'GET', '/requests');
      expect(res.status, who).toBe(302);
      expect(res.headers.location).toBe('/login?next=%2Frequests');
    }
    // The requester's download right ended with the session too.
    expect((await send(world.pages.requester, 'GET', fill('/status/files/{notice}'))).status).toBe(404);
  });
});
