/** The request page's view model, made from requestPage()'s data (request-page.query.ts). */
import type { AttachmentRow } from '../db/schema.js';
import { missingCalendarWarning } from '../calendar/holidays.service.js';
import { presentObjectionForStaff } from '../objections/objections.presenter.js';
import { groupByKind, presentAttachment } from '../uploads/attachments.presenter.js';
import { ATTACHMENT_KINDS } from '../uploads/vocabulary.js';
import { presentRequestForStaff } from './requests.presenter.js';
import { presentTimeline } from './timeline.presenter.js';
import type { RequestPageData } from './request-page.query.js';

/** The upload form's state: empty, or a refused upload's message and the values typed. */
export interface UploadFormState {
  message: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}
export const EMPTY_UPLOAD: UploadFormState = { message: '', errors: {}, values: {} };

export function presentRequestPage(
  data: RequestPageData,
  opts: { zone: string; maxUploadBytes: number; maxUploadFiles: number; upload?: UploadFormState },
) {
  const { request: row, calendar, today } = data;
  const view = presentRequestForStaff(row, calendar, today);
  const objectionNumbers = new Map(data.objections.map((o) => [o.id, o.registrationNumber]));
  const present = (a: AttachmentRow) => presentAttachment(a, opts.zone, objectionNumbers);
  return {
    title: view.number,
    request: view,
    timeline: presentTimeline(data.history, opts.zone),
    objections: data.objections.map((o) => {
      const objection = presentObjectionForStaff(o, calendar, today);
      return { ...objection, groundLetters: objection.grounds.map((g) => g.letter).join(', ') };
    }),
    calendarWarnings: data.missingCalendarYears.map(missingCalendarWarning),
    attachments: groupByKind(data.attachments.map(present)),
    removedAttachments: data.removedAttachments.map(present),
    attachmentKinds: ATTACHMENT_KINDS,
    maxUploadMb: Math.round(opts.maxUploadBytes / 1024 / 1024),
    maxUploadFiles: opts.maxUploadFiles,
    upload: opts.upload ?? EMPTY_UPLOAD,
  };
}
export type RequestPageView = ReturnType<typeof presentRequestPage>;
