import { describe, it, expect } from 'vitest';
import type session from 'express-session';
import { freshDb } from '../helpers/build-test-app.js';
import { SqliteSessionStore } from '../../src/auth/session-store.js';

const data = (expires: number) => ({ cookie: { expires: new Date(expires), originalMaxAge: 0 }, userId: 7 }) as unknown as session.SessionData;
const read = (store: SqliteSessionStore, sid: string) =>
  new Promise<session.SessionData | null | undefined>((resolve) => store.get(sid, (_e, s) => resolve(s)));
const expiry = (db: ReturnType<typeof freshDb>, sid: string) =>
  (db.$client.prepare('select expires_at as e from sessions where sid = ?').get(sid) as { e: number }).e;

describe('session store', () => {
  it('stores, reads, extends only when the expiry moved by more than five minutes, and destroys', async () => {
    const db = freshDb();
    const store = new SqliteSessionStore(db);
    const t0 = Date.now() + 60 * 60 * 1000;
    await new Promise<void>((r) => store.set('abc', data(t0), () => r()));
    expect((await read(store, 'abc'))?.userId).toBe(7);
    store.touch('abc', data(t0 + 60 * 1000));
    expect(expiry(db, 'abc')).toBe(t0);
    store.touch('abc', data(t0 + 10 * 60 * 1000));
    expect(expiry(db, 'abc')).toBe(t0 + 10 * 60 * 1000);
    await new Promise<void>((r) => store.destroy('abc', () => r()));
    expect(await read(store, 'abc')).toBeNull();
  });

  it('treats an expired session as absent', async () => {
    const db = freshDb();
    const store = new SqliteSessionStore(db);
    await new Promise<void>((r) => store.set('old', data(Date.now() - 1000), () => r()));
    expect(await read(store, 'old')).toBeNull();
  });
});
