import { Router, type Request } from 'express';
import type { AppContext } from '../context.js';
import { renameFields } from '../shared/api.js';
import { idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission } from '../auth/guards.js';
import { registeringPelaksana, scopeOfUser } from '../pelaksana/pelaksana.service.js';
import { parseInput } from '../shared/validation.js';
import { todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import type { RequestRow } from '../db/schema.js';
import { commitWithOthers } from '../db/group-commit.js';
import * as service from './requests.service.js';
import { queryRegister } from './register.query.js';
import { presentRequestForApi } from './requests.presenter.js';
import { ratingUrl } from '../ratings/links.js';
import {
  API_FIELD_NAMES, apiDecisionSchema, apiExtensionSchema, apiIntakeSchema, apiListQuerySchema, apiUnvoidSchema, apiVoidSchema,
  apiWithdrawalSchema,
} from './requests.schemas.js';

/** JSON API v1 for the request register (bearer tokens; see README "API"). */
export function requestsApi({ db, config }: AppContext): Router {
  const r = Router();
  const read = requirePermission('request.read');
  const write = requirePermission('request.write');
  const present = (row: RequestRow) => ({ ...presentRequestForApi(row, loadCalendar(db), todayIn(config.zone)), rating_url: ratingUrl(db, 'request', row.id) });
  const base = (req: Request) => ({ db, actor: currentActor(req), zone: config.zone });

  r.post('/requests', write, async (req, res) => {
    // `pelaksana`: the PPID Pelaksana registering it (a unit code; see src/pelaksana).
    const { pelaksana, ...body } = (req.body ?? {}) as Record<string, unknown>;
    const input = parseInput(apiIntakeSchema, body);
    const pelaksanaUnitId = registeringPelaksana(db, currentUser(req), pelaksana);
    const row = await commitWithOthers(db, () => renameFields(API_FIELD_NAMES, () => service.registerRequest({ ...base(req), input, source: 'api', pelaksanaUnitId })));
    res.status(201).location(`/api/v1/requests/${row.id}`).json(present(row));
  });

  r.get('/requests', read, (req, res) => {
    const { page, page_size: pageSize, ...filter } = parseInput(apiListQuerySchema, req.query);
    const register = queryRegister({ db, zone: config.zone, filter, scope: scopeOfUser(db, currentUser(req)) });
    const { rows, total, totalCapped } = register.page(page, pageSize);
    res.json({ page, page_size: pageSize, total, total_more: totalCapped, items: rows.map((row) => presentRequestForApi(row, register.calendar, register.today)) });
  });

  r.get('/requests/:id', read, (req, res) => {
    res.json(present(service.getRequest(db, idParam(req.params.id))));
  });

  r.post('/requests/:id/extension', write, (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiExtensionSchema, req.body ?? {});
    res.json(present(renameFields(API_FIELD_NAMES, () => service.extendRequest({ ...base(req), id, input }))));
  });

  r.post('/requests/:id/decision', write, (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiDecisionSchema, req.body ?? {});
    res.json(present(renameFields(API_FIELD_NAMES, () => service.decideRequest({ ...base(req), id, input }))));
  });

  r.put('/requests/:id/decision', write, (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiDecisionSchema, req.body ?? {});
    res.json(present(renameFields(API_FIELD_NAMES, () => service.decideRequest({ ...base(req), id, input, correcting: true }))));
  });

  r.post('/requests/:id/withdrawal', write, (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiWithdrawalSchema, req.body ?? {});
    res.json(present(renameFields(API_FIELD_NAMES, () => service.withdrawRequest({ ...base(req), id, input }))));
  });

  r.post('/requests/:id/void', write, (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiVoidSchema, req.body ?? {});
    res.json(present(renameFields(API_FIELD_NAMES, () => service.voidRequest({ ...base(req), id, input }))));
  });

  r.post('/requests/:id/unvoid', requirePermission('request.unvoid'), (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiUnvoidSchema, req.body ?? {});
    res.json(present(renameFields(API_FIELD_NAMES, () => service.unvoidRequest({ ...base(req), id, input }))));
  });

  return r;
}
