/**
 * Closed vocabularies of objections. Members are persisted: never rename one without a data
 * migration.
 */

/** UU 14/2008 Pasal 35 ayat 1 huruf a–g: the grounds an objection may rest on. */
export const OBJECTION_GROUNDS = {
  a: 'Penolakan atas permohonan berdasarkan alasan pengecualian Pasal 17',
  b: 'Tidak disediakannya informasi berkala (Pasal 9)',
  c: 'Tidak ditanggapinya permohonan informasi',
  d: 'Permohonan ditanggapi tidak sebagaimana yang diminta',
  e: 'Tidak dipenuhinya permohonan informasi',
  f: 'Pengenaan biaya yang tidak wajar',
  g: 'Penyampaian informasi melebihi waktu yang diatur',
} as const;
export type ObjectionGround = keyof typeof OBJECTION_GROUNDS;

/** Who filed: the requester, or a proxy holding a power of attorney (kuasa). */
export const FILED_BY = {
  requester: 'Pemohon sendiri',
  proxy: 'Kuasa pemohon',
} as const;
export type FiledBy = keyof typeof FILED_BY;

/** The atasan PPID's answer (Pasal 36 ayat 2). */
export const OBJECTION_RESULTS = {
  upheld: 'Keberatan diterima — informasi diberikan (seluruh/sebagian)',
  rejected: 'Keberatan ditolak — putusan PPID tetap',
  withdrawn: 'Keberatan dicabut',
} as const;
export type ObjectionResult = keyof typeof OBJECTION_RESULTS;

/** Outcome of a dispute at the Komisi Informasi (Pasal 37–39). */
export const DISPUTE_RESULTS = {
  pending: 'Dalam proses',
  mediation_agreed: 'Mediasi: tercapai kesepakatan',
  granted: 'Ajudikasi: permohonan pemohon dikabulkan',
  partly_granted: 'Ajudikasi: dikabulkan sebagian',
  rejected: 'Ajudikasi: permohonan pemohon ditolak',
  withdrawn: 'Dicabut',
} as const;
export type DisputeResult = keyof typeof DISPUTE_RESULTS;
