/**
 * Writing a message: inside the transaction of the change that causes it, so the change and
 * its message are committed together or not at all. The text is made from the template in use
 * now, and the row records that template's version. The event key is unique: enqueuing the same
 * event again (a retried transaction, a repeated hook) adds nothing.
 */
import type Database from 'better-sqlite3';
import { connectionOf } from '../db/client.js';
import type { OutboxRow } from '../db/schema.js';
import type { Tx } from '../db/client.js';
import { nowInstant } from '../shared/dates.js';
import { MESSAGE_KINDS, type Channel, type MessageKind, type MessageValues } from './kinds.js';
import { fillTemplate } from './templates.js';
import { currentTemplate, insertOutbox } from './messages.repo.js';

export interface MessagingOptions {
  /** WhatsApp gateway configured (PPID_WA_URL): phone numbers get a WhatsApp message too. */
  whatsapp: boolean;
  /** The app's address for links in staff messages. */
  baseUrl: string;
}

const optionsOf = new WeakMap<Database.Database, MessagingOptions>();
const DEFAULT_OPTIONS: MessagingOptions = { whatsapp: false, baseUrl: 'http://localhost:3000' };

/** Set once per connection by buildApp (the services that enqueue only get a transaction). */
export function configureMessaging(handle: object, options: MessagingOptions): void {
  optionsOf.set(connectionOf(handle), options);
}

export function messagingOptions(handle: object): MessagingOptions {
  return optionsOf.get(connectionOf(handle)) ?? DEFAULT_OPTIONS;
}

export interface MessageDraft<K extends MessageKind> {
  kind: K;
  /** What happened, unique per message: "request:12:receipt". The channel is appended. */
  event: string;
  to: { name: string; email?: string; phone?: string };
  values: MessageValues<K>;
  attachment?: { name: string; html: string };
  requestId?: number | null;
  objectionId?: number | null;
  userId?: number | null;
}

/** "0812-3456 7890" → "6281234567890" (WhatsApp wants the international number, digits only). */
export function whatsappNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  return digits;
}

/** Queues the message on every channel the recipient can be reached on; returns the new rows. */
export function enqueueMessage<K extends MessageKind>(tx: Tx, draft: MessageDraft<K>): OutboxRow[] {
  const options = messagingOptions(tx);
  const template = currentTemplate(tx, draft.kind);
  const spec = MESSAGE_KINDS[draft.kind];
  const values = draft.values as Record<string, string>;
  const subject = fillTemplate(template?.subject ?? spec.subject, values);
  const body = fillTemplate(template?.body ?? spec.body, values);
  const targets: [Channel, string][] = [];
  if (draft.to.email) targets.push(['email', draft.to.email]);
  if (draft.to.phone && options.whatsapp && whatsappNumber(draft.to.phone).length >= 8) targets.push(['whatsapp', whatsappNumber(draft.to.phone)]);
  const now = nowInstant();
  const rows: OutboxRow[] = [];
  for (const [channel, recipient] of targets) {
    const row = insertOutbox(tx, {
      eventKey: `${draft.event}:${channel}`,
      kind: draft.kind,
      channel,
      recipient,
      recipientName: draft.to.name,
      subject,
      body,
      params: JSON.stringify(values),
      attachmentName: channel === 'email' ? (draft.attachment?.name ?? null) : null,
      attachmentHtml: channel === 'email' ? (draft.attachment?.html ?? null) : null,
      templateVersion: template?.version ?? 0,
      requestId: draft.requestId ?? null,
      objectionId: draft.objectionId ?? null,
      userId: draft.userId ?? null,
      status: 'queued',
      nextAttemptAt: now,
      createdAt: now,
    });
    if (row) rows.push(row);
  }
  return rows;
}
