import { Router, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam, pageParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { AppError, notFound } from '../shared/errors.js';
import { formatInstant } from '../shared/dates.js';
import type { OutboxRow } from '../db/schema.js';
import { CHANNELS, isMessageKind, MESSAGE_KINDS, OUTBOX_STATUSES, type MessageKind } from './kinds.js';
import { configureMessaging } from './enqueue.js';
import { DEFAULT_MAIL_FROM } from './messaging.js';
import { buildEml } from './transports.js';
import * as repo from './messages.repo.js';
import { outboxFilterSchema, preferencesFormSchema, templateFormSchema } from './messages.schemas.js';
import { preferencesOf, resendMessage, saveMessagePreferences, saveTemplate, templateInUse } from './messages.service.js';

/** Outbox and templates (admin), and every user's own message choices (Profil saya). */
export function messagesRoutes({ db, config }: AppContext): Router {
  configureMessaging(db, { whatsapp: Boolean(config.waUrl), baseUrl: (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '') });
  const r = Router();
  const admin = [requireUser, requirePermission('admin.messages')];
  const from = config.mailFrom ?? DEFAULT_MAIL_FROM;

  const present = (m: OutboxRow) => ({
    id: m.id, kind: MESSAGE_KINDS[m.kind as MessageKind]?.label ?? m.kind, channel: CHANNELS[m.channel as keyof typeof CHANNELS] ?? m.channel,
    recipient: m.recipientName ? `${m.recipientName} <${m.recipient}>` : m.recipient, subject: m.subject, body: m.body,
    status: m.status, statusLabel: OUTBOX_STATUSES[m.status as keyof typeof OUTBOX_STATUSES] ?? m.status, attempts: m.attempts,
    lastError: m.lastError, createdAt: formatInstant(m.createdAt, config.zone), sentAt: m.sentAt ? formatInstant(m.sentAt, config.zone) : '',
    nextAttemptAt: m.status === 'queued' ? formatInstant(m.nextAttemptAt, config.zone) : '', eventKey: m.eventKey,
    templateVersion: m.templateVersion, attachmentName: m.attachmentName, requestId: m.requestId, objectionId: m.objectionId,
  });
  const load = (id: unknown) => {
    const m = repo.findOutbox(db, idParam(id));
    if (!m) throw notFound('Pesan');
    return m;
  };

  r.get('/admin/outbox', ...admin, (req, res) => {
    const { status } = outboxFilterSchema.parse({ status: req.query.status });
    const page = pageParam(req.query.page);
    const { rows, total } = repo.listOutbox(db, status ?? null, page);
    res.render('messages/outbox', {
      title: 'Kotak keluar', rows: rows.map(present), total, page, pages: Math.max(1, Math.ceil(total / repo.OUTBOX_PAGE_SIZE)),
      status: status ?? '', statuses: OUTBOX_STATUSES, counts: repo.outboxCounts(db),
      smtp: Boolean(config.smtpUrl), whatsapp: Boolean(config.waUrl), wide: true,
    });
  });

  r.get('/admin/outbox/:id', ...admin, (req, res) => {
    const m = present(load(req.params.id));
    res.render('messages/message', { title: `Pesan #${m.id}`, m });
  });

  r.get('/admin/outbox/:id/eml', ...admin, async (req, res) => {
    const m = load(req.params.id);
    const eml = await buildEml(m, from);
    res.set('Content-Type', 'message/rfc822');
    res.attachment(`pesan-${m.id}.eml`);
    res.send(eml);
  });

  r.get('/admin/outbox/:id/attachment', ...admin, (req, res) => {
    const m = load(req.params.id);
    if (!m.attachmentHtml) throw notFound('Lampiran');
    // Shown as a download, never as a page of this site (its HTML is the letter, not the app).
    res.set('Content-Type', 'text/html; charset=utf-8');
    res.attachment(m.attachmentName ?? 'surat.html');
    res.send(m.attachmentHtml);
  });

  r.post('/admin/outbox/:id/resend', ...admin, (req, res) => {
    const m = resendMessage({ db, actor: currentActor(req), id: idParam(req.params.id) });
    flash(req, 'success', `Pesan #${m.id} masuk antrean lagi.`);
    res.redirect(`/admin/outbox/${m.id}`);
  });

  // ---- templates -------------------------------------------------------------------------------

  const kindParam = (value: unknown): MessageKind => {
    if (typeof value !== 'string' || !isMessageKind(value)) throw new AppError('not_found', 'Templat tidak ditemukan.');
    return value;
  };
  const renderTemplate = (res: Response, kind: MessageKind, values: Record<string, unknown>, locals: Record<string, unknown> = {}) =>
    res.render('messages/template', {
      title: `Templat: ${MESSAGE_KINDS[kind].label}`, kind, spec: MESSAGE_KINDS[kind], values, errors: {}, message: '',
      versions: repo.templateVersions(db, kind).map((t) => ({ version: t.version, at: formatInstant(t.createdAt, config.zone) })),
      inUse: templateInUse(db, kind).version, ...locals,
    });

  r.get('/admin/templates', ...admin, (_req, res) => {
    const versions = repo.latestVersions(db);
    const kinds = Object.entries(MESSAGE_KINDS).map(([kind, spec]) => ({ kind, label: spec.label, audience: spec.audience, version: versions.get(kind) ?? 0 }));
    res.render('messages/templates', { title: 'Templat pesan', kinds });
  });

  r.get('/admin/templates/:kind', ...admin, (req, res) => {
    const kind = kindParam(req.params.kind);
    renderTemplate(res, kind, templateInUse(db, kind));
  });

  r.post('/admin/templates/:kind', ...admin, async (req, res) => {
    const kind = kindParam(req.params.kind);
    await handleForm(req, res, () => {
      const saved = saveTemplate({ db, actor: currentActor(req), kind, input: parseInput(templateFormSchema, req.body) });
      flash(req, saved ? 'success' : 'info', saved ? `Templat disimpan (versi ${saved.version}).` : 'Tidak ada perubahan.');
      res.redirect(`/admin/templates/${kind}`);
    }, (errors, message) => renderTemplate(res, kind, req.body ?? {}, { errors, message }));
  });

  // ---- Profil saya -----------------------------------------------------------------------------

  const renderProfile = (res: Response, values: Record<string, unknown>, locals: Record<string, unknown> = {}) =>
    res.render('messages/profile', { title: 'Profil saya', values, errors: {}, message: '', ...locals });

  r.get('/profil', requireUser, (req, res) => renderProfile(res, preferencesOf(db, currentUser(req).id)));

  r.post('/profil', requireUser, async (req, res) => {
    await handleForm(req, res, () => {
      saveMessagePreferences({ db, actor: currentActor(req), userId: currentUser(req).id, input: parseInput(preferencesFormSchema, req.body) });
      flash(req, 'success', 'Pilihan pesan disimpan.');
      res.redirect('/profil');
    }, (errors, message) => renderProfile(res, { ...req.body, newRequests: req.body?.newRequests, dailyDigest: req.body?.dailyDigest, weeklySummary: req.body?.weeklySummary }, { errors, message }));
  });

  return r;
}
