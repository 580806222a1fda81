/** Kinds of non-working day. Persisted in holidays.kind (CHECK in src/db/schema.ts): never rename a key. */
export const HOLIDAY_KINDS = {
  /** Hari libur nasional (Keppres / SKB 3 Menteri). */
  holiday: 'Hari libur nasional',
  /** Cuti bersama fixed by the same SKB; counts as a non-working day for the office. */
  collective_leave: 'Cuti bersama',
} as const;
export type HolidayKind = keyof typeof HOLIDAY_KINDS;
