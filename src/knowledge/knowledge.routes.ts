import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, currentUser, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { forbidden } from '../shared/errors.js';
import { formatInstant } from '../shared/dates.js';
import { findUserById } from '../auth/users.repo.js';
import { listUnits } from '../units/units.service.js';
import type { KnowledgeEntryRow } from '../db/schema.js';
import * as service from './knowledge.service.js';
import { entryFormSchema, flagFormSchema, listQuerySchema, reviewFormSchema } from './knowledge.schemas.js';

/** The knowledge base's pages (README "Layanan konsultasi"). */
export function knowledgeRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const gate = (ok: (u: ReturnType<typeof currentUser>) => boolean): RequestHandler => (req, _res, next) => next(ok(currentUser(req)) ? undefined : forbidden());
  const read = [requireUser, gate(service.canRead)];
  const edit = [requireUser, gate((u) => service.canEdit(u))];
  const unitName = () => new Map(listUnits(db).map((u) => [u.id, `${u.code} — ${u.name}`]));
  const who = (id: number | null) => (id ? (findUserById(db, id)?.displayName ?? '') : '');
  const present = (e: KnowledgeEntryRow, units = unitName()) => ({
    ...e, owner: units.get(e.ownerUnitId) ?? '', reviewedOn: e.reviewedAt ? formatInstant(e.reviewedAt, config.zone) : '', reviewedByName: who(e.reviewedBy),
    flaggedOn: e.reviewRequestedAt ? formatInstant(e.reviewRequestedAt, config.zone) : '', flaggedByName: who(e.reviewRequestedBy),
  });
  const unitOptions = (req: Request) => {
    const u = currentUser(req);
    return Object.fromEntries(listUnits(db).filter((x) => x.active && service.canEdit(u, x.id)).map((x) => [String(x.id), `${x.code} — ${x.name}`]));
  };

  r.get('/knowledge', ...read, (req, res) => {
    const parsed = listQuerySchema.safeParse(req.query);
    const f = parsed.success ? parsed.data : { q: '', awaiting: '' as const };
    const units = unitName();
    const items = service.searchEntries(db, { q: f.q || undefined, awaiting: f.awaiting === '1' }).map((e) => present(e, units));
    res.status(parsed.success ? 200 : 400).render('knowledge/list', { title: 'Basis pengetahuan', wide: true, items, filter: f, canCreate: service.canEdit(currentUser(req)) });
  });

  const renderForm = (req: Request, res: Response, locals: Record<string, unknown>) =>
    res.render('knowledge/form', { title: 'Entri basis pengetahuan', unitOptions: unitOptions(req), errors: {}, message: '', action: '/knowledge', ...locals });
  r.get('/knowledge/new', ...edit, (req, res) => renderForm(req, res, { values: { ownerUnitId: currentUser(req).unitId ?? '' } }));
  r.post('/knowledge', ...edit, async (req, res) => {
    await handleForm(req, res, () => {
      const row = service.createEntry({ db, actor: currentActor(req), user: currentUser(req), input: parseInput(entryFormSchema, req.body) });
      flash(req, 'success', 'Entri dibuat.');
      res.redirect(`/knowledge/${row.id}`);
    }, (errors, message) => renderForm(req, res, { values: req.body, errors, message }));
  });

  const renderShow = (req: Request, res: Response, id: number, locals: Record<string, unknown> = {}) => {
    const u = currentUser(req);
    const e = service.getEntry(db, id);
    res.render('knowledge/show', {
      title: e.title, entry: present(e), canEdit: service.canEdit(u, e.ownerUnitId), canFlag: service.canFlag(u), values: {}, errors: {}, message: '', ...locals,
    });
  };
  r.get('/knowledge/:id', ...read, (req, res) => renderShow(req, res, idParam(req.params.id)));
  r.get('/knowledge/:id/edit', ...edit, (req, res) => {
    const e = service.getEntry(db, idParam(req.params.id));
    if (!service.canEdit(currentUser(req), e.ownerUnitId)) throw forbidden();
    renderForm(req, res, { values: e, action: `/knowledge/${e.id}` });
  });
  r.post('/knowledge/:id', ...edit, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.updateEntry({ db, actor: currentActor(req), user: currentUser(req), id, input: parseInput(entryFormSchema, req.body) });
      flash(req, 'success', 'Entri diperbarui.');
      res.redirect(`/knowledge/${id}`);
    }, (errors, message) => renderForm(req, res, { values: req.body, errors, message, action: `/knowledge/${id}` }));
  });
  r.post('/knowledge/:id/flag', requireUser, gate(service.canFlag), async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.flagEntry({ db, actor: currentActor(req), user: currentUser(req), id, note: parseInput(flagFormSchema, req.body).note });
      flash(req, 'success', 'Entri ditandai untuk ditinjau unit pemiliknya.');
      res.redirect(`/knowledge/${id}`);
    }, (errors, message) => renderShow(req, res, id, { values: req.body, errors, message }));
  });
  r.post('/knowledge/:id/reviewed', ...edit, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.markReviewed({ db, actor: currentActor(req), user: currentUser(req), id, note: parseInput(reviewFormSchema, req.body).note });
      flash(req, 'success', 'Entri ditandai sudah ditinjau.');
      res.redirect(`/knowledge/${id}`);
    }, (errors, message) => renderShow(req, res, id, { errors, message }));
  });
  return r;
}

/** GET /api/v1/knowledge?q=&awaiting=1: entries for the chatbot and the CRM (read only). */
export function knowledgeApi({ db }: AppContext): Router {
  const r = Router();
  r.get('/knowledge', (req, res, next) => (service.canRead(currentUser(req)) ? next() : next(forbidden())), (req, res) => {
    const f = parseInput(listQuerySchema, req.query);
    const items = service.searchEntries(db, { q: f.q || undefined, awaiting: f.awaiting === '1' });
    const units = new Map(listUnits(db).map((u) => [u.id, u.code]));
    res.json({
      total: items.length,
      items: items.map((e) => ({
        id: e.id, topic: e.topic, title: e.title, answer: e.answer, owner_unit_code: units.get(e.ownerUnitId) ?? null,
        reviewed_at: e.reviewedAt, review_requested_at: e.reviewRequestedAt, review_note: e.reviewNote || null,
      })),
    });
  });
  return r;
}
