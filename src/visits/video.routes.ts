import { Router, type Request, type Response } from 'express';
import { DateTime } from 'luxon';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { formatDate, formatInstant, MONTHS_ID } from '../shared/dates.js';
import { entityHistory } from '../audit/audit.repo.js';
import { presentTimeline } from '../requests/timeline.presenter.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { listUnits } from '../units/units.service.js';
import type { VideoConferenceRow } from '../db/schema.js';
import { deskLabels } from '../desk/desk-config.js';
import * as service from './video.service.js';
import { formOptions, parseWithRegionAndTopic } from './region-code.js';
import { monthQuerySchema, videoCancelSchema, videoHeldSchema, videoRecordingSchema, videoRequestSchema } from './video.schemas.js';
import { isLate, NETWORKS, PLANNING_LIMIT_DAYS, VIDEO_STATUSES, type Network } from './video-rules.js';

const STATUS_CSS: Record<string, string> = { planned: 'open', held: 'muted', cancelled: 'muted' };

/** Video conferences (SOP 195): the month's list, the letter's request, held, recording, cancel. */
export function videoConferenceRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const work = [requireUser, requirePermission('desk.work')];
  const zone = config.zone;
  const nowLocal = () => DateTime.now().setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm");
  const present = (v: VideoConferenceRow) => {
    const unit = listUnits(db).find((u) => u.id === v.unitId);
    const plannedOn = DateTime.fromISO(v.plannedAt).setZone(zone).toISODate()!;
    return {
      id: v.id, letterNumber: v.letterNumber, letterDate: formatDate(v.letterDate), letterReceivedOn: formatDate(v.letterReceivedOn),
      regionCode: v.regionCode, institution: v.institution, topic: deskLabels(db).topic[v.topic] ?? v.topic, unit: unit ? `${unit.code} — ${unit.name}` : '',
      networkLabel: NETWORKS[v.network as Network] ?? v.network, limitDays: PLANNING_LIMIT_DAYS[v.network as Network],
      plannedAt: formatInstant(v.plannedAt, zone), late: isLate(v.letterReceivedOn, plannedOn, v.network as Network, loadCalendar(db)), lateReason: v.lateReason,
      status: v.status, statusLabel: VIDEO_STATUSES[v.status as keyof typeof VIDEO_STATUSES] ?? v.status, statusCss: STATUS_CSS[v.status] ?? 'muted',
      heldAt: v.heldAt ? formatInstant(v.heldAt, zone) : '', recordingUrl: v.recordingUrl, consultationId: v.consultationId, cancelNote: v.cancelNote,
    };
  };

  r.get('/video-conferences', ...work, (req, res) => {
    const parsed = monthQuerySchema.safeParse(req.query);
    const month = (parsed.success && parsed.data.month) || DateTime.now().setZone(zone).toFormat('yyyy-LL');
    const [y, m] = month.split('-').map(Number);
    const items = service.videoConferencesPlannedIn(db, zone, y, m).map(present);
    res.render('visits/video-list', {
      title: 'Konferensi video', month, monthLabel: `${MONTHS_ID[m - 1]} ${y}`, items, held: items.filter((i) => i.status === 'held').length,
      refused: parsed.success ? null : 'Bulan tidak valid; menampilkan bulan ini.',
    });
  });

  const unitOptions = () => Object.fromEntries(listUnits(db).filter((u) => u.active).map((u) => [u.code, `${u.code} — ${u.name}`]));
  const renderNew = (res: Response, locals: Record<string, unknown>) =>
    res.render('visits/video-new', { title: 'Catat konferensi video', networks: NETWORKS, unitOptions: unitOptions(), ...formOptions(db), limits: PLANNING_LIMIT_DAYS, errors: {}, message: '', ...locals });
  r.get('/video-conferences/new', ...work, (_req, res) => renderNew(res, { values: { network: 'office_app', letterReceivedOn: DateTime.now().setZone(zone).toISODate() } }));
  r.post('/video-conferences/new', ...work, async (req, res) => {
    await handleForm(req, res, () => {
      const row = service.requestVideoConference({ db, actor: currentActor(req), zone, input: parseWithRegionAndTopic(db, req.body, () => parseInput(videoRequestSchema(zone), req.body)) });
      flash(req, 'success', `Konferensi video atas surat ${row.letterNumber} dicatat.`);
      res.redirect(`/video-conferences/${row.id}`);
    }, (errors, message) => renderNew(res, { values: req.body, errors, message }));
  });

  const renderShow = (req: Request, res: Response, id: number, locals: Record<string, unknown> = {}) => {
    const v = present(service.getVideoConference(db, id));
    res.render('visits/video-show', {
      title: `Konferensi video ${v.letterNumber}`, call: v, timeline: presentTimeline(entityHistory(db, 'video_conference', String(id)), zone),
      values: { heldAt: nowLocal() }, errors: {}, message: '', form: '', ...locals,
    });
  };
  r.get('/video-conferences/:id', ...work, (req, res) => renderShow(req, res, idParam(req.params.id)));

  const action = (path: string, run: (req: Request, id: number) => void, done: string) =>
    r.post(`/video-conferences/:id/${path}`, ...work, async (req, res) => {
      const id = idParam(req.params.id);
      await handleForm(req, res, () => {
        run(req, id);
        flash(req, 'success', done);
        res.redirect(`/video-conferences/${id}`);
      }, (errors, message) => renderShow(req, res, id, { form: path, values: { heldAt: nowLocal(), ...req.body }, errors, message }));
    });
  action('held', (req, id) => service.holdVideoConference({ db, actor: currentActor(req), zone, id, input: parseInput(videoHeldSchema(zone), req.body) }), 'Pelaksanaan dicatat; tiket konsultasi konferensi video dibuka.');
  action('recording', (req, id) => service.setRecording({ db, actor: currentActor(req), zone, id, input: parseInput(videoRecordingSchema, req.body) }), 'Tautan rekaman dicatat.');
  action('cancel', (req, id) => service.cancelVideoConference({ db, actor: currentActor(req), zone, id, input: parseInput(videoCancelSchema, req.body) }), 'Konferensi video dibatalkan.');

  return r;
}
