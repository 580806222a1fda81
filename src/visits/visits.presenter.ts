/** What the visit pages and papers show of a reservation. Pure. */
import type { VisitRow } from '../db/schema.js';
import { formatInstant, formatLongDate } from '../shared/dates.js';
import { USER_TYPES } from '../desk/vocabulary.js';
import { MET_TARGET_MINUTES, meetingDelay, VISIT_STATUSES } from './visit-rules.js';

const label = (table: Record<string, string>, code: string) => table[code] ?? code;
const STATUS_CSS: Record<string, string> = { reserved: 'open', arrived: 'soon', met: 'muted', cancelled: 'muted', no_show: 'late' };

/** `topics`: code → label of the desk's topic list (deskLabels), so a stored code reads as its label. */
export function presentVisit(v: VisitRow, zone: string, topics: Record<string, string> = {}) {
  const delay = meetingDelay(v.checkedInAt, v.metAt);
  return {
    id: v.id, number: `KUNJ-${String(v.id).padStart(5, '0')}`, status: v.status, statusLabel: label(VISIT_STATUSES, v.status), statusCss: STATUS_CSS[v.status] ?? 'muted',
    guestNames: v.guestNames, guestList: v.guestNames.split(/\r?\n/).map((n) => n.trim()).filter(Boolean).join(', '), guestTypeLabel: label(USER_TYPES, v.guestType), institution: v.institution, regionCode: v.regionCode,
    phone: v.phone, email: v.email, plannedOn: v.plannedOn, plannedOnLong: formatLongDate(v.plannedOn), topic: label(topics, v.topic), people: v.people,
    travelOrders: v.travelOrders, cancelNote: v.cancelNote,
    checkedInAt: v.checkedInAt ? formatInstant(v.checkedInAt, zone) : '',
    metAt: v.metAt ? formatInstant(v.metAt, zone) : '',
    meeting: delay
      ? { minutes: delay.minutes, withinTarget: delay.withinTarget, text: `${delay.minutes} menit sejak datang — target ${MET_TARGET_MINUTES} menit ${delay.withinTarget ? 'tercapai' : 'terlewat'}` }
      : null,
    consultationId: v.consultationId,
  };
}
export type VisitView = ReturnType<typeof presentVisit>;
