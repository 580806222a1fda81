import { Router, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { todayIn } from '../shared/dates.js';
import { formatNumber, numberPatternProblem } from '../numbering/numbering.js';
import { getSettings } from './settings.repo.js';
import { SETTING_LABELS, settingsSchema } from './settings.schemas.js';
import { updateSettings } from './settings.service.js';
import { describeRecomputed } from '../holidays/recompute-deadlines.js';

export function settingsRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const admin = [requireUser, requirePermission('admin.settings')];

  /** The 7th request of today under the pattern, so the admin sees what the numbers will look like. */
  const example = (pattern: unknown) =>
    typeof pattern === 'string' && !numberPatternProblem(pattern) ? formatNumber(pattern, 7, todayIn(config.zone)) : null;
  const render = (res: Response, values: Record<string, unknown>, locals: Record<string, unknown> = {}) =>
    res.render('admin/settings', {
      title: 'Pengaturan', labels: SETTING_LABELS, values, errors: {}, message: '', ...locals,
      examples: { registration_pattern: example(values.registration_pattern), objection_pattern: example(values.objection_pattern), extension_letter_pattern: example(values.extension_letter_pattern), rejection_letter_pattern: example(values.rejection_letter_pattern) },
    });

  r.get('/admin/settings', ...admin, (_req, res) => render(res, getSettings(db)));

  r.post('/admin/settings', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      const { changed, recalculated } = updateSettings({ db, actor: currentActor(req), zone: config.zone, input: parseInput(settingsSchema, req.body) });
      const moved = recalculated ? describeRecomputed(recalculated) : '';
      flash(req, changed.length ? 'success' : 'info', changed.length ? `Pengaturan disimpan.${moved ? ` ${moved[0].toUpperCase()}${moved.slice(1)} dihitung ulang.` : ''}` : 'Tidak ada perubahan.');
      res.redirect('/admin/settings');
    }, (errors, message) => render(res, req.body, { errors, message }));
  });

  return r;
}
