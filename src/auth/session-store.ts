import session from 'express-session';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions } from '../db/schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** express-session store on the app's own SQLite database: sessions survive restarts. */
export class SqliteSessionStore extends session.Store {
  private lastSweep = 0;
  /** Each session's stored expiry as last read or written: a touch that would not move it by five minutes is not even sent. */
  private readonly storedExpiry = new Map<string, number>();
  // Read and touched on every page view: built once.
  private readonly byId;
  private readonly extend;

  constructor(private readonly db: Db) {
    super();
    this.byId = db.select().from(sessions).where(eq(sessions.sid, sql.placeholder('sid'))).prepare();
    this.extend = db
      .update(sessions)
      .set({ expiresAt: sql`${sql.placeholder('expiresAt')}` })
      .where(and(eq(sessions.sid, sql.placeholder('sid')), lt(sessions.expiresAt, sql.placeholder('unlessAfter'))))
      .prepare();
  }

  override get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void): void {
    try {
      const row = this.byId.get({ sid });
      if (!row || row.expiresAt < Date.now()) return cb(null, null);
      this.remember(sid, row.expiresAt);
      cb(null, JSON.parse(row.data));
    } catch (err) {
      cb(err);
    }
  }

  override set(sid: string, data: session.SessionData, cb?: (err?: unknown) => void): void {
    try {
      const expiresAt = data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + DAY_MS;
      const values = { sid, data: JSON.stringify(data), expiresAt };
      this.db.insert(sessions).values(values).onConflictDoUpdate({ target: sessions.sid, set: values }).run();
      this.remember(sid, expiresAt);
      this.sweep();
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    try {
      this.db.delete(sessions).where(eq(sessions.sid, sid)).run();
      this.storedExpiry.delete(sid);
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  /**
   * Extends an unchanged session's expiry, but writes only when it moved by more than five
   * minutes: otherwise every page view would be a database write.
   */
  override touch(sid: string, data: session.SessionData, cb?: () => void): void {
    try {
      const expiresAt = data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + DAY_MS;
      const stored = this.storedExpiry.get(sid);
      if (stored !== undefined && expiresAt - stored <= TOUCH_EVERY_MS) return;
      // The row decides (another process may have extended it): written only if it is older.
      if (this.extend.run({ sid, expiresAt, unlessAfter: expiresAt - TOUCH_EVERY_MS }).changes) this.remember(sid, expiresAt);
    } finally {
      cb?.();
    }
  }

  private remember(sid: string, expiresAt: number): void {
    if (this.storedExpiry.size >= 10_000) this.storedExpiry.clear();
    this.storedExpiry.set(sid, expiresAt);
  }

  /** Drops expired sessions at most once an hour. */
  private sweep(): void {
    if (Date.now() - this.lastSweep < 60 * 60 * 1000) return;
    this.lastSweep = Date.now();
    this.db.delete(sessions).where(lt(sessions.expiresAt, Date.now())).run();
  }
}
