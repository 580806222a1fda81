import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { requirePermission } from '../../auth/guards.js';
import { todayIn } from '../../shared/dates.js';
import { yearParam } from '../../recap/recap.schemas.js';
import { getAnnualReport } from './annual-report.service.js';
import { presentAnnualReportForApi } from './annual-report.presenter.js';
import { versionParam } from './annual-report.schemas.js';

/** GET /api/v1/reports/annual/:year (bearer tokens, 'request.read'): the newest version, or ?version=N. */
export function annualReportApi({ db, config }: AppContext): Router {
  const r = Router();
  r.get('/reports/annual/:year', requirePermission('request.read'), (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    res.json(presentAnnualReportForApi(getAnnualReport(db, { year, today: todayIn(config.zone), version: versionParam(req.query.version) })));
  });
  return r;
}
