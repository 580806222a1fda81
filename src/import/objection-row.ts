/**
 * An objection on a row (the request's own row, or a further-objection row): filing, response
 * and dispute, with the same split as request-row.ts between errors and recorded-history warnings:
 * the objection rules (objection-rules.ts) are called in history mode.
 */
import type { RowReader } from './row-reader.js';
import { disputeDecisionRules, filingRecordRules, responseRules } from '../objections/objection-rules.js';
import { Findings } from '../shared/rules.js';
import type { ParsedObjection } from './parsed-values.js';

export function readObjection(r: RowReader, today: string): ParsedObjection {
  const filedOn = r.date('filedOn', true);
  const grounds = r.letters('grounds');
  if (grounds.length === 0 && r.blank('grounds')) r.error('grounds', 'Wajib diisi bila ada keberatan (huruf a–g Pasal 35 ayat 1).');
  const statement = r.text('statement');
  const proxyName = r.text('objectionProxyName');
  const filedBy = r.enumValue('filedBy') ?? (proxyName ? 'proxy' : 'requester');
  const lateNote = r.text('lateNote');
  const respondedOn = r.date('respondedOn');
  const result = r.enumValue('result');
  const reasoning = r.text('reasoning');
  const followUp = r.text('followUp');
  const informationGivenOn = r.date('informationGivenOn');
  const responderName = r.text('responderName');
  const disputeRegisteredOn = r.date('disputeRegisteredOn');
  const disputeCaseNumber = r.text('disputeCaseNumber');
  let disputeResult = r.enumValue('disputeResult');
  const disputeDecidedOn = r.date('disputeDecidedOn');
  const disputeNote = r.text('disputeNote');

  if (filedOn && filedOn > today) r.error('filedOn', 'Tanggal keberatan di masa depan.');
  if (!statement) r.warn('statement', 'Uraian keberatan kosong; dicatat apa adanya.');
  const history = new Findings('history');
  filingRecordRules(history, { filedBy, proxyName });
  if (r.blank('respondedOn')) {
    if (!r.blank('result')) r.error('respondedOn', 'Wajib diisi bila Hasil keberatan diisi.');
    else if (reasoning || followUp || !r.blank('informationGivenOn') || responderName) r.error('respondedOn', 'Wajib diisi bila kolom tanggapan lain diisi.');
  } else if (respondedOn) {
    if (r.blank('result')) r.error('result', 'Wajib diisi bila Tanggal tanggapan keberatan diisi.');
    if (filedOn) responseRules(history, { filedOn }, { respondedOn, result: result ?? '', informationGivenOn }, today);
    if (!reasoning) r.warn('reasoning', 'Tanggapan tanpa pertimbangan; dicatat apa adanya.');
  }
  if (r.blank('disputeRegisteredOn')) {
    if (disputeCaseNumber || !r.blank('disputeResult') || !r.blank('disputeDecidedOn') || disputeNote) {
      r.error('disputeRegisteredOn', 'Wajib diisi bila kolom sengketa lain diisi.');
    }
  } else if (disputeRegisteredOn) {
    disputeResult ??= 'pending';
    if (filedOn && disputeRegisteredOn < filedOn) r.error('disputeRegisteredOn', 'Tanggal sengketa sebelum tanggal keberatan.');
    else if (disputeRegisteredOn > today) r.error('disputeRegisteredOn', 'Tanggal sengketa di masa depan.');
    disputeDecisionRules(history, { disputeRegisteredOn, disputeResult, disputeDecidedOn }, today);
  }
  r.report(history, { proxyName: 'objectionProxyName' });

  return {
    row: r.rowNumber,
    values: {
      registrationNumber: r.text('objectionNumber') || null,
      filedOn: filedOn ?? '',
      grounds: grounds.join(','),
      statement,
      filedBy,
      proxyName,
      lateNote,
      respondedOn,
      result,
      reasoning,
      followUp,
      informationGivenOn,
      responderName,
      disputeRegisteredOn,
      disputeCaseNumber,
      disputeResult: disputeRegisteredOn ? disputeResult : null,
      disputeDecidedOn,
      disputeNote,
    },
  };
}
