/**
 * Issue 13.6 (the part done here): the written notice names the items of UU 14/2008 Pasal 22
 * ayat 7 by their letters, per outcome: (a) whether the body holds the information, (c) the
 * decision with reasons, (d) what is given and in what form, (e) for a partial grant the parts
 * withheld and why, (f) how and when it is delivered, (g) the cost broken down and how it is paid
 * (from the delivery record once there is one). (b), the body that holds it, is the units'
 * forwarding record: test/units/dispositions.routes.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { buildTestApp } from '../helpers/build-test-app.js';
import { loginAs } from '../helpers/login-as.js';
import { makeDecidedRequest, testActor } from '../helpers/factories.js';
import { recordDelivery } from '../../src/requests/delivery.service.js';

const zone = 'Asia/Jakarta';

describe('the written notice, item by item (Pasal 22 ayat 7)', () => {
  it('when granted in full and delivered, then a, c, d, f and g are printed, g broken down with the payment', async () => {
    const { app, db } = buildTestApp();
    const r = makeDecidedRequest(db, { decision: { outcome: 'full', reasons: [], exemptionArticles: [], consequenceTest: '', noticeNote: 'Salinan laporan realisasi DAK 2021 (PDF, 12 halaman)' } });
    recordDelivery({ db, actor: testActor, zone, id: r.id, input: {
      deliveredOn: '2022-03-10', method: 'email', costCopy: 5000, costDelivery: 2000, costOther: 0, paymentMethod: 'transfer', note: '', version: undefined } });
    const { agent } = await loginAs(app, db, 'officer');
    const notice = (await agent.get(`/requests/${r.id}/notice`).expect(200)).text;
    expect(notice).toContain('a. Penguasaan informasi');
    expect(notice).toContain('c. Putusan</th><td>Dikabulkan sepenuhnya');
    expect(notice).toContain('Salinan laporan realisasi DAK 2021 (PDF, 12 halaman)');
    expect(notice).toContain('Bentuk: Salinan elektronik (softcopy)'); // the decision's form (huruf d)
    expect(notice).not.toContain('e. Bagian yang tidak diberikan');
    expect(notice).toContain('f. Cara dan waktu penyampaian');
    expect(notice).toContain('diberikan 10 Maret 2022 (E-mail)');
    expect(notice).toMatch(/Penggandaan Rp5\.000; pengiriman Rp2\.000; lainnya Rp0; jumlah Rp7\.000\. Dibayar: Transfer bank/);
  });

  it('when granted in part, then item e names the withheld parts with the Pasal 17 letter and the consequence test', async () => {
    const { app, db } = buildTestApp();
    const r = makeDecidedRequest(db, { decision: { outcome: 'partial', consequenceTest: 'NIK penerima bantuan dihitamkan' } });
    const { agent } = await loginAs(app, db, 'officer');
    const notice = (await agent.get(`/requests/${r.id}/notice`).expect(200)).text;
    expect(notice).toContain('e. Bagian yang tidak diberikan / dihitamkan, dan alasannya');
    expect(notice).toContain('Pasal 17 huruf h');
    expect(notice).toContain('Uji konsekuensi: NIK penerima bantuan dihitamkan');
    expect(notice).toContain('g. Biaya dan cara pembayaran');
  });

  it('when not provided because the body does not hold it, then item a says so; a rejection says the body holds it', async () => {
    const { app, db } = buildTestApp();
    const notHeld = makeDecidedRequest(db, { decision: { outcome: 'not_provided', reasons: ['not_held'], exemptionArticles: [], consequenceTest: '' } });
    const rejected = makeDecidedRequest(db);
    const { agent } = await loginAs(app, db, 'officer');
    expect((await agent.get(`/requests/${notHeld.id}/notice`).expect(200)).text).toContain('a. Penguasaan informasi: informasi tidak dikuasai oleh');
    expect((await agent.get(`/requests/${rejected.id}/notice`).expect(200)).text).toContain('a. Penguasaan informasi: informasi dikuasai oleh');
  });
});
