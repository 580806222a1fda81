import pino from 'pino';
import { loadConfig } from './config.js';
import { openDb } from './db/client.js';
import { migrateDb } from './db/migrate.js';
import { buildApp } from './app.js';
import { seedDatabase } from './db/seed.js';

const config = loadConfig();
const logger = pino({ level: config.logLevel });
const db = openDb(config.dbFile, { synchronous: config.synchronous });
migrateDb(db);
seedDatabase(db);
// Fresh planner statistics where the tables changed a lot (SQLite's advice for long-lived connections).
db.$client.pragma('analysis_limit = 1000');
db.$client.pragma('optimize = 0x10002');
const app = buildApp({ db, config, logger });
const server = app.listen(config.port, () => {
  logger.info(`PPID tracker on http://localhost:${config.port} (data: ${config.dataDir}, zone: ${config.zone})`);
});

function shutdown(signal: string) {
  logger.info(`${signal}: closing`);
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
