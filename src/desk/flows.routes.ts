import { Router, type Request, type RequestHandler, type Response } from 'express';
import { DateTime } from 'luxon';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { AppError, forbidden } from '../shared/errors.js';
import { renameFields } from '../shared/api.js';
import { can, type Role } from '../auth/roles.js';
import { findUserById, listUsers } from '../auth/users.repo.js';
import { getSettings } from '../settings/settings.repo.js';
import { intakeFormSchema } from '../requests/requests.schemas.js';
import * as vocabulary from '../requests/vocabulary.js';
import { listUnits } from '../units/units.service.js';
import * as service from './desk.service.js';
import { presentConsultation } from './desk.presenter.js';
import * as approval from './approval.js';
import * as convert from './convert.js';
import * as repo from './flows.repo.js';
import { formApprovalSchema, formSendSchema, unitSettingsFormSchema } from './flows.schemas.js';

/**
 * The desk flows' pages (README "Layanan konsultasi"): the BAK, the head's approval, sending an
 * approved answer, making a ticket a PPID request, and the admin's per-unit approval setting.
 */
export function deskFlowRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const viewerOf = (req: Request): service.Viewer => ({ role: currentUser(req).role as Role, unitId: currentUser(req).unitId ?? null });
  const deskOrUnit: RequestHandler = (req, _res, next) => {
    const role = currentUser(req).role as Role;
    next(can(role, 'desk.work') || can(role, 'desk.unit') ? undefined : forbidden());
  };
  const nowLocal = () => DateTime.now().setZone(config.zone).toFormat("yyyy-LL-dd'T'HH:mm");
  const ticketView = (req: Request, id: number) => {
    const c = service.consultationFor(db, id, viewerOf(req));
    return { c, ticket: presentConsultation(c, listUnits(db).find((u) => u.id === c.escalatedUnitId), config.zone) };
  };
  /** One action's form on its own page (a refused form comes back here with its messages). */
  const renderAction = (req: Request, res: Response, id: number, form: 'approval' | 'send', locals: Record<string, unknown>) => {
    const { c, ticket } = ticketView(req, id);
    const draft = approval.latestDraftOf(db, c.id);
    res.render('desk/flow-action', { title: `Konsultasi ${ticket.ticketNumber}`, ticket, form, draft, errors: {}, message: '', values: {}, ...locals });
  };

  r.get('/desk/:id/bak', requireUser, deskOrUnit, (req, res) => {
    const { c, ticket } = ticketView(req, idParam(req.params.id));
    const bak = repo.bakOf(db, c.id);
    if (!bak || !c.answeredAt) throw new AppError('not_found', 'Konsultasi ini belum dijawab, jadi belum ada Berita Acara Konsultasi.');
    const lastDraft = approval.latestDraftOf(db, c.id);
    const name = (uid: number | null) => (uid ? (findUserById(db, uid)?.displayName ?? '') : '');
    res.render('desk/bak', {
      title: `BAK ${bak.number}`, ticket, bak, visit: c.channel === 'visit', settings: getSettings(db),
      answeredOn: DateTime.fromISO(c.answeredAt).setZone(config.zone).toISODate(),
      agentName: name(c.answeredBy), consultantName: lastDraft?.status === 'sent' ? name(lastDraft.draftedBy) : name(c.answeredBy),
    });
  });

  r.post('/desk/:id/approval', requireUser, requirePermission('desk.unit'), async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      const input = parseInput(formApprovalSchema, req.body);
      approval.decideDraft({ db, actor: currentActor(req), id, viewer: viewerOf(req), input });
      flash(req, 'success', input.decision === 'approve' ? 'Jawaban disetujui; agen dapat mengirimkannya.' : 'Jawaban dikembalikan ke unit dengan catatan.');
      res.redirect(`/desk/${id}`);
    }, (errors, message) => renderAction(req, res, id, 'approval', { values: req.body, errors, message }));
  });

  r.post('/desk/:id/send', requireUser, requirePermission('desk.work'), async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      const { answered_at } = renameFields({ answered_at: 'answeredAt' }, () => parseInput(formSendSchema(config.zone), req.body));
      renameFields({ answered_at: 'answeredAt' }, () => approval.sendApproved({ db, actor: currentActor(req), zone: config.zone, id, viewer: viewerOf(req), answeredAt: answered_at }));
      flash(req, 'success', 'Jawaban yang disetujui dikirim; Berita Acara Konsultasi bernomor tersedia.');
      res.redirect(`/desk/${id}`);
    }, (errors, message) => renderAction(req, res, id, 'send', { values: { answeredAt: nowLocal(), ...req.body }, errors, message }));
  });

  const write = [requireUser, requirePermission('request.write')];
  const renderConvert = (req: Request, res: Response, id: number, locals: Record<string, unknown>) => {
    const { ticket } = ticketView(req, id);
    res.render('desk/convert', { title: `Jadikan permohonan: ${ticket.ticketNumber}`, ticket, vocabulary, errors: {}, message: '', action: `/desk/${id}/request`, ...locals });
  };
  r.get('/desk/:id/request', ...write, (req, res) => {
    const id = idParam(req.params.id);
    convert.refuseIfConverted(db, id);
    renderConvert(req, res, id, { values: convert.prefill(convert.consultationOrThrow(db, id), config.zone) });
  });
  r.post('/desk/:id/request', ...write, async (req, res) => {
    const id = idParam(req.params.id);
    const c = convert.consultationOrThrow(db, id);
    await handleForm(req, res, () => {
      const input = parseInput(intakeFormSchema, { ...req.body, receivedOn: convert.receivedOnOf(c, config.zone) });
      const row = convert.convertConsultation({ db, actor: currentActor(req), zone: config.zone, id, input });
      flash(req, 'success', `Permohonan dicatat dengan nomor ${row.registrationNumber}. Cetak tanda bukti untuk pemohon.`);
      res.redirect(`/requests/${row.id}`);
    }, (errors, message) => renderConvert(req, res, id, { values: { ...req.body, receivedOn: convert.receivedOnOf(c, config.zone) }, errors, message }));
  });

  const admin = [requireUser, requirePermission('admin.units')];
  const renderSettings = (res: Response, locals: Record<string, unknown> = {}) => {
    const settings = new Map(approval.allUnitSettings(db).map((s) => [s.unitId, s]));
    const users = listUsers(db).filter((u) => u.active && u.role === 'unit');
    const rows = listUnits(db).map((u) => ({
      unit: u, approvalRequired: settings.get(u.id)?.approvalRequired ?? false, headUserId: settings.get(u.id)?.headUserId ?? null,
      candidates: Object.fromEntries(users.filter((x) => x.unitId === u.id).map((x) => [String(x.id), `${x.displayName} (${x.username})`])),
    }));
    res.render('desk/unit-approval', { title: 'Persetujuan jawaban unit', rows, errors: {}, message: '', failedUnit: null, ...locals });
  };
  r.get('/admin/desk-approval', ...admin, (_req, res) => renderSettings(res));
  r.post('/admin/desk-approval/:id', ...admin, async (req, res) => {
    const unitId = idParam(req.params.id);
    await handleForm(req, res, () => {
      const input = parseInput(unitSettingsFormSchema, req.body);
      approval.setUnitApproval({ db, actor: currentActor(req), unitId, input });
      flash(req, 'success', 'Pengaturan persetujuan disimpan.');
      res.redirect('/admin/desk-approval');
    }, (errors, message) => renderSettings(res, { errors, message, failedUnit: unitId }));
  });

  return r;
}

/** The request page shows the consultation it came from (requests/ never imports the desk). */
export function deskRequestLink({ db }: Pick<AppContext, 'db'>): RequestHandler {
  return (req, res, next) => {
    const m = /^\/requests\/([1-9]\d{0,15})$/.exec(req.path);
    if (req.method === 'GET' && m && req.user && can(req.user.role as Role, 'request.read')) {
      res.locals.consultationLink = () => {
        const link = convert.conversionOfRequest(db, Number(m[1]));
        if (!link) return null;
        const c = convert.consultationOrThrow(db, link.consultationId);
        return { id: c.id, ticketNumber: c.ticketNumber };
      };
    }
    next();
  };
}
