/**
 * The register's rules as pure functions: what state a request is in, and which changes the
 * law and the calendar allow. They return field errors (empty when allowed); services throw.
 */
import type { RequestRow } from '../db/schema.js';
import type { DecisionInput, ExtensionInput, IntakeInput, VoidInput, WithdrawalInput } from './requests.schemas.js';
import { OUTCOMES } from './vocabulary.js';
import { formatDate } from '../shared/dates.js';
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

export function checkIntake(input: IntakeInput, today: string): Errors {
  const e: Errors = {};
  if (input.receivedOn > today) e.receivedOn = 'Tanggal diterima tidak boleh di masa depan.';
  if (input.requesterPhone === '' && input.requesterEmail === '' && input.requesterAddress === '') {
    e.requesterPhone = 'Isi minimal satu kontak: telepon, e-mail atau alamat.';
  }
  return e;
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
  const e: Errors = {};
  if (input.extendedOn < r.receivedOn) e.extendedOn = `Tanggal perpanjangan tidak boleh sebelum tanggal diterima (${formatDate(r.receivedOn)}).`;
  else if (input.extendedOn > today) e.extendedOn = 'Tanggal perpanjangan tidak boleh di masa depan.';
  else if (input.extendedOn > r.originalDueOn) e.extendedOn = `Perpanjangan harus diberitahukan paling lambat pada tenggat awal (${formatDate(r.originalDueOn)}).`;
  return e;
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
  const e: Errors = {};
  if (input.decidedOn < r.receivedOn) e.decidedOn = `Tanggal putusan tidak boleh sebelum tanggal diterima (${formatDate(r.receivedOn)}).`;
  else if (r.extendedOn && input.decidedOn < r.extendedOn) e.decidedOn = `Tanggal putusan tidak boleh sebelum tanggal perpanjangan (${formatDate(r.extendedOn)}).`;
  else if (input.decidedOn > today) e.decidedOn = 'Tanggal putusan tidak boleh di masa depan.';
  if (input.outcome === 'full') {
    if (input.reasons.length) e.reasons = 'Permohonan yang dikabulkan sepenuhnya tidak memiliki alasan penolakan.';
  } else if (input.reasons.length === 0) {
    e.reasons = 'Pilih minimal satu alasan untuk putusan ini.';
  }
  if (input.reasons.includes('exempt') && input.exemptionArticles.length === 0) {
    e.exemptionArticles = 'Sebutkan huruf Pasal 17 yang menjadi dasar pengecualian.';
  }
  if (!input.reasons.includes('exempt') && input.exemptionArticles.length) {
    e.exemptionArticles = 'Huruf Pasal 17 hanya diisi bila alasan "dikecualikan" dipilih.';
  }
  if (input.reasons.includes('other') && input.reasonNote === '') e.reasonNote = 'Jelaskan alasan lainnya.';
  if (correcting && input.correctionNote === '') e.correctionNote = 'Tuliskan alasan koreksi (tercatat di log audit).';
  return e;
}

export function checkWithdrawal(r: RequestRow, input: WithdrawalInput, today: string): Errors {
  if (r.voidedOn) return checkNotVoided(r, 'withdrawnOn');
  if (r.withdrawn) return { withdrawnOn: 'Permohonan sudah dicabut.' };
  if (r.outcome) return { withdrawnOn: 'Permohonan sudah diputus; tidak dapat dicabut.' };
  if (input.withdrawnOn < r.receivedOn) return { withdrawnOn: `Tanggal pencabutan tidak boleh sebelum tanggal diterima (${formatDate(r.receivedOn)}).` };
  if (input.withdrawnOn > today) return { withdrawnOn: 'Tanggal pencabutan tidak boleh di masa depan.' };
  return {};
}
