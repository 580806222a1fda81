import { Router } from 'express';
import type { AppContext } from '../context.js';
import { idParam } from '../shared/http.js';
import { currentActor, requirePermission } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { renameFields } from '../shared/api.js';
import * as service from './objections.service.js';
import { presentObjectionForApi } from './objections.presenter.js';
import { apiFilingSchema, apiObjectionListSchema, apiResponseSchema, OBJECTION_API_FIELDS } from './objections.schemas.js';
import { todayIn } from '../shared/dates.js';

/** JSON API v1 for objections (see README "API"). */
export function objectionsApi({ db, config }: AppContext): Router {
  const r = Router();
  const base = (req: import('express').Request) => ({ db, actor: currentActor(req), zone: config.zone });

  r.post('/requests/:id/objections', requirePermission('objection.file'), (req, res) => {
    const requestId = idParam(req.params.id);
    const input = parseInput(apiFilingSchema, req.body ?? {});
    const o = renameFields(OBJECTION_API_FIELDS, () => service.fileObjection({ ...base(req), input, requestId }));
    res.status(201).location(`/api/v1/objections/${o.id}`).json(presentObjectionForApi(o));
  });

  r.post('/objections/:id/response', requirePermission('objection.respond'), (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiResponseSchema, req.body ?? {});
    res.json(presentObjectionForApi(renameFields(OBJECTION_API_FIELDS, () => service.respondToObjection({ ...base(req), input, id }))));
  });

  r.get('/objections', requirePermission('request.read'), (req, res) => {
    const q = parseInput(apiObjectionListSchema, req.query);
    const year = q.year ?? Number(todayIn(config.zone).slice(0, 4));
    const rows = service.browseObjections(db, config.zone, { year, status: q.status });
    res.json({ year, total: rows.length, items: rows.map((row) => ({ ...presentObjectionForApi(row.objection), request_registration_number: row.requestNumber })) });
  });

  r.get('/objections/:id', requirePermission('request.read'), (req, res) => {
    res.json(presentObjectionForApi(service.getObjection(db, idParam(req.params.id))));
  });

  return r;
}
