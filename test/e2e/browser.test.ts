/**
 * The main flows in a real headless Chromium against the real server: log in, register a
 * request, extend it, decide it, file an objection, look it up on the public status page, and
 * download the recap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDb } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/db/seed.js';
import { createUser } from '../../src/auth/auth.service.js';
import { todayIn } from '../../src/shared/dates.js';
import { freePort, startServer } from '../helpers/server-process.js';
import { chromiumPath } from '../../scripts/chromium-path.mjs';

const PASSWORD = 'password-123456';
let server: ChildProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGKILL');
});

async function submit(page: Page, selector = 'main button[type=submit]') {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click(selector)]);
  await page.waitForLoadState('load');
}

async function login(page: Page, base: string, username: string) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await submit(page);
  await page.waitForURL(`${base}/requests`);
}

describe('in a real browser', () => {
  it('an officer registers, extends and decides; a supervisor files an objection; the requester checks the status; an auditor downloads the recap', async () => {
    const executablePath = chromiumPath();
    expect(executablePath, 'Chromium not found: install Debian\'s chromium (apt-get install -y chromium)').toBeTruthy();

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-e2e-'));
    const db = openDb(path.join(dataDir, 'ppid.db'));
    migrateDb(db);
    seedDatabase(db);
    for (const [username, role] of [['petugas', 'officer'], ['atasan', 'supervisor'], ['auditor', 'auditor']] as const) {
      await createUser(db, { userId: null, label: 'test' }, { username, displayName: username, role, password: PASSWORD });
    }
    db.$client.close();
    const port = await freePort();
    server = await startServer(dataDir, port);
    const base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: executablePath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const errors: string[] = [];
    const newPage = async () => {
      const page = await (await browser!.newContext({ acceptDownloads: true })).newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    };
    const today = todayIn('Asia/Jakarta');

    // Officer: register.
    const officer = await newPage();
    await login(officer, base, 'petugas');
    await officer.goto(`${base}/requests/new`);
    await officer.fill('input[name=receivedOn]', today);
    await officer.selectOption('select[name=channel]', 'email');
    await officer.fill('input[name=requesterName]', 'Dewi Peneliti');
    await officer.selectOption('select[name=requesterType]', 'individual');
    await officer.selectOption('select[name=requesterCategory]', 'academic');
    await officer.fill('input[name=requesterEmail]', 'dewi@kampus.ac.id');
    await officer.fill('textarea[name=informationRequested]', 'Realisasi Dana Desa 2025 per kabupaten');
    await officer.check('input[name=obtainMethod][value=softcopy]');
    await officer.check('input[name=deliveryMethod][value=email]');
    await submit(officer);
    expect(officer.url()).toMatch(/\/requests\/\d+$/);
    const requestUrl = officer.url();
    const number = (await officer.locator('h1').innerText()).replace('Permohonan ', '').trim();
    const code = (await officer.locator('.code').innerText()).trim();

    // Three quick clicks on "Catat dan beri nomor registrasi" over a slow connection register one
    // request: with script (the button stops taking clicks) and without (the server's one-time
    // form key). Each answer is held back until the clicks are done, as on a slow network.
    for (const javaScriptEnabled of [true, false]) {
      const page = await (await browser!.newContext({ javaScriptEnabled })).newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await login(page, base, 'petugas');
      await page.goto(`${base}/requests/new`);
      const name = `Tiga Klik ${javaScriptEnabled ? 'Skrip' : 'Polos'}`;
      await page.fill('input[name=receivedOn]', today);
      await page.selectOption('select[name=channel]', 'letter');
      await page.fill('input[name=requesterName]', name);
      await page.selectOption('select[name=requesterType]', 'individual');
      await page.selectOption('select[name=requesterCategory]', 'public');
      await page.fill('input[name=requesterPhone]', '081234567890');
      await page.fill('textarea[name=informationRequested]', 'Daftar informasi publik 2025');
      await page.check('input[name=obtainMethod][value=hardcopy]');
      await page.check('input[name=deliveryMethod][value=pickup]');
      const held: (() => Promise<void>)[] = [];
      let arrived = () => {};
      await page.route(`${base}/requests`, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        // The server gets the POST now; the browser gets the answer only when released.
        const response = await route.fetch({ maxRedirects: 0 });
        held.push(() => route.fulfill({ response }).catch(() => undefined));
        arrived();
      });
      const posted = (n: number) => new Promise<void>((resolve) => {
        arrived = () => { if (held.length >= n) resolve(); };
        arrived();
      });
      // The mouse itself, not a locator: a locator would wait for the pending navigation.
      const button = page.locator('main button[type=submit]');
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      for (let n = 1; n <= 3; n++) {
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        // No script: every click sends the form again while the previous answer is on its way.
        if (!javaScriptEnabled) await posted(n);
      }
      await posted(1);
      await Promise.all([page.waitForURL(/\/requests\/\d+$/), held[held.length - 1]()]);
      await page.waitForLoadState('load');
      expect(held.length, name).toBe(javaScriptEnabled ? 1 : 3);
      expect(await page.locator('h1').innerText()).toMatch(/^Permohonan \d{3}\//);
      const check = openDb(path.join(dataDir, 'ppid.db'));
      const rows = check.$client.prepare('select count(*) as n from requests where requester_name = ?').get(name) as { n: number };
      check.$client.close();
      expect(rows.n, name).toBe(1);
      await page.context().close();
    }

    // Extend, then decide: granted in part, exempt under Pasal 17 huruf h.
    await officer.goto(`${requestUrl}/extend`);
    await officer.fill('textarea[name=extensionReason]', 'Data dihimpun dari kantor wilayah');
    await submit(officer);
    expect(await officer.locator('body').innerText()).toContain('Diperpanjang');
    await officer.goto(`${requestUrl}/decide`);
    await officer.selectOption('select[name=outcome]', 'partial');
    await officer.check('input[name=reasons][value=exempt]');
    await officer.check('input[name=exemptionArticles][value=h]');
    await submit(officer);
    expect(await officer.locator('body').innerText()).toContain('Dikabulkan sebagian');

    // Supervisor: objection on grounds a (Pasal 17 rejection) and e, then the answer.
    const supervisor = await newPage();
    await login(supervisor, base, 'atasan');
    await supervisor.goto(`${requestUrl}/objections/new`);
    await supervisor.check('input[name=grounds][value=a]');
    await supervisor.check('input[name=grounds][value=e]');
    await supervisor.fill('textarea[name=statement]', 'Data agregat tidak memuat data pribadi.');
    await submit(supervisor);
    expect(supervisor.url()).toMatch(/\/objections\/\d+$/);
    expect(await supervisor.locator('h1').innerText()).toMatch(/Keberatan \d{3}\/KEB\/PPID\/\d{4}/);

    // Requester: status page, no login.
    const requester = await newPage();
    await requester.goto(`${base}/status`);
    await requester.fill('input[name=number]', number);
    await requester.fill('input[name=code]', code.toLowerCase());
    await submit(requester);
    const statusText = await requester.locator('main').innerText();
    expect(statusText).toContain('Dikabulkan sebagian');
    expect(statusText).toContain('Pasal 17 huruf h');
    expect(statusText).toMatch(/Keberatan \d{3}\/KEB/);
    expect(statusText).not.toContain('Dewi Peneliti');
    expect(statusText).not.toContain('dewi@kampus.ac.id');

    // Auditor: the recap of this year, downloaded as XLSX.
    const auditor = await newPage();
    await login(auditor, base, 'auditor');
    await auditor.goto(`${base}/recap?year=${today.slice(0, 4)}`);
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.click(`a[href$="${today.slice(0, 4)}.xlsx"]`)]);
    const file = path.join(dataDir, 'rekap.xlsx');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    expect(errors).toEqual([]);
  }, 90_000);
});
