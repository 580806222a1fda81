import { Router, type Response } from 'express';
import type { AppContext } from '../app.js';
import { currentActor, flash, handleForm, requirePermission, requireUser } from '../shared/http.js';
import { parseInput } from '../shared/validation.js';
import { todayIn } from '../shared/dates.js';
import { formatNumber, numberPatternProblem } from '../numbering/numbering.js';
import { getSettings } from './settings.repo.js';
import { SETTING_LABELS, settingsSchema } from './settings.schemas.js';
import { updateSettings } from './settings.service.js';

export function settingsRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const admin = [requireUser, requirePermission('admin.settings')];

  /** The 7th request of today under the pattern, so the admin sees what the numbers will look like. */
  const example = (pattern: unknown) =>
    typeof pattern === 'string' && !numberPatternProblem(pattern) ? formatNumber(pattern, 7, todayIn(config.zone)) : null;
  const render = (res: Response, values: Record<string, unknown>, locals: Record<string, unknown> = {}) =>
    res.render('admin/settings', {
      title: 'Pengaturan', labels: SETTING_LABELS, values, errors: {}, message: '', ...locals,
      examples: { registration_pattern: example(values.registration_pattern), objection_pattern: example(values.objection_pattern) },
    });

  r.get('/admin/settings', ...admin, (_req, res) => render(res, getSettings(db)));

  r.post('/admin/settings', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      const { changed } = updateSettings({ db, actor: currentActor(req), input: parseInput(settingsSchema, req.body) });
      flash(req, changed.length ? 'success' : 'info', changed.length ? 'Pengaturan disimpan.' : 'Tidak ada perubahan.');
      res.redirect('/admin/settings');
    }, (errors, message) => render(res, req.body, { errors, message }));
  });

  return r;
}
