import { Router } from 'express';
import type { AppContext } from '../context.js';
import { currentUser, requirePermission } from '../auth/guards.js';
import { viewScope } from '../pelaksana/pelaksana.service.js';
import { buildMonthlyReport, buildRecap } from './recap.service.js';
import { monthParam, yearParam } from './recap.schemas.js';
import { presentMonthlyReportForApi, presentRecapForApi } from './recap.presenter.js';

/** JSON API v1: the yearly recap and the monthly report (bearer tokens, 'request.read'). */
export function recapApi({ db, config }: AppContext): Router {
  const r = Router();
  const read = requirePermission('request.read');

  r.get('/recap/:year', read, (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    // ?unit=<code>: one PPID Pelaksana's recap, or the Utama's own; default consolidated.
    const scope = viewScope(db, currentUser(req), req.query.unit);
    res.json(presentRecapForApi(buildRecap(db, year, { zone: config.zone, scope })));
  });

  r.get('/reports/monthly/:year/:month', read, (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    const month = monthParam(req.params.month, Number.NaN);
    res.json(presentMonthlyReportForApi(buildMonthlyReport(db, year, month)));
  });

  return r;
}
