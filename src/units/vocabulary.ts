/**
 * Closed vocabularies of units and dispositions. PERSISTED (units.kind, dispositions.status,
 * dispositions.result): never rename a member without a data migration.
 */

/** Kinds of unit. */
export const UNIT_KINDS = {
  /** The PPID Utama: the body's main information office. */
  utama: 'PPID Utama',
  /** A PPID Pelaksana under the PPID Utama: its own number pattern, requests and recap (src/pelaksana). */
  pelaksana: 'PPID Pelaksana',
  /** A unit that holds information (echelon II, "Layer 2"). */
  unit: 'Unit kerja',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

/** Where a disposition stands. */
export const DISPOSITION_STATUSES = {
  /** Sent, waiting for the unit's answer. */
  open: 'Menunggu jawaban unit',
  /** The unit answered. */
  answered: 'Dijawab unit',
  /** Taken back by the PPID (sent by mistake, no longer needed). */
  recalled: 'Ditarik',
  /** Moved to another unit (a new disposition carries on). */
  reassigned: 'Dialihkan',
} as const;
export type DispositionStatus = keyof typeof DISPOSITION_STATUSES;

/** The unit's answer; the decision stays the PPID's. */
export const ANSWER_RESULTS = {
  /** Attached, or ready to collect (said in the note). */
  provided: 'Informasi tersedia (dilampirkan / siap diambil)',
  /** Not held by the unit (and who holds it, if known). */
  not_held: 'Tidak dikuasai unit',
  /** Held, but possibly exempt: proposed Pasal 17 letters and grounds for the consequence test. */
  possibly_exempt: 'Dikuasai, tetapi mungkin dikecualikan',
} as const;
export type AnswerResult = keyof typeof ANSWER_RESULTS;

/** Queue filters: open work judged against the internal due date, plus the closed ones. */
export const QUEUE_FILTERS = {
  open: 'Menunggu jawaban',
  due_soon: 'Segera jatuh tempo (≤ 2 hari kerja)',
  overdue: 'Lewat tenggat internal',
  answered: 'Sudah dijawab',
  closed: 'Ditarik / dialihkan',
} as const;
export type QueueFilter = keyof typeof QUEUE_FILTERS;

/** Office setting: working days before the legal due date that a unit's answer is due by default. */
export const LEAD_DAYS_SETTING = 'unit_lead_days';
