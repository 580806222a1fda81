/**
 * Issue 13.7: an extension produces a numbered, printable Pemberitahuan Perpanjangan Waktu
 * (own number pattern, numbered in the extension's transaction) with its written reason and the
 * new due date (UU 14/2008 Pasal 22 ayat 8), linked from the request page.
 */
import { describe, it, expect } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeExtendedRequest, makeRequest, testActor } from '../helpers/factories.js';
import { extendRequest, getRequest } from '../../src/requests/requests.service.js';
import { setSetting } from '../../src/settings/settings.repo.js';
import { formatLongDate } from '../../src/shared/dates.js';

describe('the extension letter', () => {
  it('when a request is extended, then the letter carries its number, the reason, the original and the new due date, and the request page links it', async () => {
    const { app, db } = buildTestApp();
    const r = makeExtendedRequest(db, { extension: { extensionReason: 'Dokumen tersebar di tiga unit kerja.' } });
    expect(r.extensionLetterNumber).toBe('001/PERP/PPID/2022');
    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).toContain(`/requests/${r.id}/extension-letter`);
    const letter = await agent.get(`/requests/${r.id}/extension-letter`).expect(200);
    expect(letter.text).toContain('Pemberitahuan Perpanjangan Waktu');
    expect(letter.text).toContain('001/PERP/PPID/2022');
    expect(letter.text).toContain('Dokumen tersebar di tiga unit kerja.');
    expect(letter.text).toContain('7 hari kerja');
    expect(letter.text).toContain(formatLongDate(r.originalDueOn));
    expect(letter.text).toContain(formatLongDate(r.dueOn));
    expect(letter.text).toContain(r.registrationNumber);
  });

  it('when the office sets its own pattern, then letters follow it in sequence per year', () => {
    const { db } = buildTestApp();
    db.transaction((tx) => setSetting(tx, 'extension_letter_pattern', 'PP-{seq:2}/{month_roman}/{year}'));
    const a = makeExtendedRequest(db);
    const b = makeExtendedRequest(db);
    expect([a.extensionLetterNumber, b.extensionLetterNumber]).toEqual(['PP-01/III/2022', 'PP-02/III/2022']);
  });

  it('when the pattern would repeat a number already given, then the extension is refused and nothing is written', () => {
    const { db } = buildTestApp();
    makeExtendedRequest(db);
    // A pattern without {seq} (the settings form refuses it; a stored one may predate the check).
    db.transaction((tx) => setSetting(tx, 'extension_letter_pattern', '001/PERP/PPID/{year}'));
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    expect(() => extendRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: r.id, input: { extendedOn: '2022-03-15', extensionDays: 7, extensionReason: 'x' } }))
      .toThrow('Nomor surat perpanjangan 001/PERP/PPID/2022 sudah dipakai');
    expect(getRequest(db, r.id)).toMatchObject({ extendedOn: null, extensionLetterNumber: null });
  });

  it('when a request was not extended, then there is no letter (404)', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db);
    const { agent } = await loginAs(app, db, 'officer');
    const page = await agent.get(`/requests/${r.id}`).expect(200);
    expect(page.text).not.toContain('/extension-letter');
    await agent.get(`/requests/${r.id}/extension-letter`).expect(404);
  });
});
