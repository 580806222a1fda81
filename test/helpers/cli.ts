import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliContext } from '../../src/cli.js';
import type { AppConfig } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { testConfig } from './build-test-app.js';

/** What the CLI hands every command: the database and the configuration (a data folder of its own). */
export function cliContext(db: Db, config: Partial<AppConfig> = {}): CliContext {
  return { db, config: testConfig({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-cli-')), ...config }) };
}
