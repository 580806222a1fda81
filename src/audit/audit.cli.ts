import type { CliCommand } from '../context.js';
import { verifyChain } from './audit.repo.js';
import { anchorChain, anchorFile, anchorLabel, readAnchors } from './anchors.js';
import { describeAnchoring } from './audit.presenter.js';

const auditVerify: CliCommand = {
  usage: 'audit verify',
  words: ['audit', 'verify'],
  /**
   * Exit 0 when the whole keyed hash chain holds and agrees with every anchor, 1 at the first
   * broken entry or when the chain is shorter than an anchor (for cron and monitoring).
   */
  run({ db, config }, { positionals }, io) {
    if (positionals.length) {
      io.err(`Pemakaian: npm run ppid -- ${auditVerify.usage}`);
      return 2;
    }
    const report = verifyChain(db, readAnchors(anchorFile(config.dataDir)));
    if (report.ok) {
      io.out(`OK: ${report.checked} entri. ${describeAnchoring(report)}`);
      return 0;
    }
    const broken = report.firstBroken!;
    io.err(`RUSAK: entri #${broken.id}: ${broken.problem} (${report.checked} entri sebelumnya utuh)`);
    return 1;
  },
};

const auditAnchor: CliCommand = {
  usage: 'audit anchor',
  words: ['audit', 'anchor'],
  /** Appends the chain's newest (sequence, hash) to PPID_DATA_DIR/audit-anchors.log now. */
  run({ db, config }, { positionals }, io) {
    if (positionals.length) {
      io.err(`Pemakaian: npm run ppid -- ${auditAnchor.usage}`);
      return 2;
    }
    const file = anchorFile(config.dataDir);
    const anchor = anchorChain(db, file, 'cli');
    if (!anchor) {
      io.out('Log audit masih kosong: tidak ada yang dijangkarkan.');
      return 0;
    }
    io.out(`${anchor.written ? 'Jangkar ditulis' : 'Jangkar terakhir sudah memuat kepala rantai'}: ${anchorLabel(anchor)} di ${file}`);
    return 0;
  },
};

export const auditCommands: CliCommand[] = [auditVerify, auditAnchor];
