import type { CliCommand } from '../context.js';
import { DataDirLocked, lockDataDir } from '../db/data-dir.js';
import { createBackup, restoreBackup, RestoreError } from './backup.service.js';

const describe = (m: { counts: { requests: number; objections: number; attachments: number; auditEntries: number } }) =>
  `${m.counts.requests} permohonan, ${m.counts.objections} keberatan, ${m.counts.attachments} berkas, ${m.counts.auditEntries} entri log audit`;

export const backupCommands: CliCommand[] = [
  {
    usage: 'backup <FILE.tar.gz>   (boleh saat aplikasi berjalan)',
    words: ['backup'],
    run: async ({ db, config }, { positionals }, io) => {
      const [file] = positionals;
      if (!file || positionals.length > 1) {
        io.err('Pemakaian: npm run ppid -- backup <FILE.tar.gz>');
        return 2;
      }
      const manifest = await createBackup({ db, uploadDir: config.uploadDir, file });
      io.out(`Cadangan dibuat: ${file} (${describe(manifest)}).`);
      if (manifest.missingFiles.length) io.err(`Peringatan: ${manifest.missingFiles.length} berkas lampiran tidak ditemukan di penyimpanan.`);
      return 0;
    },
  },
  {
    usage: 'restore <FILE.tar.gz>  (ditolak selama aplikasi berjalan)',
    words: ['restore'],
    run: async ({ db, config }, { positionals }, io) => {
      const [file] = positionals;
      if (!file || positionals.length > 1) {
        io.err('Pemakaian: npm run ppid -- restore <FILE.tar.gz>');
        return 2;
      }
      // The server holds this lock while it runs: replacing its files under it loses data.
      let unlock: () => void;
      try {
        unlock = lockDataDir(config.dataDir);
      } catch (err) {
        if (!(err instanceof DataDirLocked)) throw err;
        io.err(`Pemulihan ditolak, data tidak diubah: ${err.message}`);
        return 1;
      }
      db.$client.close();
      try {
        const manifest = await restoreBackup({ file, dbFile: config.dbFile, uploadDir: config.uploadDir, auditKey: config.auditKey });
        io.out(`Dipulihkan dari ${file} (${describe(manifest)}). Data sebelumnya disimpan dengan akhiran .before-restore-….`);
        return 0;
      } catch (err) {
        if (!(err instanceof RestoreError)) throw err;
        io.err(`Pemulihan dibatalkan, data tidak diubah: ${err.message}`);
        return 1;
      } finally {
        unlock();
      }
    },
  },
];
