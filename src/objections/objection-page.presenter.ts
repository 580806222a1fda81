/** The objection page's view model, made from objectionPage()'s data (objection-page.query.ts). */
import { missingCalendarWarning } from '../calendar/holidays.service.js';
import { presentRequestForStaff } from '../requests/requests.presenter.js';
import { presentTimeline } from '../requests/timeline.presenter.js';
import { EMPTY_UPLOAD, type UploadFormState } from '../requests/request-page.presenter.js';
import { presentAttachment } from '../uploads/attachments.presenter.js';
import { ATTACHMENT_KINDS } from '../uploads/vocabulary.js';
import { presentObjectionForStaff } from './objections.presenter.js';
import type { ObjectionPageData } from './objection-page.query.js';

export function presentObjectionPage(
  data: ObjectionPageData,
  opts: { zone: string; maxUploadBytes: number; maxUploadFiles: number; upload?: UploadFormState },
) {
  const objection = presentObjectionForStaff(data.objection, data.calendar, data.today, data.stages);
  return {
    title: objection.number,
    objection,
    request: data.request ? presentRequestForStaff(data.request, data.calendar, data.today) : null,
    timeline: presentTimeline(data.history, opts.zone),
    calendarWarnings: data.missingCalendarYears.map(missingCalendarWarning),
    files: data.files.map((a) => presentAttachment(a, opts.zone)),
    attachmentKinds: ATTACHMENT_KINDS,
    maxUploadMb: Math.round(opts.maxUploadBytes / 1024 / 1024),
    maxUploadFiles: opts.maxUploadFiles,
    upload: opts.upload ?? EMPTY_UPLOAD,
  };
}
