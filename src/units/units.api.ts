import { Router, type Request, type RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { renameFields } from '../shared/api.js';
import { AppError, forbidden, invalid } from '../shared/errors.js';
import { todayIn } from '../shared/dates.js';
import { can, type Role } from '../auth/roles.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { findRequest } from '../requests/requests.repo.js';
import * as service from './dispositions.service.js';
import { findUnitByCode, getUnit, listUnits } from './units.service.js';
import { unitStats } from './unit-stats.js';
import { presentDispositionForApi, presentFiguresForApi, presentUnitForApi } from './units.presenter.js';
import { API_FIELDS, apiAnswerSchema, apiQueueQuerySchema, apiSendSchema, statsQuerySchema } from './units.schemas.js';
import type { DispositionRow } from '../db/schema.js';

/** JSON API v1 for units and dispositions (bearer tokens; see README "Unit kerja dan disposisi"). */
export function unitsApi({ db, config }: AppContext): Router {
  const r = Router();
  const viewer = (req: Request): service.Viewer => ({ role: currentUser(req).role as Role, unitId: currentUser(req).unitId ?? null });
  const readOrUnit: RequestHandler = (req, _res, next) => {
    const role = currentUser(req).role as Role;
    next(can(role, 'request.read') || can(role, 'unit.queue') ? undefined : forbidden());
  };
  const present = (d: DispositionRow) => {
    const request = findRequest(db, d.requestId);
    if (!request) throw new AppError('not_found', 'Permohonan tidak ditemukan.');
    return presentDispositionForApi(d, getUnit(db, d.unitId), request, loadCalendar(db), todayIn(config.zone));
  };

  // A unit's token never reaches the register's requests: "not found", as on the pages.
  r.use('/requests/:id', (req, _res, next) => {
    const role = currentUser(req).role as Role;
    next(!can(role, 'request.read') && can(role, 'unit.queue') ? new AppError('not_found', 'Data tidak ditemukan.') : undefined);
  });

  r.get('/units', readOrUnit, (_req, res) => {
    const all = listUnits(db);
    const codes = new Map(all.map((u) => [u.id, u.code]));
    res.json({ items: all.map((u) => presentUnitForApi(u, u.parentId ? (codes.get(u.parentId) ?? null) : null)) });
  });

  r.get('/units/stats', requirePermission('request.read'), (req, res) => {
    const q = parseInput(statsQuerySchema, req.query);
    const s = unitStats(db, config.zone, q.year, q.month);
    res.json({ year: q.year, month: q.month ?? null, from: s.from, to: s.to, units: s.units.map(presentFiguresForApi) });
  });

  r.post('/requests/:id/dispositions', requirePermission('disposition.send'), (req, res) => {
    const requestId = idParam(req.params.id);
    const body = parseInput(apiSendSchema, req.body ?? {});
    const unit = findUnitByCode(db, body.unit_code);
    if (!unit) throw invalid({ unit_code: 'Unit tidak dikenal.' });
    const { rows, warnings } = renameFields(API_FIELDS, () =>
      service.sendDispositions({ db, actor: currentActor(req), zone: config.zone, input: { unitIds: [unit.id], dueOn: body.due_on, note: body.note }, requestId }));
    res.status(201).location(`/api/v1/dispositions/${rows[0].id}`).json({ ...present(rows[0]), warnings });
  });

  r.post('/dispositions/:id/answer', requirePermission('disposition.answer'), (req, res) => {
    const id = idParam(req.params.id);
    // The body first (a refusal says nothing about the disposition), then someone else's is "not found".
    const input = parseInput(apiAnswerSchema, req.body ?? {});
    const d = renameFields(API_FIELDS, () => service.answerDisposition({ db, actor: currentActor(req), zone: config.zone, input, id, viewer: viewer(req) }));
    res.json(present(d));
  });

  r.get('/dispositions', readOrUnit, (req, res) => {
    const q = parseInput(apiQueueQuerySchema, req.query);
    const v = viewer(req);
    const scope = service.scopeOf(v);
    let unitId: number | undefined;
    if (q.unit) {
      const u = findUnitByCode(db, q.unit);
      if (!u) throw invalid({ unit: 'Unit tidak dikenal.' });
      if (scope !== null && u.id !== scope) throw forbidden();
      unitId = u.id;
    }
    const cal = loadCalendar(db);
    const result = service.browseQueue(db, config.zone, v, { unitId, status: q.status }, cal);
    res.json({
      total: result.rows.length, open: result.tiles.open, due_soon: result.tiles.dueSoon, overdue: result.tiles.overdue,
      items: result.rows.map((row) => presentDispositionForApi(row.disposition, row.unit, row.request, cal, result.today)),
    });
  });

  return r;
}
