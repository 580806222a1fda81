/**
 * The monthly Laporan Layanan Informasi (issue 18): one object, built from SECTIONS, that the
 * page, the print, the XLSX and the JSON are all drawn from. And the officer's paragraph per
 * section, saved with the month.
 */
import type { Db } from '../../db/client.js';
import { recordEvent, type Actor } from '../../audit/audit.repo.js';
import { invalid } from '../../shared/errors.js';
import { nowInstant } from '../../shared/dates.js';
import { getSettings } from '../../settings/settings.repo.js';
import { listUnits } from '../../units/units.service.js';
import { deskLabels } from '../../desk/desk-config.js';
import { checkMonth, checkYear } from '../../recap/recap.service.js';
import { buildSection, type BuiltSection, type ReportContext } from './section.js';
import { SECTIONS } from './sections.js';
import { loadDeskData, type DeskData } from './desk-data.js';
import { monthLabel } from './figures.js';
import * as repo from './service-report.repo.js';
import type { NoteInput } from './service-report.schemas.js';

export interface ServiceReport {
  year: number;
  month: number;
  label: string;
  officeName: string;
  sections: BuiltSection[];
}

export function buildServiceReport(db: Db, zone: string, year: number, month: number): ServiceReport {
  checkYear(year);
  checkMonth(month);
  let desk: DeskData | undefined;
  const ctx: ReportContext = {
    db, zone, year, month, officeName: getSettings(db).office_name, label: monthLabel(year, month),
    desk: () => (desk ??= loadDeskData(db, zone, year, month)),
    units: listUnits(db),
    labels: deskLabels(db),
  };
  const notes = new Map(repo.notesOf(db, year, month).map((n) => [n.section, n.body]));
  return { year, month, label: ctx.label, officeName: ctx.officeName, sections: SECTIONS.map((s) => buildSection(s, ctx, notes.get(s.key) ?? '')) };
}

/**
 * Saves (or, when blank, removes) the officer's paragraph of one section for the month, with
 * its audit entry in the same transaction.
 */
export function saveNote({ db, actor, input }: { db: Db; actor: Actor; input: NoteInput }): void {
  if (!SECTIONS.some((s) => s.key === input.section)) throw invalid({ section: 'Bagian laporan tidak dikenal.' });
  db.transaction((tx) => {
    const { year, month, section, body } = input;
    const found = repo.findNote(tx, year, month, section);
    const now = nowInstant();
    if (found && !body) repo.deleteNote(tx, found.id);
    else if (found) repo.updateNote(tx, found.id, { body, updatedBy: actor.userId, updatedAt: now });
    else if (body) repo.insertNote(tx, { year, month, section, body, updatedBy: actor.userId, createdAt: now, updatedAt: now });
    else return;
    recordEvent(tx, actor, {
      action: 'service_report.note', entityType: 'service_report', entityId: `${year}-${String(month).padStart(2, '0')}`,
      summary: `Catatan bagian ${section} laporan ${monthLabel(year, month)} ${body ? 'disimpan' : 'dihapus'}`,
      before: found ? { body: found.body } : null, after: body ? { body } : null,
    });
  });
}
