import { describe, it, expect, vi, afterEach } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { makeRequest, testActor } from '../helpers/factories.js';
import { decideRequest } from '../../src/requests/requests.service.js';
import { queryRegister, registerPage } from '../../src/requests/register.query.js';
import { presentRegisterPage } from '../../src/requests/register.presenter.js';
import { COUNT_CAP } from '../../src/requests/requests.repo.js';

const zone = 'Asia/Jakarta';

afterEach(() => vi.useRealTimers());

/** A fixed office day: Monday 14 March 2022, 10:00 WIB. */
function onMonday14March2022() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2022-03-14T03:00:00Z'));
}

describe('queryRegister (the one register query of the page, the API and the export)', () => {
  it('when filtered by a time-based status, then the page, the count and the batches agree, worked out from the office today', () => {
    onMonday14March2022();
    const db = freshDb();
    const overdue = makeRequest(db, { receivedOn: '2022-02-01' }); // due 15 Feb
    const dueSoon = makeRequest(db, { receivedOn: '2022-03-01' }); // due 16 Mar: 2 working days left
    makeRequest(db, { receivedOn: '2022-03-11' }); // due 25 Mar: on track
    const decided = makeRequest(db, { receivedOn: '2022-01-05' });
    decideRequest({ db, actor: testActor, zone, id: decided.id, input: { decidedOn: '2022-01-10', provideOn: '2022-01-10', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '', reasonNote: '', noticeNote: '', feeRupiah: 0, correctionNote: '' } });

    for (const [status, expected] of [['overdue', [overdue.id]], ['due_soon', [dueSoon.id]], ['decided', [decided.id]]] as const) {
      const q = queryRegister({ db, zone, filter: { status } });
      expect(q.today).toBe('2022-03-14');
      expect(q.dueSoonUntil).toBe('2022-03-16');
      expect(q.page(1, 25).rows.map((r) => r.id)).toEqual(expected);
      expect(q.count()).toBe(expected.length);
      expect([...q.batches(500)].flat().map((r) => r.id)).toEqual(expected);
    }
    expect(queryRegister({ db, zone, filter: {} }).count()).toBe(4);
  });

  it('when the filter was refused (null), then it matches nothing rather than everything', () => {
    const db = freshDb();
    makeRequest(db);
    const q = queryRegister({ db, zone, filter: null });
    expect(q.page(1, 25)).toEqual({ rows: [], total: 0, totalCapped: false });
    expect(q.count()).toBe(0);
    expect([...q.batches(500)]).toEqual([]);
  });
});

describe('presentRegisterPage (the view decides nothing)', () => {
  it('when a filter is valid, then the form shows it, the links keep it and the count is written the Indonesian way', () => {
    onMonday14March2022();
    const db = freshDb();
    makeRequest(db, { receivedOn: '2022-03-01' });
    const filter = { year: 2022, status: 'open' as const };
    const view = presentRegisterPage(registerPage({ db, zone, filter, page: 1 }), { typed: {}, filter });
    expect(view.refused).toBe(false);
    expect(view.countText).toBe('1 permohonan sesuai filter.');
    expect(view.exports).toEqual({
      csv: '/requests/export.csv?year=2022&status=open',
      csvExcel: '/requests/export.csv?year=2022&status=open&format=excel-id',
      xlsx: '/requests/export.xlsx?year=2022&status=open',
    });
    const year = view.selects.find((s) => s.name === 'year')!;
    expect(year.options.filter((o) => o.selected).map((o) => o.value)).toEqual(['2022']);
    expect(view.rows).toHaveLength(1);
    expect(view.pager).toBeNull();
  });

  it('when a filter is refused, then the typed values come back (an unknown one offered, selected), with the errors and no export', () => {
    const db = freshDb();
    const typed = { status: 'hilang', year: '1999' };
    const view = presentRegisterPage(registerPage({ db, zone, filter: null, page: 1 }), {
      typed, filter: null, filterErrors: { status: 'Pilihan tidak valid.', year: 'Tahun harus antara 2010 dan tahun depan.' },
    });
    expect(view.refused).toBe(true);
    expect(view.message).toMatch(/Filter tidak dapat dipakai/);
    expect(view.exports).toBeNull();
    const status = view.selects.find((s) => s.name === 'status')!;
    expect(status.error).toBe('Pilihan tidak valid.');
    expect(status.options.find((o) => o.selected)).toEqual({ value: 'hilang', label: 'hilang (tidak dikenal)', selected: true });
    expect(view.emptyText).toMatch(/filter di atas tidak dapat dipakai/);
  });

  it('when more match than the count cap, then the count says "Lebih dari 10.000" and the pager offers the next page', () => {
    const db = freshDb();
    const data = { ...registerPage({ db, zone, filter: {}, page: 3 }), total: COUNT_CAP, totalCapped: true };
    data.rows = Array.from({ length: data.pageSize }, () => makeRequest(db));
    const view = presentRegisterPage(data, { typed: {}, filter: { q: 'dewi' } });
    expect(view.countText).toBe('Lebih dari 10.000 permohonan sesuai filter.');
    expect(view.pager).toEqual({ previous: '/requests?q=dewi&page=2', next: '/requests?q=dewi&page=4', text: 'Halaman 3' });
  });
});
