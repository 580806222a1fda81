/** Kinds of attachment. Persisted in attachments.kind: never rename one without a migration. */
export const ATTACHMENT_KINDS = {
  request_letter: 'Surat permohonan',
  requester_identity: 'Identitas pemohon',
  power_of_attorney: 'Surat kuasa',
  written_notice: 'Pemberitahuan tertulis',
  information_document: 'Dokumen informasi (yang diberikan)',
  objection_letter: 'Surat keberatan',
  supervisor_answer: 'Tanggapan atasan PPID',
  other: 'Lainnya',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

/** What the requester may download through the status page: what was sent to them. */
export const PUBLIC_KINDS: readonly AttachmentKind[] = ['written_notice', 'information_document'];

/** What a requester may send with the online form. */
export const WEB_FORM_KINDS = { request_letter: 'requestLetter', requester_identity: 'identityScan' } as const;

/** What an attachment belongs to. */
export const ATTACHMENT_TARGETS = {
  request: 'Permohonan',
  decision: 'Putusan',
  objection: 'Keberatan',
} as const;
export type AttachmentTarget = keyof typeof ATTACHMENT_TARGETS;
