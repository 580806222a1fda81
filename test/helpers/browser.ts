/**
 * The pieces every Chromium test (test/e2e) shares: a seeded data folder for the real server, the
 * staff password, and logging in and submitting a form the way a user does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';

export const PASSWORD = 'password-123456';

/** A fresh data folder with a migrated, seeded database (close `db` before starting the server on it). */
export function seededDataDir(prefix: string): { dataDir: string; db: Db } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ppid-e2e-${prefix}`));
  const db = openDb(path.join(dataDir, 'ppid.db'));
  migrateDb(db);
  seedDatabase(db);
  return { dataDir, db };
}

/** Clicks a form's button and waits for the POST's answer and the page that follows. */
export async function submit(page: Page, selector = 'main button[type=submit]'): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** Logs in on the login form and waits for the role's landing page. */
export async function login(page: Page, base: string, username: string, landing = '/requests'): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await submit(page);
  await page.waitForURL(`${base}${landing}`);
}
