/**
 * Forwarding to another public body (UU 14/2008 Pasal 22 ayat 7 huruf b): when another body
 * holds the information, the office records which (body, date, contact) so that the written
 * notice can tell the requester. One per request; recording again corrects it (audited).
 */
import type { Db } from '../db/client.js';
import type { ForwardingRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import type { Tx } from '../db/client.js';
import { changedFields } from '../audit/changes.js';
import { AppError, invalid, notFound, outdated } from '../shared/errors.js';
import { formatDate, nowInstant, todayIn } from '../shared/dates.js';
import { findRequest } from '../requests/requests.repo.js';
import * as repo from './dispositions.repo.js';
import type { ForwardInput } from './units.schemas.js';

export function recordForwarding({ db, actor, zone, input, requestId }: { db: Db; actor: Actor; zone: string; input: ForwardInput; requestId: number }): ForwardingRow {
  return db.transaction((tx) => {
    const r = findRequest(tx, requestId);
    if (!r) throw notFound('Permohonan');
    if (r.voidedOn) throw new AppError('conflict', 'Entri ini dibatalkan: tidak ada yang diteruskan.');
    if (input.forwardedOn > todayIn(zone)) throw invalid({ forwardedOn: 'Tanggal tidak boleh setelah hari ini.' });
    if (input.forwardedOn < r.receivedOn) throw invalid({ forwardedOn: `Tanggal tidak boleh sebelum permohonan diterima (${formatDate(r.receivedOn)}).` });
    const values = { body: input.body, forwardedOn: input.forwardedOn, contact: input.contact, note: input.note, updatedAt: nowInstant() };
    const before = repo.findForwarding(tx, requestId);
    const summary = `Diteruskan ke ${input.body} pada ${formatDate(input.forwardedOn)}`;
    if (!before) {
      const f = repo.insertForwarding(tx, { ...values, requestId, createdAt: values.updatedAt });
      recordEvent(tx, actor, { action: 'request.forward', entityType: 'request', entityId: requestId, summary, after: f });
      return f;
    }
    if (input.version !== undefined && input.version !== before.version) throw outdated();
    const after = repo.updateForwardingAtVersion(tx, before.id, before.version, values);
    if (!after) throw outdated();
    recordEvent(tx, actor, { action: 'request.forward', entityType: 'request', entityId: requestId, summary: `${summary} (dikoreksi)`, ...changedFields(before, after) });
    return after;
  });
}

export const forwardingOf = (db: Tx, requestId: number): ForwardingRow | undefined => repo.findForwarding(db, requestId);
