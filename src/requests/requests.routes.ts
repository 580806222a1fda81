import { commitWithOthers } from '../db/group-commit.js';
import { dikEntries } from '../dik/dik.service.js';
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam, pageParam } from '../shared/http.js';
import { currentActor, currentUser, requirePermission, requireUser } from '../auth/guards.js';
import { fieldErrors, parseInput } from '../shared/validation.js';
import { AppError } from '../shared/errors.js';
import { formatDate, todayIn } from '../shared/dates.js';
import { loadCalendar } from '../calendar/holidays.service.js';
import { getSettings } from '../settings/settings.repo.js';
import * as service from './requests.service.js';
import { presentRequestForStaff } from './requests.presenter.js';
import { requestPage } from './request-page.query.js';
import { presentRequestPage } from './request-page.presenter.js';
import { registerPage } from './register.query.js';
import { presentRegisterPage } from './register.presenter.js';
import {
  decisionFormSchema, extensionFormSchema, intakeFormSchema, MAX_SEARCH_LENGTH, registerFilterSchema, unvoidFormSchema, voidFormSchema, withdrawalFormSchema,
} from './requests.schemas.js';
import * as vocabulary from './vocabulary.js';
import { reasonsOf, articlesOf } from './requests.presenter.js';
import { MAX_EXTENSION_WORKING_DAYS } from './deadlines.js';
import { activePelaksanaUnits, registeringPelaksana, scopeOfUser } from '../pelaksana/pelaksana.service.js';

/** Pages of the request register; the work lives in requests.service.ts. */
export function requestsRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const read = [requireUser, requirePermission('request.read')];
  const write = [requireUser, requirePermission('request.write')];
  const today = () => todayIn(config.zone);

  const staffView = (id: number) => {
    const row = service.getRequest(db, id);
    return { row, view: presentRequestForStaff(row, loadCalendar(db), today()) };
  };
  const renderForm = (res: Response, template: string, id: number, locals: Record<string, unknown>) => {
    const { view } = staffView(id);
    res.render(`requests/${template}`, { title: view.number, request: view, vocabulary, errors: {}, message: '', ...(template === 'decide' ? { dik: dikEntries(db) } : {}), ...locals });
  };


  r.get('/requests', ...read, (req, res) => {
    // A refused filter is refused, not dropped: an empty list, the message, and the form as typed.
    const parsed = registerFilterSchema.safeParse(req.query);
    const filter = parsed.success ? parsed.data : null;
    const scope = scopeOfUser(db, currentUser(req));
    const data = registerPage({ db, zone: config.zone, filter, page: filter ? pageParam(req.query.page) : 1, scope });
    const view = presentRegisterPage(data, { typed: req.query, filter, filterErrors: parsed.success ? {} : fieldErrors(parsed.error) });
    res.status(filter ? 200 : 400).render('requests/register', { title: 'Register permohonan', wide: true, maxSearchLength: MAX_SEARCH_LENGTH, ...view });
  });

  /** The intake form's "registered by" choice: a Pelaksana's officer registers for it; the Utama's may choose one. */
  const pelaksanaChoice = (req: Request) => {
    const own = scopeOfUser(db, currentUser(req));
    return {
      own: own.kind === 'pelaksana' ? `${own.code} — ${own.name}` : '',
      options: Object.fromEntries(activePelaksanaUnits(db).map((u) => [u.code, `${u.code} — ${u.name}`])),
    };
  };

  r.get('/requests/new', ...write, (req, res) => {
    res.render('requests/intake', { title: 'Permohonan baru', values: { receivedOn: today() }, errors: {}, vocabulary, action: '/requests', pelaksana: pelaksanaChoice(req) });
  });

  r.post('/requests', ...write, async (req, res) => {
    await handleForm(req, res, async () => {
      const pelaksanaUnitId = registeringPelaksana(db, currentUser(req), req.body.pelaksana);
      const input = parseInput(intakeFormSchema, req.body);
      const row = await commitWithOthers(db, () => service.registerRequest({ db, actor: currentActor(req), zone: config.zone, input, pelaksanaUnitId }));
      flash(req, 'success', `Permohonan dicatat dengan nomor ${row.registrationNumber}. Cetak tanda bukti untuk pemohon.`);
      res.redirect(`/requests/${row.id}`);
    }, (errors, message) => res.render('requests/intake', {
      title: 'Permohonan baru', values: req.body, errors, message, vocabulary, action: '/requests', pelaksana: pelaksanaChoice(req),
    }));
  });

  r.get('/requests/:id', ...read, (req, res) => {
    // Reading never writes: the "Baru" flag is cleared by POST /requests/:id/opened.
    const data = requestPage({ db, zone: config.zone, id: idParam(req.params.id) });
    res.render('requests/show', presentRequestPage(data, { zone: config.zone, maxUploadBytes: config.maxUploadBytes, maxUploadFiles: config.maxUploadFiles }));
  });

  r.get('/requests/:id/receipt', ...read, (req, res) => {
    const { view } = staffView(idParam(req.params.id));
    res.render('requests/receipt', { title: `Tanda bukti ${view.number}`, request: view, settings: getSettings(db), today: today() });
  });

  r.get('/requests/:id/notice', ...read, (req, res) => {
    const { view } = staffView(idParam(req.params.id));
    if (!view.decision) throw new AppError('not_found', 'Permohonan ini belum diputus, jadi belum ada pemberitahuan tertulis.');
    res.render('requests/notice', { title: `Pemberitahuan tertulis ${view.number}`, request: view, settings: getSettings(db) });
  });

  // Intake correction.
  r.get('/requests/:id/edit', ...write, (req, res) => {
    const id = idParam(req.params.id);
    const { row } = staffView(id);
    renderForm(res, 'intake', id, { values: row, action: `/requests/${id}/edit` });
  });
  r.post('/requests/:id/edit', ...write, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      const version = Number(req.body.version) || undefined;
      service.correctIntake({ db, actor: currentActor(req), zone: config.zone, input: parseInput(intakeFormSchema, req.body), id, version });
      flash(req, 'success', 'Data permohonan diperbarui.');
      res.redirect(`/requests/${id}`);
    }, (errors, message) => renderForm(res, 'intake', id, { values: req.body, errors, message, action: `/requests/${id}/edit` }));
  });

  r.get('/requests/:id/extend', ...write, (req, res) => {
    const id = idParam(req.params.id);
    renderForm(res, 'extend', id, { values: { extendedOn: today(), extensionDays: MAX_EXTENSION_WORKING_DAYS } });
  });
  r.post('/requests/:id/extend', ...write, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      const row = service.extendRequest({ db, actor: currentActor(req), zone: config.zone, input: parseInput(extensionFormSchema, req.body), id });
      flash(req, 'success', `Tenggat diperpanjang sampai ${formatDate(row.dueOn)}.`);
      res.redirect(`/requests/${id}`);
    }, (errors, message) => renderForm(res, 'extend', id, { values: req.body, errors, message }));
  });

  const decisionValues = (body: Record<string, unknown>) => ({
    ...body,
    reasons: [body.reasons ?? []].flat(),
    exemptionArticles: [body.exemptionArticles ?? []].flat(),
  });
  for (const correcting of [false, true]) {
    const path = correcting ? 'correct' : 'decide';
    r.get(`/requests/:id/${path}`, ...write, (req, res) => {
      const id = idParam(req.params.id);
      const { row } = staffView(id);
      const values = correcting
        ? { ...row, reasons: reasonsOf(row), exemptionArticles: articlesOf(row) }
        : { decidedOn: today(), reasons: [], exemptionArticles: [] };
      renderForm(res, 'decide', id, { values, correcting });
    });
    r.post(`/requests/:id/${path}`, ...write, async (req, res) => {
      const id = idParam(req.params.id);
      await handleForm(req, res, () => {
        service.decideRequest({ db, actor: currentActor(req), zone: config.zone, input: parseInput(decisionFormSchema, req.body), id, correcting });
        flash(req, 'success', correcting ? 'Putusan dikoreksi dan tercatat di log audit.' : 'Putusan dicatat. Cetak pemberitahuan tertulis untuk pemohon.');
        res.redirect(`/requests/${id}`);
      }, (errors, message) => renderForm(res, 'decide', id, { values: decisionValues(req.body), errors, message, correcting }));
    });
  }

  r.get('/requests/:id/withdraw', ...write, (req, res) => {
    const id = idParam(req.params.id);
    renderForm(res, 'withdraw', id, { values: { withdrawnOn: today() } });
  });
  r.post('/requests/:id/withdraw', ...write, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.withdrawRequest({ db, actor: currentActor(req), zone: config.zone, input: parseInput(withdrawalFormSchema, req.body), id });
      flash(req, 'success', 'Pencabutan permohonan dicatat.');
      res.redirect(`/requests/${id}`);
    }, (errors, message) => renderForm(res, 'withdraw', id, { values: req.body, errors, message }));
  });

  // "Tandai sudah dibaca": the request page posts it (public/app.js does so by itself for an
  // officer or supervisor); auditors and admins cannot, so their look leaves the flag.
  r.post('/requests/:id/opened', ...write, (req, res) => {
    const id = idParam(req.params.id);
    const cleared = service.markOpened({ db, actor: currentActor(req), role: currentUser(req).role, id });
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ opened: true, cleared });
      return;
    }
    if (cleared) flash(req, 'info', 'Permohonan ditandai sudah dibaca.');
    res.redirect(`/requests/${id}`);
  });

  // Batalkan entri (void) and Pulihkan (restore).
  r.get('/requests/:id/void', ...write, (req, res) => {
    renderForm(res, 'void', idParam(req.params.id), { values: {} });
  });
  r.post('/requests/:id/void', ...write, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.voidRequest({ db, actor: currentActor(req), zone: config.zone, input: parseInput(voidFormSchema, req.body), id });
      flash(req, 'success', 'Entri dibatalkan. Nomornya tetap tercatat dan tidak dipakai ulang; entri ini tidak dihitung dalam rekapitulasi.');
      res.redirect(`/requests/${id}`);
    }, (errors, message) => renderForm(res, 'void', id, { values: req.body, errors, message }));
  });
  const restore = [requireUser, requirePermission('request.unvoid')];
  r.get('/requests/:id/unvoid', ...restore, (req, res) => {
    renderForm(res, 'unvoid', idParam(req.params.id), { values: {} });
  });
  r.post('/requests/:id/unvoid', ...restore, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, () => {
      service.unvoidRequest({ db, actor: currentActor(req), zone: config.zone, input: parseInput(unvoidFormSchema, req.body), id });
      flash(req, 'success', 'Entri dipulihkan dan kembali dihitung.');
      res.redirect(`/requests/${id}`);
    }, (errors, message) => renderForm(res, 'unvoid', id, { values: req.body, errors, message: errors.reason ?? message }));
  });

  return r;
}
