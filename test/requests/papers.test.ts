/**
 * The printed papers (receipt, written notice, objection receipt and answer) and the office's
 * name in the top bar: one letterhead, letter dates as "Sleman, 24 Mei 2024", the day received
 * on the receipt, the right to object on every notice that withholds something.
 */
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs } from '../helpers/login-as.js';
import { intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection, respondToObjection } from '../../src/objections/objections.service.js';
import { decisionFormSchema } from '../../src/requests/requests.schemas.js';
import { setSetting } from '../../src/settings/settings.repo.js';
import { formatDate, todayIn } from '../../src/shared/dates.js';
import type { Db } from '../../src/db/client.js';
import type { Outcome } from '../../src/requests/vocabulary.js';

const zone = 'Asia/Jakarta';
const RIGHT_TO_OBJECT = 'Pemohon dapat mengajukan keberatan kepada atasan PPID dalam waktu 30 hari kerja';

function office(db: Db) {
  db.transaction((tx) => {
    setSetting(tx, 'office_name', 'PPID Dinas Kominfo Kabupaten Sleman');
    setSetting(tx, 'office_city', 'Sleman');
    setSetting(tx, 'office_address', 'Jl. Parasamya, Beran, Tridadi');
  });
}

function decided(db: Db, outcome: Outcome) {
  const r = makeRequest(db, { receivedOn: '2022-03-01' });
  const exempt = outcome !== 'full';
  return decideRequest({ db, actor: testActor, zone, id: r.id, input: decisionFormSchema.parse({
    decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome, reasons: exempt ? ['exempt'] : [], exemptionArticles: exempt ? ['h'] : [], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: exempt ? 'Memuat data pribadi' : '',
  }) });
}

describe('the receipt', () => {
  it('when a request is entered after the day it was received, then the receipt is dated the day received and, apart, the day printed', async () => {
    const { app, db } = buildTestApp();
    office(db);
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent } = await loginAs(app, db, 'officer');
    const receipt = await agent.get(`/requests/${r.id}/receipt`).expect(200);
    const printed = formatDate(todayIn(zone));
    expect(receipt.text).toContain('Sleman, 1 Maret 2022');
    expect(receipt.text).toContain(`Dicetak ${printed}`);
    expect(receipt.text).not.toContain(`Sleman, ${printed}`);
  });
});

describe('the office name', () => {
  it('when the office is named in Pengaturan, then the top bar and every printed paper carry it from the one letterhead', async () => {
    const { app, db } = buildTestApp();
    office(db);
    const rejected = decided(db, 'rejected');
    const objection = fileObjection({ db, actor: testActor, zone, requestId: rejected.id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 'Data tidak bersifat rahasia', filedBy: 'requester', proxyName: '', lateNote: '' } });
    respondToObjection({ db, actor: testActor, zone, id: objection.id, input: { respondedOn: '2022-04-05', result: 'rejected', reasoning: 'Putusan tetap.', followUp: '', informationGivenOn: null, responderName: '', version: undefined } });
    const { agent } = await loginAs(app, db, 'supervisor');
    const register = await agent.get('/requests').expect(200);
    expect(register.text).toMatch(/<a class="brand" href="\/">[^]*?PPID Dinas Kominfo Kabupaten Sleman[^]*?<\/a>/);
    for (const url of [`/requests/${rejected.id}/receipt`, `/requests/${rejected.id}/notice`, `/objections/${objection.id}/receipt`,
      `/objections/${objection.id}/response-letter`, '/recap?year=2022', '/reports/monthly?year=2022&month=3', '/reports/service?year=2022&month=3']) {
      const page = await agent.get(url).expect(200);
      expect(page.text, url).toMatch(/<header class="letterhead">\s*<strong class="letterhead-office">PPID Dinas Kominfo Kabupaten Sleman<\/strong>\s*<span class="letterhead-address">Jl. Parasamya, Beran, Tridadi<\/span>/);
    }
  });

  it('when a requester submits the online form, then the receipt they print has the letterhead', async () => {
    const { app, db } = buildTestApp();
    office(db);
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/permohonan')).text);
    const { receivedOn: _r, channel: _c, ...fields } = intakeInput();
    const res = await agent.post('/permohonan').type('form').send({ _csrf: csrf, ...fields, agree: 'yes' }).expect(302);
    const receipt = await agent.get(res.headers.location).expect(200);
    expect(receipt.text).toContain('<strong class="letterhead-office">PPID Dinas Kominfo Kabupaten Sleman</strong>');
    expect(receipt.text).toMatch(/<a class="brand" href="\/">[^]*?PPID Dinas Kominfo Kabupaten Sleman/);
  });
});

describe('the written notice and the objection papers', () => {
  it('when printed, then each letter is dated "Sleman, 8 Maret 2022", without the weekday', async () => {
    const { app, db } = buildTestApp();
    office(db);
    const rejected = decided(db, 'rejected');
    const objection = fileObjection({ db, actor: testActor, zone, requestId: rejected.id, input: { filedOn: '2022-03-21', grounds: ['a'], statement: 'Data tidak bersifat rahasia', filedBy: 'requester', proxyName: '', lateNote: '' } });
    respondToObjection({ db, actor: testActor, zone, id: objection.id, input: { respondedOn: '2022-04-05', result: 'rejected', reasoning: 'Putusan tetap.', followUp: '', informationGivenOn: null, responderName: '', version: undefined } });
    const { agent } = await loginAs(app, db, 'officer');
    const cases: [string, string][] = [
      [`/requests/${rejected.id}/notice`, 'Sleman, 8 Maret 2022'],
      [`/objections/${objection.id}/receipt`, 'Sleman, 21 Maret 2022'],
      [`/objections/${objection.id}/response-letter`, 'Sleman, 5 April 2022'],
    ];
    for (const [url, date] of cases) {
      const page = await agent.get(url).expect(200);
      expect(page.text, url).toContain(`<p class="letter-date">${date}</p>`);
      expect(page.text, url).not.toMatch(/Sleman, (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)/);
    }
  });

  it('when information is granted in part, then the notice states the right to object, as a refusal does; a full grant does not', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    for (const outcome of ['partial', 'rejected', 'not_provided'] as const) {
      const notice = await agent.get(`/requests/${decided(db, outcome).id}/notice`).expect(200);
      expect(notice.text, outcome).toContain(RIGHT_TO_OBJECT);
    }
    const full = await agent.get(`/requests/${decided(db, 'full').id}/notice`).expect(200);
    expect(full.text).not.toContain(RIGHT_TO_OBJECT);
  });

  it('when information is refused, then the notice\'s sections start at A', async () => {
    const { app, db } = buildTestApp();
    const { agent } = await loginAs(app, db, 'officer');
    for (const outcome of ['rejected', 'not_provided'] as const) {
      const notice = await agent.get(`/requests/${decided(db, outcome).id}/notice`).expect(200);
      expect(notice.text, outcome).toContain('<h2>A. Informasi tidak dapat diberikan karena:</h2>');
      expect(notice.text, outcome).not.toMatch(/<h2>B\./);
    }
  });

  it('when printed, then tables and signature blocks are kept whole on one page', async () => {
    const { app } = buildTestApp();
    const css = (await request(app).get('/public/app.css').expect(200)).text;
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.paper table[^{]*\.signature-block[^{]*\{[^}]*break-inside: avoid/);
  });
});

describe('badge colours', () => {
  it('when requests are granted, refused or not provided, then each family wears its own colour in the register, the request page and the status page', async () => {
    const { app, db } = buildTestApp();
    const rows = { granted: decided(db, 'full'), partial: decided(db, 'partial'), rejected: decided(db, 'rejected'), 'not-provided': decided(db, 'not_provided') };
    const { agent } = await loginAs(app, db, 'officer');
    const register = (await agent.get('/requests').expect(200)).text;
    expect(register).toContain('<span class="badge badge-granted">Dikabulkan sepenuhnya</span>');
    expect(register).toContain('<span class="badge badge-granted">Dikabulkan sebagian</span>');
    expect(register).toContain('<span class="badge badge-rejected">Ditolak</span>');
    expect(register).toContain('<span class="badge badge-not-provided">Tidak diberikan</span>');
    const show = (await agent.get(`/requests/${rows.rejected.id}`).expect(200)).text;
    expect(show).toContain('<span class="badge badge-rejected">Ditolak</span>');
    const publicAgent = request.agent(app);
    const csrf = csrfFrom((await publicAgent.get('/status')).text);
    const status = await publicAgent.post('/status').type('form').send({ _csrf: csrf, number: rows.rejected.registrationNumber, code: rows.rejected.accessCode }).expect(200);
    expect(status.text).toContain('<span class="badge badge-rejected">Ditolak</span>');
    const css = (await agent.get('/public/app.css').expect(200)).text;
    const colour = (cls: string) => new RegExp(`\\.badge-${cls} \\{[^}]*; color: ([^;]+);`).exec(css)?.[1];
    const colours = ['granted', 'rejected', 'not-provided', 'open', 'late'].map(colour);
    expect(colours.every(Boolean)).toBe(true);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
