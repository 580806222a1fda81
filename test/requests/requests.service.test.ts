import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { intakeInput, makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest, extendRequest, registerRequest, withdrawRequest, correctIntake, getRequest } from '../../src/requests/requests.service.js';
import { AppError } from '../../src/shared/errors.js';
import { listAudit, verifyChain } from '../../src/audit/audit.repo.js';
import type { DecisionInput } from '../../src/requests/requests.schemas.js';

const zone = 'Asia/Jakarta';
const decision = (o: Partial<DecisionInput> = {}): DecisionInput => ({
  decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '', reasonNote: '',
  noticeNote: '', feeRupiah: 0, correctionNote: '', ...o,
});

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { _code: e.code, ...e.fields };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('registerRequest', () => {
  it('when two requests of a year are registered, then their numbers follow the pattern in sequence', () => {
    const db = freshDb();
    const a = makeRequest(db, { receivedOn: '2022-01-10' });
    const b = makeRequest(db, { receivedOn: '2022-03-01' });
    const c = makeRequest(db, { receivedOn: '2023-01-05' });
    expect(a.registrationNumber).toBe('001/PPID/I/2022');
    expect(b.registrationNumber).toBe('002/PPID/III/2022');
    expect(c.registrationNumber).toBe('001/PPID/I/2023');
    expect(a.accessCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(a.accessCode).not.toBe(b.accessCode);
  });

  it('when registered, then the due date is the 10th working day after receipt, skipping Nyepi', () => {
    // Tue 1 Mar 2022; Thu 3 Mar is Nyepi. Counting: 2,4,7,8,9,10,11,14,15,16 → Wed 16 Mar.
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    expect(r.dueOn).toBe('2022-03-16');
    expect(r.originalDueOn).toBe('2022-03-16');
    expect(listAudit(db, { action: 'request.create' }, 1, 10).total).toBe(1);
  });

  it('when the receipt date is in the future or there is no contact, then it is refused and nothing is written', () => {
    const db = freshDb();
    const fields = fieldsOf(() =>
      registerRequest({ db, actor: testActor, zone, input: intakeInput({ receivedOn: '2999-01-01', requesterPhone: '', requesterEmail: '', requesterAddress: '' }) }),
    );
    expect(fields.receivedOn).toMatch(/masa depan/);
    expect(fields.requesterPhone).toMatch(/kontak/);
    expect(listAudit(db, { action: 'request.create' }, 1, 10).total).toBe(0);
  });
});

describe('extension', () => {
  it('when extended by 7 working days, then dueOn is 7 working days after the original due date', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' }); // due Wed 16 Mar
    const after = extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-15', extensionDays: 7, extensionReason: 'Data di unit lain' } });
    // 17,18,21,22,23,24,25 → Fri 25 Mar
    expect(after.dueOn).toBe('2022-03-25');
    expect(after.originalDueOn).toBe('2022-03-16');
  });

  it('when a second extension, an extension before receipt or after the original due date is tried, then each is refused', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    expect(fieldsOf(() => extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-02-28', extensionDays: 7, extensionReason: 'x' } })).extendedOn).toMatch(/sebelum tanggal diterima/);
    expect(fieldsOf(() => extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-17', extensionDays: 7, extensionReason: 'x' } })).extendedOn).toMatch(/paling lambat/);
    extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-10', extensionDays: 3, extensionReason: 'x' } });
    expect(fieldsOf(() => extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-11', extensionDays: 3, extensionReason: 'x' } })).extendedOn).toMatch(/satu kali/);
  });

  it('when the version the user saw is outdated, then the change is refused with a conflict', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    expect(fieldsOf(() => extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-10', extensionDays: 3, extensionReason: 'x', version: r.version + 1 } }))._code).toBe('conflict');
  });
});

describe('decision', () => {
  it('when decided, then serviceDays counts working days after receipt up to the decision', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    // 2, 4, 7, 8 → 4 working days (3 Mar is Nyepi)
    const after = decideRequest({ db, actor: testActor, zone, id: r.id, input: decision({ decidedOn: '2022-03-08' }) });
    expect(after.serviceDays).toBe(4);
    expect(after.outcome).toBe('full');
  });

  it('when answered the same day, then serviceDays is 0', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    expect(decideRequest({ db, actor: testActor, zone, id: r.id, input: decision({ decidedOn: '2022-03-01' }) }).serviceDays).toBe(0);
  });

  it.each([
    ['partial without a reason', decision({ outcome: 'partial' }), 'reasons'],
    ['exempt without an article', decision({ outcome: 'rejected', reasons: ['exempt'] }), 'exemptionArticles'],
    ['other without a note', decision({ outcome: 'not_provided', reasons: ['other'] }), 'reasonNote'],
    ['full with a reason', decision({ outcome: 'full', reasons: ['not_held'] }), 'reasons'],
    ['articles without exempt', decision({ outcome: 'partial', reasons: ['not_held'], exemptionArticles: ['a'] }), 'exemptionArticles'],
    ['decided before receipt', decision({ decidedOn: '2022-02-28' }), 'decidedOn'],
    ['decided in the future', decision({ decidedOn: '2999-01-01' }), 'decidedOn'],
  ])('when %s, then it is refused on that field', (_name, input, field) => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    expect(fieldsOf(() => decideRequest({ db, actor: testActor, zone, id: r.id, input }))[field]).toBeTruthy();
    expect(getRequest(db, r.id).outcome).toBeNull();
  });

  it('when an exemption cites letters, then they are stored and a second decision is refused but a correction is audited', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    decideRequest({ db, actor: testActor, zone, id: r.id, input: decision({ outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h', 'a'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Membuka data pribadi' }) });
    expect(getRequest(db, r.id).exemptionArticles).toBe('a,h');
    expect(fieldsOf(() => decideRequest({ db, actor: testActor, zone, id: r.id, input: decision() })).outcome).toMatch(/sudah diputus/);
    expect(fieldsOf(() => decideRequest({ db, actor: testActor, zone, id: r.id, input: decision(), correcting: true })).correctionNote).toBeTruthy();
    const corrected = decideRequest({ db, actor: testActor, zone, id: r.id, correcting: true, input: decision({ outcome: 'partial', reasons: ['not_held'], correctionNote: 'Salah input' }) });
    expect(corrected.outcome).toBe('partial');
    expect(corrected.exemptionArticles).toBe('');
    const entry = listAudit(db, { action: 'request.decision_correct' }, 1, 10).rows[0];
    expect(JSON.parse(entry.before!)).toMatchObject({ outcome: 'rejected' });
    expect(JSON.parse(entry.after!)).toMatchObject({ outcome: 'partial' });
    expect(verifyChain(db).ok).toBe(true);
  });

  it('when an extended request is decided before the extension date, then it is refused', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-10', extensionDays: 7, extensionReason: 'x' } });
    expect(fieldsOf(() => decideRequest({ db, actor: testActor, zone, id: r.id, input: decision({ decidedOn: '2022-03-09' }) })).decidedOn).toMatch(/perpanjangan/);
    expect(fieldsOf(() => extendRequest({ db, actor: testActor, zone, id: r.id, input: { extendedOn: '2022-03-10', extensionDays: 7, extensionReason: 'x' } })).extendedOn).toBeTruthy();
  });
});

describe('withdrawal', () => {
  it('when withdrawn, then it is not provided with reason other "dicabut" and no decision can follow', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const after = withdrawRequest({ db, actor: testActor, zone, id: r.id, input: { withdrawnOn: '2022-03-04', note: '' } });
    expect(after).toMatchObject({ withdrawn: true, outcome: 'not_provided', reasonOther: true, reasonNote: 'dicabut', serviceDays: 2 });
    expect(fieldsOf(() => decideRequest({ db, actor: testActor, zone, id: r.id, input: decision() })).outcome).toMatch(/dicabut/);
    expect(fieldsOf(() => decideRequest({ db, actor: testActor, zone, id: r.id, input: decision({ correctionNote: 'x' }), correcting: true })).outcome).toMatch(/dicabut/);
  });
});

describe('correctIntake', () => {
  it('when the receipt date is corrected, then the deadlines move and only changed fields are audited', () => {
    const db = freshDb();
    const r = makeRequest(db, { receivedOn: '2022-03-01' });
    const after = correctIntake({ db, actor: testActor, zone, id: r.id, input: intakeInput({ receivedOn: '2022-03-02' }) });
    // from Wed 2 Mar: 4,7,8,9,10,11,14,15,16,17 → Thu 17 Mar
    expect(after.dueOn).toBe('2022-03-17');
    const entry = listAudit(db, { action: 'request.update' }, 1, 10).rows[0];
    expect(Object.keys(JSON.parse(entry.after!)).sort()).toEqual(['dueOn', 'originalDueOn', 'receivedOn']);
  });
});
