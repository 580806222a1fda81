/**
 * Satisfaction in a real headless Chromium against the real server (issue 17): an agent answers a
 * consultation, the user opens the one-time rating link and rates, the link is then spent, and a
 * supervisor sees the rating in the month's report, with no user identity on it.
 */
import type { ChildProcess } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createUser } from '../../src/auth/auth.service.js';
import { logConsultation } from '../../src/desk/desk.service.js';
import { freePort, startServer } from '../helpers/server-process.js';
import { PASSWORD, login, seededDataDir, submit } from '../helpers/browser.js';
import { FIXED_TODAY, fixedTodayEnv } from '../helpers/fixed-clock.js';
import { chromiumPath } from '../../scripts/chromium-path.mjs';

let server: ChildProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGKILL');
});



describe('in a real browser', () => {
  it('an agent answers a consultation, the user rates through the one-time link, the supervisor sees it in the month\'s report', async () => {
    const executablePath = chromiumPath();
    expect(executablePath, 'Chromium not found: install Debian\'s chromium (apt-get install -y chromium)').toBeTruthy();

    const { dataDir, db } = seededDataDir('ratings-');
    for (const [username, role] of [['agen', 'agent'], ['atasan', 'supervisor']] as const) {
      await createUser(db, { userId: null, label: 'test' }, { username, displayName: `Nama ${username}`, role, password: PASSWORD });
    }
    const ticket = logConsultation({ db, actor: { userId: null, label: 'test' }, zone: 'Asia/Jakarta', input: {
      received_at: `${FIXED_TODAY}T08:00:00+07:00`, channel: 'whatsapp', category: 'question', topic: 'village_fund', question: 'Kapan dana desa tahap II cair?', escalated: false,
      user: { name: 'Siti Penanya', type: 'local_government', institution: 'Pemkab Sleman', region_code: '', email: 'siti@sleman.go.id', phone: '' } } });
    db.$client.close();
    const port = await freePort();
    server = await startServer(dataDir, port, fixedTodayEnv);
    const base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: executablePath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const errors: string[] = [];
    const newPage = async () => {
      const page = await (await browser!.newContext()).newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    };

    // The agent answers; the ticket then shows its one-time rating link.
    const agent = await newPage();
    await login(agent, base, 'agen', '/desk');
    await agent.goto(`${base}/desk/${ticket.id}`);
    await agent.fill('textarea[name=answer]', 'Tahap II cair akhir bulan ini.');
    await submit(agent, 'form[action$="/answer"] button[type=submit]');
    const linkText = (await agent.locator('section:has(h2:text("Penilaian kepuasan")) code').innerText()).trim();
    const ratingPath = new URL(linkText).pathname;
    expect(ratingPath).toMatch(/^\/penilaian\/[A-Za-z0-9_-]{43}$/);

    // The user rates (no login), with the SKM questionnaire.
    const user = await newPage();
    await user.goto(`${base}${ratingPath}`);
    await user.check('input[name=service][value="5"]');
    await user.check('input[name=substance][value="4"]');
    await user.fill('textarea[name=comment]', 'Jawaban cepat dan jelas.');
    await user.click('details.skm summary');
    for (let i = 1; i <= 9; i++) await user.check(`input[name=u${i}][value="4"]`);
    await user.selectOption('select[name=sex]', 'p');
    await submit(user);
    expect(user.url()).toBe(`${base}/penilaian/terima-kasih`);
    await expect(user.locator('h1').innerText()).resolves.toBe('Terima kasih');
    // Once only.
    const again = await user.goto(`${base}${ratingPath}`);
    expect(again?.status()).toBe(409);

    // The supervisor's report of the month.
    const supervisor = await newPage();
    await login(supervisor, base, 'atasan', '/requests');
    await supervisor.goto(`${base}/laporan/kepuasan?year=${FIXED_TODAY.slice(0, 4)}&month=${Number(FIXED_TODAY.slice(5, 7))}`);
    const agents = await supervisor.locator('table.rating-agents').innerText();
    expect(agents).toContain('Nama agen');
    expect(agents).toContain('5,00');
    expect(agents).toContain('4,00');
    expect(agents).toContain('belum memenuhi syarat');
    const body = await supervisor.locator('main').innerText();
    expect(body).toContain('Jawaban cepat dan jelas.');
    expect(body).toContain('100,00');
    expect(body).toContain('A (Sangat Baik)');
    expect(body).not.toContain('Siti Penanya');
    expect(body).not.toContain('siti@sleman.go.id');
    expect(errors).toEqual([]);
  }, 120_000);
});
