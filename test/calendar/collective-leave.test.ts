/**
 * Perpres 21/2023: units serving the public directly may keep working on cuti bersama. The
 * office setting "cuti bersama dihitung sebagai hari kerja" (default off) decides whether those
 * days stop the clock; national holidays always do.
 */
import { describe, it, expect } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeRequest } from '../helpers/factories.js';
import { addWorkingDays, buildCalendar, COLLECTIVE_LEAVE_COUNTED_NOTE, type HolidayEntry } from '../../src/calendar/working-days.js';
import { loadCalendar } from '../../src/calendar/holidays.service.js';
import { getRequest } from '../../src/requests/requests.service.js';
import { getSettings } from '../../src/settings/settings.repo.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import official from '../../src/calendar/official-holidays.json' with { type: 'json' };

const entries = Object.values(official.years).flatMap((y) => y.days as HolidayEntry[]);
const off = buildCalendar(entries);
const on = buildCalendar(entries, { collectiveLeaveIsWorkingDay: true });

describe('cuti bersama around Idul Fitri, with the setting off and on', () => {
  it.each([
    // Fri 5 Apr 2024: off → 8, 9, 12, 15 Apr cuti bersama and 10–11 Apr Idul Fitri skipped: 16–19, 22–26, 29 Apr.
    //                  on → 8, 9, 12, 15, 16, 17, 18, 19, 22, 23 Apr (10–11 Apr Idul Fitri still off).
    ['2024-04-05', 10, '2024-04-29', '2024-04-23'],
    // Fri 14 Apr 2023: off → 17, 18, 26, 27, 28 Apr, (1 May Hari Buruh) 2–5, 8 May.
    //                  on → 17–21 (cuti bersama 19–21 counted), 24, 25 (cuti bersama), 26, 27, 28 Apr.
    ['2023-04-14', 10, '2023-05-08', '2023-04-28'],
    // Thu 13 Jun 2024, 7 days: 14, (17 Jun Idul Adha off either way) 19, 20, 21, 24, 25, 26 Jun when
    // off; 18 Jun cuti bersama counted when on, so it ends on 25 Jun.
    ['2024-06-13', 7, '2024-06-26', '2024-06-25'],
  ])('from %s, %i working days: %s when cuti bersama is not counted, %s when it is', (start, n, whenOff, whenOn) => {
    expect(addWorkingDays(start, n, off)).toBe(whenOff);
    expect(addWorkingDays(start, n, on)).toBe(whenOn);
  });

  it('when the setting is on, then a cuti bersama weekday is a working day named in the explanation; a national holiday stays off', () => {
    expect(off.offReason('2024-04-08')).toBe('Cuti bersama Idul Fitri');
    expect(on.offReason('2024-04-08')).toBeNull();
    expect(on.workingNote?.('2024-04-08')).toBe(`Cuti bersama Idul Fitri — ${COLLECTIVE_LEAVE_COUNTED_NOTE}`);
    expect(off.workingNote?.('2024-04-08')).toBeNull();
    expect(on.offReason('2024-04-10')).toBe('Hari Raya Idul Fitri 1445 H');
    expect(on.collectiveLeaveIsWorkingDay).toBe(true);
    expect(off.collectiveLeaveIsWorkingDay).toBe(false);
  });

  it('when a date is both a holiday and cuti bersama, then it stays off with the setting on', () => {
    const both = buildCalendar([
      { date: '2030-01-02', kind: 'holiday', name: 'Libur' },
      { date: '2030-01-02', kind: 'collective_leave', name: 'Cuti' },
    ], { collectiveLeaveIsWorkingDay: true });
    expect(both.offReason('2030-01-02')).toBe('Libur');
    expect(both.workingNote?.('2030-01-02')).toBeNull();
  });
});

describe('the office setting', () => {
  it('when the admin turns it on, then open deadlines are recomputed in the same change, audited, and the request page names the setting; off restores them', async () => {
    const { app, db } = buildTestApp();
    const r = makeRequest(db, { receivedOn: '2024-04-05' });
    expect(getRequest(db, r.id).dueOn).toBe('2024-04-29');
    const { agent, csrf } = await loginAs(app, db, 'admin');
    const page = await agent.get('/admin/settings').expect(200);
    expect(page.text).toContain('Cuti bersama dihitung sebagai hari kerja');

    const turnedOn = await agent.post('/admin/settings').type('form').send({ _csrf: csrf, ...getSettings(db), collective_leave_is_working_day: '1' });
    expect(turnedOn.status).toBe(302);
    expect(getSettings(db).collective_leave_is_working_day).toBe('1');
    expect(getRequest(db, r.id).dueOn).toBe('2024-04-23');
    expect(loadCalendar(db).offReason('2024-04-08')).toBeNull(); // the cached calendar was dropped
    const entry = listAudit(db, { entityType: 'settings' }, 1, 1).rows[0];
    expect(entry.summary).toContain('Cuti bersama dihitung sebagai hari kerja');
    expect(entry.summary).toContain('tenggat 1 permohonan dihitung ulang');
    expect(JSON.parse(entry.after!)).toEqual({ collective_leave_is_working_day: '1' });
    expect((await agent.get('/admin/settings')).text).toContain('Tenggat 1 permohonan dihitung ulang.');

    const officer = await loginAs(app, db, 'officer');
    const show = await officer.agent.get(`/requests/${r.id}`).expect(200);
    expect(show.text).toContain('cuti bersama dihitung sebagai hari kerja menurut pengaturan kantor');
    expect(show.text).toContain(`Cuti bersama Idul Fitri — ${COLLECTIVE_LEAVE_COUNTED_NOTE}`);

    // The form without the box ticked turns it off again: the deadline moves back.
    const { collective_leave_is_working_day: _ignored, ...rest } = getSettings(db);
    await agent.post('/admin/settings').type('form').send({ _csrf: csrf, ...rest }).expect(302);
    expect(getSettings(db).collective_leave_is_working_day).toBe('0');
    expect(getRequest(db, r.id).dueOn).toBe('2024-04-29');
    const back = await officer.agent.get(`/requests/${r.id}`).expect(200);
    expect(back.text).toContain('cuti bersama tidak dihitung sebagai hari kerja menurut pengaturan kantor');
  });

  it('when another setting changes, then nothing is recomputed', async () => {
    const { app, db } = buildTestApp();
    makeRequest(db, { receivedOn: '2024-04-05' });
    const { agent, csrf } = await loginAs(app, db, 'admin');
    await agent.post('/admin/settings').type('form').send({ _csrf: csrf, ...getSettings(db), office_city: 'Sleman' }).expect(302);
    expect(listAudit(db, { entityType: 'settings' }, 1, 1).rows[0].summary).toBe('Pengaturan diubah: Kota');
  });
});
