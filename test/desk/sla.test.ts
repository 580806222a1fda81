import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { buildCalendar } from '../../src/calendar/working-days.js';
import { slaDueAt, ticketUrgency } from '../../src/desk/sla.js';

const cal = buildCalendar([{ date: '2026-01-16', kind: 'holiday', name: "Isra Mi'raj" }]);
const zone = 'Asia/Jakarta';

describe('service levels of a ticket', () => {
  it('when a WhatsApp question comes in on a Friday, then it is due on Monday at the same clock time (1 working day), in the office zone', () => {
    expect(slaDueAt('2026-01-09T16:30:00+07:00', 'whatsapp', false, cal, zone)).toBe('2026-01-12T09:30:00Z');
  });

  it('when it is escalated, then WhatsApp has 2 working days and e-mail 5, skipping the holiday', () => {
    expect(slaDueAt('2026-01-09T09:00:00+07:00', 'whatsapp', true, cal, zone)).toBe('2026-01-13T02:00:00Z');
    // 12, 13, 14, 15, (16 holiday), 19
    expect(slaDueAt('2026-01-09T09:00:00+07:00', 'email', true, cal, zone)).toBe('2026-01-19T02:00:00Z');
  });

  it('when it comes in on a Saturday night in another zone, then the day counted is the office day', () => {
    // 2026-01-10 23:30 WIT is 21:30 WIB on Saturday: the next working day is Monday.
    expect(slaDueAt('2026-01-10T23:30:00+09:00', 'phone', false, cal, zone)).toBe('2026-01-12T14:30:00Z');
  });

  it('when read, then an open ticket is overdue after its due time, due soon within 4 hours, and an answered one is done', () => {
    const due = '2026-01-12T09:30:00Z';
    expect(ticketUrgency('open', due, DateTime.fromISO('2026-01-12T09:31:00Z'))).toBe('overdue');
    expect(ticketUrgency('escalated', due, DateTime.fromISO('2026-01-12T06:00:00Z'))).toBe('due_soon');
    expect(ticketUrgency('open', due, DateTime.fromISO('2026-01-11T06:00:00Z'))).toBe('on_track');
    expect(ticketUrgency('answered', due, DateTime.fromISO('2026-02-01T00:00:00Z'))).toBe('done');
  });
});
