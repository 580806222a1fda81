/**
 * The consultation desk in a real headless Chromium against the real server (issue 16): an agent
 * logs a WhatsApp question and escalates it, the unit's staff answer it, the agent prints the
 * Berita Acara Konsultasi (checked as text and printed to an A4 PDF), and an officer makes
 * another ticket a PPID request. With PPID_E2E_SHOTS=<folder>, the BAK's screenshot and PDF are
 * written there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createUser } from '../../src/auth/auth.service.js';
import { createUnit } from '../../src/units/units.service.js';
import { logConsultation } from '../../src/desk/desk.service.js';
import { freePort, startServer } from '../helpers/server-process.js';
import { PASSWORD, login, seededDataDir, submit } from '../helpers/browser.js';
import { FIXED_TODAY, fixedTodayEnv } from '../helpers/fixed-clock.js';
import { chromiumPath } from '../../scripts/chromium-path.mjs';

const actor = { userId: null, label: 'test' };
let server: ChildProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGKILL');
});



describe('the consultation desk in a real browser', () => {
  it('an agent logs and escalates a WhatsApp question, the unit answers, the agent prints the BAK; an officer makes another ticket a PPID request', async () => {
    const executablePath = chromiumPath();
    expect(executablePath, 'Chromium not found: install Debian\'s chromium (apt-get install -y chromium)').toBeTruthy();
    const { dataDir, db } = seededDataDir('desk-');
    const unit = createUnit({ db, actor, input: { code: 'PK.4', name: 'Direktorat Dana Desa', kind: 'unit', active: true } });
    await createUser(db, actor, { username: 'agen', displayName: 'Agen Rina', role: 'agent', password: PASSWORD });
    await createUser(db, actor, { username: 'staf', displayName: 'Staf Dana Desa', role: 'unit', password: PASSWORD, unitId: unit.id });
    await createUser(db, actor, { username: 'petugas', displayName: 'Petugas PPID', role: 'officer', password: PASSWORD });
    // The ticket the officer converts: a data request by e-mail the day before.
    const dataRequest = logConsultation({ db, actor, zone: 'Asia/Jakarta', input: {
      received_at: '2026-03-09T15:20:00+07:00', channel: 'email', category: 'data_request', topic: 'village_fund', escalated: false,
      question: 'Mohon data penyaluran dana desa 2025 per kabupaten di Provinsi Bali.',
      user: { name: 'Made Wirawan', type: 'academic', institution: 'Universitas Udayana', region_code: '51', email: 'made@unud.ac.id', phone: '' } } });
    db.$client.close();
    const port = await freePort();
    server = await startServer(dataDir, port, fixedTodayEnv);
    const base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const errors: string[] = [];
    const newPage = async () => {
      const page = await (await browser!.newContext()).newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    };

    // Agent: log the WhatsApp question, then escalate it.
    const agent = await newPage();
    await login(agent, base, 'agen', '/desk');
    await agent.goto(`${base}/desk/new`);
    await agent.fill('input[name=receivedAt]', `${FIXED_TODAY}T08:05`);
    await agent.selectOption('select[name=channel]', 'whatsapp');
    await agent.fill('input[name=userName]', 'Ni Luh Sari');
    await agent.selectOption('select[name=userType]', 'local_government');
    await agent.fill('input[name=userInstitution]', 'Pemerintah Desa Batubulan');
    await agent.selectOption('select[name=category]', 'question');
    await agent.selectOption('select[name=topic]', 'village_fund');
    await agent.fill('textarea[name=question]', 'Apakah dana desa tahap II boleh dipakai untuk BLT?');
    await submit(agent, 'main form[action="/desk/new"] button[type=submit]');
    expect(agent.url()).toMatch(/\/desk\/\d+$/);
    const ticketUrl = agent.url();
    expect(await agent.textContent('main')).toContain('00002/KONS/2026');
    await agent.selectOption('select[name=unitCode]', 'PK.4');
    await agent.fill('input[name=escalatedAt]', `${FIXED_TODAY}T08:15`);
    await submit(agent, 'main form[action$="/escalate"] button[type=submit]');
    expect(await agent.textContent('main')).toContain('PK.4 — Direktorat Dana Desa');

    // The unit's staff answer it.
    const staff = await newPage();
    await login(staff, base, 'staf', '/dispositions');
    await staff.goto(ticketUrl);
    await staff.fill('input[name=answeredAt]', `${FIXED_TODAY}T08:45`);
    await staff.fill('textarea[name=answer]', 'Boleh, sesuai prioritas penggunaan dana desa tahun berjalan.');
    await submit(staff, 'main form[action$="/answer"] button[type=submit]');
    expect(await staff.textContent('main')).toContain('30 menit sejak eskalasi');

    // The agent prints the BAK.
    await agent.goto(ticketUrl);
    await Promise.all([agent.waitForURL(/\/bak$/), agent.click('text=Cetak BAK')]);
    const bak = (await agent.textContent('main'))!;
    for (const text of ['Berita Acara Konsultasi', '00001/BAK/2026', '00002/KONS/2026', 'Ni Luh Sari', 'Pemerintah Desa Batubulan',
      'Apakah dana desa tahap II boleh dipakai untuk BLT?', 'Boleh, sesuai prioritas penggunaan dana desa tahun berjalan.', 'PK.4 — Direktorat Dana Desa', 'Staf Dana Desa']) {
      expect(bak).toContain(text);
    }
    const pdf = await agent.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const shots = process.env.PPID_E2E_SHOTS;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      fs.writeFileSync(path.join(shots, 'bak.pdf'), pdf);
      await agent.emulateMedia({ media: 'print' });
      await agent.screenshot({ path: path.join(shots, 'bak-print.png'), fullPage: true });
      await agent.emulateMedia({ media: 'screen' });
    }

    // An officer makes the data request a PPID request.
    const officer = await newPage();
    await login(officer, base, 'petugas', '/requests');
    await officer.goto(`${base}/desk/${dataRequest.id}`);
    await Promise.all([officer.waitForURL(/\/request$/), officer.click('text=Jadikan permohonan informasi')]);
    expect(await officer.inputValue('input[name=requesterName]')).toBe('Made Wirawan');
    expect(await officer.inputValue('textarea[name=informationRequested]')).toContain('per kabupaten di Provinsi Bali');
    await officer.fill('textarea[name=requesterAddress]', 'Jl. Kampus Bukit Jimbaran, Badung');
    await officer.fill('textarea[name=purpose]', 'Penelitian skripsi');
    await submit(officer, 'main form[action$="/request"] button[type=submit]');
    expect(officer.url()).toMatch(/\/requests\/\d+$/);
    const request = (await officer.textContent('main'))!;
    expect(request).toContain('Berasal dari konsultasi 00001/KONS/2026');
    expect(request).toContain('/PPID/III/2026');
    expect(request).toContain('9 Maret 2026');
    await officer.click('text=00001/KONS/2026');
    await officer.waitForURL(`${base}/desk/${dataRequest.id}`);
    expect(await officer.textContent('main')).toContain('Dijadikan permohonan informasi');

    expect(errors).toEqual([]);
  }, 120_000);
});
