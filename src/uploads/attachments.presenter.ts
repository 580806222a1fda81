import type { AttachmentRow } from '../db/schema.js';
import { formatInstant } from '../shared/dates.js';
import { ATTACHMENT_KINDS, ATTACHMENT_TARGETS, PUBLIC_KINDS } from './vocabulary.js';

/** "1,2 MB", "340 KB" */
export function humanSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export function presentAttachment(a: AttachmentRow, zone: string, objectionNumbers: Map<number, string> = new Map()) {
  return {
    id: a.id,
    name: a.originalName,
    kind: a.kind,
    kindLabel: ATTACHMENT_KINDS[a.kind],
    target: a.target === 'objection' && a.objectionId
      ? `Keberatan ${objectionNumbers.get(a.objectionId) ?? a.objectionId}`
      : ATTACHMENT_TARGETS[a.target],
    size: humanSize(a.sizeBytes),
    uploadedAt: formatInstant(a.uploadedAt, zone),
    fromPublic: a.uploadedByPublic,
    note: a.note,
    visibleToRequester: PUBLIC_KINDS.includes(a.kind),
    deletedAt: a.deletedAt ? formatInstant(a.deletedAt, zone) : null,
  };
}

/** Staff list, grouped by kind in the order of ATTACHMENT_KINDS. */
export function groupByKind(list: ReturnType<typeof presentAttachment>[]) {
  return Object.entries(ATTACHMENT_KINDS)
    .map(([kind, label]) => ({ kind, label, files: list.filter((a) => a.kind === kind) }))
    .filter((g) => g.files.length > 0);
}

export function presentAttachmentForApi(a: AttachmentRow) {
  return {
    id: a.id,
    request_id: a.requestId,
    target: a.target,
    objection_id: a.objectionId,
    kind: a.kind,
    name: a.originalName,
    size_bytes: a.sizeBytes,
    media_type: a.mediaType,
    sha256: a.sha256,
    note: a.note,
    uploaded_at: a.uploadedAt,
    download_url: `/api/v1/attachments/${a.id}`,
  };
}
