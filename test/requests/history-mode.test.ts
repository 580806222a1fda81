import { describe, it, expect } from 'vitest';
import { Findings, KEPT_AS_RECORDED } from '../../src/shared/rules.js';
import { decisionRules, checkDecision } from '../../src/requests/request-status.js';
import { responseRules } from '../../src/objections/objection-rules.js';
import type { RequestRow } from '../../src/db/schema.js';

const request = { receivedOn: '2022-03-01', extendedOn: '2022-03-10' };
const partialWithoutReason = { decidedOn: '2022-03-15', outcome: 'partial' as const, reasons: [], exemptionArticles: [], reasonNote: '', consequenceTest: '' };

describe('one rule, two modes', () => {
  it('when live entry meets a demand, then it is refused; in history mode the same message is a warning', () => {
    const live = new Findings('entry');
    decisionRules(live, request, partialWithoutReason, '2022-12-31');
    const history = new Findings('history');
    decisionRules(history, request, partialWithoutReason, '2022-12-31');
    expect(live.errors.reasons).toBe('Putusan "Dikabulkan sebagian" tanpa alasan: pilih minimal satu alasan.');
    expect(history.errors).toEqual({});
    expect(history.warnings.reasons).toBe(`${live.errors.reasons} ${KEPT_AS_RECORDED}`);
  });

  it('when something cannot be true (a date in the future or out of order), then history mode refuses it too', () => {
    const history = new Findings('history');
    decisionRules(history, request, { ...partialWithoutReason, reasons: ['not_held'], decidedOn: '2022-02-01' }, '2022-12-31');
    expect(history.errors.decidedOn).toContain('tidak boleh sebelum tanggal diterima');
    const response = new Findings('history');
    responseRules(response, { filedOn: '2022-05-01' }, { respondedOn: '2023-01-05', result: 'rejected', informationGivenOn: '2023-01-06' }, '2022-12-31');
    expect(response.errors.respondedOn).toBe('Tanggal tanggapan tidak boleh di masa depan.');
    expect(response.warnings.informationGivenOn).toBe(`Tanggal pemberian informasi hanya diisi bila keberatan diterima. ${KEPT_AS_RECORDED}`);
  });

  it('when a rejection has no Pasal 17 reason or an exemption no consequence test, then live entry refuses and history keeps it', () => {
    const rejectedNotHeld = { ...partialWithoutReason, outcome: 'rejected' as const, reasons: ['not_held' as const] };
    const live = new Findings('entry');
    decisionRules(live, request, rejectedNotHeld, '2022-12-31');
    expect(live.errors.reasons).toContain('hanya atas dasar informasi yang dikecualikan (Pasal 17)');
    const history = new Findings('history');
    decisionRules(history, request, rejectedNotHeld, '2022-12-31');
    expect(history.errors).toEqual({});
    expect(history.warnings.reasons).toContain(KEPT_AS_RECORDED);

    const exemptWithoutTest = { ...partialWithoutReason, reasons: ['exempt' as const], exemptionArticles: ['h' as const] };
    const live2 = new Findings('entry');
    decisionRules(live2, request, exemptWithoutTest, '2022-12-31');
    expect(live2.errors.consequenceTest).toContain('tanpa uji konsekuensi');
    const history2 = new Findings('history');
    decisionRules(history2, request, exemptWithoutTest, '2022-12-31');
    expect(history2.errors).toEqual({});
    expect(history2.warnings.consequenceTest).toContain(KEPT_AS_RECORDED);
    const withTest = new Findings('entry');
    decisionRules(withTest, request, {
      ...exemptWithoutTest, consequenceTest: 'Membuka data pribadi.', exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17 huruf h',
      givenForm: 'softcopy', provideOn: '2022-03-15', redactedParts: 'NIK dihitamkan',
    }, '2022-12-31');
    expect(withTest.errors).toEqual({});
  });

  it('when a decision is decided before its extension, then live entry refuses and history keeps it', () => {
    const input = { ...partialWithoutReason, reasons: ['not_held' as const], decidedOn: '2022-03-05' };
    const row = { ...request, voidedOn: null, withdrawn: false, outcome: null } as unknown as RequestRow;
    expect(checkDecision(row, { ...input, consequenceTest: '', noticeNote: '', feeRupiah: 0, correctionNote: '' }, '2022-12-31', false).decidedOn)
      .toContain('sebelum tanggal perpanjangan');
    const history = new Findings('history');
    decisionRules(history, request, input, '2022-12-31');
    expect(history.errors).toEqual({});
    expect(history.warnings.decidedOn).toContain('sebelum tanggal perpanjangan');
  });
});
