import { Router, type RequestHandler, type Response } from 'express';
import { can } from '../auth/roles.js';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { AppError } from '../shared/errors.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { getSettings } from '../settings/settings.repo.js';
import { getRequest } from '../requests/requests.service.js';
import { presentRequestForStaff } from '../requests/requests.presenter.js';
import * as service from './objections.service.js';
import { objectionPage } from './objection-page.query.js';
import { presentObjectionPage } from './objection-page.presenter.js';
import { presentObjectionForStaff } from './objections.presenter.js';
import {
  disputeFormSchema, filingFormSchema, objectionFilterSchema, requesterResponseFormSchema, requestlessFilingFormSchema, responseFormSchema, stageFormSchema,
} from './objections.schemas.js';
import * as vocabulary from './vocabulary.js';

export const OBJECTION_STATUS_FILTERS = {
  open: 'Menunggu tanggapan',
  due_soon: 'Tanggapan segera jatuh tempo',
  overdue: 'Tanggapan lewat tenggat',
  answered: 'Sudah ditanggapi',
  late: 'Diajukan terlambat',
  dispute: 'Berlanjut ke Komisi Informasi',
} as const;

/**
 * For those who answer objections (the atasan PPID): the count of open, due soon and overdue
 * objections beside "Keberatan" in the navigation. Worked out only when a page's header asks.
 */
export function objectionNavCounts({ db, config }: Pick<AppContext, 'db' | 'config'>): RequestHandler {
  return (req, res, next) => {
    if (req.user && can(req.user.role, 'objection.respond')) {
      let counts: ReturnType<typeof service.openObjectionCounts> | undefined;
      res.locals.objectionCounts = () => (counts ??= service.openObjectionCounts(db, config.zone));
    }
    next();
  };
}

/** Pages of the objection register (keberatan). */
export function objectionsRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const read = [requireUser, requirePermission('request.read')];
  const file = [requireUser, requirePermission('objection.file')];
  const respond = [requireUser, requirePermission('objection.respond')];
  const today = () => todayIn(config.zone);

  const views = (id: number) => {
    const cal = loadCalendar(db);
    const o = service.getObjection(db, id);
    const request = o.requestId === null ? null : presentRequestForStaff(getRequest(db, o.requestId), cal, today());
    return { o, objection: presentObjectionForStaff(o, cal, today(), service.stagesOfObjection(db, id)), request };
  };
  const renderObjectionForm = (res: Response, template: string, id: number, locals: Record<string, unknown>) => {
    const { objection, request } = views(id);
    res.render(`objections/${template}`, { title: objection.number, objection, request, vocabulary, errors: {}, message: '', ...locals });
  };
  const renderFiling = (res: Response, requestId: number, locals: Record<string, unknown>) => {
    const request = presentRequestForStaff(getRequest(db, requestId), loadCalendar(db), today());
    res.render('objections/file', { title: 'Catat keberatan', request, vocabulary, errors: {}, message: '', ...locals });
  };

  r.get('/objections', ...read, (req, res) => {
    const filter = objectionFilterSchema.parse(req.query);
    // Opens on every open objection, whatever the year; "Semua" (status=) shows every status.
    const status = req.query.status === undefined ? 'open' : filter.status;
    const cal = loadCalendar(db);
    const rows = service.browseObjections(db, config.zone, { year: filter.year, status, viewer: currentUser(req) }, cal).map((row) => ({
      ...presentObjectionForStaff(row.objection, cal, today()),
      requestNumber: row.requestNumber,
      requesterName: row.requesterName,
    }));
    const years = service.yearsWithObjections(db);
    if (filter.year && !years.includes(filter.year)) years.push(filter.year);
    res.render('objections/register', {
      title: 'Register keberatan', wide: true, rows, year: filter.year ?? '', years: years.sort((a, b) => b - a),
      status: status ?? '', statusFilters: OBJECTION_STATUS_FILTERS,
    });
  });

  // Ground b (periodic information not published) needs no request: the objector is recorded instead.
  const renderRequestless = (res: Response, locals: Record<string, unknown>) =>
    res.render('objections/file-requestless', { title: 'Catat keberatan tanpa permohonan', vocabulary, errors: {}, message: '', ...locals });
  r.get('/objections/new', ...file, (_req, res) => {
    renderRequestless(res, { values: { filedOn: today(), filedBy: 'requester', grounds: ['b'] } });
  });
  r.post('/objections', ...file, async (req, res) => {
    await handleForm(req, res, () => {
      const o = service.fileRequestlessObjection({ db, actor: currentActor(req), zone: config.zone, input: parseInput(requestlessFilingFormSchema, req.body) });
      flash(req, 'success', `Keberatan dicatat dengan nomor ${o.registrationNumber}.`);
      res.redirect(`/objections/${o.id}`);
    }, (errors, message) => renderRequestless(res, { values: { ...req.body, grounds: [req.body.grounds ?? []].flat() }, errors, message }));
  });

  r.get('/requests/:id/objections/new', ...file, (req, res) => {
    renderFiling(res, idParam(req.params.id), { values: { filedOn: today(), filedBy: 'requester', grounds: [] } });
  });
  r.post('/requests/:id/objections', ...file, async (req, res) => {
    const requestId = idParam(req.params.id);
    await handleForm(req, res, () => {
      const o = service.fileObjection({ db, actor: currentActor(req), zone: config.zone, input: parseInput(filingFormSchema, req.body), requestId });
      flash(req, 'success', `Keberatan dicatat dengan nomor ${o.registrationNumber}.${o.late ? ' Keberatan ini diajukan terlambat.' : ''}`);
      res.redirect(`/objections/${o.id}`);
    }, (errors, message) => renderFiling(res, requestId, { values: { ...req.body, grounds: [req.body.grounds ?? []].flat() }, errors, message }));
  });

  r.get('/objections/:id', ...read, (req, res) => {
    const data = objectionPage({ db, zone: config.zone, id: idParam(req.params.id) });
    res.render('objections/show', presentObjectionPage(data, { zone: config.zone, maxUploadBytes: config.maxUploadBytes, maxUploadFiles: config.maxUploadFiles }));
  });

  r.get('/objections/:id/receipt', ...read, (req, res) => {
    const { objection, request } = views(idParam(req.params.id));
    res.render('objections/receipt', { title: `Tanda terima ${objection.number}`, objection, request, settings: getSettings(db) });
  });

  r.get('/objections/:id/response-letter', ...read, (req, res) => {
    const { objection, request } = views(idParam(req.params.id));
    if (!objection.response) throw new AppError('not_found', 'Keberatan ini belum ditanggapi, jadi belum ada surat tanggapan.');
    res.render('objections/response-letter', { title: `Tanggapan ${objection.number}`, objection, request, settings: getSettings(db) });
  });

  r.get('/objections/:id/respond', ...respond, (req, res) => {
    const id = idParam(req.params.id);
    renderObjectionForm(res, 'respond', id, { values: { respondedOn: today(), responderName: getSettings(db).supervisor_name || req.user!.displayName } });
  });
  r.post('/objections/:id/respond', ...respond, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.respondToObjection({ db, actor: currentActor(req), zone: config.zone, input: parseInput(responseFormSchema, req.body), id });
      flash(req, 'success', 'Tanggapan atasan PPID dicatat. Cetak surat tanggapan untuk pemohon.');
      res.redirect(`/objections/${id}`);
    }, (errors, message) => renderObjectionForm(res, 'respond', id, { values: req.body, errors, message }));
  });

  r.get('/objections/:id/dispute', ...respond, (req, res) => {
    const id = idParam(req.params.id);
    const { o } = views(id);
    const values = o.disputeRegisteredOn ? { ...o } : { disputeRegisteredOn: today() };
    renderObjectionForm(res, 'dispute', id, { values });
  });
  r.post('/objections/:id/dispute', ...respond, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.recordDispute({ db, actor: currentActor(req), zone: config.zone, input: parseInput(disputeFormSchema, req.body), id });
      flash(req, 'success', 'Sengketa informasi dicatat.');
      res.redirect(`/objections/${id}`);
    }, (errors, message) => renderObjectionForm(res, 'dispute', id, { values: req.body, errors, message }));
  });

  // The dispute's stages after its registration: mediation, adjudication, the courts.
  const STAGE_FORMS = ['mediation', 'adjudication', 'court'];
  r.get('/objections/:id/dispute-stages/:stage', ...respond, (req, res) => {
    const id = idParam(req.params.id);
    const stage = String(req.params.stage);
    if (!STAGE_FORMS.includes(stage)) throw new AppError('not_found', 'Tahap sengketa tidak dikenal.');
    const court = typeof req.query.court === 'string' ? req.query.court : '';
    const recorded = service.stagesOfObjection(db, id).find((s) => s.stage === stage && (stage !== 'court' || s.court === court));
    const values = recorded ? { ...recorded, decidedOn: recorded.decidedOn ?? '' } : { stage, court, heldOn: today(), result: stage === 'court' ? 'pending' : '' };
    renderObjectionForm(res, 'dispute-stage', id, { stage, values });
  });
  r.post('/objections/:id/dispute-stages', ...respond, async (req, res) => {
    const id = idParam(req.params.id);
    const stage = STAGE_FORMS.includes(req.body?.stage) ? req.body.stage : 'mediation';
    await handleForm(req, res, () => {
      service.recordDisputeStage({ db, actor: currentActor(req), zone: config.zone, input: parseInput(stageFormSchema, req.body), id });
      flash(req, 'success', 'Tahap sengketa dicatat.');
      res.redirect(`/objections/${id}#sengketa`);
    }, (errors, message) => renderObjectionForm(res, 'dispute-stage', id, { stage, values: req.body, errors, message }));
  });

  // The requester's response to the answer (Perki register of objections).
  r.get('/objections/:id/requester-response', ...file, (req, res) => {
    const id = idParam(req.params.id);
    const { o } = views(id);
    const values = o.requesterResponse ? { ...o } : { requesterResponseOn: today() };
    renderObjectionForm(res, 'requester-response', id, { values });
  });
  r.post('/objections/:id/requester-response', ...file, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.recordRequesterResponse({ db, actor: currentActor(req), zone: config.zone, input: parseInput(requesterResponseFormSchema, req.body), id });
      flash(req, 'success', 'Tanggapan pemohon dicatat.');
      res.redirect(`/objections/${id}`);
    }, (errors, message) => renderObjectionForm(res, 'requester-response', id, { values: req.body, errors, message }));
  });

  return r;
}

