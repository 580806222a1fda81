import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { objectionPage } from '../../src/objections/objection-page.query.js';
import { presentObjectionPage } from '../../src/objections/objection-page.presenter.js';
import { AppError } from '../../src/shared/errors.js';

const zone = 'Asia/Jakarta';
const page = { zone, maxUploadBytes: 5 * 1024 * 1024, maxUploadFiles: 3 };

describe('objectionPage (the objection page as one query)', () => {
  it('when an objection is read, then the query returns it with its request and history, and the presenter shapes the page', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    decideRequest({ db, actor: testActor, zone, id: r.id, input: { decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Membuka data pribadi.', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
    const o = fileObjection({ db, actor: testActor, zone, requestId: r.id, input: { filedOn: '2022-03-20', grounds: ['a'], statement: 'Data tidak bersifat rahasia', filedBy: 'requester', proxyName: '', lateNote: '' } });

    const data = objectionPage({ db, zone, id: o.id });
    expect(data.objection.id).toBe(o.id);
    expect(data.request!.id).toBe(r.id);
    expect(data.history.map((h) => h.action)).toContain('objection.create');
    expect(data.files).toEqual([]);

    const view = presentObjectionPage(data, page);
    expect(view.title).toBe('001/KEB/PPID/2022');
    expect(view.request!.number).toBe(r.registrationNumber);
    expect(view.maxUploadMb).toBe(5);
    expect(view.maxUploadFiles).toBe(3);
    expect(view.calendarWarnings).toEqual([]);
  });

  it('when the objection does not exist, then it is a not_found', () => {
    const db = freshDb();
    const err = (() => {
      try {
        objectionPage({ db, zone, id: 42 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not_found');
  });
});
