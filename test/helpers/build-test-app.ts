import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Application } from 'express';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDb } from '../../src/db/migrate.js';
import { seedDatabase } from '../../src/setup/seed.js';
import { buildApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config.js';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    dataDir: '/nonexistent',
    dbFile: ':memory:',
    synchronous: 'full',
    zone: 'Asia/Jakarta',
    uploadDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-uploads-')),
    maxUploadBytes: 1024 * 1024,
    maxUploadFiles: 5,
    publicFormLimit: 5,
    sessionSecret: 'test-secret-test-secret-test-secret-0123456789',
    secureCookies: false,
    trustProxy: 'loopback',
    auditKey: 'test-audit-key-test-audit-key-0123456789',
    logLevel: 'silent',
    ...overrides,
  };
}

/** A migrated, seeded in-memory database: each test gets its own. */
export function freshDb(): Db {
  const db = openDb(':memory:');
  migrateDb(db);
  seedDatabase(db);
  return db;
}

export function buildTestApp(overrides: Partial<AppConfig> = {}): { app: Application; db: Db; config: AppConfig } {
  const db = freshDb();
  const config = testConfig(overrides);
  const app = buildApp({ db, config, logger: pino({ level: 'silent' }) });
  return { app, db, config };
}
