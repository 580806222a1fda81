import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs } from '../helpers/login-as.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { sendDispositions } from '../../src/units/dispositions.service.js';
import { findRequest } from '../../src/requests/requests.repo.js';
import type { Db } from '../../src/db/client.js';
import { DEFAULT_INTERNAL_DUE, fixClock, IDENTITY, secretRequest, TODAY, unit } from './support.js';

beforeEach(fixClock);
afterEach(() => vi.useRealTimers());

const rows = (db: Db, sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as Record<string, unknown>[];
const send = (db: Db, requestId: number, unitIds: number[], extra: { dueOn?: string; note?: string } = {}) =>
  sendDispositions({ db, actor: testActor, zone: 'Asia/Jakarta', requestId, input: { unitIds, note: extra.note ?? '', dueOn: extra.dueOn } });

describe('sending a request to units', () => {
  it('when an officer sends a request to two units, then each gets a disposition due 2 working days before the legal due date, audited, and the request page lists them', async () => {
    const { app, db } = buildTestApp();
    const a = unit(db, 'PK.1');
    const b = unit(db, 'PK.2');
    const r = secretRequest(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');

    const form = await agent.get(`/requests/${r.id}/dispositions/new`).expect(200);
    expect(form.text).toContain('PK.1 — Unit PK.1');
    const res = await agent.post(`/requests/${r.id}/dispositions`).type('form').send({ _csrf: csrf, unitIds: [String(a.id), String(b.id)], dueOn: '', note: 'Mohon data per kabupaten' });

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/requests/${r.id}`);
    const saved = rows(db, 'select unit_id, sent_on, due_on, status, note from dispositions order by id');
    expect(saved).toEqual([
      { unit_id: a.id, sent_on: TODAY, due_on: DEFAULT_INTERNAL_DUE, status: 'open', note: 'Mohon data per kabupaten' },
      { unit_id: b.id, sent_on: TODAY, due_on: DEFAULT_INTERNAL_DUE, status: 'open', note: 'Mohon data per kabupaten' },
    ]);
    expect(listAudit(db, { action: 'disposition.send' }, 1, 10).total).toBe(2);
    const page = await agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).toContain('Disposisi ke unit');
    expect(page.text).toContain('PK.2');
    expect(page.text).toContain('Sisa 8 hari kerja');
  });

  it('when the office sets another lead time, then the default internal due date follows it', async () => {
    const { app, db } = buildTestApp();
    const a = unit(db, 'PK.1');
    const r = secretRequest(db);
    const admin = await loginAs(app, db, 'admin');
    const settings = await admin.agent.get('/admin/settings').expect(200);
    const values = Object.fromEntries([...settings.text.matchAll(/name="(\w+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    await admin.agent.post('/admin/settings').type('form').send({ ...values, _csrf: admin.csrf, _key: undefined, unit_lead_days: '5' }).expect(302);

    send(db, r.id, [a.id]);

    // 5 working days before 16 March 2026 (Monday): 9 March.
    expect(rows(db, 'select due_on from dispositions')).toEqual([{ due_on: '2026-03-09' }]);
  });

  it('when the internal due date is after the legal due date, then it is allowed with a warning', async () => {
    const { app, db } = buildTestApp();
    const a = unit(db, 'PK.1');
    const r = secretRequest(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');

    await agent.post(`/requests/${r.id}/dispositions`).type('form').send({ _csrf: csrf, unitIds: String(a.id), dueOn: '2026-03-20' }).expect(302);

    expect(rows(db, 'select due_on from dispositions')).toEqual([{ due_on: '2026-03-20' }]);
    const page = await agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).toContain('melewati tenggat pemberitahuan tertulis');
  });

  it('when the unit is inactive, unknown, already has it open, or no unit is chosen, then the form says so and nothing is written', async () => {
    const { app, db } = buildTestApp();
    const a = unit(db, 'PK.1');
    const off = unit(db, 'PK.9', { active: false });
    const r = secretRequest(db);
    send(db, r.id, [a.id]);
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const before = rows(db, 'select count(*) n from dispositions');

    const cases: [Record<string, unknown>, string][] = [
      [{ unitIds: String(off.id) }, 'Unit PK.9 tidak aktif'],
      [{ unitIds: '999' }, 'Unit tidak dikenal'],
      [{ unitIds: String(a.id) }, 'sudah didisposisikan ke PK.1'],
      [{}, 'Pilih minimal satu unit'],
      [{ unitIds: String(a.id), dueOn: '2026-02-27' }, 'tidak boleh sebelum hari ini'],
    ];
    for (const [body, message] of cases) {
      const res = await agent.post(`/requests/${r.id}/dispositions`).type('form').send({ _csrf: csrf, ...body });
      expect(res.status, message).toBe(400);
      expect(res.text).toContain(message);
    }
    expect(rows(db, 'select count(*) n from dispositions')).toEqual(before);
  });

  it('when the request is voided or decided, then it cannot be sent', async () => {
    const { db } = buildTestApp();
    const a = unit(db, 'PK.1');
    const r = makeRequest(db, { receivedOn: '2026-02-02' });
    db.$client.prepare("update requests set outcome = 'full', decided_on = '2026-02-10' where id = ?").run(r.id);
    expect(() => send(db, r.id, [a.id])).toThrow(/sudah diputus/);
    const v = makeRequest(db, { receivedOn: '2026-02-02' });
    db.$client.prepare("update requests set voided_on = '2026-02-03', void_reason = 'duplicate' where id = ?").run(v.id);
    expect(() => send(db, v.id, [a.id])).toThrow(/dibatalkan/);
  });
});

describe('a unit’s staff', () => {
  it('see their unit’s queue with its tiles, and nothing of another unit', async () => {
    const { app, db } = buildTestApp();
    const mine = unit(db, 'PK.1');
    const other = unit(db, 'PK.2');
    const r1 = secretRequest(db);
    const r2 = makeRequest(db, { receivedOn: TODAY, informationRequested: 'Data milik unit lain saja' });
    send(db, r1.id, [mine.id]);
    send(db, r2.id, [other.id]);
    const { agent } = await loginAs(app, db, 'unit', 'staf-pk1', mine.id);

    const queue = await agent.get('/dispositions').expect(200);

    expect(queue.text).toContain('Realisasi DAK fisik 2025');
    expect(queue.text).not.toContain('Data milik unit lain saja');
    expect(queue.text).toMatch(/<strong>1<\/strong> menunggu jawaban/);
    for (const secret of IDENTITY) expect(queue.text).not.toContain(secret);
    // The register is not theirs; home takes them to the queue.
    expect((await agent.get('/requests')).status).toBe(403);
    expect((await agent.get('/')).headers.location).toBe('/dispositions');
  });

  it('open their disposition with the information requested, its purpose and the dates, and never the requester’s identity or contacts', async () => {
    const { app, db } = buildTestApp();
    const mine = unit(db, 'PK.1');
    const r = secretRequest(db);
    const [d] = send(db, r.id, [mine.id]).rows;
    const { agent } = await loginAs(app, db, 'unit', 'staf-pk1', mine.id);

    const page = await agent.get(`/dispositions/${d.id}`).expect(200);

    expect(page.text).toContain('Realisasi DAK fisik 2025 per kabupaten');
    expect(page.text).toContain('Penelitian kebijakan fiskal');
    expect(page.text).toContain('Senin, 16 Maret 2026');
    expect(page.text).toContain('Kamis, 12 Maret 2026');
    for (const secret of [...IDENTITY, r.accessCode]) expect(page.text).not.toContain(secret);
    // The request's own page sends them to their disposition.
    const viaRequest = await agent.get(`/requests/${r.id}`);
    expect(viaRequest.status).toBe(302);
    expect(viaRequest.headers.location).toBe(`/dispositions/${d.id}`);
  });

  it('get "not found" for a request or disposition not sent to their unit, and for every other request page', async () => {
    const { app, db } = buildTestApp();
    const mine = unit(db, 'PK.1');
    const other = unit(db, 'PK.2');
    const sentElsewhere = secretRequest(db);
    const [d] = send(db, sentElsewhere.id, [other.id]).rows;
    const notSent = makeRequest(db, { receivedOn: TODAY });
    const { agent, csrf } = await loginAs(app, db, 'unit', 'staf-pk1', mine.id);

    for (const path of [`/requests/${notSent.id}`, `/requests/${sentElsewhere.id}`, `/requests/${sentElsewhere.id}/receipt`, `/requests/${sentElsewhere.id}/notice`, '/requests/99999', `/dispositions/${d.id}`]) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(404);
      for (const secret of IDENTITY) expect(res.text).not.toContain(secret);
    }
    const answer = await agent.post(`/dispositions/${d.id}/answer`).type('form').send({ _csrf: csrf, answeredOn: TODAY, result: 'provided' });
    expect(answer.status).toBe(404);
    expect(rows(db, 'select status from dispositions')).toEqual([{ status: 'open' }]);
  });
});

describe('send → the unit answers → the officer decides', () => {
  it('the unit’s answer shows on the request page, and the decision stays the officer’s', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const r = secretRequest(db);
    const officer = await loginAs(app, db, 'officer');
    await officer.agent.post(`/requests/${r.id}/dispositions`).type('form').send({ _csrf: officer.csrf, unitIds: String(pk1.id), note: 'Tolong' }).expect(302);
    const [{ id }] = rows(db, 'select id from dispositions') as { id: number }[];

    const staff = await loginAs(app, db, 'unit', 'staf-pk1', pk1.id);
    const form = await staff.agent.get(`/dispositions/${id}`).expect(200);
    const answered = await staff.agent.post(`/dispositions/${id}/answer`).type('form')
      .send({ _csrf: csrfFrom(form.text), version: '1', answeredOn: TODAY, result: 'possibly_exempt', exemptionArticles: ['h'], consequenceTest: 'Memuat NIK penerima bantuan', note: 'Data tersedia di bagian anggaran' });
    expect(answered.status).toBe(302);

    const page = await officer.agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).toContain('Dikuasai, tetapi mungkin dikecualikan');
    expect(page.text).toContain('Memuat NIK penerima bantuan');
    expect(findRequest(db, r.id)!.outcome).toBeNull();
    await officer.agent.post(`/requests/${r.id}/decide`).type('form')
      .send({ _csrf: officer.csrf, decidedOn: TODAY, provideOn: TODAY, givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'partial', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'NIK dihitamkan' }).expect(302);
    expect(findRequest(db, r.id)!.outcome).toBe('partial');
    expect(listAudit(db, { action: 'disposition.answer' }, 1, 10).rows[0]).toMatchObject({ actorLabel: 'staf-pk1', entityType: 'disposition' });
  });

  it('when the answer is "possibly exempt" without letters or grounds, or dated before it was sent or after today, then the form says so', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const [d] = send(db, secretRequest(db).id, [pk1.id]).rows;
    const { agent, csrf } = await loginAs(app, db, 'unit', 'staf-pk1', pk1.id);

    const exempt = await agent.post(`/dispositions/${d.id}/answer`).type('form').send({ _csrf: csrf, answeredOn: TODAY, result: 'possibly_exempt' });
    expect(exempt.status).toBe(400);
    expect(exempt.text).toContain('Pilih huruf Pasal 17');
    expect(exempt.text).toContain('Tuliskan alasan untuk uji konsekuensi');
    const early = await agent.post(`/dispositions/${d.id}/answer`).type('form').send({ _csrf: csrf, answeredOn: '2026-02-27', result: 'provided' });
    expect(early.text).toContain('tidak boleh sebelum disposisi dikirim');
    const late = await agent.post(`/dispositions/${d.id}/answer`).type('form').send({ _csrf: csrf, answeredOn: '2026-03-03', result: 'provided' });
    expect(late.text).toContain('tidak boleh setelah hari ini');
    expect(rows(db, 'select status from dispositions')).toEqual([{ status: 'open' }]);
  });

  it('when an answered disposition is answered again, then it is refused (409)', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const [d] = send(db, secretRequest(db).id, [pk1.id]).rows;
    const { agent, csrf } = await loginAs(app, db, 'unit', 'staf-pk1', pk1.id);
    await agent.post(`/dispositions/${d.id}/answer`).type('form').send({ _csrf: csrf, answeredOn: TODAY, result: 'not_held', holder: 'Kementerian Dalam Negeri' }).expect(302);
    const again = await agent.post(`/dispositions/${d.id}/answer`).type('form').send({ _csrf: csrf, answeredOn: TODAY, result: 'provided' });
    expect(again.status).toBe(409);
    expect(rows(db, 'select result, holder from dispositions')).toEqual([{ result: 'not_held', holder: 'Kementerian Dalam Negeri' }]);
  });
});

describe('reassign, recall and remind', () => {
  it('are audited actions of the PPID; a unit’s staff may not use them', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const pk2 = unit(db, 'PK.2');
    const pk3 = unit(db, 'PK.3');
    const r = secretRequest(db);
    const [d1] = send(db, r.id, [pk1.id]).rows;
    const [d3] = send(db, r.id, [pk3.id]).rows;
    const officer = await loginAs(app, db, 'officer');
    const staff = await loginAs(app, db, 'unit', 'staf-pk1', pk1.id);

    expect((await staff.agent.post(`/dispositions/${d1.id}/remind`).type('form').send({ _csrf: staff.csrf })).status).toBe(403);
    await officer.agent.post(`/dispositions/${d1.id}/remind`).type('form').send({ _csrf: officer.csrf, note: 'Mohon segera' }).expect(302);
    expect(rows(db, 'select reminders, reminded_on from dispositions where id = ?', d1.id)).toEqual([{ reminders: 1, reminded_on: TODAY }]);

    const moved = await officer.agent.post(`/dispositions/${d1.id}/reassign`).type('form').send({ _csrf: officer.csrf, unitId: String(pk2.id), note: 'Bukan di PK.1' });
    expect(moved.status).toBe(302);
    expect(rows(db, 'select unit_id, status, previous_id, due_on from dispositions order by id')).toEqual([
      { unit_id: pk1.id, status: 'reassigned', previous_id: null, due_on: DEFAULT_INTERNAL_DUE },
      { unit_id: pk3.id, status: 'open', previous_id: null, due_on: DEFAULT_INTERNAL_DUE },
      { unit_id: pk2.id, status: 'open', previous_id: d1.id, due_on: DEFAULT_INTERNAL_DUE },
    ]);
    expect(moved.headers.location).toMatch(/^\/dispositions\/\d+$/);

    const noReason = await officer.agent.post(`/dispositions/${d3.id}/recall`).type('form').send({ _csrf: officer.csrf, note: '' });
    expect(noReason.status).toBe(400);
    await officer.agent.post(`/dispositions/${d3.id}/recall`).type('form').send({ _csrf: officer.csrf, note: 'Salah kirim' }).expect(302);
    expect(rows(db, 'select status, close_note from dispositions where id = ?', d3.id)).toEqual([{ status: 'recalled', close_note: 'Salah kirim' }]);
    // A closed disposition takes no more actions.
    expect((await officer.agent.post(`/dispositions/${d3.id}/remind`).type('form').send({ _csrf: officer.csrf })).status).toBe(409);

    for (const action of ['disposition.remind', 'disposition.reassign', 'disposition.recall']) {
      expect(listAudit(db, { action }, 1, 10).total, action).toBe(1);
    }
    // The request's timeline notes each of them.
    const page = await officer.agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).toContain('Disposisi dialihkan dari PK.1 ke PK.2');
    expect(page.text).toContain('ditarik: Salah kirim');
  });

  it('the queue of every unit is open to officers, with the count per unit and a filter', async () => {
    const { app, db } = buildTestApp();
    const pk1 = unit(db, 'PK.1');
    const pk2 = unit(db, 'PK.2');
    send(db, secretRequest(db).id, [pk1.id, pk2.id]);
    send(db, makeRequest(db, { receivedOn: TODAY }).id, [pk2.id], { dueOn: TODAY });
    const { agent } = await loginAs(app, db, 'officer');

    const all = await agent.get('/dispositions').expect(200);
    expect(all.text).toMatch(/<strong>3<\/strong> menunggu jawaban/);
    expect(all.text).toContain('Antrean per unit');
    const soon = await agent.get('/dispositions?unit=pk.2&status=due_soon').expect(200);
    expect(soon.text).toMatch(/<strong>2<\/strong> menunggu jawaban/);
    expect(soon.text).toMatch(/<strong>1<\/strong> segera jatuh tempo/);
  });
});

describe('forwarding to another public body (Pasal 22 ayat 7 huruf b)', () => {
  it('is recorded on the request, audited, and printed on the written notice', async () => {
    const { app, db } = buildTestApp();
    const r = secretRequest(db);
    const { agent, csrf } = await loginAs(app, db, 'officer');

    expect((await agent.get(`/requests/${r.id}/forward`)).status).toBe(200);
    const empty = await agent.post(`/requests/${r.id}/forward`).type('form').send({ _csrf: csrf, body: '', forwardedOn: TODAY });
    expect(empty.status).toBe(400);
    const bad = await agent.post(`/requests/${r.id}/forward`).type('form').send({ _csrf: csrf, body: 'Kemendagri', forwardedOn: '2026-03-05' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('tidak boleh setelah hari ini');
    await agent.post(`/requests/${r.id}/forward`).type('form').send({ _csrf: csrf, body: 'Kementerian Dalam Negeri', forwardedOn: TODAY, contact: 'ppid@kemendagri.go.id' }).expect(302);
    await agent.post(`/requests/${r.id}/decide`).type('form').send({ _csrf: csrf, decidedOn: TODAY, provideOn: TODAY, givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'not_provided', reasons: ['not_held'] }).expect(302);

    const notice = await agent.get(`/requests/${r.id}/notice`).expect(200);
    expect(notice.text).toContain('dikuasai oleh <strong>Kementerian Dalam Negeri</strong>');
    expect(notice.text).toContain('ppid@kemendagri.go.id');
    expect(notice.text).toContain('Pasal 22 ayat 7 huruf b');
    expect(listAudit(db, { action: 'request.forward' }, 1, 10).total).toBe(1);
  });
});
