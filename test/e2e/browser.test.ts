/**
 * The main flows in a real headless Chromium against the real server: log in, register a
 * request, extend it, decide it, file an objection, look it up on the public status page, and
 * download the recap.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { openDb } from '../../src/db/client.js';
import { createUser } from '../../src/auth/auth.service.js';
import { freePort, startServer } from '../helpers/server-process.js';
import { PASSWORD, login, seededDataDir, submit } from '../helpers/browser.js';
import { FIXED_TODAY, fixedTodayEnv } from '../helpers/fixed-clock.js';
import { chromiumPath } from '../../scripts/chromium-path.mjs';
import { registerRequest, decideRequest } from '../../src/requests/requests.service.js';
import { fileObjection, respondToObjection } from '../../src/objections/objections.service.js';
import { decisionFormSchema } from '../../src/requests/requests.schemas.js';
import { filingFormSchema, responseFormSchema } from '../../src/objections/objections.schemas.js';
import { setSetting } from '../../src/settings/settings.repo.js';
import { intakeInput } from '../helpers/factories.js';
import { createUnit } from '../../src/units/units.service.js';

let server: ChildProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGKILL');
});



describe('in a real browser', () => {
  it('an officer registers, extends and decides; a supervisor files an objection; the requester checks the status; an auditor downloads the recap', async () => {
    const executablePath = chromiumPath();
    expect(executablePath, 'Chromium not found: install Debian\'s chromium (apt-get install -y chromium)').toBeTruthy();

    const { dataDir, db } = seededDataDir('');
    for (const [username, role] of [['petugas', 'officer'], ['atasan', 'supervisor'], ['auditor', 'auditor']] as const) {
      await createUser(db, { userId: null, label: 'test' }, { username, displayName: username, role, password: PASSWORD });
    }
    db.$client.close();
    const port = await freePort();
    // The server's today is FIXED_TODAY (a seeded calendar year), whatever the real date.
    server = await startServer(dataDir, port, fixedTodayEnv);
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
    const today = FIXED_TODAY;

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
    await officer.fill('textarea[name=requesterAddress]', 'Jl. Kaliurang Km 5, Sleman');
    await officer.fill('textarea[name=purpose]', 'Penelitian tesis');
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
      await page.fill('textarea[name=requesterAddress]', 'Jl. Magelang Km 10, Sleman');
      await page.fill('textarea[name=purpose]', 'Bahan kajian');
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
    await officer.fill('textarea[name=consequenceTest]', 'Memuat NIK penerima: membukanya merugikan pemiliknya lebih dari manfaatnya bagi publik.');
    // The exemption's period and basis (Pasal 20) and the notice's items d, e, f (Pasal 22 ayat 7).
    await officer.check('input[name=exemptionWhileProtected]');
    await officer.fill('input[name=exemptionBasis]', 'UU 14/2008 Pasal 17 huruf h');
    await officer.selectOption('select[name=givenForm]', 'softcopy');
    await officer.fill('input[name=provideOn]', await officer.inputValue('input[name=decidedOn]'));
    await officer.fill('textarea[name=redactedParts]', 'NIK penerima dihitamkan');
    await submit(officer);
    // The request page (not the form shown again): the decision was recorded.
    expect(officer.url()).toMatch(/\/requests\/\d+$/);
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

/**
 * Every staff page at a phone's width (390×844) and a desk's (1366×768), as each role that
 * can open it: the page must never be wider than the screen. And the decision form's reasons
 * block shows and hides with the outcome (app.js once looked for the wrong id).
 * With PPID_E2E_SHOTS=<folder>, full-page screenshots of every page are written there.
 */
describe('in a real browser, at a phone\'s and a desk\'s width', () => {
  let phoneServer: ChildProcess | undefined;
  let phoneBrowser: Browser | undefined;
  afterAll(async () => {
    await phoneBrowser?.close();
    phoneServer?.kill('SIGKILL');
  });

  it('no staff page is wider than the screen, for admin, officer and supervisor; the reasons block follows the outcome', async () => {
    const executablePath = chromiumPath();
    expect(executablePath, 'Chromium not found: install Debian\'s chromium (apt-get install -y chromium)').toBeTruthy();

    // Arrange: an office with an open request (long texts), a rejected one with an answered
    // objection, and a partly granted one with an open objection.
    const { dataDir, db } = seededDataDir('phone-');
    const actor = { userId: null, label: 'test' };
    for (const [username, role] of [['admin', 'admin'], ['petugas', 'officer'], ['atasan', 'supervisor']] as const) {
      await createUser(db, actor, { username, displayName: `${username} Panjang Namanya Sekali`, role, password: PASSWORD });
    }
    db.transaction((tx) => {
      setSetting(tx, 'office_name', 'PPID Dinas Komunikasi dan Informatika Kabupaten Sleman');
      setSetting(tx, 'office_city', 'Sleman');
      setSetting(tx, 'office_address', 'Jl. Parasamya, Beran, Tridadi, Sleman, Daerah Istimewa Yogyakarta 55511');
    });
    const zone = 'Asia/Jakarta';
    const today = FIXED_TODAY;
    const open = registerRequest({ db, actor, zone, input: intakeInput({
      receivedOn: today,
      requesterName: 'Raden Mas Bagus Setyo Wicaksono Adiningrat Kusumawardhana',
      requesterEmail: 'raden.mas.bagus.setyo.wicaksono@universitas-negeri-yogyakarta.ac.id',
      requesterAddress: 'Perumahan Griya Taman Asri Blok C-17 RT 005 RW 012, Kelurahan Sinduadi, Kecamatan Mlati',
      informationRequested: 'Dokumen kontrak, adendum dan berita acara serah terima pekerjaan pembangunan jalan '.repeat(4),
    }) });
    const decided = (outcome: 'rejected' | 'partial') => {
      const r = registerRequest({ db, actor, zone, input: intakeInput({ receivedOn: today }) });
      return decideRequest({ db, actor, zone, id: r.id, input: decisionFormSchema.parse({
        decidedOn: today, provideOn: today, givenForm: "softcopy" as const, redactedParts: "NIK dihitamkan", heldBy: "Dinas Sosial", outcome, reasons: ['exempt'], exemptionArticles: ['h'], exemptionWhileProtected: true, exemptionBasis: 'UU 14/2008 Pasal 17', consequenceTest: 'Memuat data pribadi', version: String(r.version),
      }) });
    };
    const rejected = decided('rejected');
    const partial = decided('partial');
    const answered = fileObjection({ db, actor, zone, requestId: rejected.id, input: filingFormSchema.parse({
      filedOn: today, grounds: ['a'], statement: 'Data agregat tidak memuat data pribadi.', filedBy: 'requester',
    }) });
    respondToObjection({ db, actor, zone, id: answered.id, input: responseFormSchema.parse({
      respondedOn: today, result: 'rejected', reasoning: 'Putusan PPID tetap.', version: String(answered.version),
    }) });
    const pending = fileObjection({ db, actor, zone, requestId: partial.id, input: filingFormSchema.parse({
      filedOn: today, grounds: ['a', 'e'], statement: 'Bagian yang dihitamkan terlalu luas.', filedBy: 'requester',
    }) });
    db.$client.close();

    const port = await freePort();
    phoneServer = await startServer(dataDir, port, fixedTodayEnv);
    const base = `http://127.0.0.1:${port}`;
    phoneBrowser = await chromium.launch({
      executablePath: executablePath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const shots = process.env.PPID_E2E_SHOTS;
    if (shots) fs.mkdirSync(shots, { recursive: true });

    const year = today.slice(0, 4);
    const common = ['/requests', `/requests/${open.id}`, `/requests/${open.id}/receipt`, `/requests/${rejected.id}`, `/requests/${partial.id}/notice`,
      `/objections?year=${year}`, `/objections/${answered.id}`, `/objections/${pending.id}`, `/objections/${answered.id}/receipt`,
      `/objections/${answered.id}/response-letter`, `/recap?year=${year}`, `/reports/monthly`];
    const pagesOf: Record<string, string[]> = {
      admin: [...common, '/audit', '/audit/verify', '/admin/users', '/admin/users/new', '/admin/users/1/edit', '/admin/tokens',
        '/admin/holidays', '/admin/holidays/1/edit', '/admin/settings', '/admin/import', '/admin/desk/lists', '/admin/desk/service'],
      petugas: [...common, '/requests/new', `/requests/${open.id}/edit`, `/requests/${open.id}/extend`, `/requests/${open.id}/decide`,
        `/requests/${open.id}/withdraw`, `/requests/${rejected.id}/correct`, `/requests/${partial.id}/objections/new`, '/desk', '/desk/new'],
      atasan: [`/objections/${pending.id}`, `/objections/${pending.id}/respond`, `/objections/${answered.id}/dispute`],
    };
    const viewports = { phone: { width: 390, height: 844 }, desk: { width: 1366, height: 768 } };
    const tooWide: string[] = [];
    const navProblems: string[] = [];
    const errors: string[] = [];
    for (const [username, pages] of Object.entries(pagesOf)) {
      for (const [size, viewport] of Object.entries(viewports)) {
        const page = await (await phoneBrowser.newContext({ viewport })).newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await login(page, base, username);
        for (const url of pages) {
          const res = await page.goto(`${base}${url}`);
          expect(res?.status(), `${username} ${url}`).toBe(200);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          if (scrollWidth > innerWidth) tooWide.push(`${size} ${username} ${url}: ${scrollWidth} px > ${innerWidth} px`);
          if (shots) await page.screenshot({ path: path.join(shots, `${size}-${username}-${url.replace(/[^a-z0-9]+/gi, '_')}.png`), fullPage: true });
        }
        // The navigation folds on a phone, and opens with "Menu".
        await page.goto(`${base}/requests`);
        const recap = page.locator('nav.mainnav a[href="/recap"]');
        const menu = page.locator('label[for=nav-toggle]');
        if (size === 'phone') {
          if (await recap.isVisible()) navProblems.push(`${username}: the navigation does not fold`);
          if (await menu.isVisible()) await menu.click();
          else navProblems.push(`${username}: no "Menu" to open the navigation`);
          if (!(await recap.isVisible())) navProblems.push(`${username}: "Menu" does not open the navigation`);
          if (shots) await page.screenshot({ path: path.join(shots, `${size}-${username}-menu-open.png`) });
        } else if (!(await recap.isVisible()) || (await menu.isVisible())) {
          navProblems.push(`${username}: the navigation is folded at ${viewport.width} px`);
        }
        await page.context().close();
      }
    }
    // The public side too: the requester is most likely on a phone.
    for (const [size, viewport] of Object.entries(viewports)) {
      const page = await (await phoneBrowser.newContext({ viewport })).newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      for (const url of ['/status', '/permohonan', `/rekap?year=${year}`]) {
        expect((await page.goto(`${base}${url}`))?.status(), url).toBe(200);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        if (scrollWidth > innerWidth) tooWide.push(`${size} public ${url}: ${scrollWidth} px > ${innerWidth} px`);
        if (shots) await page.screenshot({ path: path.join(shots, `${size}-public-${url.replace(/[^a-z0-9]+/gi, '_')}.png`), fullPage: true });
      }
      await page.context().close();
    }
    expect(tooWide).toEqual([]);
    expect(navProblems).toEqual([]);

    // The register is a list of cards on a phone; the request page puts its actions before the files.
    const phone = await (await phoneBrowser.newContext({ viewport: viewports.phone })).newPage();
    await login(phone, base, 'petugas');
    await phone.goto(`${base}/requests`);
    expect(await phone.locator('table.register thead').isVisible()).toBe(false);
    expect(await phone.locator('table.register td.c-info').first().isVisible()).toBe(false);
    for (const cell of ['c-number', 'c-requester', 'c-status', 'c-due']) expect(await phone.locator(`table.register td.${cell}`).first().isVisible(), cell).toBe(true);
    await phone.goto(`${base}/requests/${open.id}`);
    const top = async (selector: string) => (await phone.locator(selector).first().boundingBox())!.y;
    expect(await top('a[href$="/decide"]')).toBeLessThan(await top('.request-records'));

    // The decision form: the reasons block hides for a full grant and shows for any other outcome.
    await phone.goto(`${base}/requests/${open.id}/decide`);
    const reasons = phone.locator('#reasons-block');
    expect(await reasons.isVisible()).toBe(false);
    await phone.selectOption('#f-outcome', 'rejected');
    expect(await reasons.isVisible()).toBe(true);
    await phone.selectOption('#f-outcome', 'full');
    expect(await reasons.isVisible()).toBe(false);
    await phone.selectOption('#f-outcome', 'partial');
    expect(await reasons.isVisible()).toBe(true);

    expect(errors).toEqual([]);
  }, 180_000);
});

/**
 * Issue 15: the PPID sends a request to the unit that holds the information, the unit's staff
 * answer it (on a phone, seeing nothing of the requester), and the officer decides.
 */
describe('in a real browser: a disposition to a unit', () => {
  let unitServer: ChildProcess | undefined;
  let unitBrowser: Browser | undefined;
  afterAll(async () => {
    await unitBrowser?.close();
    unitServer?.kill('SIGKILL');
  });

  it('an officer sends a request to a unit, the unit answers, the officer sees the answer and decides', async () => {
    const executablePath = chromiumPath();
    expect(executablePath, 'Chromium not found: install Debian\'s chromium (apt-get install -y chromium)').toBeTruthy();
    const { dataDir, db } = seededDataDir('units-');
    const actor = { userId: null, label: 'test' };
    const zone = 'Asia/Jakarta';
    const today = FIXED_TODAY;
    const pk3 = createUnit({ db, actor, input: { code: 'PK.3', name: 'Direktorat Dana Transfer Khusus', kind: 'unit', active: true } });
    await createUser(db, actor, { username: 'petugas', displayName: 'Petugas', role: 'officer', password: PASSWORD });
    await createUser(db, actor, { username: 'staf.pk3', displayName: 'Staf DTK', role: 'unit', password: PASSWORD, unitId: pk3.id });
    const r = registerRequest({ db, actor, zone, input: intakeInput({ receivedOn: today, requesterName: 'Dewi Rahasia Sekali', requesterEmail: 'dewi@rahasia.id', informationRequested: 'Realisasi DAK fisik 2025 per kabupaten' }) });
    db.$client.close();
    const port = await freePort();
    unitServer = await startServer(dataDir, port, fixedTodayEnv);
    const base = `http://127.0.0.1:${port}`;
    unitBrowser = await chromium.launch({
      executablePath: executablePath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const errors: string[] = [];
    const pageAt = async (viewport: { width: number; height: number }) => {
      const page = await (await unitBrowser!.newContext({ viewport })).newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    };

    // Officer: send to PK.3 from the request page.
    const officer = await pageAt({ width: 1366, height: 768 });
    await login(officer, base, 'petugas');
    await officer.goto(`${base}/requests/${r.id}`);
    await Promise.all([officer.waitForURL(`${base}/requests/${r.id}/dispositions/new`), officer.click('a[href$="/dispositions/new"]')]);
    await officer.check(`input[name=unitIds][value="${pk3.id}"]`);
    await officer.fill('textarea[name=note]', 'Mohon data per kabupaten');
    await submit(officer);
    expect(officer.url()).toBe(`${base}/requests/${r.id}`);
    expect(await officer.locator('#dispositions').innerText()).toContain('PK.3');

    // The unit's staff, on a phone: their queue, their disposition, nothing of the requester.
    const staff = await pageAt({ width: 390, height: 844 });
    await staff.goto(`${base}/login`);
    await staff.fill('input[name=username]', 'staf.pk3');
    await staff.fill('input[name=password]', PASSWORD);
    await submit(staff);
    await staff.waitForURL(`${base}/dispositions`);
    await Promise.all([staff.waitForURL(/\/dispositions\/\d+$/), staff.click(`a:has-text("${r.registrationNumber}")`)]);
    const text = await staff.locator('body').innerText();
    expect(text).toContain('Realisasi DAK fisik 2025 per kabupaten');
    expect(text).not.toContain('Dewi Rahasia Sekali');
    expect(text).not.toContain('dewi@rahasia.id');
    const { scrollWidth, innerWidth } = await staff.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, 'the disposition page fits a phone').toBeLessThanOrEqual(innerWidth);
    await staff.check('input[name=result][value=provided]');
    await staff.fill('textarea[name=note]', 'Berkas siap diambil di ruang arsip DTK');
    await submit(staff, 'form[action$="/answer"] button[type=submit]');
    expect(await staff.locator('body').innerText()).toContain('Jawaban dicatat');

    // Officer: the answer on the request page; the decision is the officer's.
    await officer.goto(`${base}/requests/${r.id}`);
    const panel = await officer.locator('#dispositions').innerText();
    expect(panel).toContain('Informasi tersedia');
    expect(panel).toContain('Berkas siap diambil di ruang arsip DTK');
    await officer.goto(`${base}/requests/${r.id}/decide`);
    await officer.selectOption('select[name=outcome]', 'full');
    await officer.selectOption('select[name=givenForm]', 'softcopy');
    await officer.fill('input[name=provideOn]', await officer.inputValue('input[name=decidedOn]'));
    await submit(officer);
    expect(officer.url()).toMatch(/\/requests\/\d+$/);
    expect(await officer.locator('body').innerText()).toContain('Dikabulkan sepenuhnya');
    expect(errors).toEqual([]);
  });
});
