import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import type { Application } from 'express';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom, loginAs, tokenFor } from '../helpers/login-as.js';
import { FIXED_NOW } from '../helpers/fixed-clock.js';
import { decisionInput, grantedInFull, makeRequest, testActor } from '../helpers/factories.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { ratingsSummary } from '../../src/ratings/ratings.report.js';
import type { Db } from '../../src/db/client.js';

// The fixed clock (10 March 2026, 00:30 WIB), moved on where a test needs a later day.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(FIXED_NOW));
});
afterEach(() => vi.useRealTimers());
const moveClock = (iso: string) => vi.setSystemTime(new Date(iso));

const consultation = (email: string, name = 'Budi Santoso') => ({
  received_at: '2026-03-09T09:00:00+07:00', channel: 'whatsapp', category: 'question', topic: 'village_fund',
  question: 'Kapan dana desa tahap II cair?', user: { name, type: 'local_government', email },
});

async function world() {
  const { app, db } = buildTestApp();
  const agentA = await tokenFor(db, 'agent', 'agen-a');
  const agentB = await tokenFor(db, 'agent', 'agen-b');
  const api = (t: string) => ({
    post: (path: string, body: unknown) => request(app).post(`/api/v1${path}`).set('Authorization', `Bearer ${t}`).send(body as object),
    get: (path: string) => request(app).get(`/api/v1${path}`).set('Authorization', `Bearer ${t}`),
  });
  /** Logs and answers a consultation as the agent; returns the answer's JSON. */
  const answered = async (t: string, email: string, name?: string) => {
    const c = await api(t).post('/consultations', consultation(email, name));
    expect(c.status, c.text).toBe(201);
    const a = await api(t).post(`/consultations/${c.body.id}/answer`, { answered_at: '2026-03-09T15:00:00+07:00', answer: 'Akhir bulan ini.' });
    expect(a.status, a.text).toBe(200);
    return a.body as { id: number; rating_url: string | null };
  };
  const rate = (url: string, body: unknown = { service: 5, substance: 4 }) => request(app).post(`/api/v1/ratings/${tokenIn(url)}`).send(body as object);
  return { app: app as Application, db, agentA, agentB, api, answered, rate };
}

const tokenIn = (url: string) => url.split('/penilaian/')[1];
const ratingCount = (db: Db) => (db.$client.prepare('select count(*) n from ratings').get() as { n: number }).n;

describe('rating links', () => {
  it('when a consultation is answered, then its JSON carries a one-time rating_url with an unguessable token, stored only hashed', async () => {
    const { db, agentA, answered } = await world();
    const first = await answered(agentA, 'budi@example.id');
    const second = await answered(agentA, 'budi@example.id');
    expect(first.rating_url).toMatch(/^http:\/\/localhost:0\/penilaian\/[A-Za-z0-9_-]{43}$/);
    expect(second.rating_url).not.toBe(first.rating_url);
    const stored = JSON.stringify(db.$client.prepare('select * from rating_links').all());
    expect(stored).not.toContain(tokenIn(first.rating_url!));
    expect(stored).not.toContain(tokenIn(second.rating_url!));
    expect(ratingCount(db)).toBe(0);
  });

  it('when the link is used through the API, then 201; a second use is 409 and nothing more is written', async () => {
    const { db, agentA, answered, rate } = await world();
    const { rating_url } = await answered(agentA, 'budi@example.id');
    const first = await rate(rating_url!, { service: 4, substance: 5, comment: 'Jawaban jelas.' });
    expect(first.status, first.text).toBe(201);
    const second = await rate(rating_url!, { service: 1, substance: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(ratingCount(db)).toBe(1);
    expect(db.$client.prepare('select service, substance, comment from ratings').get()).toEqual({ service: 4, substance: 5, comment: 'Jawaban jelas.' });
    expect(listAudit(db, { action: 'rating.submit' }, 1, 10).total).toBe(1);
  });

  it('when the link is used, then the consultation JSON no longer carries a rating_url', async () => {
    const { agentA, answered, rate, api } = await world();
    const { id, rating_url } = await answered(agentA, 'budi@example.id');
    await rate(rating_url!).expect(201);
    const list = await api(agentA).get('/consultations');
    expect(list.body.items.find((c: { id: number }) => c.id === id).rating_url).toBeNull();
  });

  it('when the link is older than the configured days (default 14), then 410 on the API and the page, and nothing is written', async () => {
    const { app, db, agentA, answered, rate } = await world();
    const { rating_url } = await answered(agentA, 'budi@example.id');
    moveClock('2026-03-24T00:29:00+07:00'); // 13 days 23 hours 59 minutes later: still open
    expect((await request(app).get(new URL(rating_url!).pathname)).status).toBe(200);
    moveClock('2026-03-24T00:30:00+07:00'); // 14 days later: expired
    const res = await rate(rating_url!);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('gone');
    expect((await request(app).get(new URL(rating_url!).pathname)).status).toBe(410);
    expect(ratingCount(db)).toBe(0);
  });

  it('when the admin sets 3 days, then a new link expires after 3 days', async () => {
    const { app, db, agentA, answered, rate } = await world();
    const admin = await loginAs(app, db, 'admin');
    await admin.agent.post('/admin/penilaian').type('form').send({ _csrf: admin.csrf, link_days: '3', scale_max: '5', target: '3.5', min_count: '5', min_users: '5' }).expect(302);
    expect(listAudit(db, { action: 'rating.settings' }, 1, 10).total).toBe(1);
    const { rating_url } = await answered(agentA, 'budi@example.id');
    moveClock('2026-03-13T00:31:00+07:00');
    expect((await rate(rating_url!)).status).toBe(410);
  });

  it('when the token is unknown or malformed, then 404 on the API and the page', async () => {
    const { app, rate } = await world();
    for (const t of ['A'.repeat(43), 'short', '%27%20or%201%3D1--', 'x'.repeat(3000)]) {
      const res = await rate(`http://x/penilaian/${t}`);
      expect(res.status, t.slice(0, 20)).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      expect((await request(app).get(`/penilaian/${t}`)).status).toBe(404);
    }
  });

  it('when a request is decided, then its API JSON carries rating_url and the status page shows the link', async () => {
    const { app, db } = await world();
    const r = makeRequest(db, { receivedOn: '2026-03-02' });
    decideRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: r.id, input: decisionInput({ decidedOn: '2026-03-09', ...grantedInFull }) });
    const officer = await tokenFor(db, 'officer');
    const json = await request(app).get(`/api/v1/requests/${r.id}`).set('Authorization', `Bearer ${officer}`);
    expect(json.body.rating_url).toMatch(/\/penilaian\/[A-Za-z0-9_-]{43}$/);
    const visitor = request.agent(app);
    const page = await visitor.get('/status');
    const status = await visitor.post('/status').type('form').send({ _csrf: csrfFrom(page.text), number: r.registrationNumber, code: r.accessCode });
    expect(status.text).toContain(new URL(json.body.rating_url).pathname);
  });

  it('when an undecided request is read, then rating_url is null', async () => {
    const { app, db } = await world();
    const r = makeRequest(db, { receivedOn: '2026-03-02' });
    const officer = await tokenFor(db, 'officer');
    expect((await request(app).get(`/api/v1/requests/${r.id}`).set('Authorization', `Bearer ${officer}`)).body.rating_url).toBeNull();
  });
});

describe('the public form', () => {
  it('when the requester rates with the SKM questionnaire, then 302 to the thanks page; the link is spent (409 on a second try)', async () => {
    const { app, db, agentA, answered } = await world();
    const { rating_url } = await answered(agentA, 'budi@example.id');
    const path = new URL(rating_url!).pathname;
    const visitor = request.agent(app);
    const form = await visitor.get(path).expect(200);
    expect(form.text).toContain('Kepuasan Layanan');
    expect(form.text).toContain('Substansi Jawaban');
    expect(form.text).toContain('Sarana dan prasarana');
    const skm = { u1: '4', u2: '4', u3: '3', u4: '4', u5: '3', u6: '4', u7: '4', u8: '3', u9: '3' };
    const res = await visitor.post(path).type('form').send({ _csrf: csrfFrom(form.text), service: '5', substance: '4', comment: '', ...skm, age_band: '30-39', sex: 'p', education: 's1', occupation: 'pns' });
    expect(res.status, res.text.slice(0, 300)).toBe(302);
    expect(res.headers.location).toBe('/penilaian/terima-kasih');
    const again = await visitor.post(path).type('form').send({ _csrf: csrfFrom(form.text), service: '1', substance: '1' });
    expect(again.status).toBe(409);
    expect(ratingCount(db)).toBe(1);
    const summary = ratingsSummary(db, 2026, 3, 'Asia/Jakarta');
    expect(summary.skm.month).toMatchObject({ respondents: 1, ikm: 88.89, grade: 'A' });
    // The public page: the quarter's index.
    const skmPage = await request(app).get('/skm?year=2026').expect(200);
    expect(skmPage.text).toMatch(/Triwulan I<\/td><td class="num">1<\/td>\s*<td class="num">88,89<\/td>\s*<td>A \(Sangat Baik\)/);
  });

  it('when the form is incomplete (no score, half the SKM, a score above the scale), then 400 with the typed values kept', async () => {
    const { app, db, agentA, answered } = await world();
    const { rating_url } = await answered(agentA, 'budi@example.id');
    const path = new URL(rating_url!).pathname;
    const visitor = request.agent(app);
    const form = await visitor.get(path);
    const noScore = await visitor.post(path).type('form').send({ _csrf: csrfFrom(form.text), substance: '4', comment: 'Komentar saya' });
    expect(noScore.status).toBe(400);
    expect(noScore.text).toContain('Komentar saya');
    const halfSkm = await visitor.post(path).type('form').send({ _csrf: csrfFrom(form.text), service: '4', substance: '4', u1: '4', u2: '3' });
    expect(halfSkm.status).toBe(400);
    expect(halfSkm.text).toContain('Isi kesembilan unsur');
    const above = await visitor.post(path).type('form').send({ _csrf: csrfFrom(form.text), service: '6', substance: '4' });
    expect(above.status).toBe(400);
    expect(ratingCount(db)).toBe(0);
  });

  it('when the form comes without its CSRF token, then 403 and nothing is written', async () => {
    const { app, db, agentA, answered } = await world();
    const { rating_url } = await answered(agentA, 'budi@example.id');
    const res = await request(app).post(new URL(rating_url!).pathname).type('form').send({ service: '5', substance: '5' });
    expect(res.status).toBe(403);
    expect(ratingCount(db)).toBe(0);
  });

  it('when one address sends more than 20 ratings in 15 minutes, then 429', async () => {
    const { app } = await world();
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await request(app).post(`/api/v1/ratings/${'B'.repeat(43)}`).set('X-Forwarded-For', '203.0.113.7').send({ service: 5, substance: 5 })).status;
    expect(last).toBe(429);
  });
});

describe('the month\'s figures', () => {
  it('when agent A has 5 ratings from 5 users and agent B 5 from one user, then A meets the minimum and B is "belum memenuhi syarat"', async () => {
    const { app, db, agentA, agentB, answered, rate } = await world();
    for (let i = 1; i <= 5; i++) await rate((await answered(agentA, `user${i}@example.id`)).rating_url!, { service: i === 1 ? 3 : 4, substance: 5 }).expect(201);
    // The same user, written differently: one user.
    for (const email of ['Sama@Example.id', 'sama@example.ID', 'SAMA@example.id', 'sama@example.id', 'sama@EXAMPLE.ID']) {
      await rate((await answered(agentB, email)).rating_url!, { service: 2, substance: 3, comment: 'Lambat dibalas.' }).expect(201);
    }
    const summary = await request(app).get('/api/v1/ratings/summary?year=2026&month=3').set('Authorization', `Bearer ${await tokenFor(db, 'supervisor')}`);
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body.overall).toMatchObject({ service: 2.9, substance: 4, count: 10, users: 6 });
    expect(summary.body.agents).toEqual([
      expect.objectContaining({ username: 'agen-a', service: 3.8, substance: 5, count: 5, users: 5, meets_minimum: true }),
      expect.objectContaining({ username: 'agen-b', service: 2, substance: 3, count: 5, users: 1, meets_minimum: false }),
    ]);
    expect(summary.body.target).toBe(3.5);
    expect(summary.body.skm.month).toMatchObject({ respondents: 0, ikm: null });
    // The same as the function the monthly service report calls.
    expect(summary.body).toEqual(JSON.parse(JSON.stringify(ratingsSummary(db, 2026, 3, 'Asia/Jakarta'))));
    // Another month: nothing.
    const april = await request(app).get('/api/v1/ratings/summary?year=2026&month=4').set('Authorization', `Bearer ${await tokenFor(db, 'auditor')}`);
    expect(april.body.overall).toMatchObject({ count: 0, users: 0, service: null });

    const supervisor = await loginAs(app, db, 'supervisor', 'spv');
    const page = await supervisor.agent.get('/laporan/kepuasan?year=2026&month=3');
    expect(page.status).toBe(200);
    expect(page.text).toContain('belum memenuhi syarat');
    expect(page.text).toContain('Lambat dibalas.');
    // Never the users' identity.
    expect(page.text).not.toMatch(/sama@example|user1@example|Budi Santoso/i);
  });

  it('when a reader opens the recap page, then it links the satisfaction report next to the other reports, and the link opens it', async () => {
    const { app, db } = await world();
    for (const role of ['officer', 'auditor'] as const) {
      const { agent } = await loginAs(app, db, role, `${role}-recap`);
      const recap = await agent.get('/recap').expect(200);
      expect(recap.text).toContain('<a href="/laporan/kepuasan">Kepuasan layanan</a>');
      const page = await agent.get('/laporan/kepuasan');
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/<a href="\/recap" class="active">Rekap<\/a>/);
    }
  });

  it('when the summary is asked without a valid month, then 400', async () => {
    const { app, db } = await world();
    const t = await tokenFor(db, 'officer');
    for (const q of ['', '?year=2026', '?year=2026&month=13', '?year=abc&month=1', '?year=2026&month=1.5']) {
      const res = await request(app).get(`/api/v1/ratings/summary${q}`).set('Authorization', `Bearer ${t}`);
      expect(res.status, q).toBe(400);
    }
  });

  it('when a supervisor marks a comment as followed up, then it is audited, the rating is unchanged, and a second mark is 409', async () => {
    const { app, db, agentA, answered, rate } = await world();
    await rate((await answered(agentA, 'budi@example.id')).rating_url!, { service: 2, substance: 2, comment: 'Mohon lebih cepat.' }).expect(201);
    const id = (db.$client.prepare('select id from ratings').get() as { id: number }).id;
    const spv = await loginAs(app, db, 'supervisor', 'spv');
    await spv.agent.post(`/laporan/kepuasan/komentar/${id}`).type('form').send({ _csrf: spv.csrf, note: 'Agen sudah diingatkan.', year: '2026', month: '3' }).expect(302);
    expect(listAudit(db, { action: 'rating.follow_up' }, 1, 10).total).toBe(1);
    expect(db.$client.prepare('select service, substance, comment, follow_up_note from ratings').get()).toEqual({ service: 2, substance: 2, comment: 'Mohon lebih cepat.', follow_up_note: 'Agen sudah diingatkan.' });
    const again = await spv.agent.post(`/laporan/kepuasan/komentar/${id}`).type('form').send({ _csrf: spv.csrf });
    expect(again.status).toBe(409);
  });

  it('when an agent sends the link, then a rating.invite message is queued to the user\'s e-mail, audited', async () => {
    const { app, db } = await world();
    const agent = await loginAs(app, db, 'agent', 'agen-c');
    const t = await tokenFor(db, 'agent', 'agen-d');
    const c = await request(app).post('/api/v1/consultations').set('Authorization', `Bearer ${t}`).send(consultation('budi@example.id'));
    await request(app).post(`/api/v1/consultations/${c.body.id}/answer`).set('Authorization', `Bearer ${t}`).send({ answered_at: '2026-03-09T15:00:00+07:00', answer: 'Ya.' }).expect(200);
    const page = await agent.agent.get(`/desk/${c.body.id}`);
    expect(page.text).toContain('Kirim tautan ke pengguna');
    const res = await agent.agent.post(`/penilaian/kirim/konsultasi/${c.body.id}`).type('form').send({ _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(302);
    const msg = db.$client.prepare("select recipient, body from outbox where kind = 'rating.invite'").get() as { recipient: string; body: string };
    expect(msg.recipient).toBe('budi@example.id');
    expect(msg.body).toMatch(/\/penilaian\/[A-Za-z0-9_-]{43}/);
    expect(listAudit(db, { action: 'rating.send' }, 1, 10).total).toBe(1);
  });
});

describe('sending a request\'s link', () => {
  it('when an officer sends a decided request\'s link, then a rating.invite is queued for the requester; a unit\'s staff cannot', async () => {
    const { app, db } = await world();
    const r = makeRequest(db, { receivedOn: '2026-03-02', requesterEmail: 'dewi@kampus.ac.id' });
    decideRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: r.id, input: decisionInput({ decidedOn: '2026-03-09', ...grantedInFull }) });
    const officer = await loginAs(app, db, 'officer');
    const page = await officer.agent.get(`/requests/${r.id}`);
    expect(page.text).toContain('Kirim tautan ke pengguna');
    await officer.agent.post(`/penilaian/kirim/permohonan/${r.id}`).type('form').send({ _csrf: csrfFrom(page.text) }).expect(302);
    expect(db.$client.prepare("select recipient, request_id from outbox where kind = 'rating.invite'").all()).toEqual([{ recipient: 'dewi@kampus.ac.id', request_id: r.id }]);
    const agent = await loginAs(app, db, 'agent', 'agen-x');
    expect((await agent.agent.post(`/penilaian/kirim/permohonan/${r.id}`).type('form').send({ _csrf: agent.csrf })).status).toBe(403);
  });
});

describe('hostile input on the rating API', () => {
  it('refuses unknown keys, wrong types, out-of-range scores, long or control-character comments, non-JSON and huge bodies with 400/413, writing nothing', async () => {
    const { db, agentA, answered, rate, app } = await world();
    const { rating_url } = await answered(agentA, 'budi@example.id');
    const bodies: unknown[] = [
      {}, { service: 5 }, { service: '5', substance: '5' }, { service: 0, substance: 5 }, { service: 11, substance: 5 }, { service: 4.5, substance: 5 },
      { service: 5, substance: 5, comment: 'x'.repeat(2001) }, { service: 5, substance: 5, comment: 'a\u0000b' }, { service: 5, substance: 5, comment: 42 },
      { service: 5, substance: 5, user_id: 1 }, { service: 5, substance: 5, __proto__: { admin: true }, constructor: 'x' },
      { service: 5, substance: 5, skm: { u1: 4 } }, { service: 5, substance: 5, skm: { u1: 5, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 } },
      { service: 5, substance: 5, respondent: { name: 'Budi' } }, [5, 5], null,
    ];
    for (const b of bodies) {
      const res = await rate(rating_url!, b);
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation' });
    }
    const text = await request(app).post(`/api/v1/ratings/${tokenIn(rating_url!)}`).type('text/plain').send('service=5&substance=5');
    expect(text.status).toBe(400);
    const huge = await request(app).post(`/api/v1/ratings/${tokenIn(rating_url!)}`).set('Content-Type', 'application/json').send(`{"service":5,"substance":5,"comment":"${'x'.repeat(20000)}"}`);
    expect(huge.status).toBe(413);
    const broken = await request(app).post(`/api/v1/ratings/${tokenIn(rating_url!)}`).set('Content-Type', 'application/json').send('{"service":5,');
    expect(broken.status).toBe(400);
    expect(ratingCount(db)).toBe(0);
    // Still usable.
    expect((await rate(rating_url!, { service: 5, substance: 5, skm: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 }, respondent: { sex: 'l' } })).status).toBe(201);
  });

  it('the public form treats markup in the comment as text on the report', async () => {
    const { app, db, agentA, answered } = await world();
    const { rating_url } = await answered(agentA, 'budi@example.id');
    const path = new URL(rating_url!).pathname;
    const visitor = request.agent(app);
    const form = await visitor.get(path);
    await visitor.post(path).type('form').send({ _csrf: csrfFrom(form.text), service: '3', substance: '3', comment: '<script>alert(1)</script><img src=x onerror=alert(2)>' }).expect(302);
    const spv = await loginAs(app, db, 'supervisor', 'spv');
    const page = await spv.agent.get('/laporan/kepuasan?year=2026&month=3');
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
