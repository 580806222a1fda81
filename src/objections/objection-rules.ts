/**
 * The law of objections as pure functions (UU 14/2008 Pasal 35–37). Dates are office-zone
 * ISO dates; the calendar supplies working days.
 */
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import type { DisputeStageRow, ObjectionRow, RequestRow } from '../db/schema.js';
import { formatDate } from '../shared/dates.js';
import { ADJUDICATION_RESULTS, COURT_RESULTS, COURTS, MEDIATION_RESULTS, type DisputeResult, type ObjectionGround } from './vocabulary.js';
import { Findings } from '../shared/rules.js';

/** Pasal 36 ayat 1: filed within 30 working days after the ground arises. */
export const FILING_WORKING_DAYS = 30;
/** Pasal 36 ayat 2: the atasan PPID answers within 30 working days after recording it. */
export const RESPONSE_WORKING_DAYS = 30;
/**
 * Pasal 37 ayat 2: the dispute goes to the Komisi Informasi within 14 working days after the
 * answer is received, or after the 30 working days for it lapsed without one.
 */
export const DISPUTE_WORKING_DAYS = 14;

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

/**
 * A request-less objection (ground b: periodic information not published, Pasal 35 ayat 1
 * huruf b) has no notice nor due date to count from: its filing window is not checked (the
 * periodic information is owed continuously); the answer is due 30 working days after filing.
 */
export function requestlessObjectionDates(filedOn: string, cal: WorkingCalendar): ObjectionDates {
  return { filingDeadline: filedOn, late: false, responseDueOn: addWorkingDays(filedOn, RESPONSE_WORKING_DAYS, cal) };
}

/** The day the dispute window opens: the answer, or the end of the 30 working days for it. */
export function disputeOpensOn(o: Pick<ObjectionRow, 'respondedOn' | 'responseDueOn'>): string {
  return o.respondedOn ?? o.responseDueOn;
}

/**
 * The last day to take the objection to the Komisi Informasi (Pasal 37 ayat 2): 14 working days
 * after the answer, or after the answer period lapsed without one. Null for a withdrawn objection.
 */
export function disputeDueOn(o: Pick<ObjectionRow, 'respondedOn' | 'responseDueOn' | 'result'>, cal: WorkingCalendar): string | null {
  if (o.result === 'withdrawn') return null;
  return addWorkingDays(disputeOpensOn(o), DISPUTE_WORKING_DAYS, cal);
}

/** Whether a dispute registered on `registeredOn` came after the 14 working days. */
export function disputeIsLate(o: Pick<ObjectionRow, 'respondedOn' | 'responseDueOn' | 'result'>, registeredOn: string, cal: WorkingCalendar): boolean {
  const due = disputeDueOn(o, cal);
  return due !== null && registeredOn > due;
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
  if (open.length) return { filedOn: openObjectionRefusal(open[0].registrationNumber) };
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

/** Several objections on one request come one after another: never two open at once. */
export function openObjectionRefusal(number: string): string {
  return `Permohonan ini masih memiliki keberatan yang belum ditanggapi (${number}). Keberatan berikutnya dapat dicatat setelah atasan PPID menanggapi keberatan itu.`;
}

export interface RequestlessFilingInput {
  filedOn: string;
  grounds: ObjectionGround[];
  objectorName: string;
  objectorAddress: string;
  objectorContact: string;
}

/**
 * An objection without a request: only on ground b (periodic information not published needs
 * no request first), and the objector must be recorded since no request names them.
 */
export function checkRequestlessFiling(input: RequestlessFilingInput, today: string): Errors {
  const e: Errors = {};
  if (input.filedOn > today) e.filedOn = 'Tanggal keberatan tidak boleh di masa depan.';
  if (input.grounds.some((g) => g !== 'b')) {
    e.grounds = 'Keberatan tanpa permohonan hanya dapat diajukan dengan alasan huruf b (informasi berkala tidak disediakan). Untuk alasan lain, catat keberatan dari halaman permohonannya.';
  }
  if (input.objectorName === '') e.objectorName = 'Isi nama pengaju keberatan.';
  if (input.objectorAddress === '') e.objectorAddress = 'Isi alamat pengaju keberatan.';
  return e;
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
  disputeLateNote: string;
}

/**
 * Pasal 37: the dispute goes to the Komisi Informasi after the answer, or after none came in
 * time. One registered after the 14 working days is still recorded, marked late, with a note.
 */
export function checkDispute(o: ObjectionRow, input: DisputeInput, today: string, cal: WorkingCalendar): Errors {
  const e: Errors = {};
  const opensOn = disputeOpensOn(o);
  if (o.result === 'withdrawn') return { disputeRegisteredOn: 'Keberatan sudah dicabut.' };
  if (!o.respondedOn && today <= o.responseDueOn) {
    return { disputeRegisteredOn: `Atasan PPID masih dalam jangka waktu menanggapi (sampai ${formatDate(o.responseDueOn)}).` };
  }
  if (input.disputeRegisteredOn < opensOn) e.disputeRegisteredOn = `Sengketa tidak dapat didaftarkan sebelum ${formatDate(opensOn)}.`;
  else if (input.disputeRegisteredOn > today) e.disputeRegisteredOn = 'Tanggal tidak boleh di masa depan.';
  if (!e.disputeRegisteredOn && input.disputeLateNote === '' && disputeIsLate(o, input.disputeRegisteredOn, cal)) {
    e.disputeLateNote = `Sengketa didaftarkan setelah batas ${DISPUTE_WORKING_DAYS} hari kerja (${formatDate(disputeDueOn(o, cal))}, Pasal 37 ayat 2). Tetap dapat dicatat: tuliskan keterangannya.`;
  }
  return e;
}

export interface StageInput {
  stage: 'mediation' | 'adjudication' | 'court';
  /** '' except for the court stage. */
  court: string;
  /** Mediation: its date; adjudication: the decision date; court: the day the case was filed. */
  heldOn: string;
  /** Court: the decision date. */
  decidedOn: string | null;
  caseNumber: string;
  result: string;
  note: string;
}

const stageOf = (stages: readonly DisputeStageRow[], stage: string, court = '') => stages.find((s) => s.stage === stage && s.court === court);
const FIRST_INSTANCE = ['ptun', 'pn'];

/**
 * A stage after the registration (Pasal 38, 47–50): mediation or adjudication at the Komisi
 * Informasi, then the courts (PTUN or PN, then the MA). Each comes after what it follows, on a
 * date not before it and not in the future, with a result its stage knows.
 */
export function checkStage(o: ObjectionRow, stages: readonly DisputeStageRow[], input: StageInput, today: string): Errors {
  if (!o.disputeRegisteredOn) return { stage: 'Sengketa belum didaftarkan di Komisi Informasi: catat registrasinya lebih dulu.' };
  const e: Errors = {};
  const mediation = stageOf(stages, 'mediation');
  const adjudication = stageOf(stages, 'adjudication');
  const firstCourt = stages.find((s) => s.stage === 'court' && FIRST_INSTANCE.includes(s.court));
  let after = o.disputeRegisteredOn;
  let afterWhat = 'registrasi sengketa';
  if (input.stage === 'mediation') {
    if (!(input.result in MEDIATION_RESULTS)) e.result = 'Pilih hasil mediasi: berhasil atau gagal.';
    if (adjudication) e.stage = 'Ajudikasi sudah dicatat; mediasi tidak dapat dicatat sesudahnya.';
  } else if (input.stage === 'adjudication') {
    if (!(input.result in ADJUDICATION_RESULTS)) e.result = 'Pilih hasil ajudikasi.';
    if (mediation?.result === 'agreed') e.stage = 'Mediasi sudah berhasil (tercapai kesepakatan); sengketa selesai tanpa ajudikasi.';
    if (mediation && mediation.heldOn > after) [after, afterWhat] = [mediation.heldOn, 'mediasi'];
    if (firstCourt && input.heldOn > firstCourt.heldOn) e.heldOn = `Putusan ajudikasi tidak boleh sesudah perkara diajukan ke pengadilan (${formatDate(firstCourt.heldOn)}).`;
  } else {
    if (!(input.court in COURTS)) e.court = 'Pilih pengadilan: PTUN, PN atau Mahkamah Agung.';
    if (!(input.result in COURT_RESULTS)) e.result = 'Pilih hasil putusan pengadilan.';
    if (input.court === 'ma') {
      if (!firstCourt || firstCourt.result === 'pending') e.court = 'Kasasi ke Mahkamah Agung memerlukan putusan PTUN atau PN lebih dulu.';
      else [after, afterWhat] = [firstCourt.decidedOn ?? firstCourt.heldOn, `putusan ${firstCourt.court.toUpperCase()}`];
    } else if (FIRST_INSTANCE.includes(input.court)) {
      if (!adjudication) e.court = 'Keberatan ke pengadilan memerlukan putusan ajudikasi Komisi Informasi lebih dulu (Pasal 47).';
      else [after, afterWhat] = [adjudication.heldOn, 'putusan ajudikasi'];
      if (firstCourt && firstCourt.court !== input.court) e.court = `Perkara ini sudah diajukan ke ${COURTS[firstCourt.court as keyof typeof COURTS]}.`;
    }
    if (input.decidedOn && input.result === 'pending') e.result = 'Pilih hasil putusan bila tanggal putusan diisi.';
    if (!input.decidedOn && input.result !== 'pending') e.decidedOn = 'Isi tanggal putusan bila hasilnya sudah ada.';
    if (input.decidedOn && input.decidedOn < input.heldOn) e.decidedOn = 'Tanggal putusan tidak boleh sebelum perkara diajukan.';
    else if (input.decidedOn && input.decidedOn > today) e.decidedOn = 'Tanggal putusan tidak boleh di masa depan.';
  }
  if (input.heldOn > today) e.heldOn ??= 'Tanggal tidak boleh di masa depan.';
  else if (input.heldOn < after) e.heldOn ??= `Tanggal tidak boleh sebelum ${afterWhat} (${formatDate(after)}).`;
  return e;
}

/**
 * Where the dispute stands at the Komisi Informasi after its stages: the adjudication's
 * result, or an agreed mediation, else in process; with the day that settled it.
 */
export function disputeStanding(stages: readonly DisputeStageRow[]): { disputeResult: DisputeResult; disputeDecidedOn: string | null } {
  const adjudication = stageOf(stages, 'adjudication');
  if (adjudication) return { disputeResult: adjudication.result as DisputeResult, disputeDecidedOn: adjudication.heldOn };
  const mediation = stageOf(stages, 'mediation');
  if (mediation?.result === 'agreed') return { disputeResult: 'mediation_agreed', disputeDecidedOn: mediation.heldOn };
  return { disputeResult: 'pending', disputeDecidedOn: null };
}

/**
 * The requester's response to the answer: a registered dispute is the response "takes it to the
 * Komisi Informasi" whatever was recorded before; otherwise what was recorded (or nothing yet).
 */
export function effectiveRequesterResponse(o: Pick<ObjectionRow, 'disputeRegisteredOn' | 'requesterResponse' | 'requesterResponseOn' | 'requesterResponseNote'>) {
  if (o.disputeRegisteredOn) {
    const recorded = o.requesterResponse === 'dispute';
    return { response: 'dispute', on: recorded ? o.requesterResponseOn : o.disputeRegisteredOn, note: recorded ? o.requesterResponseNote : '' };
  }
  return o.requesterResponse ? { response: o.requesterResponse, on: o.requesterResponseOn, note: o.requesterResponseNote } : null;
}

export interface RequesterResponseInput {
  requesterResponse: string;
  requesterResponseOn: string;
  requesterResponseNote: string;
}

/** The requester's response is to the atasan PPID's answer: there must be one, and it comes after it. */
export function checkRequesterResponse(o: ObjectionRow, input: RequesterResponseInput, today: string): Errors {
  if (!o.respondedOn) return { requesterResponse: 'Keberatan ini belum ditanggapi atasan PPID; belum ada tanggapan untuk diterima atau disengketakan.' };
  if (o.result === 'withdrawn') return { requesterResponse: 'Keberatan sudah dicabut.' };
  if (input.requesterResponse === 'accepted' && o.disputeRegisteredOn) {
    return { requesterResponse: `Sengketa sudah didaftarkan di Komisi Informasi (${formatDate(o.disputeRegisteredOn)}).` };
  }
  const e: Errors = {};
  if (input.requesterResponseOn < o.respondedOn) e.requesterResponseOn = `Tanggal tidak boleh sebelum tanggapan atasan PPID (${formatDate(o.respondedOn)}).`;
  else if (input.requesterResponseOn > today) e.requesterResponseOn = 'Tanggal tidak boleh di masa depan.';
  return e;
}

/**
 * The Komisi Informasi's decision as recorded history (the import's columns): after the
 * registration, not in the future, with its result.
 */
export function disputeDecisionRules(
  f: Findings,
  input: { disputeRegisteredOn: string; disputeDecidedOn: string | null; disputeResult: string | null },
  today: string,
): void {
  if (input.disputeDecidedOn && input.disputeDecidedOn < input.disputeRegisteredOn) f.refuse('disputeDecidedOn', 'Tanggal putusan sengketa tidak boleh sebelum pendaftaran sengketa.');
  else if (input.disputeDecidedOn && input.disputeDecidedOn > today) f.refuse('disputeDecidedOn', 'Tanggal putusan sengketa tidak boleh di masa depan.');
  if (input.disputeDecidedOn && input.disputeResult === 'pending') f.demand('disputeResult', 'Tanggal putusan sengketa diisi tetapi hasilnya "Dalam proses": pilih hasil sengketa.');
}
