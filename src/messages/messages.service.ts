/** Use cases of the messages domain; each in one transaction with its audit entry. */
import type { Db } from '../db/client.js';
import type { MessageSubscriptionRow, MessageTemplateRow, OutboxRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, notFound } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { CHANNELS, MESSAGE_KINDS, type MessageKind } from './kinds.js';
import { unknownPlaceholders } from './templates.js';
import * as repo from './messages.repo.js';
import type { PreferencesInput, TemplateInput } from './messages.schemas.js';

/** Puts a message back in the queue (after a failure, a "tidak terkirim", or to send it again). */
export function resendMessage({ db, actor, id }: { db: Db; actor: Actor; id: number }): OutboxRow {
  return db.transaction((tx) => {
    const m = repo.findOutbox(tx, id);
    if (!m) throw notFound('Pesan');
    if (m.status === 'sending') throw new AppError('conflict', 'Pesan ini sedang dikirim. Muat ulang halaman sebentar lagi.');
    repo.updateOutbox(tx, id, { status: 'queued', attempts: 0, nextAttemptAt: nowInstant(), lastError: '', claimedAt: null });
    recordEvent(tx, actor, {
      action: 'message.resend', entityType: 'message', entityId: id,
      summary: `Pesan "${m.subject}" (${CHANNELS[m.channel as keyof typeof CHANNELS] ?? m.channel}) ke ${m.recipient} dikirim ulang`,
      before: { status: m.status, attempts: m.attempts, lastError: m.lastError },
    });
    return repo.findOutbox(tx, id)!;
  });
}

/** The text in use for a kind: the latest saved version, or the built-in one (version 0). */
export function templateInUse(db: Db, kind: MessageKind): { subject: string; body: string; waTemplate: string; version: number } {
  const t = repo.currentTemplate(db, kind);
  return t ? { subject: t.subject, body: t.body, waTemplate: t.waTemplate, version: t.version } : { ...MESSAGE_KINDS[kind], waTemplate: '', version: 0 };
}

/**
 * Saves a template as a new version. A placeholder the kind does not know is refused, with the
 * list of those it does; messages already queued keep the text (and version) they were made with.
 */
export function saveTemplate({ db, actor, kind, input }: { db: Db; actor: Actor; kind: MessageKind; input: TemplateInput }): MessageTemplateRow | null {
  const known = MESSAGE_KINDS[kind].placeholders.map((p) => `{{${p}}}`).join(', ');
  const fields: Record<string, string> = {};
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownPlaceholders(kind, input[field]);
    if (unknown.length) fields[field] = `Tempat isian tidak dikenal: ${unknown.map((p) => `{{${p}}}`).join(', ')}. Yang dapat dipakai: ${known}.`;
  }
  if (Object.keys(fields).length) throw new AppError('validation', 'Templat memuat tempat isian yang tidak dikenal.', fields);
  return db.transaction((tx) => {
    const before = templateInUse(db, kind);
    if (before.subject === input.subject && before.body === input.body && before.waTemplate === input.waTemplate) return null;
    const row = repo.insertTemplate(tx, { kind, version: before.version + 1, ...input, createdBy: actor.userId, createdAt: nowInstant() });
    recordEvent(tx, actor, {
      action: 'template.update', entityType: 'message_template', entityId: kind,
      summary: `Templat "${MESSAGE_KINDS[kind].label}" diubah (versi ${row.version})`,
      before: { subject: before.subject, body: before.body, waTemplate: before.waTemplate, version: before.version },
      after: { subject: row.subject, body: row.body, waTemplate: row.waTemplate, version: row.version },
    });
    return row;
  });
}

/** A user's choices; without a saved row: no address, everything chosen. */
export function preferencesOf(db: Db, userId: number): Omit<MessageSubscriptionRow, 'updatedAt' | 'userId'> {
  return repo.findSubscription(db, userId) ?? { email: '', newRequests: true, dailyDigest: true, weeklySummary: true };
}

export function saveMessagePreferences({ db, actor, userId, input }: { db: Db; actor: Actor; userId: number; input: PreferencesInput }): void {
  db.transaction((tx) => {
    const before = repo.findSubscription(tx, userId) ?? null;
    const after = repo.saveSubscription(tx, { userId, ...input, updatedAt: nowInstant() });
    recordEvent(tx, actor, {
      action: 'profile.messages', entityType: 'user', entityId: userId, summary: 'Pilihan pesan dan alamat e-mail diubah',
      before, after,
    });
  });
}
