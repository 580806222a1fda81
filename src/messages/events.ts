/**
 * What the office says when something happens. Each function is called by a use case inside
 * its transaction (one line there) and queues the messages of that event; the worker sends
 * them after the commit. Labels of the requests/objections vocabularies are passed in by the
 * caller, so this folder imports neither domain (they import it).
 */
import type { ObjectionRow, RequestRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';
import { getSettings } from '../settings/settings.repo.js';
import { formatDate } from '../shared/dates.js';
import { enqueueMessage, messagingOptions } from './enqueue.js';
import { renderLetter } from './letter.js';
import { subscribers, unitMembersWithEmail } from './messages.repo.js';

/** Where the requester can be reached, unless they declined ("tidak ingin dihubungi"). */
function requester(r: RequestRow) {
  if (r.requesterNoContact === 'yes') return null;
  if (!r.requesterEmail && !r.requesterPhone) return null;
  return { name: r.requesterName, email: r.requesterEmail || undefined, phone: r.requesterPhone || undefined };
}

/**
 * A request was registered: the requester gets the receipt (number and access code); a request
 * from the online form is also announced at once to the officers and supervisors who chose it.
 */
export function notifyRequestRegistered(tx: Tx, r: RequestRow, source: string): void {
  const office = getSettings(tx).office_name;
  const to = requester(r);
  if (to) {
    enqueueMessage(tx, {
      kind: 'request.receipt', event: `request:${r.id}:receipt`, to, requestId: r.id,
      values: {
        nama: r.requesterName, nomor: r.registrationNumber, kode_akses: r.accessCode, tanggal_diterima: formatDate(r.receivedOn),
        tenggat: formatDate(r.dueOn), instansi: office, informasi: r.informationRequested,
      },
    });
  }
  if (source !== 'web') return;
  const { baseUrl } = messagingOptions(tx);
  for (const s of subscribers(tx, 'newRequests', ['officer', 'supervisor'])) {
    enqueueMessage(tx, {
      kind: 'staff.new_request', event: `request:${r.id}:new:user:${s.userId}`, to: { name: s.displayName, email: s.email },
      requestId: r.id, userId: s.userId,
      values: {
        nama_petugas: s.displayName, nomor: r.registrationNumber, pemohon: r.requesterName, informasi: r.informationRequested,
        tenggat: formatDate(r.dueOn), tautan: `${baseUrl}/requests/${r.id}`,
      },
    });
  }
}

/** The extension (Pasal 22 ayat 8): the requester learns the new due date and why. */
export function notifyExtension(tx: Tx, r: RequestRow): void {
  const to = requester(r);
  if (!to) return;
  enqueueMessage(tx, {
    kind: 'request.extension', event: `request:${r.id}:extension`, to, requestId: r.id,
    values: {
      nama: r.requesterName, nomor: r.registrationNumber, hari_perpanjangan: String(r.extensionDays ?? ''),
      alasan: r.extensionReason ?? '', tenggat: formatDate(r.dueOn), instansi: getSettings(tx).office_name,
    },
  });
}

/**
 * The written notice (Pasal 22 ayat 7), with the letter attached. A corrected decision is a new
 * notice: the event key carries the request's version.
 */
export function notifyDecision(tx: Tx, r: RequestRow, outcomeLabel: string): void {
  const to = requester(r);
  if (!to || !r.decidedOn) return;
  const note = [r.noticeNote, r.reasonNote].filter(Boolean).join('\n');
  const html = renderLetter(tx, {
    title: 'Pemberitahuan Tertulis', subtitle: 'UU No. 14 Tahun 2008 Pasal 22 ayat (7)', number: r.registrationNumber, on: r.decidedOn, signer: 'ppid',
    rows: [
      ['Nama pemohon', r.requesterName], ['Tanggal permohonan', formatDate(r.receivedOn)], ['Rincian informasi yang dibutuhkan', r.informationRequested],
      ['Putusan', outcomeLabel], ['Pasal 17 UU 14/2008 huruf', r.exemptionArticles.replaceAll(',', ', ')], ['Uji konsekuensi', r.consequenceTest],
      ['Keterangan', note], ['Biaya', r.feeRupiah ? `Rp${r.feeRupiah.toLocaleString('id-ID')}` : 'Tanpa biaya'],
    ],
    paragraphs: r.outcome === 'full' ? [] : ['Pemohon dapat mengajukan keberatan kepada atasan PPID dalam waktu 30 hari kerja (UU 14/2008 Pasal 35–36).'],
  });
  enqueueMessage(tx, {
    kind: 'request.decision', event: `request:${r.id}:decision:v${r.version}`, to, requestId: r.id,
    attachment: { name: `pemberitahuan-tertulis-${r.registrationNumber.replace(/[^A-Za-z0-9]+/g, '-')}.html`, html },
    values: {
      nama: r.requesterName, nomor: r.registrationNumber, putusan: outcomeLabel, tanggal_putusan: formatDate(r.decidedOn),
      catatan: note, instansi: getSettings(tx).office_name,
    },
  });
}

/** The objection's receipt (Pasal 35–36), to the requester of the request objected to. */
export function notifyObjectionFiled(tx: Tx, o: ObjectionRow, r: RequestRow): void {
  const to = requester(r);
  if (!to) return;
  enqueueMessage(tx, {
    kind: 'objection.receipt', event: `objection:${o.id}:receipt`, to, requestId: r.id, objectionId: o.id,
    values: {
      nama: r.requesterName, nomor: r.registrationNumber, nomor_keberatan: o.registrationNumber, tanggal_keberatan: formatDate(o.filedOn),
      tenggat_tanggapan: formatDate(o.responseDueOn), instansi: getSettings(tx).office_name,
    },
  });
}

/** The atasan PPID's answer (Pasal 36 ayat 2), with the letter attached. */
export function notifyObjectionAnswered(tx: Tx, o: ObjectionRow, r: RequestRow, resultLabel: string): void {
  const to = requester(r);
  if (!to || !o.respondedOn) return;
  const html = renderLetter(tx, {
    title: 'Tanggapan atas Keberatan', subtitle: 'UU No. 14 Tahun 2008 Pasal 36', number: o.registrationNumber, on: o.respondedOn, signer: 'supervisor',
    rows: [
      ['Nomor permohonan', r.registrationNumber], ['Nama pemohon', r.requesterName], ['Tanggal keberatan', formatDate(o.filedOn)],
      ['Tanggapan', resultLabel], ['Pertimbangan', o.reasoning], ['Tindak lanjut', o.followUp],
    ],
    paragraphs: ['Bila tidak puas dengan tanggapan ini, pemohon dapat mengajukan sengketa informasi ke Komisi Informasi (UU 14/2008 Pasal 37).'],
  });
  enqueueMessage(tx, {
    kind: 'objection.answer', event: `objection:${o.id}:answer`, to, requestId: r.id, objectionId: o.id,
    attachment: { name: `tanggapan-keberatan-${o.registrationNumber.replace(/[^A-Za-z0-9]+/g, '-')}.html`, html },
    values: {
      nama: r.requesterName, nomor: r.registrationNumber, nomor_keberatan: o.registrationNumber, hasil: resultLabel,
      pertimbangan: o.reasoning, tindak_lanjut: o.followUp, tanggal_tanggapan: formatDate(o.respondedOn), instansi: getSettings(tx).office_name,
    },
  });
}

/**
 * "Remind" on a disposition (issue 15.2): an e-mail to each user of the unit with an address,
 * written in the reminder's transaction. One message per reminder and user: the event key
 * carries the reminder's count. Only what the unit may see (no requester's identity). Returns
 * how many were queued.
 */
export function notifyDispositionReminder(tx: Tx, d: {
  id: number; requestId: number; unitId: number; unitLabel: string; registrationNumber: string; informationRequested: string;
  dueOn: string; reminders: number; note: string;
}): number {
  const { baseUrl } = messagingOptions(tx);
  let queued = 0;
  for (const m of unitMembersWithEmail(tx, d.unitId)) {
    queued += enqueueMessage(tx, {
      kind: 'unit.disposition_reminder', event: `disposition:${d.id}:reminder:${d.reminders}:user:${m.userId}`,
      to: { name: m.displayName, email: m.email }, requestId: d.requestId, userId: m.userId,
      values: {
        nama_petugas: m.displayName, unit: d.unitLabel, nomor: d.registrationNumber, informasi: d.informationRequested,
        tenggat_internal: formatDate(d.dueOn), pengingat_ke: String(d.reminders), catatan: d.note ? `Catatan PPID: ${d.note}` : '',
        tautan: `${baseUrl}/dispositions/${d.id}`,
      },
    }).length;
  }
  return queued;
}
