import pino from 'pino';
import { loadConfig } from './config.js';
import { openDb } from './db/client.js';
import { migrateDb } from './db/migrate.js';
import { DataDirLocked, lockDataDir, tightenModes } from './db/data-dir.js';
import { buildApp } from './app.js';
import { seedDatabase } from './setup/seed.js';
import { rekeyLegacyChain } from './audit/audit.repo.js';
import { anchorChain, anchorFile, readAnchors } from './audit/anchors.js';
import { reconcileUploads } from './uploads/reconcile.js';
import { applyTestClock } from './shared/test-clock.js';
import { createOutboxWorker } from './messages/messaging.js';

/** How often the audit chain is anchored while the server runs (also once at start). */
const ANCHOR_EVERY_MS = 24 * 60 * 60 * 1000;

// Everything the app creates (database, uploads, secrets, anchors) is for its own user only.
process.umask(0o077);
const config = loadConfig();
const logger = pino({ level: config.logLevel });
const testToday = applyTestClock(process.env, config.zone);
if (testToday) logger.warn(`test clock: today is ${testToday} (PPID_TEST_TODAY, NODE_ENV=test)`);
let unlock: () => void;
try {
  unlock = lockDataDir(config.dataDir);
} catch (err) {
  if (!(err instanceof DataDirLocked)) throw err;
  logger.fatal(err.message);
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
process.on('exit', () => unlock());
tightenModes(config.dataDir);
const db = openDb(config.dbFile, { synchronous: config.synchronous, auditKey: config.auditKey });
migrateDb(db);
seedDatabase(db);
const anchors = anchorFile(config.dataDir);
const rekeyed = rekeyLegacyChain(db, readAnchors(anchors).length > 0);
if (rekeyed) logger.warn(`audit log: ${rekeyed} entries of an unkeyed (v0.1.0) chain re-keyed with HMAC`);
const swept = await reconcileUploads(db, config.uploadDir);
if (swept.completed || swept.missing || swept.tempRemoved) logger.warn(swept, 'uploads reconciled after an interrupted run');
const anchor = () => {
  try {
    anchorChain(db, anchors, 'daily');
  } catch (err) {
    logger.error(err, 'audit anchor could not be written');
  }
};
anchorChain(db, anchors, 'start');
setInterval(anchor, ANCHOR_EVERY_MS).unref();
// Fresh planner statistics where the tables changed a lot (SQLite's advice for long-lived connections).
db.$client.pragma('analysis_limit = 1000');
db.$client.pragma('optimize = 0x10002');
const app = buildApp({ db, config, logger });
// Messages: the worker first queues again what an interrupted run had claimed, then sends what
// is queued (including what was committed before a crash) and the digests at their hour.
const outboxWorker = createOutboxWorker({ db, config, logger });
outboxWorker.start();
const server = app.listen(config.port, () => {
  logger.info(`PPID tracker on http://localhost:${config.port} (data: ${config.dataDir}, zone: ${config.zone})`);
});

function shutdown(signal: string) {
  logger.info(`${signal}: closing`);
  server.close(() => {
    void outboxWorker.stop().finally(() => {
      db.$client.close();
      process.exit(0);
    });
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
