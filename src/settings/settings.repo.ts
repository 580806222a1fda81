import { eq } from 'drizzle-orm';
import { preparedStatement, type Db, type Tx } from '../db/client.js';
import { cachedUntilChanged } from '../db/versioned-cache.js';
import { settings } from '../db/schema.js';
import { DEFAULT_OBJECTION_PATTERN, DEFAULT_REGISTRATION_PATTERN } from '../numbering/numbering.js';

/** Office settings an admin can change; the printouts and numbering read them. */
export const DEFAULT_SETTINGS = {
  office_name: 'PPID Badan Publik',
  office_city: 'Jakarta',
  office_address: '',
  ppid_officer_name: '',
  /** Tokens: see src/numbering/numbering.ts. */
  registration_pattern: DEFAULT_REGISTRATION_PATTERN,
  /** Same tokens, for objections (keberatan). */
  objection_pattern: DEFAULT_OBJECTION_PATTERN,
  /** Same tokens, for the extension letter (Pemberitahuan Perpanjangan Waktu, Pasal 22 ayat 8). */
  extension_letter_pattern: '{seq:3}/PERP/PPID/{year}',
  /** Same tokens, for the Surat Keputusan PPID tentang penolakan (src/requests/exemption.ts). */
  rejection_letter_pattern: '{seq:3}/SK-TOLAK/PPID/{year}',
  /** Name and position of the atasan PPID, printed on answers to objections. */
  supervisor_name: '',
  /**
   * '1': cuti bersama counts as a working day (Perpres 21/2023 lets units that serve the public
   * keep working on it); '0' (default): it does not, as the SKB 3 Menteri reads.
   */
  collective_leave_is_working_day: '0',
  /** Working days before the legal due date that a unit's answer to a disposition is due (0–10). */
  unit_lead_days: '2',
  /** SOP 194: people one region may bring to the office on one day (all its reservations). */
  visit_max_people_per_region_day: '2',
} as const;
export type SettingKey = keyof typeof DEFAULT_SETTINGS;
export type Settings = Record<SettingKey, string>;

export function seedSettings(db: Db): void {
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    db.insert(settings).values({ key, value }).onConflictDoNothing().run();
  }
}

export function getSettings(db: Tx): Settings {
  // Read several times on every intake and every printout: kept until a setting changes.
  return { ...cachedUntilChanged(db, 'settings', 'all', () => {
    const out: Settings = { ...DEFAULT_SETTINGS };
    for (const row of preparedStatement(db, 'select key, value from settings').all() as { key: string; value: string }[]) {
      if (Object.hasOwn(DEFAULT_SETTINGS, row.key)) out[row.key as SettingKey] = row.value;
    }
    return out;
  }) };
}

export function setSetting(tx: Tx, key: SettingKey | `internal.${string}` | "holidays_seeded", value: string): void {
  tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export function getSetting(tx: Tx, key: string): string | undefined {
  return tx.select().from(settings).where(eq(settings.key, key)).get()?.value;
}
