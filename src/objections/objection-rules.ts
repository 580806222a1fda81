/**
 * The law of objections as pure functions (UU 14/2008 Pasal 35–37). Dates are office-zone
 * ISO dates; the calendar supplies working days.
 */
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import type { ObjectionRow, RequestRow } from '../db/schema.js';
import { formatDate } from '../shared/dates.js';
import { Findings } from '../shared/rules.js';
import type { ObjectionGround } from './vocabulary.js';

/** Pasal 36 ayat 1: filed within 30 working days after the ground arises. */
export const FILING_WORKING_DAYS = 30;
/** Pasal 36 ayat 2: the atasan PPID answers within 30 working days after recording it. */
export const RESPONSE_WORKING_DAYS = 30;

type RequestFacts = Pick<RequestRow, 'receivedOn' | 'dueOn' | 'outcome' | 'decidedOn' | 'reasonExempt' | 'withdrawn'>;

/**
 * The day the filing window opens: the written notice's date, or — when none came — the due
 * date, after which the request counts as not answered.
 */
export function groundArisesOn(r: RequestFacts): string {
  return r.decidedOn ?? r.dueOn;
}

export interface ObjectionDates {
  filingDeadline: string;
  late: boolean;
  responseDueOn: string;
}

export function objectionDates(r: RequestFacts, filedOn: string, cal: WorkingCalendar): ObjectionDates {
  const filingDeadline = addWorkingDays(groundArisesOn(r), FILING_WORKING_DAYS, cal);
  return { filingDeadline, late: filedOn > filingDeadline, responseDueOn: addWorkingDays(filedOn, RESPONSE_WORKING_DAYS, cal) };
}

export interface FilingInput {
  filedOn: string;
  grounds: ObjectionGround[];
  lateNote: string;
  filedBy: string;
  proxyName: string;
}

type Errors = Record<string, string>;

/**
 * Whether an objection can be recorded: there must be something to object to, each ground must
 * fit what happened to the request, and a late filing needs a note.
 */
export function checkFiling(
  r: RequestFacts,
  open: Pick<ObjectionRow, 'registrationNumber'>[],
  input: FilingInput,
  today: string,
  cal: WorkingCalendar,
): Errors {
  const e: Errors = {};
  if (r.withdrawn) return { filedOn: 'Permohonan sudah dicabut oleh pemohon; tidak ada yang dapat diajukan keberatan.' };
  if (open.length) return { filedOn: `Masih ada keberatan yang belum ditanggapi (${open[0].registrationNumber}).` };
  if (input.filedOn > today) e.filedOn = 'Tanggal keberatan tidak boleh di masa depan.';
  else if (input.filedOn < r.receivedOn) e.filedOn = `Tanggal keberatan tidak boleh sebelum permohonan diterima (${formatDate(r.receivedOn)}).`;
  const decidedByThen = r.decidedOn !== null && r.decidedOn <= input.filedOn;
  if (!e.filedOn && !decidedByThen && input.filedOn <= r.dueOn) {
    e.filedOn = `Permohonan masih dalam jangka waktu layanan (tenggat ${formatDate(r.dueOn)}) dan belum diputus; belum ada yang dapat diajukan keberatan.`;
  }
  const misfit = input.grounds.filter((g) => !groundFits(g, r, decidedByThen, input.filedOn));
  if (misfit.length) {
    e.grounds = `Alasan huruf ${misfit.join(', ')} tidak sesuai dengan keadaan permohonan: ${misfit.map((g) => GROUND_PRECONDITION[g]).join('; ')}.`;
  }
  const f = new Findings();
  for (const [field, message] of Object.entries(e)) f.refuse(field, message);
  filingRecordRules(f, input);
  if (!e.filedOn) lateFilingRule(f, objectionDates(r, input.filedOn, cal), input.lateNote);
  return f.errors;
}

/** Who filed it: a proxy is named. */
export function filingRecordRules(f: Findings, input: Pick<FilingInput, 'filedBy' | 'proxyName'>): void {
  if (input.filedBy === 'proxy' && input.proxyName === '') f.demand('proxyName', 'Diajukan oleh kuasa tanpa nama kuasa: isi nama kuasa pemohon.');
}

/** Pasal 36 ayat 1: a late objection is recorded with a note saying why. */
export function lateFilingRule(f: Findings, dates: ObjectionDates, lateNote: string): void {
  if (dates.late && lateNote === '') {
    f.demand('lateNote', `Keberatan diajukan setelah batas ${FILING_WORKING_DAYS} hari kerja (${formatDate(dates.filingDeadline)}); ditandai terlambat. Tetap dapat dicatat: tuliskan keterangannya.`);
  }
}

const GROUND_PRECONDITION: Record<ObjectionGround, string> = {
  a: 'huruf a hanya untuk putusan dengan alasan pengecualian Pasal 17',
  b: '',
  c: 'huruf c hanya bila permohonan belum diputus setelah tenggat',
  d: 'huruf d memerlukan putusan',
  e: 'huruf e hanya untuk putusan yang tidak mengabulkan sepenuhnya',
  f: 'huruf f memerlukan putusan',
  g: 'huruf g hanya bila putusan melewati tenggat atau belum ada setelah tenggat',
};

function groundFits(g: ObjectionGround, r: RequestFacts, decided: boolean, filedOn: string): boolean {
  switch (g) {
    case 'a':
      return decided && r.reasonExempt;
    case 'b':
      return true;
    case 'c':
      return !decided && filedOn > r.dueOn;
    case 'd':
    case 'f':
      return decided;
    case 'e':
      return decided && r.outcome !== 'full';
    case 'g':
      return decided ? r.decidedOn! > r.dueOn : filedOn > r.dueOn;
  }
}

export interface ResponseInput {
  respondedOn: string;
  result: string;
  reasoning: string;
  informationGivenOn: string | null;
}

export function checkResponse(o: ObjectionRow, input: ResponseInput, today: string): Errors {
  if (o.respondedOn) return { respondedOn: `Keberatan ini sudah ditanggapi (${formatDate(o.respondedOn)}). Gunakan koreksi bila perlu.` };
  const f = new Findings();
  responseRules(f, o, input, today);
  return f.errors;
}

/** The answer (Pasal 36 ayat 2): dated after the filing, not in the future; information given only when upheld, after the answer. */
export function responseRules(f: Findings, o: Pick<ObjectionRow, 'filedOn'>, input: Omit<ResponseInput, 'reasoning'>, today: string): void {
  if (input.respondedOn < o.filedOn) f.refuse('respondedOn', `Tanggal tanggapan tidak boleh sebelum keberatan diajukan (${formatDate(o.filedOn)}).`);
  else if (input.respondedOn > today) f.refuse('respondedOn', 'Tanggal tanggapan tidak boleh di masa depan.');
  if (input.informationGivenOn && input.informationGivenOn < input.respondedOn) f.refuse('informationGivenOn', 'Informasi tidak dapat diberikan sebelum tanggapan.');
  else if (input.informationGivenOn && input.result !== 'upheld') f.demand('informationGivenOn', 'Tanggal pemberian informasi hanya diisi bila keberatan diterima.');
}

export interface DisputeInput {
  disputeRegisteredOn: string;
  disputeCaseNumber: string;
  disputeResult: string;
  disputeDecidedOn: string | null;
}

/** Pasal 37: the dispute goes to the Komisi Informasi after the answer, or after none came in time. */
export function checkDispute(o: ObjectionRow, input: DisputeInput, today: string): Errors {
  const e: Errors = {};
  const opensOn = o.respondedOn ?? o.responseDueOn;
  if (o.result === 'withdrawn') return { disputeRegisteredOn: 'Keberatan sudah dicabut.' };
  if (!o.respondedOn && today <= o.responseDueOn) {
    return { disputeRegisteredOn: `Atasan PPID masih dalam jangka waktu menanggapi (sampai ${formatDate(o.responseDueOn)}).` };
  }
  if (input.disputeRegisteredOn < opensOn) e.disputeRegisteredOn = `Sengketa tidak dapat didaftarkan sebelum ${formatDate(opensOn)}.`;
  else if (input.disputeRegisteredOn > today) e.disputeRegisteredOn = 'Tanggal tidak boleh di masa depan.';
  const f = new Findings();
  for (const [field, message] of Object.entries(e)) f.refuse(field, message);
  disputeDecisionRules(f, input, today);
  return f.errors;
}

/** The Komisi Informasi's decision: after the registration, not in the future, with its result. */
export function disputeDecisionRules(f: Findings, input: Omit<DisputeInput, 'disputeCaseNumber'>, today: string): void {
  if (input.disputeDecidedOn && input.disputeDecidedOn < input.disputeRegisteredOn) f.refuse('disputeDecidedOn', 'Tanggal putusan sengketa tidak boleh sebelum pendaftaran sengketa.');
  else if (input.disputeDecidedOn && input.disputeDecidedOn > today) f.refuse('disputeDecidedOn', 'Tanggal putusan sengketa tidak boleh di masa depan.');
  if (input.disputeDecidedOn && input.disputeResult === 'pending') f.demand('disputeResult', 'Tanggal putusan sengketa diisi tetapi hasilnya "Dalam proses": pilih hasil sengketa.');
}
