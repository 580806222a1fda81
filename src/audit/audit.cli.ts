import type { CliCommand } from '../cli.js';
import { verifyChain } from './audit.repo.js';

const auditVerify: CliCommand = {
  usage: 'audit verify',
  words: ['audit', 'verify'],
  /** Exit 0 when the whole hash chain holds, 1 at the first broken entry (for cron and monitoring). */
  run(db, { positionals }, io) {
    if (positionals.length) {
      io.err(`Pemakaian: npm run ppid -- ${auditVerify.usage}`);
      return 2;
    }
    const report = verifyChain(db);
    if (report.ok) {
      io.out(`OK: ${report.checked} entri`);
      return 0;
    }
    const broken = report.firstBroken!;
    io.err(`RUSAK: entri #${broken.id}: ${broken.problem} (${report.checked} entri sebelumnya utuh)`);
    return 1;
  },
};

export const auditCommands: CliCommand[] = [auditVerify];
