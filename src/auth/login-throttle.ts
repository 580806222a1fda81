/**
 * Slows password guessing by account AND address together: five wrong passwords for one username
 * from one address close that pair for LOCK_MINUTES. The owner, at another address, still logs
 * in; an attacker who knows a username cannot lock its owner out. Unknown usernames are counted
 * the same way, so the answer never tells whether an account exists. (The per-address limit on
 * POST /login in auth.routes.ts brakes guessing across many usernames.)
 *
 * In memory, bounded: a restart forgets the counts, which only gives an attacker a few more tries.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const WINDOW_MS = LOCK_MINUTES * 60 * 1000;

interface Entry {
  failures: number;
  /** First failure of the current count (ms); counts older than the window start again. */
  since: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 50_000) {}

  /** When the pair is closed, the instant (ms) it opens again; otherwise null. */
  lockedUntil(username: string, address: string, now: number): number | null {
    const e = this.entries.get(key(username, address));
    return e && e.lockedUntil > now ? e.lockedUntil : null;
  }

  /** Counts a wrong password; returns the instant the pair opens again if this one closed it. */
  recordFailure(username: string, address: string, now: number): number | null {
    const k = key(username, address);
    const old = this.entries.get(k);
    const e: Entry = old && now - old.since < WINDOW_MS ? old : { failures: 0, since: now, lockedUntil: 0 };
    e.failures += 1;
    if (e.failures >= MAX_FAILED_LOGINS) {
      e.lockedUntil = now + WINDOW_MS;
      e.failures = 0;
      e.since = now;
    }
    // Re-inserted, so the Map's order is the order of last use (oldest first, for eviction).
    this.entries.delete(k);
    this.entries.set(k, e);
    this.prune(now);
    return e.lockedUntil > now ? e.lockedUntil : null;
  }

  recordSuccess(username: string, address: string): void {
    this.entries.delete(key(username, address));
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    if (this.entries.size <= this.maxEntries) return;
    for (const [k, e] of this.entries) if (e.lockedUntil <= now && now - e.since >= WINDOW_MS) this.entries.delete(k);
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
    }
  }
}

const key = (username: string, address: string) => `${username.toLowerCase()}\n${address}`;
