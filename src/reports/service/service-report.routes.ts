import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { flash, handleForm } from '../../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../../auth/guards.js';
import { parseInput } from '../../shared/validation.js';
import { todayIn } from '../../shared/dates.js';
import { getSettings } from '../../settings/settings.repo.js';
import { monthParam, yearParam } from '../../recap/recap.schemas.js';
import { buildServiceReport } from './service-report.service.js';
import * as service from './service-report.service.js';
import { presentServiceReport } from './service-report.presenter.js';
import { serviceReportFileName, serviceReportXlsx } from './service-report.xlsx.js';
import { noteSchema } from './service-report.schemas.js';

/**
 * The monthly Laporan Layanan Informasi (README "Laporan bulanan layanan informasi"): the page
 * (also the A4 print), its XLSX, and the officer's paragraph per section. Readers of the register
 * see it (officer, supervisor, auditor, admin); agents and unit staff do not (it carries the PPID
 * register's section). Officers and supervisors write the paragraphs.
 */
export function serviceReportRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const read = [requireUser, requirePermission('request.read')];
  const write = [requireUser, requirePermission('request.write')];

  /** year & month of the query; by default the month just ended (the report is written after it closes). */
  const period = (req: Request) => {
    const [y, m] = todayIn(config.zone).split('-').map(Number);
    const last = m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
    const year = yearParam(req.query.year, last.year);
    return { year, month: monthParam(req.query.month, year === last.year ? last.month : 12) };
  };

  const render = (req: Request, res: Response, year: number, month: number, locals: Record<string, unknown> = {}) => {
    const report = presentServiceReport(buildServiceReport(db, config.zone, year, month));
    const thisYear = Number(todayIn(config.zone).slice(0, 4));
    res.render('reports/service', {
      title: `Laporan Layanan Informasi ${report.label}`, report, settings: getSettings(db),
      years: Array.from({ length: 6 }, (_, i) => thisYear - i).concat(year < thisYear - 5 ? [year] : []),
      canWrite: res.locals.can('request.write'), errors: {}, message: '', editing: '', values: {}, ...locals,
    });
  };

  r.get('/reports/service', ...read, (req, res) => {
    const { year, month } = period(req);
    render(req, res, year, month);
  });

  r.get('/reports/service.xlsx', ...read, async (req, res) => {
    const { year, month } = period(req);
    const file = await serviceReportXlsx(buildServiceReport(db, config.zone, year, month));
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(serviceReportFileName(year, month, 'xlsx')).send(file);
  });

  r.post('/reports/service/notes', ...write, async (req, res) => {
    await handleForm(req, res, () => {
      const input = parseInput(noteSchema, req.body);
      service.saveNote({ db, actor: currentActor(req), input });
      flash(req, 'success', input.body ? 'Catatan disimpan.' : 'Catatan dihapus.');
      res.redirect(`/reports/service?year=${input.year}&month=${input.month}#bagian-${input.section}`);
    }, (errors, message) => {
      const year = yearParam(String(req.body?.year ?? ''), Number.NaN);
      const month = monthParam(String(req.body?.month ?? ''), Number.NaN);
      render(req, res, year, month, { errors, message, editing: String(req.body?.section ?? ''), values: req.body });
    });
  });

  return r;
}
