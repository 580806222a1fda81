import { Router } from 'express';
import type { AppContext } from '../context.js';
import { idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission } from '../auth/guards.js';
import type { ObjectionRow } from '../db/schema.js';
import { parseInput } from '../shared/validation.js';
import { renameFields } from '../shared/api.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import * as service from './objections.service.js';
import { presentObjectionForApi } from './objections.presenter.js';
import { apiFilingSchema, apiObjectionListSchema, apiResponseSchema, apiStageSchema, OBJECTION_API_FIELDS, stageApiFields } from './objections.schemas.js';
import { todayIn } from '../shared/dates.js';

/** JSON API v1 for objections (see README "API"). */
export function objectionsApi({ db, config }: AppContext): Router {
  const r = Router();
  const base = (req: import('express').Request) => ({ db, actor: currentActor(req), zone: config.zone });
  const present = (o: ObjectionRow) => presentObjectionForApi(o, loadCalendar(db), service.stagesOfObjection(db, o.id));

  r.post('/requests/:id/objections', requirePermission('objection.file'), (req, res) => {
    const requestId = idParam(req.params.id);
    const input = parseInput(apiFilingSchema, req.body ?? {});
    const o = renameFields(OBJECTION_API_FIELDS, () => service.fileObjection({ ...base(req), input, requestId }));
    res.status(201).location(`/api/v1/objections/${o.id}`).json(present(o));
  });

  r.post('/objections/:id/response', requirePermission('objection.respond'), (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiResponseSchema, req.body ?? {});
    res.json(present(renameFields(OBJECTION_API_FIELDS, () => service.respondToObjection({ ...base(req), input, id }))));
  });

  /** The dispute's registration or a later stage (mediation, adjudication, court); supervisor tokens. */
  r.post('/objections/:id/dispute-stages', requirePermission('objection.respond'), (req, res) => {
    const id = idParam(req.params.id);
    const v = parseInput(apiStageSchema, req.body ?? {});
    const o =
      v.stage === 'registration'
        ? renameFields(OBJECTION_API_FIELDS, () =>
            service.recordDispute({
              ...base(req), id,
              input: { disputeRegisteredOn: v.registered_on, disputeCaseNumber: v.case_number, disputeLateNote: v.late_note, disputeNote: v.note, version: v.version },
            }))
        : renameFields(stageApiFields(v.stage), () =>
            service.recordDisputeStage({
              ...base(req), id,
              input: {
                stage: v.stage,
                court: v.stage === 'court' ? v.court : '',
                heldOn: v.stage === 'court' ? v.filed_on : v.stage === 'adjudication' ? v.decided_on : v.held_on,
                decidedOn: v.stage === 'court' ? v.decided_on : null,
                caseNumber: v.case_number, result: v.result, note: v.note, version: v.version,
              },
            }).objection);
    res.status(201).json(present(o));
  });

  r.get('/objections', requirePermission('request.read'), (req, res) => {
    const q = parseInput(apiObjectionListSchema, req.query);
    const year = q.year ?? Number(todayIn(config.zone).slice(0, 4));
    const rows = service.browseObjections(db, config.zone, { year, status: q.status, viewer: currentUser(req) });
    const cal = loadCalendar(db);
    res.json({ year, total: rows.length, items: rows.map((row) => ({ ...presentObjectionForApi(row.objection, cal), request_registration_number: row.requestNumber })) });
  });

  r.get('/objections/:id', requirePermission('request.read'), (req, res) => {
    res.json(present(service.getObjection(db, idParam(req.params.id))));
  });

  return r;
}
