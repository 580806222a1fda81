/**
 * The register's rules as pure functions: what state a request is in, and which changes the
 * law and the calendar allow. They return field errors (empty when allowed); services throw.
 * The rules a recorded request must also meet (`*Rules`) take a Findings, so that the import
 * calls them too, in history mode (src/shared/rules.ts).
 */
import type { RequestRow } from '../db/schema.js';
import type { DecisionInput, ExtensionInput, IntakeInput, VoidInput, WithdrawalInput } from './requests.schemas.js';
import { OUTCOMES } from './vocabulary.js';
import { formatDate } from '../shared/dates.js';
import { Findings } from '../shared/rules.js';
export { STATUS_FILTERS } from './status-filters.js';

export type RequestState = 'in_process' | 'extended' | 'decided' | 'withdrawn' | 'voided';


type StateFields = Pick<RequestRow, 'outcome' | 'extendedOn' | 'withdrawn'> & { voidedOn?: string | null };

/** A voided entry is out of every count, whatever it had reached before it was voided. */
export function stateOf(r: StateFields): RequestState {
  if (r.voidedOn) return 'voided';
  if (r.withdrawn) return 'withdrawn';
  if (r.outcome) return 'decided';
  return r.extendedOn ? 'extended' : 'in_process';
}

export function stateLabel(r: StateFields): string {
  const state = stateOf(r);
  if (state === 'decided') return OUTCOMES[r.outcome!];
  return { in_process: 'Dalam proses', extended: 'Diperpanjang', withdrawn: 'Dicabut pemohon', voided: 'Dibatalkan (entri tidak berlaku)' }[state];
}

type Errors = Record<string, string>;

/**
 * A voided entry takes no further step until a supervisor restores it; `field` is where the
 * form shows the refusal.
 */
export function checkNotVoided(r: Pick<RequestRow, 'voidedOn'>, field: string): Errors {
  return r.voidedOn ? { [field]: 'Entri ini sudah dibatalkan (tidak berlaku); pulihkan dulu bila perlu diproses.' } : {};
}

/**
 * Voiding (Batalkan entri) takes a mistaken entry out of every count; it keeps its number. An
 * entry with an objection is not a mistake the register can quietly drop: refused.
 */
export function checkVoid(r: RequestRow, input: VoidInput, objectionCount: number): Errors {
  if (r.voidedOn) return { reason: 'Entri ini sudah dibatalkan.' };
  if (objectionCount > 0) return { reason: 'Permohonan ini sudah memiliki keberatan; entri tidak dapat dibatalkan.' };
  if (input.reason === 'other' && input.note === '') return { note: 'Jelaskan alasan pembatalan.' };
  return {};
}

export function checkUnvoid(r: RequestRow): Errors {
  return r.voidedOn ? {} : { reason: 'Entri ini tidak dibatalkan; tidak ada yang dipulihkan.' };
}

type Contacts = Pick<IntakeInput, 'requesterPhone' | 'requesterEmail' | 'requesterAddress'> & Partial<Pick<IntakeInput, 'purpose'>>;

/** A request is received no later than today and gives the office a way to answer. */
export function intakeRules(f: Findings, input: Pick<IntakeInput, 'receivedOn'> & Contacts, today: string): void {
  if (input.receivedOn > today) f.refuse('receivedOn', 'Tanggal diterima tidak boleh di masa depan.');
  if (input.requesterPhone === '' && input.requesterEmail === '' && input.requesterAddress === '') {
    f.demand('requesterPhone', 'Tidak ada kontak: isi minimal satu dari telepon, e-mail atau alamat.');
  }
  // UU 14/2008 Pasal 22 ayat 2 (name and address are recorded) and Pasal 4 ayat 3 (a request
  // gives its reason): required of every new request; imported history keeps a blank one.
  if (input.requesterAddress.trim() === '') f.demand('requesterAddress', 'Alamat pemohon wajib diisi (Pasal 22 ayat 2).');
  if (input.purpose !== undefined && input.purpose.trim() === '') f.demand('purpose', 'Tujuan penggunaan informasi wajib diisi (Pasal 4 ayat 3).');
}

export function checkIntake(input: IntakeInput, today: string): Errors {
  const f = new Findings();
  intakeRules(f, input, today);
  return f.errors;
}

/** An intake correction must not move the receipt date past anything recorded after it. */
export function checkIntakeCorrection(r: RequestRow, input: IntakeInput, today: string): Errors {
  const voided = checkNotVoided(r, 'receivedOn');
  if (voided.receivedOn) return voided;
  const e = checkIntake(input, today);
  const later = [r.extendedOn, r.decidedOn].filter((d): d is string => d !== null).sort()[0];
  if (!e.receivedOn && later && input.receivedOn > later) {
    e.receivedOn = `Tanggal diterima tidak boleh setelah perpanjangan/putusan (${formatDate(later)}).`;
  }
  return e;
}

/** Pasal 22 ayat 8: once, by at most 7 working days, before the answer. */
export function checkExtension(r: RequestRow, input: ExtensionInput, today: string): Errors {
  if (r.voidedOn) return checkNotVoided(r, 'extendedOn');
  if (r.withdrawn) return { extendedOn: 'Permohonan sudah dicabut.' };
  if (r.outcome) return { extendedOn: 'Permohonan sudah diputus; perpanjangan tidak dapat dicatat.' };
  if (r.extendedOn) return { extendedOn: `Tenggat sudah pernah diperpanjang (${formatDate(r.extendedOn)}); UU 14/2008 Pasal 22 ayat 8 hanya membolehkan satu kali.` };
  const f = new Findings();
  extensionRules(f, r, input, today);
  extensionInTimeRule(f, r.originalDueOn, input.extendedOn);
  return f.errors;
}

/** An extension is recorded after the request was received and not in the future. */
export function extensionRules(f: Findings, r: Pick<RequestRow, 'receivedOn'>, input: Pick<ExtensionInput, 'extendedOn'>, today: string): void {
  if (input.extendedOn < r.receivedOn) f.refuse('extendedOn', `Tanggal perpanjangan tidak boleh sebelum tanggal diterima (${formatDate(r.receivedOn)}).`);
  else if (input.extendedOn > today) f.refuse('extendedOn', 'Tanggal perpanjangan tidak boleh di masa depan.');
}

/** Pasal 22 ayat 8: the extension is given notice of by the original due date. */
export function extensionInTimeRule(f: Findings, originalDueOn: string, extendedOn: string): void {
  if (extendedOn > originalDueOn) f.demand('extendedOn', `Perpanjangan harus diberitahukan paling lambat pada tenggat awal (${formatDate(originalDueOn)}).`);
}

/**
 * A decision needs a date no earlier than receipt or extension and not in the future; every
 * outcome but a full grant carries at least one reason; an exemption cites Pasal 17 letters;
 * "other" explains itself.
 */
export function checkDecision(r: RequestRow, input: DecisionInput, today: string, correcting: boolean): Errors {
  if (r.voidedOn) return checkNotVoided(r, 'outcome');
  if (r.withdrawn) return { outcome: 'Permohonan sudah dicabut; putusan tidak dapat dicatat.' };
  if (!correcting && r.outcome) return { outcome: 'Permohonan sudah diputus. Gunakan "Koreksi putusan" untuk mengubahnya.' };
  if (correcting && !r.outcome) return { outcome: 'Permohonan belum diputus.' };
  const f = new Findings();
  decisionRules(f, r, input, today);
  if (correcting && input.correctionNote === '') f.refuse('correctionNote', 'Tuliskan alasan koreksi (tercatat di log audit).');
  return f.errors;
}

/** The date of a decision (or of a withdrawal, which closes a request as one): in order, not in the future. */
export function decisionDateRules(f: Findings, r: Pick<RequestRow, 'receivedOn' | 'extendedOn'>, input: Pick<DecisionInput, 'decidedOn'>, today: string): void {
  if (input.decidedOn < r.receivedOn) f.refuse('decidedOn', `Tanggal putusan tidak boleh sebelum tanggal diterima (${formatDate(r.receivedOn)}).`);
  else if (input.decidedOn > today) f.refuse('decidedOn', 'Tanggal putusan tidak boleh di masa depan.');
  else if (r.extendedOn && input.decidedOn < r.extendedOn) f.demand('decidedOn', `Tanggal putusan tidak boleh sebelum tanggal perpanjangan (${formatDate(r.extendedOn)}).`);
}

type DecisionFacts = Pick<DecisionInput, 'decidedOn' | 'outcome' | 'reasons' | 'exemptionArticles' | 'reasonNote' | 'consequenceTest'>
  & Partial<Pick<DecisionInput, 'exemptionUntil' | 'exemptionYears' | 'exemptionWhileProtected' | 'exemptionBasis' | 'dikId'>>
  & Partial<Pick<DecisionInput, 'heldBy' | 'givenForm' | 'provideOn' | 'redactedParts' | 'feeCopy' | 'feeDelivery' | 'feeOther' | 'paymentHow'>>;

/**
 * The decision's own rules (Pasal 22 ayat 7), for a new decision and for a recorded one alike:
 * its date in order, reasons that fit the outcome, Pasal 17 letters with an exemption, a note
 * for "other".
 */
export function decisionRules(f: Findings, r: Pick<RequestRow, 'receivedOn' | 'extendedOn'>, input: DecisionFacts, today: string): void {
  decisionDateRules(f, r, input, today);
  if (input.outcome === 'full') {
    if (input.reasons.length) f.demand('reasons', `Putusan "${OUTCOMES.full}" tidak memiliki alasan penolakan.`);
  } else if (input.reasons.length === 0) {
    f.demand('reasons', `Putusan "${OUTCOMES[input.outcome]}" tanpa alasan: pilih minimal satu alasan.`);
  }
  if (input.reasons.includes('exempt') && input.exemptionArticles.length === 0) {
    f.demand('exemptionArticles', 'Alasan "dikecualikan" tanpa huruf Pasal 17. Sebutkan huruf Pasal 17 yang menjadi dasar pengecualian.');
  }
  if (!input.reasons.includes('exempt') && input.exemptionArticles.length) {
    f.demand('exemptionArticles', 'Huruf Pasal 17 hanya diisi bila alasan "dikecualikan" dipilih.');
  }
  if (input.reasons.includes('other') && input.reasonNote === '') f.demand('reasonNote', 'Alasan "lainnya" tanpa keterangan: jelaskan alasan lainnya.');
  exemptionRules(f, input);
  noticeItemRules(f, input);
}

/**
 * The written notice's items of Pasal 22 ayat 7 that depend on the outcome (issue 13.6): (b) the
 * body that holds information not held here; (d) the form and (f) the day of what is given, on a
 * full or partial grant; (e) the parts withheld, on a partial grant; (g) how to pay any cost.
 */
export function noticeItemRules(f: Findings, input: Omit<DecisionFacts, 'exemptionArticles' | 'reasonNote' | 'consequenceTest'>): void {
  const given = input.outcome === 'full' || input.outcome === 'partial';
  if (input.reasons.includes('not_held') && !(input.heldBy ?? '').trim()) {
    f.demand('heldBy', 'Informasi tidak dikuasai: sebutkan badan publik yang menguasainya dan kontaknya (Pasal 22 ayat 7 huruf b), atau tulis "Belum didokumentasikan".');
  }
  if (given && !input.givenForm) f.demand('givenForm', 'Pilih bentuk informasi yang diberikan (Pasal 22 ayat 7 huruf d).');
  if (given && !input.provideOn) f.demand('provideOn', 'Isi tanggal informasi disediakan (Pasal 22 ayat 7 huruf f).');
  else if (given && input.provideOn && input.provideOn < input.decidedOn) f.demand('provideOn', 'Tanggal penyediaan informasi tidak boleh sebelum tanggal putusan.');
  if (input.outcome === 'partial' && !(input.redactedParts ?? '').trim()) {
    f.demand('redactedParts', 'Dikabulkan sebagian: sebutkan bagian yang dihitamkan atau tidak diberikan (Pasal 22 ayat 7 huruf e).');
  }
  if ((input.feeCopy ?? 0) + (input.feeDelivery ?? 0) + (input.feeOther ?? 0) > 0 && !(input.paymentHow ?? '').trim()) {
    f.demand('paymentHow', 'Ada biaya: tuliskan cara pembayarannya (Pasal 22 ayat 7 huruf g).');
  }
}

/**
 * Pasal 17 and 19 (issue 13.1, 13.5): "Ditolak" is a rejection on the grounds of an exemption;
 * information not held or another reason leads to "Tidak Diberikan" (or a partial grant). An
 * exemption states its uji konsekuensi: the harm disclosure would cause and why it outweighs the
 * public interest.
 */
export function exemptionRules(f: Findings, input: Omit<DecisionFacts, 'exemptionArticles' | 'reasonNote'>): void {
  if (input.outcome === 'rejected' && !input.reasons.includes('exempt')) {
    f.demand('reasons', `Putusan "${OUTCOMES.rejected}" hanya atas dasar informasi yang dikecualikan (Pasal 17): pilih alasan "dikecualikan", atau catat sebagai "${OUTCOMES.not_provided}" bila informasi tidak dikuasai atau alasan lainnya.`);
  }
  if (input.outcome !== 'full' && input.reasons.includes('exempt') && input.consequenceTest.trim() === '') {
    f.demand('consequenceTest', 'Pengecualian tanpa uji konsekuensi: tuliskan akibat yang timbul bila informasi dibuka dan mengapa akibat itu lebih besar daripada kepentingan publik (Pasal 19).');
  }
  exemptionPeriodRules(f, input);
}

/** The period forms of an exemption that were given (until a date, for N years, while protected). */
export function periodsGiven(input: Pick<DecisionFacts, 'exemptionUntil' | 'exemptionYears' | 'exemptionWhileProtected'>): number {
  return [input.exemptionUntil != null && input.exemptionUntil !== '', input.exemptionYears != null, input.exemptionWhileProtected === true].filter(Boolean).length;
}

/**
 * Pasal 20 and PP 61/2010 (issue 13.2): an exemption states how long it lasts, in exactly one
 * way (until a date after the decision, for N years, or while the protected interest lasts),
 * with its legal basis; unless it uses an existing DIK entry (`dikId`), which states them.
 */
export function exemptionPeriodRules(f: Findings, input: Omit<DecisionFacts, 'exemptionArticles' | 'reasonNote'>): void {
  const exempt = input.outcome !== 'full' && input.reasons.includes('exempt');
  const given = periodsGiven(input);
  // Without an exemption a period is not kept (the decision clears it).
  if (!exempt || input.dikId !== undefined) return;
  if (given === 0) {
    f.demand('exemptionUntil', 'Pengecualian tanpa jangka waktu: isi salah satu — sampai tanggal, berapa tahun, atau selama kepentingan yang dilindungi masih ada (Pasal 20; PP 61/2010) — atau pilih entri DIK.');
  } else if (given > 1) {
    f.demand('exemptionUntil', 'Isi satu saja jangka waktu pengecualian: sampai tanggal, berapa tahun, atau selama kepentingan yang dilindungi masih ada.');
  }
  if (input.exemptionUntil && input.exemptionUntil <= input.decidedOn) {
    f.demand('exemptionUntil', 'Tanggal akhir pengecualian harus setelah tanggal putusan.');
  }
  if ((input.exemptionBasis ?? '').trim() === '') {
    f.demand('exemptionBasis', 'Dasar hukum pengecualian wajib diisi (mis. UU 14/2008 Pasal 17 huruf h; PP 61/2010).');
  }
}

export function checkWithdrawal(r: RequestRow, input: WithdrawalInput, today: string): Errors {
  if (r.voidedOn) return checkNotVoided(r, 'withdrawnOn');
  if (r.withdrawn) return { withdrawnOn: 'Permohonan sudah dicabut.' };
  if (r.outcome) return { withdrawnOn: 'Permohonan sudah diputus; tidak dapat dicabut.' };
  if (input.withdrawnOn < r.receivedOn) return { withdrawnOn: `Tanggal pencabutan tidak boleh sebelum tanggal diterima (${formatDate(r.receivedOn)}).` };
  if (input.withdrawnOn > today) return { withdrawnOn: 'Tanggal pencabutan tidak boleh di masa depan.' };
  return {};
}
