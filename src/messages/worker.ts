/**
 * The outbox worker, inside the app process. Delivery is at-least-once, never "maybe never":
 *  - a row is written with its cause (same transaction), so a crash before sending loses nothing;
 *  - before sending, the row is claimed (queued → sending, a conditional update: one sender
 *    only); after the server accepted it, it is marked sent;
 *  - at start, rows left "sending" by a crashed run go back to the queue. The only case that
 *    sends twice is a crash after the mail server or gateway accepted the message and before it
 *    was marked sent; both copies then carry the same Message-ID (the event key) / reference,
 *    so mail clients and the gateway can recognise the repeat.
 * A failed attempt is retried with exponential back-off (1, 2, 4, 8 … minutes) up to
 * MAX_ATTEMPTS, then marked failed with the error. With no mail server (or gateway) configured
 * the message stays in the outbox as "tidak terkirim", readable and downloadable as .eml.
 */
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { NO_SMTP, NO_WHATSAPP, type Channel } from './kinds.js';
import { claimOutbox, currentTemplate, dueOutboxIds, requeueClaimed, updateOutbox } from './messages.repo.js';
import type { Sender } from './transports.js';
import { runSchedules, type ScheduleOptions } from './digest.js';

export const MAX_ATTEMPTS = 6;
export const BASE_DELAY_MS = 60_000;

export interface WorkerOptions {
  db: Db;
  logger: Logger;
  /** A sender per configured channel; a channel without one holds its messages. */
  senders: Partial<Record<Channel, Sender>>;
  now?: () => DateTime;
  maxAttempts?: number;
  baseDelayMs?: number;
  schedule?: ScheduleOptions;
}

export interface RunResult {
  sent: number;
  retried: number;
  failed: number;
  held: number;
}

export class OutboxWorker {
  private readonly now: () => DateTime;
  private running: Promise<RunResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly opts: WorkerOptions) {
    this.now = opts.now ?? (() => DateTime.utc());
  }

  /** Puts back rows a crashed run left claimed; called by start(). */
  recover(): number {
    return requeueClaimed(this.opts.db, this.now().toUTC().toISO()!);
  }

  /** One pass over the due messages. Never runs twice at once. */
  runOnce(limit = 50): Promise<RunResult> {
    this.running ??= this.pass(limit).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Queues the digests whose hour has come (idempotent: one per person and day/week). */
  runSchedules(): number {
    return this.opts.schedule ? runSchedules(this.opts.db, this.now(), this.opts.schedule) : 0;
  }

  /** Recovers, then sends every `intervalMs` (and queues digests) until stop(). */
  start(intervalMs = 15_000): void {
    const recovered = this.recover();
    if (recovered) this.opts.logger.warn({ recovered }, 'outbox: messages claimed by an interrupted run queued again');
    const tick = async () => {
      try {
        this.runSchedules();
        await this.runOnce();
      } catch (err) {
        this.opts.logger.error(err, 'outbox worker pass failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs).unref();
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private async pass(limit: number): Promise<RunResult> {
    const { db, senders, logger } = this.opts;
    const maxAttempts = this.opts.maxAttempts ?? MAX_ATTEMPTS;
    const baseDelay = this.opts.baseDelayMs ?? BASE_DELAY_MS;
    const result: RunResult = { sent: 0, retried: 0, failed: 0, held: 0 };
    const iso = (t: DateTime) => t.toUTC().toISO()!;
    for (const id of dueOutboxIds(db, iso(this.now()), limit)) {
      const row = claimOutbox(db, id, iso(this.now()));
      if (!row) continue;
      const sender = senders[row.channel as Channel];
      if (!sender) {
        updateOutbox(db, id, { status: 'held', claimedAt: null, lastError: row.channel === 'email' ? NO_SMTP : NO_WHATSAPP });
        result.held++;
        continue;
      }
      const attempts = row.attempts + 1;
      try {
        await sender(row, { waTemplate: currentTemplate(db, row.kind)?.waTemplate || row.kind.replace('.', '_') });
        updateOutbox(db, id, { status: 'sent', attempts, sentAt: iso(this.now()), lastError: '', claimedAt: null });
        result.sent++;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        if (attempts >= maxAttempts) {
          updateOutbox(db, id, { status: 'failed', attempts, lastError: error, claimedAt: null });
          result.failed++;
          logger.error({ id, error }, 'outbox: message failed for good');
        } else {
          const next = this.now().plus({ milliseconds: baseDelay * 2 ** (attempts - 1) });
          updateOutbox(db, id, { status: 'queued', attempts, lastError: error, nextAttemptAt: iso(next), claimedAt: null });
          result.retried++;
          logger.warn({ id, attempts, error }, 'outbox: send failed, will retry');
        }
      }
    }
    return result;
  }
}
