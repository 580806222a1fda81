/**
 * Import and export at scale: the whole generated register exported to CSV, imported into a
 * fresh database (the 100,000-row import), and one year exported to XLSX.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';
import { seedDatabase } from '../src/setup/seed.js';
import { importRegister } from '../src/import/import.service.js';
import { startRegisterExport, writeCsv, writeXlsx } from '../src/exports/exports.service.js';

const actor = { userId: null, label: 'bench' };
const zone = 'Asia/Jakarta';

export interface ImportExportResult {
  importRows: number;
  importSeconds: number;
  imported: number;
  exportRows: number;
  exportSeconds: number;
  peakRssMb: number;
}

function finished(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
}

export async function benchImportExport(o: { dir: string; rows: number; year: number; dbFile: string }): Promise<ImportExportResult> {
  const source = openDb(o.dbFile);
  try {
    // The file to import: the register's newest `rows` requests, as the export writes them.
    const csvFile = path.join(o.dir, 'register.csv');
    const csv = fs.createWriteStream(csvFile);
    const all = startRegisterExport({ db: source, actor, zone, filter: {}, format: 'csv' });
    writeCsv(csv, { ...all, records: () => limited(all.records(), o.rows) });
    csv.end();
    await finished(csv);

    const target = openDb(path.join(o.dir, 'import-target.db'));
    migrateDb(target);
    seedDatabase(target);
    const buffer = fs.readFileSync(csvFile);
    const t0 = performance.now();
    const report = await importRegister({ db: target, actor, zone, fileName: 'register.csv', buffer });
    const importSeconds = (performance.now() - t0) / 1000;
    if (report.imported === 0) throw new Error(`import failed: ${JSON.stringify(report.problems.filter((p) => p.level === 'error').slice(0, 5))}`);
    target.$client.close();

    const xlsxFile = path.join(o.dir, `register-${o.year}.xlsx`);
    const t1 = performance.now();
    const exp = startRegisterExport({ db: source, actor, zone, filter: { year: o.year }, format: 'xlsx' });
    const out = fs.createWriteStream(xlsxFile);
    await writeXlsx(out, exp);
    const exportSeconds = (performance.now() - t1) / 1000;
    return {
      importRows: o.rows, importSeconds, imported: report.imported, exportRows: exp.count, exportSeconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    source.$client.close();
  }
}

/** The first `n` records of an export's batches. */
function* limited<T>(batches: Generator<T[]>, n: number): Generator<T[]> {
  let left = n;
  for (const batch of batches) {
    if (left <= 0) return;
    yield batch.slice(0, left);
    left -= batch.length;
  }
}
