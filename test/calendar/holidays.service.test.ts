import { describe, it, expect } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { testActor } from '../helpers/factories.js';
import { holidaysOfYear, loadCalendar, missingCalendarYears } from '../../src/calendar/holidays.service.js';
import { addHoliday, removeHoliday, updateHoliday } from '../../src/holidays/change-holiday.js';
import { listAudit, verifyChain } from '../../src/audit/audit.repo.js';
import { AppError } from '../../src/shared/errors.js';

describe('missingCalendarYears', () => {
  it.each([
    // the seed covers 2020–2026
    [[2025, 2026], []],
    [[2026, 2027], [2027]],
    [[2019, 2020, 2027, 2027], [2019, 2027]],
    [[], []],
  ])('when asked about %j, then %j are missing', (years, missing) => {
    expect(missingCalendarYears(freshDb(), years)).toEqual(missing);
  });

  it('when the only day of a year is removed, then the year is missing again', () => {
    const db = freshDb();
    const { holiday } = addHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', input: { date: '2027-01-01', kind: 'holiday', name: 'Tahun Baru 2027 Masehi' } });
    expect(missingCalendarYears(db, [2027])).toEqual([]);
    removeHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', id: holiday.id });
    expect(missingCalendarYears(db, [2027])).toEqual([2027]);
  });
});

describe('holiday changes', () => {
  it('when the same date and name differ only in letter case, then it is still a duplicate', () => {
    const db = freshDb();
    expect(() => addHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', input: { date: '2025-12-25', kind: 'holiday', name: 'hari raya natal' } }))
      .toThrow(AppError);
  });

  it('when an edit changes nothing, then nothing is written or audited', () => {
    const db = freshDb();
    const natal = holidaysOfYear(db, 2025).find((h) => h.name === 'Hari Raya Natal')!;
    const result = updateHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', id: natal.id, input: { date: natal.date, kind: 'holiday', name: natal.name } });
    expect(result.recalculated).toEqual({ requests: 0, objections: 0, consultations: 0 });
    expect(listAudit(db, { action: 'holiday.update' }, 1, 10).total).toBe(0);
  });

  it('when several changes are made, then the audit chain still verifies', () => {
    const db = freshDb();
    const { holiday } = addHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', input: { date: '2025-12-31', kind: 'collective_leave', name: 'Cuti bersama' } });
    updateHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', id: holiday.id, input: { date: '2025-12-30', kind: 'collective_leave', name: 'Cuti bersama' } });
    removeHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', id: holiday.id });
    expect(verifyChain(db)).toMatchObject({ ok: true, firstBroken: null });
    expect(listAudit(db, { entityType: 'holiday', entityId: String(holiday.id) }, 1, 10).rows.map((r) => r.action))
      .toEqual(['holiday.delete', 'holiday.update', 'holiday.create']);
  });

  it('when the holiday does not exist, then not found', () => {
    const db = freshDb();
    expect(() => removeHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', id: 99999 })).toThrow(/tidak ditemukan/);
  });
});

describe('calendar cache', () => {
  it('when a holiday is added, then the next calendar read through the same handle sees it', () => {
    const db = freshDb();
    expect(loadCalendar(db).offReason('2030-01-02')).toBeNull();
    addHoliday({ db, actor: testActor, zone: 'Asia/Jakarta', input: { date: '2030-01-02', kind: 'holiday', name: 'Libur uji' } });
    expect(loadCalendar(db).offReason('2030-01-02')).toBe('Libur uji');
  });
});
