import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission, requireUser } from './guards.js';
import { parseInput } from '../shared/validation.js';
import { notFound } from '../shared/errors.js';
import type { UserRow } from '../db/schema.js';
import { editUserSchema, newUserSchema } from './auth.schemas.js';
import { createUser, updateUser } from './auth.service.js';
import { findUserById, listUsers } from './users.repo.js';
import { presentUserRow } from './users.presenter.js';
import { ROLES } from './roles.js';
import { listUnits } from '../units/units.repo.js';

/** Accounts admin: list, create, edit. The rules (and the audit) live in auth.service.ts. */
export function usersRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const admin = [requireUser, requirePermission('admin.users')];

  const loadUser = (id: number): UserRow => {
    const user = findUserById(db, id);
    if (!user) throw notFound('Pengguna');
    return user;
  };
  /** Units to choose from: the active ones, plus the user's own even when inactive. */
  const unitOptions = (keep?: number | null) =>
    Object.fromEntries(listUnits(db).filter((u) => u.active || u.id === keep).map((u) => [String(u.id), `${u.code} — ${u.name}${u.active ? '' : ' (nonaktif)'}`]));
  const renderNew = (res: Response, locals: Record<string, unknown>) =>
    res.render('admin/user-form', { title: 'Pengguna baru', target: null, roles: ROLES, units: unitOptions(), errors: {}, message: '', ...locals });
  const renderEdit = (req: Request, res: Response, target: UserRow, locals: Record<string, unknown>) =>
    res.render('admin/user-form', {
      title: `Ubah pengguna ${target.username}`, target: presentUserRow(target, config.zone), self: target.id === currentUser(req).id,
      roles: ROLES, units: unitOptions(target.unitId), errors: {}, message: '', ...locals,
    });

  r.get('/admin/users', ...admin, (_req, res) => {
    const codes = new Map(listUnits(db).map((u) => [u.id, u.code]));
    res.render('admin/users', { title: 'Pengguna', users: listUsers(db).map((u) => ({ ...presentUserRow(u, config.zone), unitCode: u.unitId ? (codes.get(u.unitId) ?? '') : '' })) });
  });

  r.get('/admin/users/new', ...admin, (_req, res) => renderNew(res, { values: {} }));

  r.post('/admin/users', ...admin, async (req, res) => {
    await handleForm(req, res, async () => {
      const user = await createUser(db, currentActor(req), parseInput(newUserSchema, req.body));
      flash(req, 'success', `Pengguna ${user.username} dibuat sebagai ${ROLES[user.role as keyof typeof ROLES]}.`);
      res.redirect('/admin/users');
    }, (errors, message) => renderNew(res, { values: { ...req.body, password: '' }, errors, message }));
  });

  r.get('/admin/users/:id/edit', ...admin, (req, res) => {
    const target = loadUser(idParam(req.params.id));
    renderEdit(req, res, target, { values: { displayName: target.displayName, role: target.role, active: target.active, unitId: target.unitId ?? '' } });
  });

  r.post('/admin/users/:id', ...admin, async (req, res) => {
    const target = loadUser(idParam(req.params.id));
    await handleForm(req, res, async () => {
      const input = parseInput(editUserSchema, req.body);
      const user = await updateUser(db, currentActor(req), target.id, { ...input, unitId: input.unitId ?? null });
      flash(req, 'success', `Pengguna ${user.username} diperbarui${input.password ? '; kata sandi diganti dan sesinya diakhiri' : ''}.`);
      res.redirect('/admin/users');
    }, (errors, message) =>
      renderEdit(req, res, target, { values: { ...req.body, active: req.body?.active === 'on', password: '' }, errors, message }));
  });

  return r;
}
