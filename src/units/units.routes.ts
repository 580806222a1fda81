import { Router, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { entityHistory } from '../audit/audit.repo.js';
import { presentTimeline } from '../requests/timeline.presenter.js';
import * as service from './units.service.js';
import { userCountsByUnit } from './units.repo.js';
import { presentUnit } from './units.presenter.js';
import { unitFormSchema } from './units.schemas.js';
import { UNIT_KINDS } from './vocabulary.js';

/** The units tree (admin): list, create, edit, deactivate, delete an unused one. */
export function unitsRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const admin = [requireUser, requirePermission('admin.units')];

  const tree = () => {
    const all = service.listUnits(db);
    const codes = new Map(all.map((u) => [u.id, u.code]));
    const users = userCountsByUnit(db);
    return service.unitTree(all).map(({ unit, depth }) => presentUnit(unit, { depth, parentCode: unit.parentId ? (codes.get(unit.parentId) ?? null) : null, users: users.get(unit.id) ?? 0 }));
  };
  /** Parents to choose from: every unit but the one edited. */
  const parentOptions = (except: number | null) =>
    Object.fromEntries(tree().filter((u) => u.id !== except).map((u) => [String(u.id), `${'· '.repeat(u.depth)}${u.code} — ${u.name}`]));
  const renderList = (res: Response, locals: Record<string, unknown> = {}) =>
    res.render('units/admin', {
      title: 'Unit kerja', units: tree(), kinds: UNIT_KINDS, parents: parentOptions(null),
      values: { kind: 'unit', active: true }, errors: {}, message: '', ...locals,
    });
  const renderEdit = (res: Response, id: number, locals: Record<string, unknown>) => {
    const unit = presentUnit(service.getUnit(db, id));
    res.render('units/edit', {
      title: `Ubah unit ${unit.code}`, unit, kinds: UNIT_KINDS, parents: parentOptions(id), errors: {}, message: '',
      timeline: presentTimeline(entityHistory(db, 'unit', String(id)), config.zone), ...locals,
    });
  };
  const typed = (body: Record<string, unknown>) => ({ ...body, active: body.active === 'on' || body.active === true });

  r.get('/admin/units', ...admin, (_req, res) => renderList(res));

  r.post('/admin/units', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      const u = service.createUnit({ db, actor: currentActor(req), input: parseInput(unitFormSchema, { ...req.body, active: 'on' }) });
      flash(req, 'success', `Unit ${u.code} ${u.name} dibuat.`);
      res.redirect('/admin/units');
    }, (errors, message) => renderList(res, { values: req.body, errors, message }));
  });

  r.get('/admin/units/:id/edit', ...admin, (req, res) => {
    const id = idParam(req.params.id);
    const u = service.getUnit(db, id);
    renderEdit(res, id, { values: { ...u, parentId: u.parentId ?? '' } });
  });

  r.post('/admin/units/:id', ...admin, async (req, res) => {
    const id = idParam(req.params.id);
    service.getUnit(db, id);
    await handleForm(req, res, () => {
      const u = service.updateUnit({ db, actor: currentActor(req), input: parseInput(unitFormSchema, { active: '', ...req.body }), id });
      flash(req, 'success', `Unit ${u.code} diperbarui${u.active ? '' : ' (nonaktif: tidak dapat menerima disposisi baru)'}.`);
      res.redirect('/admin/units');
    }, (errors, message) => renderEdit(res, id, { values: typed(req.body), errors, message }));
  });

  r.post('/admin/units/:id/delete', ...admin, async (req, res) => {
    const id = idParam(req.params.id);
    const u = service.getUnit(db, id);
    await handleForm(req, res, () => {
      service.deleteUnit({ db, actor: currentActor(req), id });
      flash(req, 'success', `Unit ${u.code} dihapus.`);
      res.redirect('/admin/units');
    }, (errors, message) => renderEdit(res, id, { values: { ...u, parentId: u.parentId ?? '' }, errors, message }));
  });

  return r;
}
