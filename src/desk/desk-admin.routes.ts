/** Admin pages of the desk: the lists (channels, categories, topics), service hours and service levels. */
import { Router, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import * as config from './desk-config.js';
import { WEEKDAYS } from './service-hours.js';
import { SLA_UNITS } from './sla.js';
import { addItemSchema, hoursSchema, levelsSchema, moveSchema, updateItemSchema } from './desk-admin.schemas.js';

export function deskAdminRoutes({ db }: AppContext): Router {
  const r = Router();
  const admin = [requireUser, requirePermission('admin.settings')];

  const renderLists = (res: Response, locals: Record<string, unknown> = {}) => {
    const all = config.listItems(db);
    const lists = (Object.keys(config.LIST_NAMES) as config.DeskList[]).map((list) => ({
      list, name: config.LIST_NAMES[list], items: all.filter((i) => i.list === list),
    }));
    res.render('admin/desk-lists', { title: 'Daftar layanan konsultasi', lists, values: {}, errors: {}, message: '', form: '', ...locals });
  };
  r.get('/admin/desk/lists', ...admin, (_req, res) => renderLists(res));

  r.post('/admin/desk/lists', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      const input = parseInput(addItemSchema, req.body);
      config.addListItem({ db, actor: currentActor(req), ...input });
      flash(req, 'success', `${config.LIST_NAMES[input.list]} "${input.label}" ditambahkan.`);
      res.redirect('/admin/desk/lists');
    }, (errors, message) => renderLists(res, { values: req.body, errors, message, form: `add-${String(req.body?.list ?? '')}` }));
  });

  r.post('/admin/desk/lists/:id', ...admin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      const input = parseInput(updateItemSchema, req.body);
      const row = config.updateListItem({ db, actor: currentActor(req), id, ...input });
      flash(req, 'success', `"${row.label}" disimpan${row.active ? '' : ' (tidak aktif)'}.`);
      res.redirect('/admin/desk/lists');
    }, (errors, message) => renderLists(res, { values: req.body, errors, message, form: `item-${id}` }));
  });

  r.post('/admin/desk/lists/:id/move', ...admin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      config.moveListItem({ db, actor: currentActor(req), id, ...parseInput(moveSchema, req.body) });
      flash(req, 'success', 'Urutan disimpan.');
      res.redirect('/admin/desk/lists');
    }, (errors, message) => renderLists(res, { errors, message }));
  });

  const hoursValues = () => {
    const h = config.serviceHours(db);
    return Object.fromEntries(Object.keys(WEEKDAYS).flatMap((d) => [[`opens_${d}`, h[Number(d)]?.opens ?? ''], [`closes_${d}`, h[Number(d)]?.closes ?? '']]));
  };
  const levelValues = () =>
    Object.fromEntries(config.servicePolicies(db).flatMap((p) => [
      [`amount_${p.channel}_0`, p.plain.amount], [`unit_${p.channel}_0`, p.plain.unit],
      [`amount_${p.channel}_1`, p.escalated.amount], [`unit_${p.channel}_1`, p.escalated.unit],
    ]));
  const renderService = (res: Response, locals: Record<string, unknown> = {}) =>
    res.render('admin/desk-service', {
      title: 'Jam dan tingkat layanan konsultasi', weekdays: WEEKDAYS, units: SLA_UNITS, policies: config.servicePolicies(db),
      hours: hoursValues(), levels: levelValues(), errors: {}, message: '', form: '', ...locals,
    });
  r.get('/admin/desk/service', ...admin, (_req, res) => renderService(res));

  r.post('/admin/desk/hours', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      config.updateServiceHours({ db, actor: currentActor(req), hours: parseInput(hoursSchema, req.body) });
      flash(req, 'success', 'Jam layanan disimpan. Berlaku untuk konsultasi yang masuk sesudahnya.');
      res.redirect('/admin/desk/service');
    }, (errors, message) => renderService(res, { hours: req.body, errors, message, form: 'hours' }));
  });

  r.post('/admin/desk/levels', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      const channels = config.listItems(db, 'channel').map((i) => i.code);
      const changed = config.updateServicePolicies({ db, actor: currentActor(req), policies: parseInput(levelsSchema(channels), req.body) });
      flash(req, changed ? 'success' : 'info', changed ? `${changed} tingkat layanan disimpan. Berlaku untuk konsultasi yang dicatat atau dieskalasi sesudahnya.` : 'Tidak ada perubahan.');
      res.redirect('/admin/desk/service');
    }, (errors, message) => renderService(res, { levels: req.body, errors, message, form: 'levels' }));
  });

  return r;
}
