import type { Db } from '../db/client.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { describeRecomputed, recomputeForCollectiveLeave, type Recomputed } from '../holidays/recompute-deadlines.js';
import { getSettings, setSetting, type SettingKey } from './settings.repo.js';
import { SETTING_LABELS, type SettingsInput } from './settings.schemas.js';

/**
 * Saves the office settings. Only the keys whose value changed are written, and one audit entry
 * lists them with their old and new values. A new registration pattern applies to requests
 * registered afterwards; numbers already given are never rewritten. Changing whether cuti
 * bersama counts as a working day re-derives every deadline a cuti bersama day touches, in the
 * same transaction, as a holiday change does.
 */
export function updateSettings({ db, actor, zone, input }: { db: Db; actor: Actor; zone: string; input: SettingsInput }): { changed: SettingKey[]; recalculated: Recomputed | null } {
  return db.transaction((tx) => {
    const before = getSettings(tx);
    const changed = (Object.keys(SETTING_LABELS) as SettingKey[]).filter((k) => before[k] !== input[k]);
    if (changed.length === 0) return { changed, recalculated: null };
    for (const k of changed) setSetting(tx, k, input[k]);
    const recalculated = changed.includes('collective_leave_is_working_day') ? recomputeForCollectiveLeave(tx, zone) : null;
    const moved = recalculated ? describeRecomputed(recalculated) : '';
    recordEvent(tx, actor, {
      action: 'settings.update', entityType: 'settings',
      summary: `Pengaturan diubah: ${changed.map((k) => SETTING_LABELS[k]).join(', ')}${moved ? `; ${moved} dihitung ulang` : ''}`,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, input[k]])),
    });
    return { changed, recalculated };
  });
}
