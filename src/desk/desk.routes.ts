import { commitWithOthers } from '../db/group-commit.js';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { DateTime } from 'luxon';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { renameFields } from '../shared/api.js';
import { forbidden } from '../shared/errors.js';
import { can, type Role } from '../auth/roles.js';
import { entityHistory } from '../audit/audit.repo.js';
import { presentTimeline } from '../requests/timeline.presenter.js';
import { listUnits } from '../units/units.service.js';
import * as service from './desk.service.js';
import { presentConsultation } from './desk.presenter.js';
import { FORM_FIELDS, formAnswerSchema, formCreateSchema, formEscalationSchema, listQuerySchema } from './desk.schemas.js';
import { STATUSES, USER_TYPES } from './vocabulary.js';
import { activeOptions, deskLabels } from './desk-config.js';
import { queuePage } from './desk-queue.presenter.js';
import { provinces } from '../regions/regions.js';
import { ticketFlows } from './flows.presenter.js';

/** The consultation desk's pages: the queue, logging a ticket, the ticket page and its actions. */
export function deskRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const viewerOf = (req: Request): service.Viewer => ({ role: currentUser(req).role as Role, unitId: currentUser(req).unitId ?? null });
  const deskOrUnit: RequestHandler = (req, _res, next) => {
    const role = currentUser(req).role as Role;
    next(can(role, 'desk.work') || can(role, 'desk.unit') ? undefined : forbidden());
  };
  const work = [requireUser, requirePermission('desk.work')];
  const nowLocal = () => DateTime.now().setZone(config.zone).toFormat("yyyy-LL-dd'T'HH:mm");
  const form = <T>(fn: () => T) => renameFields(FORM_FIELDS, fn);

  r.get('/desk', requireUser, deskOrUnit, (req, res) => {
    const parsed = listQuerySchema.safeParse(req.query);
    const filter = parsed.success ? parsed.data : {};
    const viewer = viewerOf(req);
    const units = listUnits(db);
    const unit = filter.unit ? units.find((u) => u.code === filter.unit) : undefined;
    const result = service.browsePage(db, config.zone, viewer, { ...filter, unitId: unit?.id ?? (filter.unit ? -1 : undefined) });
    const labels = deskLabels(db);
    const byId = new Map(units.map((u) => [u.id, u]));
    const items = result.rows.map((c) => presentConsultation(c, c.escalatedUnitId ? byId.get(c.escalatedUnitId) : undefined, config.zone, labels));
    const count = (due: 'soon' | 'overdue') => service.browsePage(db, config.zone, viewer, { due, per_page: 1 }).total;
    res.render('desk/queue', {
      title: 'Layanan konsultasi', wide: true, items, statuses: STATUSES, channels: labels.channel, categories: labels.category,
      unitOptions: service.scopeOf(viewer) === null ? Object.fromEntries(units.map((u) => [u.code, `${u.code} — ${u.name}`])) : {},
      ...queuePage(filter, result),
      tiles: { dueSoon: count('soon'), overdue: count('overdue') },
      canLog: can(viewer.role, 'desk.work'), refused: parsed.success ? null : 'Filter tidak dikenal; menampilkan semua.',
    });
  });

  const renderNew = (res: Response, locals: Record<string, unknown>) =>
    res.render('desk/new', { title: 'Catat konsultasi', channels: activeOptions(db, 'channel'), categories: activeOptions(db, 'category'), topics: activeOptions(db, 'topic'), provinces: provinces(), userTypes: USER_TYPES, errors: {}, message: '', ...locals });
  r.get('/desk/new', ...work, (_req, res) => renderNew(res, { values: { receivedAt: nowLocal(), channel: 'whatsapp' } }));
  r.post('/desk/new', ...work, async (req, res) => {
    await handleForm(req, res, async () => {
      const row = await commitWithOthers(db, () => form(() => service.logConsultation({ db, actor: currentActor(req), zone: config.zone, input: parseInput(formCreateSchema(config.zone), req.body) })));
      flash(req, 'success', `Konsultasi ${row.ticketNumber} dicatat.`);
      res.redirect(`/desk/${row.id}`);
    }, (errors, message) => renderNew(res, { values: req.body, errors, message }));
  });

  const renderTicket = (req: Request, res: Response, id: number, locals: Record<string, unknown> = {}) => {
    const viewer = viewerOf(req);
    const c = service.consultationFor(db, id, viewer);
    const units = listUnits(db);
    const flows = ticketFlows(db, config.zone, c, currentUser(req), req.query.kb);
    res.render('desk/show', {
      title: `Konsultasi ${c.ticketNumber}`,
      ticket: presentConsultation(c, units.find((u) => u.id === c.escalatedUnitId), config.zone, deskLabels(db)),
      timeline: presentTimeline(entityHistory(db, 'consultation', String(id)), config.zone),
      unitOptions: Object.fromEntries(units.filter((u) => u.active).map((u) => [u.code, `${u.code} — ${u.name}`])),
      canWork: can(viewer.role, 'desk.work'),
      canAnswer: (c.status === 'open' || c.status === 'escalated') && flows.answerOpen, flows,
      values: { answeredAt: nowLocal(), escalatedAt: nowLocal(), answer: flows.kbAnswer }, errors: {}, message: '', form: '', ...locals,
    });
  };
  r.get('/desk/:id', requireUser, deskOrUnit, (req, res) => renderTicket(req, res, idParam(req.params.id)));

  r.post('/desk/:id/escalate', ...work, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      form(() => service.escalateConsultation({ db, actor: currentActor(req), zone: config.zone, input: parseInput(formEscalationSchema(config.zone), req.body), id }));
      flash(req, 'success', 'Konsultasi dieskalasi ke unit.');
      res.redirect(`/desk/${id}`);
    }, (errors, message) => renderTicket(req, res, id, { form: 'escalate', values: { answeredAt: nowLocal(), ...req.body }, errors, message }));
  });

  r.post('/desk/:id/answer', requireUser, deskOrUnit, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      const row = form(() => service.answerConsultation({ db, actor: currentActor(req), zone: config.zone, input: parseInput(formAnswerSchema(config.zone), req.body), id, viewer: viewerOf(req) }));
      flash(req, 'success', row.status === 'answered' ? 'Jawaban dicatat.' : 'Jawaban disimpan dan menunggu persetujuan kepala unit.');
      res.redirect(`/desk/${id}`);
    }, (errors, message) => renderTicket(req, res, id, { form: 'answer', values: { escalatedAt: nowLocal(), ...req.body }, errors, message }));
  });

  r.post('/desk/:id/close', ...work, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.closeConsultation({ db, actor: currentActor(req), id });
      flash(req, 'success', 'Konsultasi ditutup.');
      res.redirect(`/desk/${id}`);
    }, (errors, message) => renderTicket(req, res, id, { errors, message }));
  });

  return r;
}
