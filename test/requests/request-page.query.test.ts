import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest, registerRequest, withdrawRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { requestPage } from '../../src/requests/request-page.query.js';
import { presentRequestPage } from '../../src/requests/request-page.presenter.js';
import { AppError } from '../../src/shared/errors.js';
import type { Db } from '../../src/db/client.js';

const zone = 'Asia/Jakarta';
const page = { zone, maxUploadBytes: 20 * 1024 * 1024, maxUploadFiles: 10 };
const rejectedWithFee = (db: Db) => {
  const r = makeRequest(db, { receivedOn: '2022-03-01' });
  decideRequest({ db, actor: testActor, zone, id: r.id, input: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Uji', reasonNote: '', noticeNote: '', feeRupiah: 150000, correctionNote: '' } });
  return r;
};
const tableCounts = (db: Db) => db.$client.prepare('select (select count(*) from audit_log) as audit, (select count(*) from requests where opened_at is null) as unopened').get();

describe('requestPage (the request page as one query)', () => {
  it('when a decided request with an objection is read, then the query returns its rows and the presenter shapes them', () => {
    const db = freshDb();
    const r = rejectedWithFee(db);
    fileObjection({ db, actor: testActor, zone, requestId: r.id, input: { filedOn: '2022-03-20', grounds: ['a', 'e'], statement: 'Data tidak bersifat rahasia', filedBy: 'requester', proxyName: '', lateNote: '' } });

    const data = requestPage({ db, zone, id: r.id });
    expect(data.request.id).toBe(r.id);
    expect(data.objections.map((o) => o.registrationNumber)).toEqual(['001/KEB/PPID/2022']);
    expect(data.history.map((h) => h.action)).toEqual(expect.arrayContaining(['request.create', 'request.decide']));
    expect(data.missingCalendarYears).toEqual([]);

    const view = presentRequestPage(data, page);
    expect(view.title).toBe(r.registrationNumber);
    expect(view.request.decision).toMatchObject({ outcomeText: 'Ditolak', feeText: 'Rp150.000' });
    expect(view.objections[0].groundLetters).toBe('a, e');
    // Nyepi (3 March 2022) is skipped in the first step of "Cara tenggat dihitung".
    expect(view.request.deadlineSteps.map((s) => s.title)).toEqual(['10 hari kerja sejak diterima']);
    expect(view.request.deadlineSteps[0].skipped.map((s) => s.reason)).toContain('Hari Suci Nyepi Tahun Baru Saka 1944');
    expect(view.maxUploadMb).toBe(20);
    expect(view.upload).toEqual({ message: '', errors: {}, values: {} });
  });

  it('when a withdrawn request is read, then the page says it was withdrawn, with no fee', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    withdrawRequest({ db, actor: testActor, zone, id: r.id, input: { withdrawnOn: '2022-03-04', note: '' } });
    const view = presentRequestPage(requestPage({ db, zone, id: r.id }), page);
    expect(view.request.decision).toMatchObject({ outcomeText: 'Dicabut pemohon (dicatat: tidak diberikan)', feeText: '' });
  });

  it('when a new web request is read, then nothing is written (the "Baru" flag stays until its own POST)', () => {
    const db = freshDb();
    const r = registerRequest({ db, actor: testActor, zone, source: 'web', input: intakeInput({ receivedOn: '2022-03-01' }) });
    const before = tableCounts(db);
    presentRequestPage(requestPage({ db, zone, id: r.id }), page);
    expect(tableCounts(db)).toEqual(before);
  });

  it('when the request does not exist, then it is a not_found', () => {
    const db = freshDb();
    expect(() => requestPage({ db, zone, id: 999 })).toThrow(AppError);
    try {
      requestPage({ db, zone, id: 999 });
    } catch (e) {
      expect((e as AppError).code).toBe('not_found');
    }
  });
});
