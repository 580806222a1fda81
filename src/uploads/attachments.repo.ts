import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { attachments, type AttachmentRow } from '../db/schema.js';
import type { AttachmentKind } from '../vocabulary/attachments.js';

export function insertAttachment(tx: Tx, values: typeof attachments.$inferInsert): AttachmentRow {
  return tx.insert(attachments).values(values).returning().get();
}

export function findAttachment(tx: Tx, id: number): AttachmentRow | undefined {
  return tx.select().from(attachments).where(eq(attachments.id, id)).get();
}

/** A request's attachments that are not removed, oldest first. */
export function visibleAttachmentsOfRequest(tx: Tx, requestId: number, kinds?: readonly AttachmentKind[]): AttachmentRow[] {
  return tx
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.requestId, requestId),
        isNull(attachments.deletedAt),
        kinds ? inArray(attachments.kind, [...kinds]) : undefined,
      ),
    )
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id))
    .all();
}

export function removedAttachmentsOfRequest(tx: Tx, requestId: number): AttachmentRow[] {
  return tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.requestId, requestId), isNull(attachments.purgedAt)))
    .all()
    .filter((a) => a.deletedAt !== null);
}

export function updateAttachment(tx: Tx, id: number, values: Partial<typeof attachments.$inferInsert>): AttachmentRow {
  return tx.update(attachments).set(values).where(eq(attachments.id, id)).returning().get();
}

export function deleteAttachmentRows(tx: Tx, ids: number[]): void {
  if (ids.length) tx.delete(attachments).where(inArray(attachments.id, ids)).run();
}

/** Every attachment whose file should be on disk (not purged), for the start-up reconciliation. */
export function unpurgedAttachments(tx: Tx): AttachmentRow[] {
  return tx.select().from(attachments).where(isNull(attachments.purgedAt)).orderBy(asc(attachments.id)).all();
}
