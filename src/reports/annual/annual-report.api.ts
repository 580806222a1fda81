import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { currentUser, requirePermission } from '../../auth/guards.js';
import { viewScope } from '../../pelaksana/pelaksana.service.js';
import { todayIn } from '../../shared/dates.js';
import { yearParam } from '../../recap/recap.schemas.js';
import { getAnnualReport } from './annual-report.service.js';
import { presentAnnualReportForApi } from './annual-report.presenter.js';
import { versionParam } from './annual-report.schemas.js';

/**
 * GET /api/v1/reports/annual/:year (bearer tokens, 'request.read'): the newest version, or
 * ?version=N; ?unit=<code> one PPID Pelaksana's (or the Utama's own), default consolidated.
 */
export function annualReportApi({ db, config }: AppContext): Router {
  const r = Router();
  r.get('/reports/annual/:year', requirePermission('request.read'), (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    const scope = viewScope(db, currentUser(req), req.query.unit);
    const report = getAnnualReport(db, { year, today: todayIn(config.zone), scope, version: versionParam(req.query.version) });
    const unit = scope.kind === 'all' ? null : { code: scope.code, name: scope.name, kind: scope.kind };
    res.json({ ...presentAnnualReportForApi(report), unit });
  });
  return r;
}
