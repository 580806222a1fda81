/**
 * How a message leaves: e-mail through SMTP (nodemailer), WhatsApp through an HTTP gateway.
 * The same MIME builder makes the .eml an admin downloads and what goes over SMTP.
 */
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboxRow } from '../db/schema.js';

/** Sends one message; throws with a readable error when it did not go. */
export type Sender = (m: OutboxRow, extra: { waTemplate: string }) => Promise<void>;

/**
 * The SMTP Message-ID is the event key, so a message sent twice for one event (a crash after
 * the server took it, before the outbox was marked) carries the same Message-ID both times.
 */
export function messageIdOf(m: Pick<OutboxRow, 'eventKey'>, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'ppid.local';
  return `<${m.eventKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`;
}

function mailOptions(m: OutboxRow, from: string) {
  return {
    from,
    to: { name: m.recipientName, address: m.recipient },
    subject: m.subject,
    text: m.body,
    messageId: messageIdOf(m, from),
    headers: { 'X-PPID-Event': m.eventKey, 'X-PPID-Template-Version': String(m.templateVersion) },
    attachments: m.attachmentHtml
      ? [{ filename: m.attachmentName ?? 'surat.html', content: m.attachmentHtml, contentType: 'text/html; charset=utf-8' }]
      : [],
  };
}

/** The message as an RFC 5322 file (.eml), exactly as it would go to the mail server. */
export function buildEml(m: OutboxRow, from: string): Promise<Buffer> {
  return new MailComposer(mailOptions(m, from)).compile().build();
}

export function smtpSender(url: string, from: string): Sender {
  const transport = nodemailer.createTransport(url);
  return async (m) => {
    await transport.sendMail(mailOptions(m, from));
  };
}

/**
 * The WhatsApp gateway: POST JSON to PPID_WA_URL with `Authorization: Bearer PPID_WA_TOKEN`:
 * `{ to, template, language: "id", parameters: {placeholder: value}, text, reference }`.
 * Any 2xx is delivered; anything else is an error the worker retries.
 */
export function whatsappSender(url: string, token: string, timeoutMs = 15_000): Sender {
  return async (m, { waTemplate }) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ to: m.recipient, template: waTemplate, language: 'id', parameters: JSON.parse(m.params), text: m.body, reference: m.eventKey }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new Error(`gateway WhatsApp menjawab ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    }
  };
}
