import { Router } from 'express';
import type { AppContext } from '../context.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { scopeOfUser } from '../pelaksana/pelaksana.service.js';
import { registerFilterSchema } from '../requests/requests.schemas.js';
import { CSV_CONTENT_TYPE, csvDialectOf } from '../shared/csv.js';
import { parseInput } from '../shared/validation.js';
import { startRegisterExport, writeCsv, writeXlsx, type ExportFormat } from './exports.service.js';

const FILTER_REFUSED_EXPORT = 'Filter tidak dapat dipakai, jadi tidak ada yang diekspor. Perbaiki filter di halaman register lalu unduh lagi.';

/**
 * GET /requests/export.csv and /requests/export.xlsx with the register page's query string
 * (year, month, status, channel, category, q). Mounted before the request pages, whose
 * /requests/:id would otherwise take "export.csv" for an id.
 */
export function exportsRoutes({ db, config, logger }: AppContext): Router {
  const r = Router();
  // 'export' is held by auditors and admins, who may both see the register's personal data.
  const allowed = [requireUser, requirePermission('request.read'), requirePermission('export')];

  for (const format of ['csv', 'xlsx'] as ExportFormat[]) {
    r.get(`/requests/export.${format}`, ...allowed, async (req, res) => {
      // A filter the register cannot use is refused (400), never dropped: the file would
      // otherwise hold the whole register under a name that says it is filtered.
      const filter = parseInput(registerFilterSchema, req.query, FILTER_REFUSED_EXPORT);
      // ?format=excel-id: `;` between cells, for Excel with Indonesian regional settings.
      const dialect = csvDialectOf(req.query.format);
      const exp = startRegisterExport({ db, actor: currentActor(req), zone: config.zone, filter, format, dialect, scope: scopeOfUser(db, currentUser(req)) });
      res.set('Content-Type', format === 'csv' ? CSV_CONTENT_TYPE : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.set('Content-Disposition', `attachment; filename="${exp.fileName}"`);
      res.set('Cache-Control', 'no-store');
      try {
        if (format === 'csv') {
          writeCsv(res, exp, dialect);
          res.end();
        } else {
          await writeXlsx(res, exp);
        }
      } catch (err) {
        // Headers are gone: cut the download off rather than let a truncated file look complete.
        logger.error({ err, url: req.originalUrl }, 'register export failed');
        res.destroy(err as Error);
      }
    });
  }
  return r;
}
