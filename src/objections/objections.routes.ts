import { Router, type RequestHandler, type Response } from 'express';
import { can } from '../auth/roles.js';
import type { AppContext } from '../app.js';
import { currentActor, flash, handleForm, idParam, requirePermission, requireUser } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { AppError } from '../shared/errors.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar, missingCalendarWarning, missingCalendarYears } from '../calendar/holidays.service.js';
import { entityHistory } from '../audit/audit.repo.js';
import { getSettings } from '../settings/settings.repo.js';
import { getRequest } from '../requests/requests.service.js';
import { presentRequestForStaff } from '../requests/requests.presenter.js';
import { presentTimeline } from '../requests/timeline.presenter.js';
import * as service from './objections.service.js';
import { attachmentsOfRequest } from '../uploads/attachments.service.js';
import { presentAttachment } from '../uploads/attachments.presenter.js';
import { ATTACHMENT_KINDS } from '../uploads/vocabulary.js';
import { presentObjectionForStaff } from './objections.presenter.js';
import { disputeFormSchema, filingFormSchema, objectionFilterSchema, responseFormSchema } from './objections.schemas.js';
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
 * Everything the objection page shows. The upload route uses it too, to show the page again
 * with a refused upload's message beside the upload form.
 */
export function objectionPageLocals({ db, config }: Pick<AppContext, 'db' | 'config'>, id: number) {
  const today = todayIn(config.zone);
  const cal = loadCalendar(db);
  const o = service.getObjection(db, id);
  const request = presentRequestForStaff(getRequest(db, o.requestId), cal, today);
  const objection = presentObjectionForStaff(o, cal, today);
  const timeline = presentTimeline(entityHistory(db, 'objection', String(id)), config.zone);
  const calendarWarnings = missingCalendarYears(db, [o.responseDueOn, o.filingDeadline].map((d) => Number(d.slice(0, 4)))).map(missingCalendarWarning);
  const files = attachmentsOfRequest(db, o.requestId).filter((a) => a.objectionId === id).map((a) => presentAttachment(a, config.zone));
  return {
    title: objection.number, objection, request, timeline, calendarWarnings, files,
    attachmentKinds: ATTACHMENT_KINDS, maxUploadMb: Math.round(config.maxUploadBytes / 1024 / 1024), maxUploadFiles: config.maxUploadFiles,
    // The upload form: its message and the values typed, when an upload was refused.
    upload: { message: '', errors: {} as Record<string, string>, values: {} as Record<string, string> },
  };
}

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
    const request = presentRequestForStaff(getRequest(db, o.requestId), cal, today());
    return { o, objection: presentObjectionForStaff(o, cal, today()), request };
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
    const rows = service.browseObjections(db, config.zone, { year: filter.year, status }, cal).map((row) => ({
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
    res.render('objections/show', objectionPageLocals({ db, config }, idParam(req.params.id)));
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
    const values = o.disputeRegisteredOn ? { ...o } : { disputeRegisteredOn: today(), disputeResult: 'pending' };
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

  return r;
}

