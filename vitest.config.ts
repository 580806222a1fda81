import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    pool: 'forks',
    // CLI commands read PPID_DATA_DIR (secrets, audit anchors): never the developer's ./data.
    env: { PPID_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-vitest-data-')) },
  },
});
