import { commitWithOthers } from '../db/group-commit.js';
import { Router, type Request, type RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { forbidden, invalid } from '../shared/errors.js';
import { can, type Role } from '../auth/roles.js';
import type { ConsultationRow } from '../db/schema.js';
import { findUnitByCode, listUnits } from '../units/units.service.js';
import * as service from './desk.service.js';
import { deskLabels } from './desk-config.js';
import { presentConsultationForApi } from './desk.presenter.js';
import { ratingUrl } from '../ratings/links.js';
import { apiAnswerSchema, apiCreateSchema, apiEscalationSchema, listQuerySchema } from './desk.schemas.js';

/** JSON API v1 of the consultation desk (bearer tokens; README "Layanan konsultasi"). */
export function deskApi({ db, config }: AppContext): Router {
  const r = Router();
  const viewer = (req: Request): service.Viewer => ({ role: currentUser(req).role as Role, unitId: currentUser(req).unitId ?? null });
  const deskOrUnit: RequestHandler = (req, _res, next) => {
    const role = currentUser(req).role as Role;
    next(can(role, 'desk.work') || can(role, 'desk.unit') ? undefined : forbidden());
  };
  const present = (c: ConsultationRow) => {
    const unit = c.escalatedUnitId ? listUnits(db).find((u) => u.id === c.escalatedUnitId) : undefined;
    return { ...presentConsultationForApi(c, unit, config.zone), rating_url: ratingUrl(db, 'consultation', c.id) };
  };

  r.post('/consultations', requirePermission('desk.work'), async (req, res) => {
    const input = parseInput(apiCreateSchema, req.body ?? {});
    const row = await commitWithOthers(db, () => service.logConsultation({ db, actor: currentActor(req), zone: config.zone, input }));
    res.status(201).location(`/api/v1/consultations/${row.id}`).json(present(row));
  });

  r.post('/consultations/:id/escalation', requirePermission('desk.work'), (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiEscalationSchema, req.body ?? {});
    res.json(present(service.escalateConsultation({ db, actor: currentActor(req), zone: config.zone, input, id })));
  });

  r.post('/consultations/:id/answer', deskOrUnit, (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiAnswerSchema, req.body ?? {});
    const row = service.answerConsultation({ db, actor: currentActor(req), zone: config.zone, input, id, viewer: viewer(req) });
    // 202: a unit whose answers need its head's approval answered in a draft (src/desk/approval.rules.ts).
    res.status(row.status === 'answered' ? 200 : 202).json(present(row));
  });

  r.get('/consultations', deskOrUnit, (req, res) => {
    const q = parseInput(listQuerySchema, req.query);
    if (q.month && !q.year) throw invalid({ month: 'Bulan hanya bersama tahun.' });
    const v = viewer(req);
    let unitId: number | undefined;
    if (q.unit) {
      const u = findUnitByCode(db, q.unit);
      if (!u) throw invalid({ unit: 'Unit tidak dikenal.' });
      const scope = service.scopeOf(v);
      if (scope !== null && scope !== u.id) throw forbidden();
      unitId = u.id;
    }
    const labels = deskLabels(db);
    const unknown: Record<string, string> = {};
    if (q.channel && !labels.channel[q.channel]) unknown.channel = 'Kanal tidak dikenal.';
    if (q.category && !labels.category[q.category]) unknown.category = 'Kategori tidak dikenal.';
    if (Object.keys(unknown).length) throw invalid(unknown);
    const page = service.browsePage(db, config.zone, v, { ...q, unitId });
    res.json({ total: page.total, page: page.page, per_page: page.perPage, pages: page.pages, items: page.rows.map(present) });
  });

  return r;
}
