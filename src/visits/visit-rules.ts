/**
 * Rules of SOP 194 (visits), pure: the reservation day (H-1 on the office's working calendar),
 * the people per region per day, and the consultant's 10-minute target. Statuses are persisted
 * in visits.status: never rename one.
 */
import { DateTime } from 'luxon';
import { isWorkingDay, type WorkingCalendar } from '../calendar/working-days.js';
import { formatLongDate } from '../shared/dates.js';

export const VISIT_STATUSES = {
  reserved: 'Direservasi',
  arrived: 'Sudah datang',
  met: 'Sudah ditemui konsultan',
  cancelled: 'Dibatalkan',
  no_show: 'Tidak datang',
} as const;
export type VisitStatus = keyof typeof VISIT_STATUSES;

/** SOP 194: a consultant meets the guest within 10 minutes of registration at the lobby. */
export const MET_TARGET_MINUTES = 10;

/**
 * Why a visit cannot be reserved for `plannedOn` when asked on `today` (both office-zone dates),
 * or null. SOP 194: at least one day before (H-1), on a day the office works.
 */
export function reservationDayProblem(plannedOn: string, today: string, cal: WorkingCalendar): string | null {
  if (plannedOn < today) return `Tanggal ${formatLongDate(plannedOn)} sudah lewat. Reservasi paling lambat satu hari kerja sebelum kunjungan (H-1).`;
  if (plannedOn === today) return 'Reservasi untuk hari ini tidak dapat diterima: paling lambat satu hari kerja sebelum kunjungan (H-1, SOP 194).';
  if (!isWorkingDay(plannedOn, cal)) return `${formatLongDate(plannedOn)} bukan hari kerja kantor (akhir pekan atau hari libur). Pilih hari kerja.`;
  return null;
}

/** Why `people` more cannot come from the region on that day, given those already reserved, or null. */
export function regionDayProblem(args: { reserved: number; people: number; max: number; regionCode: string; plannedOn: string }): string | null {
  const { reserved, people, max, regionCode, plannedOn } = args;
  if (reserved + people <= max) return null;
  const left = Math.max(0, max - reserved);
  const day = formatLongDate(plannedOn);
  if (left === 0) return `Kuota wilayah ${regionCode} pada ${day} sudah penuh (${reserved} dari ${max} orang). Pilih hari lain.`;
  return `Wilayah ${regionCode} pada ${day} tinggal ${left} orang (sudah ${reserved} dari ${max}); reservasi ini ${people} orang.`;
}

/** Minutes from check-in to the consultant meeting the guest, and whether the target was met. */
export function meetingDelay(checkedInAt: string | null, metAt: string | null): { minutes: number; withinTarget: boolean } | null {
  if (!checkedInAt || !metAt) return null;
  const minutes = Math.max(0, Math.round(DateTime.fromISO(metAt).diff(DateTime.fromISO(checkedInAt), 'minutes').minutes));
  return { minutes, withinTarget: minutes <= MET_TARGET_MINUTES };
}
