import { Router, type Request, type RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { renameFields } from '../shared/api.js';
import { AppError, forbidden } from '../shared/errors.js';
import { can, type Role } from '../auth/roles.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import type { ConsultationRow } from '../db/schema.js';
import { apiIntakeSchema, API_FIELD_NAMES } from '../requests/requests.schemas.js';
import { presentRequestForApi } from '../requests/requests.presenter.js';
import { listUnits } from '../units/units.service.js';
import * as service from './desk.service.js';
import { presentConsultationForApi } from './desk.presenter.js';
import * as approval from './approval.js';
import * as convert from './convert.js';
import * as repo from './flows.repo.js';
import { apiApprovalSchema, apiSendSchema } from './flows.schemas.js';

/** JSON API v1 of the desk flows: approval, sending an approved answer, the BAK, making a ticket a request. */
export function deskFlowApi({ db, config }: AppContext): Router {
  const r = Router();
  const viewer = (req: Request): service.Viewer => ({ role: currentUser(req).role as Role, unitId: currentUser(req).unitId ?? null });
  const deskOrUnit: RequestHandler = (req, _res, next) => {
    const role = currentUser(req).role as Role;
    next(can(role, 'desk.work') || can(role, 'desk.unit') ? undefined : forbidden());
  };
  const present = (c: ConsultationRow) => {
    const unit = c.escalatedUnitId ? listUnits(db).find((u) => u.id === c.escalatedUnitId) : undefined;
    const draft = approval.latestDraftOf(db, c.id);
    return {
      ...presentConsultationForApi(c, unit, config.zone),
      approval: draft ? { status: draft.status, note: draft.decisionNote || null, answer: draft.answer } : null,
      bak_number: repo.bakOf(db, c.id)?.number ?? null,
    };
  };

  r.post('/consultations/:id/approval', requirePermission('desk.unit'), (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiApprovalSchema, req.body ?? {});
    approval.decideDraft({ db, actor: currentActor(req), id, viewer: viewer(req), input });
    res.json(present(service.consultationFor(db, id, viewer(req))));
  });

  r.post('/consultations/:id/send', requirePermission('desk.work'), (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiSendSchema, req.body ?? {});
    res.json(present(approval.sendApproved({ db, actor: currentActor(req), zone: config.zone, id, viewer: viewer(req), answeredAt: input.answered_at })));
  });

  r.get('/consultations/:id/bak', deskOrUnit, (req, res) => {
    const c = service.consultationFor(db, idParam(req.params.id), viewer(req));
    const bak = repo.bakOf(db, c.id);
    if (!bak) throw new AppError('not_found', 'Konsultasi ini belum dijawab, jadi belum ada Berita Acara Konsultasi.');
    res.json({ consultation_id: c.id, ticket_number: c.ticketNumber, number: bak.number, issued_at: bak.issuedAt, print_url: `/desk/${c.id}/bak` });
  });

  r.post('/consultations/:id/request', requirePermission('request.write'), (req, res) => {
    const id = idParam(req.params.id);
    const c = convert.consultationOrThrow(db, id);
    convert.refuseIfConverted(db, id);
    const body = parseInput(convert.apiConvertSchema, req.body ?? {});
    const input = parseInput(apiIntakeSchema, convert.mergeApiBody(c, config.zone, body));
    const row = renameFields(API_FIELD_NAMES, () => convert.convertConsultation({ db, actor: currentActor(req), zone: config.zone, id, input }));
    res.status(201).location(`/api/v1/requests/${row.id}`).json({ ...presentRequestForApi(row, loadCalendar(db), todayIn(config.zone)), consultation_id: c.id });
  });

  return r;
}
