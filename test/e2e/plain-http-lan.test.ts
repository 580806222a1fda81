/**
 * Issue 10, point 3: an office runs the app on an intranet address without TLS. Helmet's default
 * CSP carried upgrade-insecure-requests, so at http://<LAN address>/login Chromium sent the
 * stylesheet, the script and the login form to an https:// that does not exist. Here a real
 * headless Chromium logs in over plain HTTP on an address of this machine that is NOT loopback
 * (browsers treat 127.x and localhost as secure and would hide the problem).
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, afterAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { buildTestApp } from '../helpers/build-test-app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/login-as.js';
import { chromiumPath } from '../../scripts/chromium-path.mjs';

let server: http.Server | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** An IPv4 address of one of this machine's real (non-loopback) interfaces, or null. */
function lanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) return a.address;
  }
  return null;
}

describe('in a real browser over plain HTTP on a LAN address', () => {
  it('the login page loads its stylesheet and script, and the login works', async () => {
    const address = lanAddress();
    if (!address) {
      // Nothing to bind to: say so loudly rather than pass in silence.
      console.warn('NOT RUN: this machine has no non-loopback IPv4 interface to serve the plain-HTTP login test on.');
      return;
    }
    const executablePath = chromiumPath();
    expect(executablePath, 'Chromium not found: install Debian\'s chromium (apt-get install -y chromium)').toBeTruthy();

    const { app, db } = buildTestApp();
    await makeUser(db, 'officer', 'petugas');
    server = http.createServer(app);
    await new Promise<void>((resolve) => server!.listen(0, address, resolve));
    const base = `http://${address}:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({
      executablePath: executablePath!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('request', (r) => {
      if (r.url().startsWith('https:')) problems.push(`sent to https: ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

    const res = await page.goto(`${base}/login`);
    expect(res?.status()).toBe(200);
    // The stylesheet arrived from this origin over plain HTTP, and has rules.
    const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => s.href?.includes('/public/')).map((s) => {
      try {
        return s.cssRules.length;
      } catch {
        return -1; // not readable: it did not come from this origin (upgraded to https and failed)
      }
    }));
    expect(sheets.length, 'the app stylesheet is loaded').toBeGreaterThan(0);
    expect(sheets[0]).toBeGreaterThan(0);

    await page.fill('input[name=username]', 'petugas');
    await page.fill('input[name=password]', TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/requests`), page.click('main button[type=submit]')]);
    expect(await page.locator('form[action="/logout"]').count(), 'logged in: the top bar offers to log out').toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);
});
