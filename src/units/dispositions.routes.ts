import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { AppError, forbidden } from '../shared/errors.js';
import { todayIn } from '../shared/dates.js';
import { can, type Role } from '../auth/roles.js';
import { entityHistory } from '../audit/audit.repo.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { getSettings } from '../settings/settings.repo.js';
import { getRequest } from '../requests/requests.service.js';
import { presentTimeline } from '../requests/timeline.presenter.js';
import { EXEMPTION_ARTICLES } from '../requests/vocabulary.js';
import * as service from './dispositions.service.js';
import { forwardingOf, recordForwarding } from './forwarding.service.js';
import { findUnitByCode, getUnit, listUnits } from './units.service.js';
import { unitStats } from './unit-stats.js';
import { defaultInternalDue } from './internal-due.js';
import { presentDisposition, presentFigures, presentForwarding, presentRequestForUnit } from './units.presenter.js';
import { answerFormSchema, forwardFormSchema, queueFilterSchema, reassignFormSchema, recallFormSchema, remindFormSchema, sendFormSchema } from './units.schemas.js';
import { ANSWER_RESULTS, QUEUE_FILTERS } from './vocabulary.js';

const viewerOf = (req: Request): service.Viewer => ({ role: currentUser(req).role as Role, unitId: currentUser(req).unitId ?? null });
const activeUnitOptions = (db: AppContext['db'], except?: number) =>
  Object.fromEntries(listUnits(db).filter((u) => u.active && u.id !== except).map((u) => [String(u.id), `${u.code} — ${u.name}`]));

/**
 * Hooks into pages of other domains, which never import this one (arrows point down):
 * - a unit's staff never open the register's request pages: GET /requests/:id takes them to
 *   their disposition of it, anything else under /requests/ is "not found" (numbers do not leak);
 * - the request page gets the dispositions panel, the written notice the forwarding, and the
 *   recap page the per-unit figures, as lazy locals its view calls when present.
 */
export function unitHooks({ db, config }: Pick<AppContext, 'db' | 'config'>): RequestHandler {
  return (req, res, next) => {
    const user = req.user;
    if (!user) return next();
    const role = user.role as Role;
    const m = /^\/requests\/([^/]+)(\/.*)?$/i.exec(req.path);
    if (m && !can(role, 'request.read')) {
      if (!can(role, 'unit.queue')) return next();
      if (req.method === 'GET' && !m[2] && /^[1-9]\d{0,15}$/.test(m[1])) {
        const mine = service.latestForUnit(db, Number(m[1]), user.unitId ?? null);
        if (mine) return res.redirect(`/dispositions/${mine.id}`);
      }
      return next(new AppError('not_found', 'Halaman tidak ditemukan.'));
    }
    if (req.method !== 'GET' || !can(role, 'request.read')) return next();
    if (m && /^[1-9]\d{0,15}$/.test(m[1])) {
      const requestId = Number(m[1]);
      if (!m[2]) res.locals.unitPanel = () => requestPanel(db, config.zone, requestId);
      if (m[2] === '/notice') res.locals.forwarding = () => presentForwarding(forwardingOf(db, requestId));
    }
    if (req.path === '/recap') {
      const year = Number(req.query.year) || Number(todayIn(config.zone).slice(0, 4));
      res.locals.unitFigures = () => (Number.isInteger(year) && year >= 2010 && year <= 9999 ? unitStats(db, config.zone, year).units.map(presentFigures) : []);
    }
    next();
  };
}

/** The request page's panel: each unit's disposition and answer, and the forwarding. */
function requestPanel(db: AppContext['db'], zone: string, requestId: number) {
  const cal = loadCalendar(db);
  const today = todayIn(zone);
  return {
    dispositions: service.dispositionsOfRequest(db, requestId).map(({ disposition, unit }) => presentDisposition(disposition, unit, cal, today)),
    forwarding: presentForwarding(forwardingOf(db, requestId)),
  };
}

/** Queues, the disposition page, sending, answering, reassigning, recalling, reminding, forwarding. */
export function dispositionsRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const queue: RequestHandler = (req, _res, next) => {
    const role = currentUser(req).role as Role;
    next(can(role, 'request.read') || can(role, 'unit.queue') ? undefined : forbidden());
  };
  const send = [requireUser, requirePermission('disposition.send')];
  const answer = [requireUser, requirePermission('disposition.answer')];
  const today = () => todayIn(config.zone);

  r.get('/dispositions', requireUser, queue, (req, res) => {
    const viewer = viewerOf(req);
    const parsed = queueFilterSchema.safeParse(req.query);
    const filter = parsed.success ? parsed.data : {};
    const scope = service.scopeOf(viewer);
    const chosen = scope === null && filter.unit ? findUnitByCode(db, filter.unit) : undefined;
    const cal = loadCalendar(db);
    const status = req.query.status === undefined ? 'open' : filter.status;
    const result = service.browseQueue(db, config.zone, viewer, { unitId: chosen?.id ?? (filter.unit && scope === null ? -1 : undefined), status }, cal);
    const units = listUnits(db);
    const byId = new Map(units.map((u) => [u.id, u]));
    res.render('units/queue', {
      title: 'Disposisi', wide: true,
      myUnit: scope !== null && scope > 0 ? byId.get(scope) : null, allUnits: scope === null,
      units: units.map((u) => ({ code: u.code, name: u.name })),
      filter: { unit: filter.unit ?? '', status: status ?? '' }, statusFilters: QUEUE_FILTERS,
      tiles: result.tiles,
      perUnit: result.counts.map((c) => ({ ...c, code: byId.get(c.unitId)?.code ?? '', name: byId.get(c.unitId)?.name ?? '' })).sort((a, b) => a.code.localeCompare(b.code)),
      rows: result.rows.map((row) => ({ ...presentDisposition(row.disposition, row.unit, cal, result.today), request: presentRequestForUnit(row.request) })),
      refused: parsed.success ? null : 'Filter tidak dikenal; menampilkan yang menunggu jawaban.',
    });
  });

  const renderDisposition = (req: Request, res: Response, id: number, locals: Record<string, unknown> = {}) => {
    const viewer = viewerOf(req);
    const d = service.dispositionFor(db, id, viewer);
    const unit = getUnit(db, d.unitId);
    const cal = loadCalendar(db);
    res.render('units/disposition', {
      title: `Disposisi ke ${unit.code}`,
      disposition: presentDisposition(d, unit, cal, today()),
      request: presentRequestForUnit(getRequest(db, d.requestId)),
      timeline: presentTimeline(entityHistory(db, 'disposition', String(id)), config.zone),
      results: ANSWER_RESULTS, articles: EXEMPTION_ARTICLES, unitOptions: activeUnitOptions(db, d.unitId),
      values: { answeredOn: today(), exemptionArticles: [] }, errors: {}, message: '', form: '', ...locals,
    });
  };

  r.get('/dispositions/:id', requireUser, queue, (req, res) => renderDisposition(req, res, idParam(req.params.id)));

  r.post('/dispositions/:id/answer', ...answer, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      const d = service.answerDisposition({ db, actor: currentActor(req), zone: config.zone, input: parseInput(answerFormSchema, req.body), id, viewer: viewerOf(req) });
      flash(req, 'success', `Jawaban dicatat: ${ANSWER_RESULTS[d.result as keyof typeof ANSWER_RESULTS]}. Keputusan tetap di tangan PPID.`);
      res.redirect(`/dispositions/${id}`);
    }, (errors, message) => renderDisposition(req, res, id, {
      form: 'answer', values: { ...req.body, exemptionArticles: [req.body.exemptionArticles ?? []].flat() }, errors, message,
    }));
  });

  const officerAction = (path: 'reassign' | 'recall' | 'remind') => {
    r.post(`/dispositions/:id/${path}`, ...send, async (req, res) => {
      const id = idParam(req.params.id);
      await handleForm(req, res, () => {
        const base = { db, actor: currentActor(req), zone: config.zone, id };
        if (path === 'reassign') {
          const { row, warnings } = service.reassignDisposition({ ...base, input: parseInput(reassignFormSchema, req.body) });
          flash(req, 'success', 'Disposisi dialihkan.');
          for (const w of warnings) flash(req, 'info', w);
          return res.redirect(`/dispositions/${row.id}`);
        }
        if (path === 'recall') {
          service.recallDisposition({ ...base, input: parseInput(recallFormSchema, req.body) });
          flash(req, 'success', 'Disposisi ditarik.');
        } else {
          const { queued } = service.remindDisposition({ ...base, input: parseInput(remindFormSchema, req.body) });
          flash(req, 'success', queued ? `Pengingat dicatat dan dikirim lewat e-mail ke ${queued} staf unit.` : 'Pengingat dicatat. Tidak ada staf unit dengan alamat e-mail (Profil saya), jadi tidak ada e-mail yang dikirim.');
        }
        res.redirect(`/dispositions/${id}`);
      }, (errors, message) => renderDisposition(req, res, id, { form: path, values: { ...req.body, answeredOn: today(), exemptionArticles: [] }, errors, message }));
    });
  };
  officerAction('reassign');
  officerAction('recall');
  officerAction('remind');

  const renderSend = (res: Response, requestId: number, locals: Record<string, unknown>) => {
    const row = getRequest(db, requestId);
    const lead = Number(getSettings(db).unit_lead_days) || 0;
    res.render('units/send', {
      title: `Disposisi ${row.registrationNumber}`, request: presentRequestForUnit(row), unitOptions: activeUnitOptions(db),
      defaultDue: defaultInternalDue(row.dueOn, today(), lead, loadCalendar(db)), lead, errors: {}, message: '', ...locals,
    });
  };
  r.get('/requests/:id/dispositions/new', ...send, (req, res) => renderSend(res, idParam(req.params.id), { values: { unitIds: [] } }));
  r.post('/requests/:id/dispositions', ...send, async (req, res) => {
    const requestId = idParam(req.params.id);
    await handleForm(req, res, () => {
      const { rows, warnings } = service.sendDispositions({ db, actor: currentActor(req), zone: config.zone, input: parseInput(sendFormSchema, req.body), requestId });
      flash(req, 'success', `Disposisi dikirim ke ${rows.length} unit.`);
      for (const w of warnings) flash(req, 'info', w);
      res.redirect(`/requests/${requestId}`);
    }, (errors, message) => renderSend(res, requestId, { values: { ...req.body, unitIds: [req.body.unitIds ?? []].flat() }, errors, message }));
  });

  const renderForward = (res: Response, requestId: number, locals: Record<string, unknown>) => {
    const row = getRequest(db, requestId);
    res.render('units/forward', { title: `Diteruskan ${row.registrationNumber}`, request: presentRequestForUnit(row), errors: {}, message: '', ...locals });
  };
  r.get('/requests/:id/forward', ...send, (req, res) => {
    const requestId = idParam(req.params.id);
    const existing = forwardingOf(db, requestId);
    renderForward(res, requestId, { values: existing ?? { forwardedOn: today() } });
  });
  r.post('/requests/:id/forward', ...send, async (req, res) => {
    const requestId = idParam(req.params.id);
    await handleForm(req, res, () => {
      recordForwarding({ db, actor: currentActor(req), zone: config.zone, input: parseInput(forwardFormSchema, req.body), requestId });
      flash(req, 'success', 'Penerusan ke badan publik lain dicatat; pemberitahuan tertulis menyebutkannya.');
      res.redirect(`/requests/${requestId}`);
    }, (errors, message) => renderForward(res, requestId, { values: req.body, errors, message }));
  });

  return r;
}
