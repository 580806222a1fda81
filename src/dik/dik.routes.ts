import { Router } from 'express';
import type { AppContext } from '../context.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { can, type Role } from '../auth/roles.js';
import { CSV_CONTENT_TYPE, csvDialectOf, csvFileName } from '../shared/csv.js';
import { recordEvent } from '../audit/audit.repo.js';
import { getSettings } from '../settings/settings.repo.js';
import { dikEntries, type DikEntry } from './dik.service.js';
import { dikCsv, dikXlsx } from './dik.export.js';

/**
 * The Daftar Informasi yang Dikecualikan: the page (every staff reader of the register), its
 * export (auditors and admins, audited) and `GET /api/v1/dik`.
 */
export function dikRoutes({ db }: AppContext): Router {
  const r = Router();
  const read = [requireUser, requirePermission('request.read')];
  const exporter = [...read, requirePermission('export')];

  r.get('/dik', ...read, (req, res) => {
    res.render('dik/index', { title: 'Daftar Informasi yang Dikecualikan', entries: dikEntries(db), canExport: can(currentUser(req).role as Role, 'export') });
  });

  for (const format of ['csv', 'xlsx'] as const) {
    r.get(`/dik/export.${format}`, ...exporter, async (req, res) => {
      const entries = dikEntries(db);
      const dialect = csvDialectOf(req.query.format);
      const body = format === 'csv' ? dikCsv(entries, dialect) : await dikXlsx(entries, getSettings(db).office_name);
      db.transaction((tx) => {
        recordEvent(tx, currentActor(req), { action: 'dik.export', entityType: 'dik', summary: `DIK diekspor ke ${format.toUpperCase()}: ${entries.length} entri`, after: { format, count: entries.length } });
      });
      res.set('Content-Type', format === 'csv' ? CSV_CONTENT_TYPE : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.set('Content-Disposition', `attachment; filename="${format === 'csv' ? csvFileName('dik', dialect) : 'dik.xlsx'}"`);
      res.set('Cache-Control', 'no-store');
      res.send(body);
    });
  }
  return r;
}

/** The API's shape of an entry (snake_case). */
export function presentDikEntryForApi(e: DikEntry) {
  return {
    id: e.id, information: e.information, exemption_articles: e.articles.map((a) => a.letter), legal_basis: e.legalBasis,
    consequence_test: e.consequenceTest, exemption_until: e.exemptionUntil, exemption_years: e.exemptionYears,
    exemption_while_protected: e.exemptionWhileProtected, decision_number: e.decisionNumber, decided_on: e.decidedOn,
    requests: e.requests.map((q) => ({ id: q.id, registration_number: q.number, decided_on: q.decidedOn, voided: q.voided })),
  };
}

export function dikApi({ db }: AppContext): Router {
  const r = Router();
  r.get('/dik', requirePermission('request.read'), (_req, res) => {
    const items = dikEntries(db).map(presentDikEntryForApi);
    res.json({ total: items.length, items });
  });
  return r;
}
