import { Router } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { renameFields } from '../shared/api.js';
import { todayIn } from '../shared/dates.js';
import { AppError } from '../shared/errors.js';
import { getSettings } from '../settings/settings.repo.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import * as service from './requests.service.js';
import { presentRequestForApi, presentRequestForStaff } from './requests.presenter.js';
import { recordDelivery } from './delivery.service.js';
import { apiDeliverySchema, DELIVERY_API_NAMES, DELIVERY_RECORD_METHODS, deliveryFormSchema, PAYMENT_METHODS } from './delivery.js';

/**
 * Papers and records after the intake: the extension letter (Pemberitahuan Perpanjangan Waktu,
 * Pasal 22 ayat 8) and the delivery record's page (Pasal 22 ayat 7 huruf f–g).
 */
export function paperRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const read = [requireUser, requirePermission('request.read')];
  const write = [requireUser, requirePermission('request.write')];

  r.get('/requests/:id/extension-letter', ...read, (req, res) => {
    const view = presentRequestForStaff(service.getRequest(db, idParam(req.params.id)), loadCalendar(db), todayIn(config.zone));
    if (!view.extension) throw new AppError('not_found', 'Permohonan ini tidak diperpanjang, jadi belum ada pemberitahuan perpanjangan waktu.');
    res.render('requests/extension-letter', { title: `Pemberitahuan perpanjangan waktu ${view.number}`, request: view, settings: getSettings(db) });
  });

  // The Surat Keputusan penolakan (src/requests/exemption.ts): every decision withholding information as exempt.
  r.get('/requests/:id/rejection-letter', ...read, (req, res) => {
    const view = presentRequestForStaff(service.getRequest(db, idParam(req.params.id)), loadCalendar(db), todayIn(config.zone));
    if (!view.decision?.exemption) throw new AppError('not_found', 'Permohonan ini tidak ditolak atas dasar pengecualian, jadi tidak ada Surat Keputusan penolakan.');
    res.render('requests/rejection-letter', { title: `SK penolakan ${view.number}`, request: view, settings: getSettings(db) });
  });

  const render = (res: import('express').Response, id: number, locals: Record<string, unknown>) => {
    const view = presentRequestForStaff(service.getRequest(db, id), loadCalendar(db), todayIn(config.zone));
    res.render('requests/delivery', {
      title: view.number, request: view, methods: DELIVERY_RECORD_METHODS, payments: PAYMENT_METHODS, errors: {}, message: '', ...locals,
    });
  };

  r.get('/requests/:id/delivery', ...write, (req, res) => {
    const id = idParam(req.params.id);
    const row = service.getRequest(db, id);
    const values = row.deliveredOn
      ? { deliveredOn: row.deliveredOn, method: row.deliveredBy, costCopy: row.deliveryCostCopy, costDelivery: row.deliveryCostDelivery, costOther: row.deliveryCostOther, paymentMethod: row.deliveryPaymentMethod, note: row.deliveryNote }
      : { deliveredOn: todayIn(config.zone), costCopy: 0, costDelivery: 0, costOther: 0 };
    render(res, id, { values });
  });

  r.post('/requests/:id/delivery', ...write, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      recordDelivery({ db, actor: currentActor(req), zone: config.zone, input: parseInput(deliveryFormSchema, req.body), id });
      flash(req, 'success', 'Pemberian informasi dicatat.');
      res.redirect(`/requests/${id}`);
    }, (errors, message) => render(res, id, { values: req.body, errors, message }));
  });
  return r;
}

/** `POST /api/v1/requests/:id/delivery` → the request with `fulfilment_days`. */
export function deliveryApi({ db, config }: AppContext): Router {
  const r = Router();
  r.post('/requests/:id/delivery', requirePermission('request.write'), (req, res) => {
    const id = idParam(req.params.id);
    const input = parseInput(apiDeliverySchema, req.body ?? {});
    const row = renameFields(DELIVERY_API_NAMES, () => recordDelivery({ db, actor: currentActor(req), zone: config.zone, input, id }));
    res.json(presentRequestForApi(row, loadCalendar(db), todayIn(config.zone)));
  });
  return r;
}
