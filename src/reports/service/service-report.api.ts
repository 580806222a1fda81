import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { requirePermission } from '../../auth/guards.js';
import { monthParam, yearParam } from '../../recap/recap.schemas.js';
import { buildServiceReport } from './service-report.service.js';
import { presentServiceReportForApi } from './service-report.presenter.js';

/** JSON API v1: the monthly service report, every figure the page shows ('request.read'). */
export function serviceReportApi({ db, config }: AppContext): Router {
  const r = Router();
  r.get('/reports/service/:year/:month', requirePermission('request.read'), (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    const month = monthParam(req.params.month, Number.NaN);
    res.json(presentServiceReportForApi(buildServiceReport(db, config.zone, year, month)));
  });
  return r;
}
