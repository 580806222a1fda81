/** Wires the messages domain from the configuration: the worker and its senders. */
import type { Logger } from 'pino';
import type { DateTime } from 'luxon';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/client.js';
import type { Channel } from './kinds.js';
import { smtpSender, whatsappSender, type Sender } from './transports.js';
import { OutboxWorker } from './worker.js';

export const DEFAULT_MAIL_FROM = 'PPID <ppid@localhost>';

export function sendersFor(config: AppConfig): Partial<Record<Channel, Sender>> {
  return {
    ...(config.smtpUrl ? { email: smtpSender(config.smtpUrl, config.mailFrom ?? DEFAULT_MAIL_FROM) } : {}),
    ...(config.waUrl ? { whatsapp: whatsappSender(config.waUrl, config.waToken ?? '') } : {}),
  };
}

/** The worker for this configuration (not started: call start(), or runOnce() in a test). */
export function createOutboxWorker(
  { db, config, logger, now, baseDelayMs }: { db: Db; config: AppConfig; logger: Logger; now?: () => DateTime; baseDelayMs?: number },
): OutboxWorker {
  return new OutboxWorker({
    db, logger, now, baseDelayMs, senders: sendersFor(config),
    schedule: { zone: config.zone, digestHour: config.digestHour ?? 7 },
  });
}
