/**
 * Staff digests: the daily one at the set hour on working days (office zone, working calendar),
 * the weekly one for supervisors on the first working day of the week; each once.
 */
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { buildTestApp } from '../helpers/build-test-app.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { makeUser } from '../helpers/login-as.js';
import { findUserByUsername } from '../../src/auth/users.repo.js';
import { saveMessagePreferences } from '../../src/messages/messages.service.js';
import { fileObjection } from '../../src/objections/objections.service.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import type { Db } from '../../src/db/client.js';
import { outboxRows, testWorker } from './support.js';

const wib = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Jakarta' });

async function staffWith(db: Db, role: 'officer' | 'supervisor', name: string, choices: { dailyDigest: boolean; weeklySummary: boolean }) {
  await makeUser(db, role, name);
  const userId = findUserByUsername(db, name)!.id;
  saveMessagePreferences({ db, actor: testActor, userId, input: { email: `${name}@kantor.go.id`, newRequests: false, ...choices } });
  return userId;
}

describe('daily digest', () => {
  it('when it is a working day past the hour, then each person gets their queue once: officers the requests, supervisors also the objections', async () => {
    const { db, config } = buildTestApp({ digestHour: 7 });
    await staffWith(db, 'officer', 'siti', { dailyDigest: true, weeklySummary: true });
    await staffWith(db, 'supervisor', 'budi', { dailyDigest: true, weeklySummary: false });
    await staffWith(db, 'officer', 'tanpa', { dailyDigest: false, weeklySummary: false });
    // Received 1 March 2022 (Nyepi on the 3rd): due 16 March. Overdue on the 21st.
    const late = makeRequest(db, { receivedOn: '2022-03-01', requesterEmail: '' , requesterPhone: '0811111111' });
    const soon = makeRequest(db, { receivedOn: '2022-03-08', requesterEmail: '' , requesterPhone: '0811111111' });
    const decided = makeRequest(db, { receivedOn: '2022-03-07', requesterEmail: '', requesterPhone: '0811111111' });
    decideRequest({ db, actor: testActor, zone: 'Asia/Jakarta', id: decided.id, input: {
      decidedOn: '2022-03-10', provideOn: '2022-03-10', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'not_provided', reasons: ['not_held'], exemptionArticles: [], consequenceTest: '', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });
    const objection = fileObjection({ db, actor: testActor, zone: 'Asia/Jakarta', requestId: decided.id, input: {
      filedOn: '2022-03-11', grounds: ['b'], statement: 'x', filedBy: 'requester', proxyName: '', lateNote: '' } });

    const { worker, setNow } = testWorker(db, config);
    setNow(wib('2022-03-22T06:59')); // Tuesday, before the hour
    expect(worker.runSchedules()).toBe(0);
    setNow(wib('2022-03-22T07:00'));
    expect(worker.runSchedules()).toBe(2);
    expect(worker.runSchedules()).toBe(0); // once per day and person

    const digests = outboxRows(db).filter((m) => m.kind === 'staff.daily_digest');
    expect(digests.map((m) => m.recipient)).toEqual(['siti@kantor.go.id', 'budi@kantor.go.id']);
    const [officer, supervisor] = digests.map((m) => String(m.body));
    expect(officer).toContain(`Permohonan ${late.registrationNumber}: tenggat 16 Maret 2022 (LEWAT)`);
    expect(officer).toContain(`Permohonan ${soon.registrationNumber}: tenggat 22 Maret 2022`);
    expect(officer).not.toContain(decided.registrationNumber);
    expect(officer).not.toContain('Keberatan');
    expect(supervisor).not.toContain(objection.registrationNumber); // its answer is due far later
    expect(String(digests[0].subject)).toBe('Tenggat 22 Maret 2022: 1 lewat, 1 segera');
  });

  it('when the day is a weekend or a holiday, then no digest goes out', async () => {
    const { db, config } = buildTestApp();
    await staffWith(db, 'officer', 'siti', { dailyDigest: true, weeklySummary: false });
    makeRequest(db, { receivedOn: '2022-03-01', requesterEmail: '' });
    const { worker, setNow } = testWorker(db, config);
    setNow(wib('2022-03-19T09:00')); // Saturday
    expect(worker.runSchedules()).toBe(0);
    setNow(wib('2022-03-03T09:00')); // Nyepi
    expect(worker.runSchedules()).toBe(0);
    expect(outboxRows(db).filter((m) => m.kind === 'staff.daily_digest')).toHaveLength(0);
  });
});

describe('weekly summary', () => {
  it('when the first working day of the week comes, then supervisors who chose it get last week\'s figures, once', async () => {
    const { db, config } = buildTestApp();
    await staffWith(db, 'supervisor', 'budi', { dailyDigest: false, weeklySummary: true });
    await staffWith(db, 'officer', 'siti', { dailyDigest: false, weeklySummary: true });
    makeRequest(db, { receivedOn: '2022-03-08', requesterEmail: '' });
    makeRequest(db, { receivedOn: '2022-03-10', requesterEmail: '' });
    const { worker, setNow } = testWorker(db, config);
    setNow(wib('2022-03-14T08:00')); // Monday
    expect(worker.runSchedules()).toBe(1);
    setNow(wib('2022-03-15T08:00'));
    expect(worker.runSchedules()).toBe(0);
    const [summary] = outboxRows(db).filter((m) => m.kind === 'staff.weekly_summary');
    expect(summary.recipient).toBe('budi@kantor.go.id');
    expect(summary.body).toContain('2 permohonan masuk, 0 diputus');
  });
});
