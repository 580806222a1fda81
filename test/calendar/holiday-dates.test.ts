/**
 * Issue 10 point 1 for the holiday table: a holiday outside 2010 … 31 December of next year is
 * refused on the add and edit forms (a day in year 1 or 9999 would only mislead the counts).
 */
import { describe, it, expect } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { holidaysOfYear } from '../../src/calendar/holidays.service.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import { todayIn } from '../../src/shared/dates.js';

const thisYear = Number(todayIn('Asia/Jakarta').slice(0, 4));

describe('holiday dates', () => {
  it.each([
    ['0001-01-01', 'Tanggal terlalu lama: paling awal 1 Januari 2010.'],
    ['2009-12-25', 'Tanggal terlalu lama: paling awal 1 Januari 2010.'],
    ['9999-12-31', `Tanggal terlalu jauh di masa depan: paling lambat 31 Desember ${thisYear + 1}.`],
    [`${thisYear + 2}-01-01`, `Tanggal terlalu jauh di masa depan: paling lambat 31 Desember ${thisYear + 1}.`],
    ['1900-02-29', 'Tanggal tidak valid (format TTTT-BB-HH).'],
  ])('when an admin adds or moves a holiday to %s, then it is refused with "%s" and the name typed stays', async (date, message) => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const before = listAudit(db, {}, 1, 1).total;
    const added = await agent.post('/admin/holidays').type('form').send({ _csrf: csrf, date, kind: 'holiday', name: 'Libur ketikan' });
    expect(added.status).toBe(400);
    expect(added.text).toContain(message);
    expect(added.text).toContain('Libur ketikan');
    const existing = holidaysOfYear(db, 2025)[0];
    const moved = await agent.post(`/admin/holidays/${existing.id}/edit`).type('form').send({ _csrf: csrf, date, kind: existing.kind, name: existing.name });
    expect(moved.status).toBe(400);
    expect(moved.text).toContain(message);
    expect(holidaysOfYear(db, 2025)[0]).toEqual(existing);
    expect(listAudit(db, {}, 1, 1).total).toBe(before);
  });

  it('when an admin adds next year\'s last day, then it is accepted (calendars are published a year ahead)', async () => {
    const { app, db } = buildTestApp();
    const { agent, csrf } = await loginAs(app, db, 'admin');
    await agent.post('/admin/holidays').type('form').send({ _csrf: csrf, date: `${thisYear + 1}-12-31`, kind: 'collective_leave', name: 'Cuti bersama uji' }).expect(302);
  });
});
