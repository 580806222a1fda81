/**
 * Hostile input on the public rating API and form, property-based (the rating routes' part of
 * test/security/hostile-input.test.ts; kept here because each call needs its own client address
 * to stay under the public rate limit). Properties: never a 5xx or a stack trace; the API
 * answers JSON in the documented error shape; a refusal writes nothing; Object.prototype stays clean.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { csrfFrom } from '../helpers/login-as.js';
import { propertySeed } from '../helpers/property-seed.js';
import { testActor } from '../helpers/factories.js';
import { answerConsultation, logConsultation } from '../../src/desk/desk.service.js';
import { ratingLinkOf } from '../../src/ratings/links.js';
import type { Db } from '../../src/db/client.js';

const STATUS_OF: Record<string, number> = { validation: 400, not_found: 404, conflict: 409, gone: 410, payload_too_large: 413, rate_limited: 429 };
let address = 0;
const fresh = () => `198.51.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}`;

/** A fresh answered consultation's rating path. */
function newLink(db: Db): string {
  const c = logConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', input: {
    received_at: '2024-03-01T09:00:00+07:00', channel: 'whatsapp', category: 'question', topic: '', question: 'Pertanyaan', escalated: false,
    user: { name: 'Pengguna', type: 'other', institution: '', region_code: '', email: 'p@contoh.id', phone: '' } } });
  answerConsultation({ db, actor: testActor, zone: 'Asia/Jakarta', id: c.id, viewer: { role: 'officer', unitId: null }, input: { answered_at: '2024-03-01T10:00:00+07:00', answer: 'Jawaban' } });
  return ratingLinkOf(db, 'consultation', c.id)!.path;
}
const count = (db: Db) => (db.$client.prepare('select (select count(*) from ratings) + (select count(*) from audit_log) n').get() as { n: number }).n;

const WEIRD = ['<script>alert(1)</script>', "'; DROP TABLE ratings;--", '\u0000', 'a\u0000b', '\uD800', '\u202E', '__proto__', 'constructor', '1e309', 'NaN', '-1', '0', '5', '4.5', ' 5 ', '０', '٣', ''];
const hostile = fc.oneof(fc.constantFrom(...WEIRD), fc.string({ maxLength: 50 }), fc.integer({ min: -5, max: 15 }), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 10 }), fc.string({ minLength: 1990, maxLength: 2100 }));
const KEYS = ['service', 'substance', 'comment', 'skm', 'respondent', '__proto__', 'constructor', 'extra', 'user_id'];
const apiBody = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), hostile, { maxKeys: 6 }) },
  { weight: 2, arbitrary: fc.record({ service: fc.integer({ min: -1, max: 12 }), substance: fc.integer({ min: -1, max: 12 }), comment: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...WEIRD)), skm: fc.dictionary(fc.constantFrom('u1', 'u2', 'u9', 'u10', '__proto__'), fc.integer({ min: 0, max: 5 })), respondent: fc.dictionary(fc.constantFrom('sex', 'age_band', 'name'), fc.constantFrom('l', 'p', '30-39', 'Budi', '')) }, { requiredKeys: ['service', 'substance'] }) },
  { weight: 1, arbitrary: fc.anything() },
);
const FORM_KEYS = ['service', 'substance', 'comment', 'u1', 'u5', 'u9', 'age_band', 'sex', 'education', 'occupation', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[b]', 'extra'];
const formBody = fc.dictionary(fc.constantFrom(...FORM_KEYS), fc.oneof(fc.constantFrom(...WEIRD), fc.string({ maxLength: 40 }), fc.integer({ min: -2, max: 12 }).map(String)), { maxKeys: 10 });

function expectNoPollution() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('hostile input: the rating API', () => {
  it('never a 5xx, always the documented error shape; a refusal writes nothing', async () => {
    const { app, db } = buildTestApp();
    let path = newLink(db);
    await fc.assert(fc.asyncProperty(apiBody, async (body) => {
      const before = count(db);
      const res = await request(app).post(`/api/v1/ratings/${path.split('/').pop()}`).set('X-Forwarded-For', fresh()).set('Content-Type', 'application/json').send(JSON.stringify(body ?? null));
      expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      if (res.status >= 400) {
        expect(Object.keys(res.body.error).sort()).toEqual(['code', 'fields', 'message']);
        expect(res.status).toBe(STATUS_OF[res.body.error.code]);
        expect(count(db)).toBe(before);
      } else {
        expect(res.status).toBe(201);
        path = newLink(db);
      }
      expectNoPollution();
    }), { numRuns: 120, seed: propertySeed });
  });

  it('hostile tokens in the path: 404 (or 400 for a broken escape), never a 5xx', async () => {
    const { app } = buildTestApp();
    const seg = fc.oneof(fc.string({ maxLength: 80 }).map(encodeURIComponent), fc.constantFrom('%', '%E0%A4%A', '%00', '..%2F..', '%2e%2e', 'summary', 'A'.repeat(43), 'A'.repeat(5000)));
    await fc.assert(fc.asyncProperty(seg, async (s) => {
      const res = await request(app).post(`/api/v1/ratings/${s}`).set('X-Forwarded-For', fresh()).send({ service: 5, substance: 5 });
      expect(res.status, `${s.slice(0, 40)} ${res.text.slice(0, 120)}`).toBeLessThan(500);
      const page = await request(app).get(`/penilaian/${s}`).set('X-Forwarded-For', fresh());
      expect(page.status).toBeLessThan(500);
    }), { numRuns: 80, seed: propertySeed });
  });
});

describe('hostile input: the public rating form', () => {
  it('never a 5xx or a stack trace; a refusal writes nothing', async () => {
    const { app, db } = buildTestApp();
    const visitor = request.agent(app);
    let path = newLink(db);
    let csrf = csrfFrom((await visitor.get(path)).text);
    await fc.assert(fc.asyncProperty(formBody, async (body) => {
      const before = count(db);
      const res = await visitor.post(path).set('X-Forwarded-For', fresh()).type('form').send({ ...body, _csrf: csrf });
      expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
      expect(res.text).not.toMatch(/TypeError|at .*\.js:\d+|Terjadi kesalahan pada server/);
      if (res.status >= 400) expect(count(db)).toBe(before);
      else {
        expect(res.status).toBe(302);
        path = newLink(db);
        csrf = csrfFrom((await visitor.get(path)).text);
      }
      expectNoPollution();
    }), { numRuns: 100, seed: propertySeed });
  });
});
