/**
 * Issue 13 "Done means": the written notice, the extension letter and the Surat Keputusan
 * penolakan of a typical request each print on one A4 page, as Chromium makes the PDF.
 * Screenshots of each go to PPID_E2E_SHOTS when it is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createUser } from '../../src/auth/auth.service.js';
import { freePort, startServer } from '../helpers/server-process.js';
import { PASSWORD, seededDataDir } from '../helpers/browser.js';
import { FIXED_TODAY, fixedTodayEnv } from '../helpers/fixed-clock.js';
import { chromiumPath } from '../../scripts/chromium-path.mjs';
import { decideRequest, extendRequest, registerRequest } from '../../src/requests/requests.service.js';
import { decisionFormSchema } from '../../src/requests/requests.schemas.js';
import { setSetting } from '../../src/settings/settings.repo.js';
import { intakeInput } from '../helpers/factories.js';

let server: ChildProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGKILL');
});

/** Pages of a PDF: its page objects (not the /Pages tree). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('the papers as PDF', () => {
  it('the written notice, the extension letter and the SK penolakan of a typical request each fit one A4 page', async () => {
    const executablePath = chromiumPath();
    expect(executablePath, 'Chromium not found: install Debian\'s chromium (apt-get install -y chromium)').toBeTruthy();
    const { dataDir, db } = seededDataDir('pdf-');
    const actor = { userId: null, label: 'test' };
    await createUser(db, actor, { username: 'petugas', displayName: 'Petugas', role: 'officer', password: PASSWORD });
    db.transaction((tx) => {
      setSetting(tx, 'office_name', 'PPID Dinas Komunikasi dan Informatika Kabupaten Sleman');
      setSetting(tx, 'office_city', 'Sleman');
      setSetting(tx, 'office_address', 'Jl. Parasamya, Beran, Tridadi, Sleman, Daerah Istimewa Yogyakarta 55511');
      setSetting(tx, 'ppid_officer_name', 'Drs. Bambang Wicaksono, M.Si.');
      setSetting(tx, 'supervisor_name', 'Sekretaris Daerah Kabupaten Sleman');
    });
    const zone = 'Asia/Jakarta';
    const today = FIXED_TODAY;
    const r = registerRequest({ db, actor, zone, input: intakeInput({
      receivedOn: today,
      requesterName: 'Raden Mas Bagus Setyo Wicaksono',
      requesterAddress: 'Perumahan Griya Taman Asri Blok C-17 RT 005 RW 012, Sinduadi, Mlati, Sleman',
      informationRequested: 'Daftar penerima bantuan sosial tunai tahun 2023 per desa, lengkap dengan nama, NIK dan alamat penerima, serta berita acara penyaluran.',
      purpose: 'Penelitian skripsi tentang ketepatan sasaran bantuan sosial.',
    }) });
    extendRequest({ db, actor, zone, id: r.id, input: { extendedOn: today, extensionDays: 7, extensionReason: 'Data penerima tersebar di 17 kecamatan dan perlu dihimpun dari masing-masing unit pelaksana.' } });
    decideRequest({ db, actor, zone, id: r.id, input: decisionFormSchema.parse({
      decidedOn: today, provideOn: today, givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome: 'rejected', reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true,
      exemptionBasis: 'UU 14/2008 Pasal 17 huruf h angka 1 dan 2; UU 27/2022 tentang Pelindungan Data Pribadi',
      consequenceTest: 'Membuka NIK dan alamat penerima akan mengungkap data pribadi lebih dari 12.000 warga dan membuka peluang penyalahgunaan identitas; kepentingan publik atas ketepatan sasaran dapat dipenuhi dengan data agregat per desa, yang dapat diminta tersendiri.',
      noticeNote: 'Data agregat per desa tersedia di laman PPID.', version: '2',
    }) });
    db.$client.close();

    const port = await freePort();
    server = await startServer(dataDir, port, fixedTodayEnv);
    const base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: executablePath!, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/login`);
    await page.fill('input[name=username]', 'petugas');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${base}/requests`), page.click('main button[type=submit]')]);
    const shots = process.env.PPID_E2E_SHOTS;
    if (shots) fs.mkdirSync(shots, { recursive: true });

    for (const paper of ['notice', 'extension-letter', 'rejection-letter']) {
      const res = await page.goto(`${base}/requests/${r.id}/${paper}`);
      expect(res?.status(), paper).toBe(200);
      await page.emulateMedia({ media: 'print' });
      if (shots) await page.screenshot({ path: path.join(shots, `${paper}.png`), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      if (shots) fs.writeFileSync(path.join(shots, `${paper}.pdf`), pdf);
      expect(pageCount(pdf), `${paper}: pages of the PDF`).toBe(1);
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
