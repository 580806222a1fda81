import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeRequest } from '../helpers/factories.js';

const VIEWS = path.resolve(import.meta.dirname, '../../views');

function viewFiles(dir = VIEWS): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? viewFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** One document, one <main> with the skip link's target, a labelled navigation. */
function expectLayout(html: string) {
  expect(html.match(/<html/g)).toHaveLength(1);
  expect(html.match(/<main\b/g)).toHaveLength(1);
  expect(html.match(/<\/main>/g)).toHaveLength(1);
  expect(html).toMatch(/<a class="skip-link[^"]*" href="#isi">Langsung ke isi<\/a>/);
  expect(html).toMatch(/<main id="isi" tabindex="-1"/);
  expect(html).toMatch(/<nav class="(mainnav|publicnav)"[^>]* aria-label="Menu utama">/);
}

describe('one layout', () => {
  it('when the views are read, then only views/layout.ejs opens the document and <main>', () => {
    for (const file of viewFiles()) {
      if (path.basename(file) === 'layout.ejs') continue;
      // The letter sent with an e-mail is a document of its own, never shown inside the app.
      if (path.relative(VIEWS, file) === path.join('messages', 'letter.ejs')) continue;
      // So are the files of the monev ZIP (src/reports/annual/evidence.ts): HTML documents to print to PDF.
      if (path.relative(VIEWS, file) === path.join('reports', 'annual', 'document.ejs')) continue;
      const text = fs.readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/<!doctype|<html|<main\b|<\/main>|<body|partials\/(head|foot)/i);
    }
  });

  it('when staff, public and error pages are rendered, then each has one <main>, the skip link and the labelled navigation', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db);
    const { agent } = await loginAs(app, db, 'officer');
    for (const url of ['/requests', '/requests/new', `/requests/${r.id}`, `/requests/${r.id}/receipt`, '/objections', '/recap']) {
      expectLayout((await agent.get(url).expect(200)).text);
    }
    const missing = await agent.get('/requests/999').expect(404);
    expectLayout(missing.text);
    expect(missing.text).toContain('Tidak ditemukan');
    for (const url of ['/status', '/permohonan', '/login']) expectLayout((await request(app).get(url).expect(200)).text);
  });
});

describe('errors on selects and checkbox groups', () => {
  it('when the decision form is refused, then the select and each checkbox of the group are aria-invalid and point at their message', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const noOutcome = await agent.post(`/requests/${r.id}/decide`).type('form').send({ _csrf: csrf, decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: '' });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.text).toMatch(/<select id="f-outcome"[^>]*aria-describedby="err-outcome"[^>]*aria-invalid="?true/);
    expect(noOutcome.text).toContain('id="err-outcome"');

    const noReason = await agent.post(`/requests/${r.id}/decide`).type('form').send({ _csrf: csrf, decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected' });
    expect(noReason.status).toBe(400);
    const boxes = noReason.text.match(/<input type="checkbox" name="reasons"[^>]*>/g)!;
    expect(boxes.length).toBeGreaterThan(1);
    for (const box of boxes) expect(box).toMatch(/aria-invalid="true" aria-describedby="err-reasons"/);
    expect(noReason.text).toMatch(/<fieldset aria-describedby="err-reasons">/);
    expect(noReason.text).toContain('id="err-reasons"');
  });

  it('when the decision form rejects without a Pasal 17 reason or exempts without a consequence test, then it is refused with the typed values', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const notHeld = await agent.post(`/requests/${r.id}/decide`).type('form')
      .send({ _csrf: csrf, version: String(r.version), decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: 'not_held', noticeNote: 'catatan diketik' });
    expect(notHeld.status).toBe(400);
    expect(notHeld.text).toContain('hanya atas dasar informasi yang dikecualikan (Pasal 17)');
    expect(notHeld.text).toContain('catatan diketik');
    const noTest = await agent.post(`/requests/${r.id}/decide`).type('form')
      .send({ _csrf: csrf, version: String(r.version), decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: 'exempt', exemptionArticles: 'h' });
    expect(noTest.status).toBe(400);
    expect(noTest.text).toContain('Pengecualian tanpa uji konsekuensi');
    expect(noTest.text).toContain('id="err-consequenceTest"');
  });

  it('when the intake form is refused for a choice, then the select is aria-invalid; radios of a group point at their message', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'officer');
    const res = await agent.post('/requests').type('form').send({ _csrf: csrf, receivedOn: '2022-03-01', channel: 'pigeon' });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<select id="f-channel"[^>]*aria-describedby="err-channel"[^>]*aria-invalid="?true/);
    expect(res.text).toMatch(/<fieldset class="radios" aria-describedby="err-obtainMethod">/);
    const radios = res.text.match(/<input type="radio" name="obtainMethod"[^>]*>/g)!;
    expect(radios.length).toBeGreaterThan(1);
    for (const radio of radios) expect(radio).toContain('aria-invalid="true"');
  });
});
