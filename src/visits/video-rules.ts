/**
 * Rules of SOP 195 (video conferences), pure. Codes are persisted: never rename one.
 *
 * Planning limit: from the day the letter was received, the call is planned within 3 working
 * days on the office's own video app, 5 on the ministry network. A later date is not refused
 * outright (the region may ask for a later day itself): it is accepted only with a recorded
 * reason, which the list and the monthly report show as "melewati batas SOP".
 */
import { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.js';
import { formatLongDate } from '../shared/dates.js';

export const NETWORKS = {
  office_app: 'Aplikasi video kantor',
  ministry: 'Jaringan kementerian',
} as const;
export type Network = keyof typeof NETWORKS;

/** Working days from the letter's receipt to the call (SOP 195). */
export const PLANNING_LIMIT_DAYS: Record<Network, number> = { office_app: 3, ministry: 5 };

export const VIDEO_STATUSES = {
  planned: 'Direncanakan',
  held: 'Dilaksanakan',
  cancelled: 'Dibatalkan',
} as const;
export type VideoStatus = keyof typeof VIDEO_STATUSES;

/** The last day the call may be planned on. */
export function latestPlannedDay(receivedOn: string, network: Network, cal: WorkingCalendar): string {
  return addWorkingDays(receivedOn, PLANNING_LIMIT_DAYS[network], cal);
}

/**
 * Why the planned day is refused (before the letter), or, when it is beyond the SOP limit and
 * no reason is given, the message asking for one; null when it may be recorded.
 */
export function planningProblem(args: { receivedOn: string; plannedOn: string; network: Network; lateReason: string; cal: WorkingCalendar }): string | null {
  const { receivedOn, plannedOn, network, lateReason, cal } = args;
  if (plannedOn < receivedOn) return 'Jadwal konferensi video tidak boleh sebelum surat permohonan diterima.';
  const latest = latestPlannedDay(receivedOn, network, cal);
  if (plannedOn <= latest || lateReason) return null;
  const days = workingDaysBetween(receivedOn, plannedOn, cal);
  const which = isWorkingDay(plannedOn, cal) ? `hari kerja ke-${days}` : 'bukan hari kerja';
  return `Melewati batas SOP 195: ${NETWORKS[network].toLowerCase()} paling lambat ${PLANNING_LIMIT_DAYS[network]} hari kerja sejak surat diterima (${formatLongDate(latest)}); jadwal ini ${formatLongDate(plannedOn)}, ${which}. Pilih tanggal lebih awal, atau isi alasan keterlambatan.`;
}

/** True when the call is planned beyond the limit (recorded with a reason). */
export const isLate = (receivedOn: string, plannedOn: string, network: Network, cal: WorkingCalendar) => plannedOn > latestPlannedDay(receivedOn, network, cal);
