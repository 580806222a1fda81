import { Router, type Request } from 'express';
import type { AppContext } from '../context.js';
import { currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { scopeLabel, scopeOptions, viewScope, type RequestScope } from '../pelaksana/pelaksana.service.js';
import { todayIn } from '../shared/dates.js';
import { getSettings } from '../settings/settings.repo.js';
import { buildMonthlyReport, buildRecap, recapYears, requestsPerMonth } from './recap.service.js';
import { monthParam, yearParam } from './recap.schemas.js';
import { CSV_CONTENT_TYPE, csvDialectOf } from '../shared/csv.js';
import { anchorForExport, anchorLabel } from '../audit/anchors.js';
import { recapCsv, recapFileName, recapTitle, recapXlsx } from './recap.export.js';
import {
  presentAnalytics, presentMonthlyReport, presentRecapForPublic, presentRecapTable, presentSignature,
} from './recap.presenter.js';

const scopeCode = (scope: RequestScope) => (scope.kind === 'all' ? '' : scope.code);

/** The recap pages (staff), its downloads, the monthly report, and the public /rekap page. */
export function recapRoutes({ db, config, logger }: AppContext): Router {
  const r = Router();
  const read = [requireUser, requirePermission('request.read')];
  const exportable = [requireUser, requirePermission('export')];
  const today = () => todayIn(config.zone);
  const thisYear = () => Number(today().slice(0, 4));
  /** Years for a selector: those with data, plus the shown one and the current one. */
  const yearOptions = (shown: number) => [...new Set([thisYear(), shown, ...recapYears(db)])].sort((a, b) => b - a);

  /** ?unit=<code>: one PPID Pelaksana's recap (or the Utama's own); a Pelaksana's officer always gets their own. */
  const scopeOf = (req: Request) => viewScope(db, currentUser(req), req.query.unit);

  r.get('/recap', ...read, (req, res) => {
    const year = yearParam(req.query.year, thisYear());
    const scope = scopeOf(req);
    const recap = buildRecap(db, year, { zone: config.zone, scope });
    const unit = scope.kind === 'all' ? '' : scope.code;
    // The page is what gets printed: its footer carries the audit chain's anchor.
    const anchor = anchorForExport(db, config.dataDir, `recap ${year} page`, logger);
    res.render('recap/index', {
      auditAnchor: anchor ? anchorLabel(anchor) : null,
      title: recapTitle(year),
      wide: true,
      year,
      years: yearOptions(year),
      unit, unitQuery: unit ? `?unit=${encodeURIComponent(unit)}` : '', scopeLabel: scopeLabel(scope), scopeOptions: scopeOptions(db, currentUser(req)),
      table: presentRecapTable(recap),
      analytics: presentAnalytics(recap),
      signature: presentSignature(getSettings(db), recap.today),
      settings: getSettings(db),
    });
  });

  r.get('/recap/:year.csv', ...exportable, (req, res) => {
    const year = yearParam(req.params.year, thisYear());
    // ?format=excel-id: `;` and decimal comma, for Excel with Indonesian regional settings.
    const dialect = csvDialectOf(req.query.format);
    const scope = scopeOf(req);
    const csv = recapCsv(buildRecap(db, year, { zone: config.zone, scope }), dialect);
    anchorForExport(db, config.dataDir, `recap ${year} csv`, logger);
    res.type(CSV_CONTENT_TYPE).attachment(recapFileName(year, 'csv', dialect, scopeCode(scope))).send(csv);
  });

  r.get('/recap/:year.xlsx', ...exportable, async (req, res) => {
    const year = yearParam(req.params.year, thisYear());
    const scope = scopeOf(req);
    const office = getSettings(db).office_name;
    const file = await recapXlsx(buildRecap(db, year, { zone: config.zone, scope }), scope.kind === 'all' ? office : `${office} — ${scopeLabel(scope)}`);
    anchorForExport(db, config.dataDir, `recap ${year} xlsx`, logger);
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(recapFileName(year, 'xlsx', 'standard', scopeCode(scope))).send(file);
  });

  r.get('/reports/monthly', ...read, (req, res) => {
    // By default the month just ended: the report is written after it closes.
    const [y, m] = today().split('-').map(Number);
    const last = m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
    const year = yearParam(req.query.year, last.year);
    const month = monthParam(req.query.month, year === last.year ? last.month : 12);
    const report = presentMonthlyReport(buildMonthlyReport(db, year, month));
    res.render('recap/monthly', { title: `Laporan bulanan ${report.monthLabel}`, report, years: yearOptions(year), settings: getSettings(db) });
  });

  // Public transparency page (Perki 1/2021: the annual service report is itself public).
  // It receives aggregates only: never a request, a registration number or a name.
  r.get('/rekap', (req, res) => {
    const years = recapYears(db);
    const year = yearParam(req.query.year, years[0] ?? thisYear());
    const recap = buildRecap(db, year, { zone: config.zone });
    res.render('recap/public', {
      title: recapTitle(year),
      wide: true,
      year,
      years: [...new Set([year, ...years])].sort((a, b) => b - a),
      officeName: getSettings(db).office_name,
      view: presentRecapForPublic(recap, requestsPerMonth(db, year - 1)),
    });
  });

  return r;
}
