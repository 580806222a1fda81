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

/**
 * Where a dispute stands at the Komisi Informasi (Pasal 37–39): set by its stages (a mediation
 * agreed, the adjudication's result), or as imported. The courts' results are their stages'.
 */
export const DISPUTE_RESULTS = {
  pending: 'Dalam proses',
  mediation_agreed: 'Mediasi: tercapai kesepakatan',
  granted: 'Ajudikasi: permohonan pemohon dikabulkan',
  partly_granted: 'Ajudikasi: dikabulkan sebagian',
  rejected: 'Ajudikasi: permohonan pemohon ditolak',
  not_admissible: 'Ajudikasi: tidak dapat diterima',
  withdrawn: 'Dicabut',
} as const;
export type DisputeResult = keyof typeof DISPUTE_RESULTS;

/** Results the adjudication at the Komisi Informasi may reach (Pasal 38–39; Perki 1/2013). */
export const ADJUDICATION_RESULTS = {
  granted: 'Dikabulkan seluruhnya',
  partly_granted: 'Dikabulkan sebagian',
  rejected: 'Ditolak',
  not_admissible: 'Tidak dapat diterima',
  withdrawn: 'Dicabut / gugur',
} as const;
export type AdjudicationResult = keyof typeof ADJUDICATION_RESULTS;

/** Mediation (Perki 1/2013): an agreement ends the dispute; a failed one goes to adjudication. */
export const MEDIATION_RESULTS = {
  agreed: 'Mediasi berhasil (tercapai kesepakatan)',
  failed: 'Mediasi gagal (lanjut ke ajudikasi)',
} as const;
export type MediationResult = keyof typeof MEDIATION_RESULTS;

/** The courts an information dispute can reach (Pasal 47–50): PTUN or PN first, then the MA. */
export const COURTS = {
  ptun: 'Pengadilan Tata Usaha Negara (PTUN)',
  pn: 'Pengadilan Negeri (PN)',
  ma: 'Mahkamah Agung (kasasi)',
} as const;
export type Court = keyof typeof COURTS;

/** A court's answer to the appeal (keberatan to PTUN/PN, kasasi to the MA). */
export const COURT_RESULTS = {
  pending: 'Dalam proses',
  // A court decides as the adjudication did: the same results, one list.
  ...ADJUDICATION_RESULTS,
} as const;
export type CourtResult = keyof typeof COURT_RESULTS;

/** The stages of a dispute, in order. Persisted in dispute_stages.stage (registration lives on the objection). */
export const DISPUTE_STAGES = {
  registration: 'Registrasi di Komisi Informasi',
  mediation: 'Mediasi',
  adjudication: 'Ajudikasi (putusan Komisi Informasi)',
  court: 'Pengadilan',
} as const;
export type DisputeStage = keyof typeof DISPUTE_STAGES;

/** The requester's response to the atasan PPID's answer (Perki register of objections). */
export const REQUESTER_RESPONSES = {
  accepted: 'Menerima tanggapan atasan PPID',
  dispute: 'Mengajukan sengketa ke Komisi Informasi',
} as const;
export type RequesterResponse = keyof typeof REQUESTER_RESPONSES;

/** The label of a stage's result ("Mediasi berhasil …", "Ditolak"). */
export function stageResultLabel(stage: string, result: string): string {
  const labels: Record<string, string> = stage === 'mediation' ? MEDIATION_RESULTS : stage === 'court' ? COURT_RESULTS : ADJUDICATION_RESULTS;
  return labels[result] ?? result;
}
