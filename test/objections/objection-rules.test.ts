import { describe, it, expect } from 'vitest';
import { buildCalendar } from '../../src/calendar/working-days.js';
import { checkFiling, objectionDates, checkResponse, checkDispute } from '../../src/objections/objection-rules.js';
import type { ObjectionRow } from '../../src/db/schema.js';
import official from '../../src/calendar/official-holidays.json' with { type: 'json' };
import type { HolidayEntry } from '../../src/calendar/working-days.js';

const cal = buildCalendar(Object.values(official.years).flatMap((y) => y.days as HolidayEntry[]));
const today = '2026-11-23';

// Received Tue 1 Mar 2022, due Wed 16 Mar 2022.
const open = { receivedOn: '2022-03-01', dueOn: '2022-03-16', outcome: null, decidedOn: null, reasonExempt: false, withdrawn: false };
const rejectedExempt = { ...open, outcome: 'rejected' as const, decidedOn: '2022-03-08', reasonExempt: true };
const grantedLate = { ...open, outcome: 'full' as const, decidedOn: '2022-03-18' };
const filing = (o: Partial<{ filedOn: string; grounds: ('a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g')[]; lateNote: string; filedBy: string; proxyName: string }> = {}) => ({
  filedOn: '2022-03-20', grounds: ['c' as const], lateNote: '', filedBy: 'requester', proxyName: '', ...o,
});

describe('objectionDates', () => {
  it('counts 30 working days from the notice, or from the due date when there was none', () => {
    // From Tue 8 Mar 2022: March 9–31 has 17 working days; April 1 (18), 4–8 (23), 11–14 (27),
    // 15 Apr Wafat Isa Almasih skipped, 18, 19, 20 → the 30th is Wed 20 Apr.
    expect(objectionDates(rejectedExempt, '2022-03-20', cal).filingDeadline).toBe('2022-04-20');
    // From Wed 16 Mar: 17,18,21–25,28–31 = 11 in March; April 1,4–8,11–14,18–22,25–28 = 19 → Thu 28 Apr.
    expect(objectionDates(open, '2022-03-20', cal).filingDeadline).toBe('2022-04-28');
  });

  it('marks a filing after the window as late and gives the 30-working-day answer date', () => {
    expect(objectionDates(rejectedExempt, '2022-04-20', cal).late).toBe(false);
    const d = objectionDates(rejectedExempt, '2022-04-21', cal);
    expect(d.late).toBe(true);
    // From Thu 21 Apr 2022: 22, 25–28 (5); 29 Apr cuti bersama and 2–6 May Idul Fitri skipped; May 9–13 (10),
    // 16 Waisak, 17–20 (14), 23–25 (17), 26 Kenaikan, 27 (18), 30–31 (20); 1 Jun Pancasila, 2–3 (22),
    // 6–10 (27), 13, 14, 15 → Wed 15 Jun.
    expect(d.responseDueOn).toBe('2022-06-15');
  });
});

describe('checkFiling', () => {
  it.each([
    ['nothing to object to yet (open, within time)', open, filing({ filedOn: '2022-03-10' }), 'filedOn'],
    ['ground c while already decided', rejectedExempt, filing({ grounds: ['c'] }), 'grounds'],
    ['ground a without an exemption', grantedLate, filing({ grounds: ['a'] }), 'grounds'],
    ['ground e on a full grant', grantedLate, filing({ grounds: ['e'] }), 'grounds'],
    ['ground g on an answer given in time', rejectedExempt, filing({ grounds: ['g'] }), 'grounds'],
    ['a proxy without a name', rejectedExempt, filing({ grounds: ['a'], filedBy: 'proxy' }), 'proxyName'],
    ['a late filing without a note', rejectedExempt, filing({ grounds: ['a'], filedOn: '2022-05-30' }), 'lateNote'],
    ['a filing in the future', rejectedExempt, filing({ grounds: ['a'], filedOn: '2999-01-01' }), 'filedOn'],
  ])('refuses %s', (_n, request, input, field) => {
    expect(checkFiling(request, [], input, today, cal)).toHaveProperty(field);
  });

  it.each([
    ['not answered after the due date (c)', open, filing({ grounds: ['c', 'g'] })],
    ['rejection under Pasal 17 (a, e)', rejectedExempt, filing({ grounds: ['a', 'e'] })],
    ['late answer (g), fee (f), other than asked (d)', grantedLate, filing({ grounds: ['g', 'f', 'd'] })],
    ['late filing with a note', rejectedExempt, filing({ grounds: ['a'], filedOn: '2022-05-30', lateNote: 'Pemohon sakit' })],
  ])('accepts %s', (_n, request, input) => {
    expect(checkFiling(request, [], input, today, cal)).toEqual({});
  });

  it('refuses a second objection while one is still unanswered', () => {
    expect(checkFiling(rejectedExempt, [{ registrationNumber: '001/KEB/PPID/2022' }], filing({ grounds: ['a'] }), today, cal).filedOn).toMatch(/001\/KEB/);
  });
});

describe('checkResponse and checkDispute', () => {
  const o = { filedOn: '2022-03-20', respondedOn: null, responseDueOn: '2022-05-04', result: null } as unknown as ObjectionRow;
  it('refuses an answer before filing, a second answer, and a date given on a rejection', () => {
    expect(checkResponse(o, { respondedOn: '2022-03-19', result: 'rejected', reasoning: 'x', informationGivenOn: null }, today)).toHaveProperty('respondedOn');
    expect(checkResponse({ ...o, respondedOn: '2022-03-25' }, { respondedOn: '2022-03-26', result: 'rejected', reasoning: 'x', informationGivenOn: null }, today)).toHaveProperty('respondedOn');
    expect(checkResponse(o, { respondedOn: '2022-03-25', result: 'rejected', reasoning: 'x', informationGivenOn: '2022-03-26' }, today)).toHaveProperty('informationGivenOn');
    expect(checkResponse(o, { respondedOn: '2022-03-25', result: 'upheld', reasoning: 'x', informationGivenOn: '2022-03-28' }, today)).toEqual({});
  });
  it('allows a dispute after the answer, or after the answer period ran out, not before', () => {
    expect(checkDispute(o, { disputeRegisteredOn: '2022-04-01', disputeCaseNumber: '', disputeResult: 'pending', disputeDecidedOn: null }, '2022-04-01')).toHaveProperty('disputeRegisteredOn');
    expect(checkDispute(o, { disputeRegisteredOn: '2022-05-10', disputeCaseNumber: '', disputeResult: 'pending', disputeDecidedOn: null }, today)).toEqual({});
    const answered = { ...o, respondedOn: '2022-03-25', result: 'rejected' } as ObjectionRow;
    expect(checkDispute(answered, { disputeRegisteredOn: '2022-03-24', disputeCaseNumber: '', disputeResult: 'pending', disputeDecidedOn: null }, today)).toHaveProperty('disputeRegisteredOn');
    expect(checkDispute(answered, { disputeRegisteredOn: '2022-04-01', disputeCaseNumber: '', disputeResult: 'pending', disputeDecidedOn: '2022-06-01' }, today)).toHaveProperty('disputeResult');
  });
});
