/**
 * Use case: a requester sends the online form (/permohonan, channel "website"). The request and
 * its papers are one action: the files are checked first, then the request (numbered, with its
 * access code and due date) and the attachment rows are written in one transaction with their
 * audit entries, and only then are the files moved into place.
 *
 * The per-address limit (PPID_PUBLIC_FORM_LIMIT) counts accepted submissions only: a place is
 * reserved while the submission runs and kept only once it is written.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { RequestRow } from '../db/schema.js';
import type { Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { todayIn } from '../shared/dates.js';
import { registerRequest } from '../requests/requests.service.js';
import type { IntakeInput } from '../requests/requests.schemas.js';
import { placeFiles, prepareFiles, recordAttachments, type IncomingFile } from '../uploads/attachments.service.js';
import type { AttachmentKind } from '../uploads/vocabulary.js';
import type { AcceptedSubmissionLimit } from './submission-limit.js';

/** Who the audit log names for what the public sends. */
export const WEB_ACTOR: Actor = { userId: null, label: 'web' };

/** The form's fields: an intake without the date and the channel, which are today and "website". */
export type OnlineRequestInput = Omit<IntakeInput, 'receivedOn' | 'channel'>;

export interface SubmitOnlineRequest {
  db: Db;
  /** WEB_ACTOR, with the form's one-time key spent in the transaction (withSubmission). */
  actor: Actor;
  zone: string;
  uploadDir: string;
  input: OnlineRequestInput;
  /** The papers sent with it, by kind (the request letter, the identity scan). */
  uploads: { kind: AttachmentKind; file: IncomingFile }[];
  /** The per-address limit and the sender's address; without them, no limit. */
  limit?: AcceptedSubmissionLimit;
  address?: string;
  logger?: Logger;
}

const LIMIT_REACHED = 'Terlalu banyak permohonan dari alamat ini. Coba lagi dalam satu jam, atau hubungi kantor PPID.';
const ATTACHMENT_NOTE = 'Dikirim pemohon melalui formulir daring';

/** Registers an online request with its papers; returns the new request (for its receipt). */
export async function submitOnlineRequest({ db, actor, zone, uploadDir, input, uploads, limit, address = '', logger }: SubmitOnlineRequest): Promise<RequestRow> {
  const place = limit ? limit.reserve(address) : { accept: () => undefined, release: () => undefined };
  if (!place) {
    logger?.warn({ ip: address }, 'public form limit reached');
    throw new AppError('rate_limited', LIMIT_REACHED);
  }
  try {
    const prepared = await prepareFiles(uploads.map((u) => u.file));
    const { row, attachments } = db.transaction((tx) => {
      const created = registerRequest({ db, actor, zone, source: 'web', input: { ...input, receivedOn: todayIn(zone), channel: 'website' } });
      const rows = uploads.flatMap((u, i) =>
        recordAttachments(tx, actor, { requestId: created.id, target: 'request', objectionId: null, kind: u.kind, note: ATTACHMENT_NOTE }, [prepared[i]], true));
      return { row: created, attachments: rows };
    });
    place.accept();
    await placeFiles(db, WEB_ACTOR, uploadDir, prepared, attachments);
    return row;
  } finally {
    place.release();
  }
}
