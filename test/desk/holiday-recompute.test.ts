/**
 * One calendar for the register and the desk: a holiday added, moved or removed, or cuti bersama
 * made working days, moves the due time of every ticket whose count crosses the day, with the
 * service level the ticket was given (src/desk/recompute-due.ts).
 */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers/build-test-app.js';
import { testActor } from '../helpers/factories.js';
import { testUnit } from '../helpers/login-as.js';
import { escalateConsultation, logConsultation } from '../../src/desk/desk.service.js';
import { updateServicePolicies } from '../../src/desk/desk-config.js';
import { addHoliday, removeHoliday, updateHoliday } from '../../src/holidays/change-holiday.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { getSettings } from '../../src/settings/settings.repo.js';
import { listAudit } from '../../src/audit/audit.repo.js';
import type { Db } from '../../src/db/client.js';

const zone = 'Asia/Jakarta';
const due = (db: Db, id: number) => (db.$client.prepare('select sla_due_at as d from consultations where id = ?').get(id) as { d: string }).d;
// Monday 8 September 2025, 09:00 WIB: Tuesday 9 and Wednesday 10 are plain working days.
const ticket = (db: Db, receivedAt = '2025-09-08T09:00:00+07:00') =>
  logConsultation({ db, actor: testActor, zone, input: {
    received_at: receivedAt, channel: 'whatsapp', category: 'question', topic: 'village_fund', question: 'Kapan dana desa cair?', escalated: false,
    user: { name: 'Siti', type: 'local_government', institution: '', region_code: '', email: '', phone: '' } } });
const holiday = (db: Db, date: string, kind: 'holiday' | 'collective_leave' = 'holiday') =>
  addHoliday({ db, actor: testActor, zone, input: { date, kind, name: 'Libur uji' } });

describe('desk due times follow the calendar', () => {
  it('when a holiday is added inside a ticket\'s count, then its due time moves a working day; removed, it moves back', () => {
    const db = freshDb();
    const t = ticket(db);
    expect(t.slaDueAt).toBe('2025-09-09T02:00:00Z'); // WhatsApp: 1 working day
    expect([t.slaAmount, t.slaUnit]).toEqual([1, 'working_days']);
    const { holiday: h, recalculated } = holiday(db, '2025-09-09');
    expect(recalculated.consultations).toBe(1);
    expect(due(db, t.id)).toBe('2025-09-10T02:00:00Z');
    expect(listAudit(db, { action: 'holiday.create' }, 1, 1).rows[0].summary).toMatch(/tenggat 1 konsultasi dihitung ulang/);

    updateHoliday({ db, actor: testActor, zone, id: h.id, input: { date: '2025-09-12', kind: 'holiday', name: 'Libur uji' } });
    expect(due(db, t.id)).toBe('2025-09-09T02:00:00Z');
    const moved = holiday(db, '2025-09-09');
    expect(due(db, t.id)).toBe('2025-09-10T02:00:00Z');
    expect(removeHoliday({ db, actor: testActor, zone, id: moved.holiday.id }).recalculated.consultations).toBe(1);
    expect(due(db, t.id)).toBe('2025-09-09T02:00:00Z');
  });

  it('when the day is outside a ticket\'s count, then the ticket is left as it is', () => {
    const db = freshDb();
    const before = ticket(db, '2025-09-01T09:00:00+07:00'); // due Tuesday 2 September
    const after = ticket(db, '2025-09-10T09:00:00+07:00'); // received after the day
    expect(holiday(db, '2025-09-09').recalculated.consultations).toBe(0);
    expect(due(db, before.id)).toBe(before.slaDueAt);
    expect(due(db, after.id)).toBe(after.slaDueAt);
  });

  it('when the admin changed the service level since, then the ticket is counted again with the level it was given', () => {
    const db = freshDb();
    const t = ticket(db);
    updateServicePolicies({ db, actor: testActor, policies: [{ channel: 'whatsapp', escalated: false, policy: { amount: 3, unit: 'working_days' } }] });
    holiday(db, '2025-09-09');
    expect(due(db, t.id)).toBe('2025-09-10T02:00:00Z'); // 1 working day, not 3
  });

  it('when a ticket is escalated, then it is counted with the escalated level it was given', () => {
    const db = freshDb();
    testUnit(db);
    const t = ticket(db);
    const e = escalateConsultation({ db, actor: testActor, zone, id: t.id, input: { unit_code: 'UT.1', escalated_at: '2025-09-08T10:00:00+07:00', note: '' } });
    expect([e.slaAmount, e.slaDueAt]).toEqual([2, '2025-09-10T02:00:00Z']); // WhatsApp escalated: 2 working days
    holiday(db, '2025-09-10');
    expect(due(db, t.id)).toBe('2025-09-11T02:00:00Z');
  });

  it('when cuti bersama is made a working day in the settings, then the tickets it held back come forward', () => {
    const db = freshDb();
    holiday(db, '2025-09-09', 'collective_leave');
    const t = ticket(db);
    expect(t.slaDueAt).toBe('2025-09-10T02:00:00Z');
    const { recalculated } = updateSettings({ db, actor: testActor, zone, input: { ...getSettings(db), collective_leave_is_working_day: '1' } as never });
    expect(recalculated?.consultations).toBe(1);
    expect(due(db, t.id)).toBe('2025-09-09T02:00:00Z');
  });
});
