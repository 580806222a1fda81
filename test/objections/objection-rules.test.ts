import { describe, it, expect } from 'vitest';
import { buildCalendar } from '../../src/calendar/working-days.js';
import { checkFiling, objectionDates, checkResponse, checkDispute, disputeDueOn, disputeIsLate, checkStage, disputeStanding, checkRequestlessFiling } from '../../src/objections/objection-rules.js';
import type { ObjectionRow } from '../../src/db/schema.js';
import official from '../../src/calendar/official-holidays.json' with { type: 'json' };
import type { HolidayEntry } from '../../src/calendar/working-days.js';

const cal = buildCalendar(Object.values(official.years).flatMap((y) => y.days as HolidayEntry[]));
const today = '2026-11-23';

// Received Tue 1 Mar 2022, due Wed 16 Mar 2022.
const open = { receivedOn: '2022-03-01', dueOn: '2022-03-16', outcome: null, decidedOn: null, provideOn: null, givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", reasonExempt: false, withdrawn: false };
const rejectedExempt = { ...open, outcome: 'rejected' as const, decidedOn: '2022-03-08', provideOn: '2022-03-08', givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", reasonExempt: true };
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
    const d = (disputeRegisteredOn: string, disputeLateNote = '') => ({ disputeRegisteredOn, disputeCaseNumber: '', disputeLateNote });
    expect(checkDispute(o, d('2022-04-01'), '2022-04-01', cal)).toHaveProperty('disputeRegisteredOn');
    expect(checkDispute(o, d('2022-05-10'), today, cal)).toEqual({});
    const answered = { ...o, respondedOn: '2022-03-25', result: 'rejected' } as ObjectionRow;
    expect(checkDispute(answered, d('2022-03-24'), today, cal)).toHaveProperty('disputeRegisteredOn');
  });
});

describe('the dispute window (UU 14/2008 Pasal 37 ayat 2)', () => {
  const base = { filedOn: '2022-03-20', respondedOn: null, responseDueOn: '2022-05-10', result: null } as unknown as ObjectionRow;
  it('when the supervisor answered, then the last day is the 14th working day after the answer', () => {
    // Answer Fri 25 Mar 2022: 28 Mar … 14 Apr (15 Apr Good Friday is off) → Thu 14 Apr.
    expect(disputeDueOn({ ...base, respondedOn: '2022-03-25', result: 'rejected' }, cal)).toBe('2022-04-14');
  });
  it('when the answer spans Lebaran, then holidays and cuti bersama are skipped', () => {
    // Answer Wed 27 Apr 2022: 28 Apr (1), 29 Apr–6 May off (cuti bersama and Idul Fitri), 9–13 May (6),
    // 16 May Waisak off, 17–25 May (13), 26 May Kenaikan off, Fri 27 May (14).
    expect(disputeDueOn({ ...base, respondedOn: '2022-04-27', result: 'upheld' }, cal)).toBe('2022-05-27');
  });
  it('when the 30 working days for an answer lapse without one, then the 14 days count from the answer\'s due date', () => {
    // Due Tue 10 May 2022, unanswered: 11–13 May (3), 16 May Waisak off, 17–25 May (10), 26 May
    // Kenaikan off, 27, 30, 31 May (13), 1 Jun Pancasila off, Thu 2 Jun (14).
    expect(disputeDueOn(base, cal)).toBe('2022-06-02');
    expect(disputeIsLate(base, '2022-06-02', cal)).toBe(false);
    expect(disputeIsLate(base, '2022-06-03', cal)).toBe(true);
  });
  it('when the objection was withdrawn, then there is no dispute window', () => {
    expect(disputeDueOn({ ...base, respondedOn: '2022-03-25', result: 'withdrawn' }, cal)).toBeNull();
  });
  it('when a dispute is registered after the window without a note, then the note is asked for; with it, it passes', () => {
    const answered = { ...base, respondedOn: '2022-03-25', result: 'rejected' } as ObjectionRow;
    expect(checkDispute(answered, { disputeRegisteredOn: '2022-04-18', disputeCaseNumber: '', disputeLateNote: '' }, today, cal).disputeLateNote).toMatch(/14 hari kerja/);
    expect(checkDispute(answered, { disputeRegisteredOn: '2022-04-18', disputeCaseNumber: '', disputeLateNote: 'Surat diterima terlambat' }, today, cal)).toEqual({});
    expect(checkDispute(answered, { disputeRegisteredOn: '2022-04-14', disputeCaseNumber: '', disputeLateNote: '' }, today, cal)).toEqual({});
  });
});

describe('dispute stages', () => {
  const registered = { filedOn: '2022-03-20', respondedOn: '2022-03-25', result: 'rejected', responseDueOn: '2022-05-10', disputeRegisteredOn: '2022-04-05' } as unknown as ObjectionRow;
  const stage = (s: Partial<{ stage: string; court: string; heldOn: string; decidedOn: string | null; result: string }>) =>
    ({ objectionId: 1, id: 1, stage: 'mediation', court: '', heldOn: '2022-05-01', decidedOn: null, caseNumber: '', result: 'failed', note: '', createdBy: null, createdAt: '', updatedAt: '', ...s }) as never;
  const input = (s: Partial<{ stage: 'mediation' | 'adjudication' | 'court'; court: string; heldOn: string; decidedOn: string | null; result: string }>) =>
    ({ stage: 'mediation' as const, court: '', heldOn: '2022-05-02', decidedOn: null, caseNumber: '', result: 'failed', note: '', ...s });
  it('refuses a stage before the registration, a date before what it follows, and a court before an adjudication', () => {
    expect(checkStage({ ...registered, disputeRegisteredOn: null }, [], input({}), today)).toHaveProperty('stage');
    expect(checkStage(registered, [], input({ heldOn: '2022-04-01' }), today)).toHaveProperty('heldOn');
    expect(checkStage(registered, [], input({ stage: 'court', court: 'ptun', result: 'pending' }), today)).toHaveProperty('court');
    expect(checkStage(registered, [stage({ result: 'agreed' })], input({ stage: 'adjudication', result: 'granted' }), today)).toHaveProperty('stage');
    expect(checkStage(registered, [], input({ result: 'granted' }), today)).toHaveProperty('result');
    const adjudicated = [stage({ stage: 'adjudication', heldOn: '2022-06-01', result: 'rejected' })];
    expect(checkStage(registered, adjudicated, input({ stage: 'court', court: 'ma', heldOn: '2022-07-01', result: 'pending' }), today)).toHaveProperty('court');
    expect(checkStage(registered, adjudicated, input({ stage: 'court', court: 'ptun', heldOn: '2022-07-01', result: 'pending' }), today)).toEqual({});
    expect(checkStage(registered, adjudicated, input({ stage: 'court', court: 'ptun', heldOn: '2022-07-01', result: 'rejected' }), today)).toHaveProperty('decidedOn');
  });
  it('stands where the adjudication or an agreed mediation left it', () => {
    expect(disputeStanding([])).toEqual({ disputeResult: 'pending', disputeDecidedOn: null });
    expect(disputeStanding([stage({ result: 'agreed', heldOn: '2022-05-02' })])).toEqual({ disputeResult: 'mediation_agreed', disputeDecidedOn: '2022-05-02' });
    expect(disputeStanding([stage({}), stage({ stage: 'adjudication', heldOn: '2022-06-01', result: 'not_admissible' })])).toEqual({ disputeResult: 'not_admissible', disputeDecidedOn: '2022-06-01' });
  });
});

describe('objections without a request', () => {
  const input = { filedOn: '2022-03-20', grounds: ['b' as const], objectorName: 'Budi', objectorAddress: 'Jl. A', objectorContact: '' };
  it('allows ground b only, and asks for the objector', () => {
    expect(checkRequestlessFiling(input, today)).toEqual({});
    expect(checkRequestlessFiling({ ...input, grounds: ['b', 'c'] }, today)).toHaveProperty('grounds');
    expect(checkRequestlessFiling({ ...input, objectorName: '', objectorAddress: '' }, today)).toMatchObject({ objectorName: expect.any(String), objectorAddress: expect.any(String) });
  });
});
