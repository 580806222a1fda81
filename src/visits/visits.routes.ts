import { Router, type Request, type Response } from 'express';
import { DateTime } from 'luxon';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { todayIn } from '../shared/dates.js';
import { entityHistory } from '../audit/audit.repo.js';
import { presentTimeline } from '../requests/timeline.presenter.js';
import { getSettings } from '../settings/settings.repo.js';
import { USER_TYPES } from '../desk/vocabulary.js';
import { deskLabels } from '../desk/desk-config.js';
import { formOptions, parseWithRegionAndTopic } from './region-code.js';
import * as service from './visits.service.js';
import { presentVisit } from './visits.presenter.js';
import { cancelSchema, checkInSchema, dayQuerySchema, meetingSchema, reservationSchema } from './visits.schemas.js';
import { MET_TARGET_MINUTES } from './visit-rules.js';

/** Visits (SOP 194): the reception's daily list, reservations, the arrival confirmation, check-in. */
export function visitsRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const work = [requireUser, requirePermission('desk.work')];
  const zone = config.zone;
  const nowLocal = () => DateTime.now().setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm");

  r.get('/visits', ...work, (req, res) => {
    const parsed = dayQuerySchema.safeParse(req.query);
    const date = (parsed.success && parsed.data.date) || todayIn(zone);
    const topics = deskLabels(db).topic;
    const items = service.visitsOn(db, date).map((v) => presentVisit(v, zone, topics));
    const active = items.filter((v) => v.status !== 'cancelled');
    res.render('visits/day', {
      title: 'Daftar reservasi kunjungan', date, dateLong: DateTime.fromISO(date).setLocale('id').toFormat('cccc, d LLLL yyyy'), items,
      totals: { reservations: active.length, people: active.reduce((n, v) => n + v.people, 0) },
      prev: DateTime.fromISO(date).minus({ days: 1 }).toISODate(), next: DateTime.fromISO(date).plus({ days: 1 }).toISODate(),
      refused: parsed.success ? null : 'Tanggal tidak valid; menampilkan hari ini.', settings: getSettings(db),
    });
  });

  const renderNew = (res: Response, locals: Record<string, unknown>) =>
    res.render('visits/new', { title: 'Reservasi kunjungan', userTypes: USER_TYPES, ...formOptions(db), maxPeople: service.maxPeoplePerRegionDay(db), errors: {}, message: '', ...locals });
  r.get('/visits/new', ...work, (_req, res) =>
    renderNew(res, { values: { guestType: 'local_government', people: 1, plannedOn: DateTime.now().setZone(zone).plus({ days: 1 }).toISODate() } }));
  r.post('/visits/new', ...work, async (req, res) => {
    await handleForm(req, res, () => {
      const row = service.reserveVisit({ db, actor: currentActor(req), zone, input: parseWithRegionAndTopic(db, req.body, () => parseInput(reservationSchema, req.body)) });
      flash(req, 'success', `Reservasi kunjungan ${row.plannedOn} dicatat. Cetak konfirmasi kedatangan untuk tamu.`);
      res.redirect(`/visits/${row.id}`);
    }, (errors, message) => renderNew(res, { values: req.body, errors, message }));
  });

  const renderVisit = (req: Request, res: Response, id: number, locals: Record<string, unknown> = {}) => {
    const v = presentVisit(service.getVisit(db, id), zone, deskLabels(db).topic);
    res.render('visits/show', {
      title: `Kunjungan ${v.number}`, visit: v, target: MET_TARGET_MINUTES,
      timeline: presentTimeline(entityHistory(db, 'visit', String(id)), zone),
      values: { checkedInAt: nowLocal(), metAt: nowLocal() }, errors: {}, message: '', form: '', ...locals,
    });
  };
  r.get('/visits/:id', ...work, (req, res) => renderVisit(req, res, idParam(req.params.id)));

  r.get('/visits/:id/confirmation', ...work, (req, res) => {
    const v = presentVisit(service.getVisit(db, idParam(req.params.id)), zone, deskLabels(db).topic);
    res.render('visits/confirmation', { title: `Konfirmasi kedatangan ${v.number}`, visit: v, settings: getSettings(db), today: todayIn(zone), target: MET_TARGET_MINUTES });
  });

  const action = (path: string, form: string, run: (req: Request, id: number) => void, done: string) =>
    r.post(`/visits/:id/${path}`, ...work, async (req, res) => {
      const id = idParam(req.params.id);
      await handleForm(req, res, () => {
        run(req, id);
        flash(req, 'success', done);
        res.redirect(`/visits/${id}`);
      }, (errors, message) => renderVisit(req, res, id, { form, values: { checkedInAt: nowLocal(), metAt: nowLocal(), ...req.body }, errors, message }));
    });
  action('check-in', 'check-in', (req, id) => service.checkInVisit({ db, actor: currentActor(req), zone, id, input: parseInput(checkInSchema(zone), req.body) }), 'Kedatangan dicatat; tiket konsultasi kunjungan dibuka.');
  action('met', 'met', (req, id) => service.recordMeeting({ db, actor: currentActor(req), zone, id, input: parseInput(meetingSchema(zone), req.body) }), 'Waktu ditemui konsultan dicatat.');
  action('cancel', 'cancel', (req, id) => service.cancelVisit({ db, actor: currentActor(req), zone, id, input: parseInput(cancelSchema, req.body) }), 'Reservasi dibatalkan.');
  action('no-show', 'no-show', (req, id) => service.markNoShow({ db, actor: currentActor(req), zone, id }), 'Dicatat: tamu tidak datang.');

  return r;
}
