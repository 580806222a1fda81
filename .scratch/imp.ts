import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { benchImportExport } from '../bench/import-export.js';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imp-'));
if (process.env.PROF_IMPORT) {}
const r = await benchImportExport({ dir, rows: Number(process.argv[2] ?? 100000), year: 2025, dbFile: '/tmp/t.db' });
console.log(JSON.stringify(r));
fs.rmSync(dir, { recursive: true });
