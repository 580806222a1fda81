import { Router } from 'express';
import { DateTime } from 'luxon';
import type { AppContext } from '../context.js';
import { pageParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { distinctActions, distinctEntityTypes, listAudit, listAuditBefore, recordEvent, verifyChain } from './audit.repo.js';
import { anchorFile, readAnchors } from './anchors.js';
import { queryString, readAuditQuery } from './audit-filter.js';
import { actionLabel } from './actions.js';
import { BOM, CSV_CONTENT_TYPE, csvDialectOf, csvFileName, csvWriter } from '../shared/csv.js';
import { auditCsvHeader, auditCsvRow, describeChain, ENTITY_LABELS, presentAuditEntry } from './audit.presenter.js';

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;

/** Read-only pages over the audit log, for auditors and admins. */
export function auditRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const read = [requireUser, requirePermission('audit.read')];

  r.get('/audit', ...read, (req, res) => {
    const { query, filter, errors } = readAuditQuery(req.query as Record<string, unknown>, config.zone);
    const page = pageParam(req.query.page);
    const { rows, total } = listAudit(db, filter, page, AUDIT_PAGE_SIZE);
    const entityTypes = Object.fromEntries(distinctEntityTypes(db).map((t) => [t, ENTITY_LABELS[t] ?? t]));
    res.render('audit/index', {
      title: 'Log audit', wide: true, query, qs: queryString(query), errors,
      entries: rows.map((row) => presentAuditEntry(row, config.zone)),
      total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
      actions: distinctActions(db), actionLabels: actionLabel, entityTypes,
    });
  });

  r.get('/audit/verify', ...read, (_req, res) => {
    const report = verifyChain(db, readAnchors(anchorFile(config.dataDir)));
    res.render('audit/verify', { title: 'Verifikasi log audit', report, message: describeChain(report) });
  });

  // The export carries requesters' personal data, so it needs both permissions and is itself logged.
  r.get('/audit/export.csv', ...read, requirePermission('export'), (req, res) => {
    const { query, filter } = readAuditQuery(req.query as Record<string, unknown>, config.zone);
    const used = Object.entries(query).map(([k, v]) => `${k}=${v}`).join(', ');
    db.transaction((tx) => {
      recordEvent(tx, currentActor(req), {
        action: 'audit.export', entityType: 'audit', summary: `Log audit diekspor ke CSV${used ? ` (filter: ${used})` : ''}`,
      });
    });
    const stamp = DateTime.now().setZone(config.zone).toFormat('yyyyLLdd-HHmm');
    // ?format=excel-id: `;` between cells, for Excel with Indonesian regional settings.
    const csv = csvWriter(csvDialectOf(req.query.format));
    res.set('Content-Type', CSV_CONTENT_TYPE);
    res.set('Content-Disposition', `attachment; filename="${csvFileName(`log-audit-${stamp}`, csv.dialect)}"`);
    res.set('Cache-Control', 'no-store');
    // The BOM makes spreadsheet programs read the file as UTF-8.
    res.write(`${BOM}${auditCsvHeader(config.zone, csv)}`);
    let beforeId: number | null = null;
    for (;;) {
      const rows = listAuditBefore(db, filter, beforeId, EXPORT_BATCH);
      if (rows.length === 0) break;
      res.write(rows.map((row) => auditCsvRow(row, config.zone, csv)).join(''));
      beforeId = rows[rows.length - 1].id;
      if (rows.length < EXPORT_BATCH) break;
    }
    res.end();
  });

  return r;
}
