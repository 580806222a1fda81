import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context.js';
import { flash, handleForm, idParam } from '../shared/http.js';
import { currentActor, requirePermission, requireUser } from '../auth/guards.js';
import { parseInput } from '../shared/validation.js';
import { formatLongDate, todayIn } from '../shared/dates.js';
import type { HolidayRow } from '../db/schema.js';
import * as service from '../calendar/holidays.service.js';
import { addHoliday, removeHoliday, updateHoliday } from './change-holiday.js';
import { holidayFormSchema, yearParamSchema } from './holidays.schemas.js';
import { describeRecomputed, type Recomputed } from './recompute-deadlines.js';

/** A calendar entry as the admin pages show it. */
function presentHoliday(h: HolidayRow) {
  return {
    id: h.id,
    date: h.date,
    dateLabel: formatLongDate(h.date),
    kindLabel: service.HOLIDAY_KINDS[h.kind],
    name: h.name,
  };
}

function recalculatedMessage(c: Recomputed): string {
  const what = describeRecomputed(c);
  return what ? `${what[0].toUpperCase()}${what.slice(1)} dihitung ulang.` : 'Tidak ada tenggat permohonan, keberatan atau konsultasi yang berubah.';
}

/** Admin pages of the holiday calendar (hari libur nasional and cuti bersama). */
export function holidaysRoutes({ db, config }: AppContext): Router {
  const r = Router();
  const admin = [requireUser, requirePermission('admin.holidays')];
  const currentYear = () => Number(todayIn(config.zone).slice(0, 4));
  const yearOf = (value: unknown) => {
    const parsed = yearParamSchema.safeParse(value);
    return parsed.success ? parsed.data : currentYear();
  };
  const listUrl = (year: number) => `/admin/holidays?year=${year}`;

  const renderList = (res: Response, year: number, form: { values: Record<string, unknown>; errors: Record<string, string>; message: string }) => {
    const years = [...new Set([...service.holidayYears(db), currentYear(), currentYear() + 1, year])].sort((a, b) => b - a);
    res.render('admin/holidays', {
      title: `Hari libur ${year}`,
      year,
      years,
      days: service.holidaysOfYear(db, year).map(presentHoliday),
      warnings: service.missingCalendarYears(db, [year, year + 1]).map(service.missingCalendarWarning),
      kinds: service.HOLIDAY_KINDS,
      ...form,
    });
  };
  const renderEdit = (res: Response, holiday: HolidayRow, form: { values: Record<string, unknown>; errors: Record<string, string>; message: string }) => {
    res.render('admin/holidays-edit', { title: 'Ubah hari libur', holiday: presentHoliday(holiday), kinds: service.HOLIDAY_KINDS, ...form });
  };
  const typed = (req: Request) => (req.body ?? {}) as Record<string, unknown>;

  r.get('/admin/holidays', ...admin, (req, res) => {
    renderList(res, yearOf(req.query.year), { values: {}, errors: {}, message: '' });
  });

  r.post('/admin/holidays', ...admin, async (req, res) => {
    await handleForm(req, res, () => {
      const { holiday, recalculated } = addHoliday({ db, actor: currentActor(req), zone: config.zone, input: parseInput(holidayFormSchema, req.body) });
      flash(req, 'success', `${formatLongDate(holiday.date)} (${holiday.name}) ditambahkan. ${recalculatedMessage(recalculated)}`);
      res.redirect(listUrl(Number(holiday.date.slice(0, 4))));
    }, (errors, message) => renderList(res, yearOf(req.query.year), { values: typed(req), errors, message }));
  });

  r.get('/admin/holidays/:id/edit', ...admin, (req, res) => {
    const holiday = service.getHoliday(db, idParam(req.params.id));
    renderEdit(res, holiday, { values: holiday, errors: {}, message: '' });
  });

  r.post('/admin/holidays/:id/edit', ...admin, async (req, res) => {
    const holiday = service.getHoliday(db, idParam(req.params.id));
    await handleForm(req, res, () => {
      const input = parseInput(holidayFormSchema, req.body);
      const { holiday: after, recalculated } = updateHoliday({ db, actor: currentActor(req), zone: config.zone, id: holiday.id, input });
      flash(req, 'success', `${formatLongDate(after.date)} (${after.name}) disimpan. ${recalculatedMessage(recalculated)}`);
      res.redirect(listUrl(Number(after.date.slice(0, 4))));
    }, (errors, message) => renderEdit(res, holiday, { values: typed(req), errors, message }));
  });

  r.post('/admin/holidays/:id/delete', ...admin, (req, res) => {
    const { holiday, recalculated } = removeHoliday({ db, actor: currentActor(req), zone: config.zone, id: idParam(req.params.id) });
    flash(req, 'success', `${formatLongDate(holiday.date)} (${holiday.name}) dihapus. ${recalculatedMessage(recalculated)}`);
    res.redirect(listUrl(Number(holiday.date.slice(0, 4))));
  });

  return r;
}
