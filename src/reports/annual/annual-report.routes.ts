import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { can } from '../../auth/roles.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../../auth/guards.js';
import { AppError, notFound } from '../../shared/errors.js';
import { flash, handleForm } from '../../shared/http.js';
import { formatInstant, todayIn } from '../../shared/dates.js';
import { parseInput } from '../../shared/validation.js';
import { getSettings } from '../../settings/settings.repo.js';
import { yearParam } from '../../recap/recap.schemas.js';
import { recapYears } from '../../recap/recap.service.js';
import { requestScopeForUnit, scopeLabel, scopeOptions, viewScope } from '../../pelaksana/pelaksana.service.js';
import { submissionKeys } from '../../submissions/submissions.js';
import { runMiddleware, uploadMiddleware } from '../../uploads/multer.js';
import { incomingFiles, passGuard, withTempFiles } from '../../uploads/transfer.js';
import { storedPath } from '../../uploads/storage.js';
import * as service from './annual-report.service.js';
import { correctionSchema, narrativeSchema, serviceStandardSchema, submitSchema, versionParam } from './annual-report.schemas.js';
import { ANNEX_SORTS, formatCell, presentStatus, reportSections, type AnnexSort } from './annual-report.presenter.js';
import { annualFileName, annualReportXlsx } from './annual-report.xlsx.js';
import { buildEvidenceZip, evidenceFileName } from './evidence.js';
import { reportDue } from './deadline.js';
import { scopeCode, unitQuery, type ReportScope } from './scope.js';

const VIEWS = fileURLToPath(new URL('../../../views', import.meta.url));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The annual report (Perki 1/2021 Pasal 56): staff pages, downloads, handing in, the monev
 * evidence ZIP, the service standard (admin), the public list /laporan, and the dashboard's
 * deadline tile on the register page.
 */
export function annualReportRoutes({ db, config, csrfValid }: AppContext): Router {
  const r = Router();
  const read = [requireUser, requirePermission('request.read')];
  const write = [requireUser, requirePermission('request.write')];
  const exportable = [requireUser, requirePermission('export')];
  const admin = [requireUser, requirePermission('admin.settings')];
  const today = () => todayIn(config.zone);
  const thisYear = () => Number(today().slice(0, 4));
  const upload = uploadMiddleware(config, [{ name: 'proof', maxCount: 1 }]);
  const onceOnly = submissionKeys(db, { source: 'form', multipart: true });

  // The register page is the staff's dashboard: the 31 March countdown sits among its tiles.
  r.use((req, res, next) => {
    if (req.method === 'GET' && req.path === '/requests' && req.user && can(req.user.role, 'request.read')) {
      res.locals.annualReportDue = reportDue(today(), service.isSubmitted(db, thisYear() - 1));
    }
    next();
  });

  const yearOptions = (shown: number) => [...new Set([thisYear() - 1, shown, ...recapYears(db)])].sort((a, b) => b - a);
  /** ?unit=<code>: one PPID Pelaksana's report (or the Utama's own); a Pelaksana's officer always gets their own. */
  const scopeOf = (req: Request) => viewScope(db, currentUser(req), req.query.unit);
  const showUrl = (year: number, scope: ReportScope) => `/reports/annual?year=${year}${unitQuery(scope, '&')}`;
  const officeOf = (scope: ReportScope) => {
    const label = scope ? scopeLabel(scope) : '';
    return label ? `${getSettings(db).office_name} — ${label}` : getSettings(db).office_name;
  };
  const sortOf = (v: unknown): AnnexSort => (typeof v === 'string' && Object.hasOwn(ANNEX_SORTS, v) ? (v as AnnexSort) : 'received');

  r.get('/reports/annual', ...read, (req, res) => {
    const year = yearParam(req.query.year, thisYear() - 1);
    const scope = scopeOf(req);
    const report = service.getAnnualReport(db, { year, today: today(), scope, version: versionParam(req.query.version) });
    const sort = sortOf(req.query.sort);
    const { sections, annex } = reportSections(report.narrative, report.figures, { sort });
    const latest = report.versions.at(-1);
    res.render('reports/annual/show', {
      title: `Laporan tahunan ${year}`, year, years: yearOptions(year), report: presentStatus(report), carriedFrom: report.carriedFrom,
      versions: report.versions, isLatest: !latest || latest.version === report.version, sections, annex, sort, sorts: ANNEX_SORTS,
      settings: getSettings(db), signedOn: report.row?.submittedOn ?? today(), formatCell,
      unit: scopeCode(scope), unitQuery: unitQuery(scope), unitAnd: unitQuery(scope, '&'), scopeLabel: scopeLabel(scope),
      scopeOptions: scopeOptions(db, currentUser(req)), consolidated: scope.kind === 'all',
    });
  });

  r.get('/reports/annual/:year.xlsx', ...exportable, async (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    const scope = scopeOf(req);
    const report = service.getAnnualReport(db, { year, today: today(), scope, version: versionParam(req.query.version) });
    const { sections, annex } = reportSections(report.narrative, report.figures);
    const file = await annualReportXlsx({ officeName: officeOf(scope), year, version: report.version, sections, annex });
    res.type(XLSX_TYPE).attachment(annualFileName(year, report.version, 'xlsx', scopeCode(scope))).send(file);
  });

  const renderEdit = (res: Response, year: number, scope: ReportScope, locals: Record<string, unknown>) => {
    const report = service.getAnnualReport(db, { year, today: today(), scope });
    if (report.status === 'submitted') throw new AppError('conflict', 'Laporan tahun ini sudah diserahkan dan dibekukan. Buat versi koreksi untuk mengubahnya.');
    res.render('reports/annual/edit', {
      title: `Narasi laporan tahunan ${year}`, year, version: report.version, carriedFrom: report.carriedFrom,
      unitQuery: unitQuery(scope), backUrl: showUrl(year, scope), scopeLabel: scope ? scopeLabel(scope) : '',
      keys: service.NARRATIVE_KEYS, labels: service.NARRATIVE_LABELS, values: report.narrative, errors: {}, message: '', ...locals,
    });
  };

  r.get('/reports/annual/:year/edit', ...write, (req, res) => renderEdit(res, yearParam(req.params.year, Number.NaN), scopeOf(req), {}));

  r.post('/reports/annual/:year/edit', ...write, async (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    const scope = scopeOf(req);
    await handleForm(req, res, () => {
      const row = service.saveNarrative({ db, actor: currentActor(req), year, scope, input: parseInput(narrativeSchema, req.body) });
      flash(req, 'success', `Narasi laporan tahunan ${year} (versi ${row.version}) disimpan sebagai draf.`);
      res.redirect(303, showUrl(year, scope));
    }, (errors, message) => renderEdit(res, year, scope, { values: req.body, errors, message }));
  });

  const renderSubmit = (res: Response, year: number, scope: ReportScope, locals: Record<string, unknown>) => {
    const report = service.getAnnualReport(db, { year, today: today(), scope });
    if (report.status === 'submitted') throw new AppError('conflict', 'Laporan versi ini sudah diserahkan.');
    res.render('reports/annual/submit', {
      title: `Catat penyerahan laporan ${year}`, year, version: report.version, dueOn: service.dueDateOf(year),
      unitQuery: unitQuery(scope), backUrl: showUrl(year, scope), scopeLabel: scope ? scopeLabel(scope) : '',
      values: { submittedOn: today() }, errors: {}, message: '', ...locals,
    });
  };

  r.get('/reports/annual/:year/submit', ...write, (req, res) => renderSubmit(res, yearParam(req.params.year, Number.NaN), scopeOf(req), {}));

  r.post('/reports/annual/:year/submit', ...write, async (req: Request, res: Response) => {
    const year = yearParam(req.params.year, Number.NaN);
    const scope = scopeOf(req);
    let refused: AppError | null = null;
    await withTempFiles(req, async () => {
      const refusal = await runMiddleware(upload, req, res);
      if (!csrfValid(req)) throw new AppError('forbidden', 'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.');
      if (!refusal && !(await passGuard(onceOnly, req, res))) return;
      try {
        if (refusal) throw refusal;
        const input = parseInput(submitSchema, req.body ?? {});
        const row = await service.submitReport({
          db, actor: currentActor(req), year, scope, today: today(), uploadDir: config.uploadDir, input, proof: incomingFiles(req)[0] ?? null,
        });
        flash(req, 'success', `Laporan tahunan ${year} versi ${row.version} dicatat diserahkan dan dibekukan.`);
        res.redirect(303, showUrl(year, scope));
      } catch (err) {
        if (!(err instanceof AppError) || !['validation', 'payload_too_large'].includes(err.code)) throw err;
        refused = err;
      }
    });
    if (refused) {
      const err: AppError = refused;
      res.status(err.status);
      renderSubmit(res, year, scope, { values: req.body ?? {}, errors: err.fields, message: err.userMessage });
    }
  });

  r.post('/reports/annual/:year/correct', ...write, (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    const scope = scopeOf(req);
    const { reason } = parseInput(correctionSchema, req.body);
    const row = service.startCorrection({ db, actor: currentActor(req), year, scope, reason });
    flash(req, 'success', `Versi ${row.version} dibuat sebagai draf koreksi; versi yang diserahkan tetap tersimpan.`);
    res.redirect(303, showUrl(year, scope));
  });

  r.get('/reports/annual/:year/proof', ...read, (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    const row = service.getAnnualReport(db, { year, today: today(), scope: scopeOf(req), version: versionParam(req.query.version) }).row;
    if (!row?.proofStoredName) throw new AppError('not_found', 'Bukti penyerahan tidak ditemukan.');
    const file = storedPath(config.uploadDir, row.proofStoredName);
    if (!fs.existsSync(file)) throw new AppError('not_found', 'Berkas tidak ditemukan di penyimpanan.');
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Content-Security-Policy', "default-src 'none'; sandbox");
    res.attachment(row.proofOriginalName ?? 'bukti');
    res.type(row.proofMediaType ?? 'application/octet-stream');
    res.sendFile(file);
  });

  r.get('/reports/annual/:year/evidence.zip', ...exportable, async (req, res) => {
    const year = yearParam(req.params.year, Number.NaN);
    // The monev evidence is the office's (registers, recap, DIK): consolidated only.
    if (scopeOf(req).kind !== 'all') throw notFound('Berkas bukti monev');
    const zip = await buildEvidenceZip({ db, actor: currentActor(req), zone: config.zone, today: today(), year, viewsDir: VIEWS });
    res.set('Cache-Control', 'no-store');
    res.type('application/zip').attachment(evidenceFileName(year)).send(zip);
  });

  // ---- service standard (admin) ----
  const renderStandard = (res: Response, locals: Record<string, unknown>) => {
    const current = service.serviceStandard(db);
    res.render('reports/annual/standard', {
      title: 'Standar layanan', values: { text: current?.text ?? '' }, updatedAt: current ? formatInstant(current.createdAt, config.zone) : null,
      errors: {}, message: '', ...locals,
    });
  };
  r.get('/admin/service-standard', ...admin, (_req, res) => renderStandard(res, {}));
  r.post('/admin/service-standard', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      service.updateServiceStandard({ db, actor: currentActor(req), text: parseInput(serviceStandardSchema, req.body).text });
      flash(req, 'success', 'Standar layanan disimpan.');
      res.redirect(303, '/admin/service-standard');
    }, (errors, message) => renderStandard(res, { values: req.body, errors, message }));
  });

  // ---- public: handed-in reports, without personal data ----
  // The consolidated reports first; a PPID Pelaksana's (or the Utama's own) handed-in report is listed with its label.
  r.get('/laporan', (_req, res) => {
    const rows = service.allSubmittedReports(db);
    const latestOfYear = new Map<string, number>();
    const yearKey = (x: { year: number; scope: string }) => `${x.scope}|${x.year}`;
    for (const x of rows) latestOfYear.set(yearKey(x), Math.max(latestOfYear.get(yearKey(x)) ?? 0, x.version));
    const reports = rows.map((x) => {
      const figures = service.parseSnapshot(x).figures;
      const code = service.scopeCodeOfKey(db, x.scope);
      return {
        year: x.year, version: x.version, submittedOn: x.submittedOn, latest: latestOfYear.get(yearKey(x)) === x.version,
        requests: figures.service.requests, scopeLabel: x.scope ? (figures.scopeLabel ?? code) : '', unitAnd: code ? `&unit=${encodeURIComponent(code)}` : '',
      };
    });
    res.render('reports/annual/public-list', { title: 'Laporan layanan informasi publik', reports, officeName: getSettings(db).office_name });
  });

  // Only a year: other pages under /laporan (the satisfaction survey's /laporan/kepuasan) are mounted after this router.
  r.get('/laporan/:year', (req, res, next) => {
    if (!/^\d{4}$/.test(req.params.year)) return next();
    const year = yearParam(req.params.year, Number.NaN);
    const unit = typeof req.query.unit === 'string' ? req.query.unit : '';
    const row = service.findSubmitted(db, year, versionParam(req.query.version), requestScopeForUnit(db, unit));
    const snap = service.parseSnapshot(row);
    const { sections, annex } = reportSections(snap.narrative, snap.figures, { forPublic: true });
    res.render('reports/annual/public-show', {
      title: `Laporan layanan informasi publik ${year}`, year, report: presentStatus({ year, status: 'submitted', version: row.version, row }),
      sections, annex, settings: getSettings(db), signedOn: row.submittedOn, formatCell, scopeLabel: snap.figures.scopeLabel ?? '',
    });
  });

  return r;
}
