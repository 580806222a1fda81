import type { Db } from '../db/client.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { getSettings, setSetting, type SettingKey } from './settings.repo.js';
import { SETTING_LABELS, type SettingsInput } from './settings.schemas.js';

/**
 * Saves the office settings. Only the keys whose value changed are written, and one audit entry
 * lists them with their old and new values. A new registration pattern applies to requests
 * registered afterwards; numbers already given are never rewritten.
 */
export function updateSettings({ db, actor, input }: { db: Db; actor: Actor; input: SettingsInput }): { changed: SettingKey[] } {
  return db.transaction((tx) => {
    const before = getSettings(tx);
    const changed = (Object.keys(SETTING_LABELS) as SettingKey[]).filter((k) => before[k] !== input[k]);
    if (changed.length === 0) return { changed };
    for (const k of changed) setSetting(tx, k, input[k]);
    recordEvent(tx, actor, {
      action: 'settings.update', entityType: 'settings',
      summary: `Pengaturan diubah: ${changed.map((k) => SETTING_LABELS[k]).join(', ')}`,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, input[k]])),
    });
    return { changed };
  });
}
