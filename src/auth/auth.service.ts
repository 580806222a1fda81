import crypto from 'node:crypto';
import { DateTime, Settings } from 'luxon';
import type { Db } from '../db/client.js';
import type { UserRow } from '../db/schema.js';
import { AppError, invalid } from '../shared/errors.js';
import { instantAt, nowInstant, todayIn, zoneLabel } from '../shared/dates.js';
import type { LoginThrottle } from './login-throttle.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { hashPassword, verifyPassword, DUMMY_HASH } from './passwords.js';
import * as repo from './users.repo.js';
import type { NewUserInput } from './auth.schemas.js';
import type { Role } from './roles.js';
import { findUnit } from '../units/units.repo.js';
import type { Tx } from '../db/client.js';

/**
 * A user's unit must exist and be active (an inactive one keeps its members, but takes no new
 * ones); staff of the role `unit` must have one, since they see only their unit's work.
 */
function checkUnit(tx: Tx, role: string, unitId: number | null | undefined, keeping: number | null = null): void {
  if (unitId == null) {
    if (role === 'unit') throw invalid({ unitId: 'Staf unit kerja harus terhubung ke sebuah unit.' });
    return;
  }
  const unit = findUnit(tx, unitId);
  if (!unit) throw invalid({ unitId: 'Unit tidak ditemukan.' });
  if (!unit.active && unit.id !== keeping) throw invalid({ unitId: `Unit ${unit.code} tidak aktif.` });
}

export { MAX_FAILED_LOGINS, LOCK_MINUTES } from './login-throttle.js';

const SYSTEM: Actor = { userId: null, label: 'system' };

export function needsSetup(db: Db): boolean {
  return repo.countUsers(db) === 0;
}

/** Creates the first admin; refused once any account exists. */
export async function setupFirstAdmin(db: Db, input: Omit<NewUserInput, 'role'>): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    if (repo.countUsers(db) > 0) throw new AppError('forbidden', 'Akun admin sudah dibuat.');
    const user = repo.insertUser(tx, {
      username: input.username, displayName: input.displayName, role: 'admin', passwordHash, createdAt: nowInstant(),
    });
    recordEvent(tx, { userId: user.id, label: user.username }, {
      action: 'user.setup', entityType: 'user', entityId: user.id, summary: 'Admin pertama dibuat', after: publicUser(user),
    });
    return user;
  });
}

export async function createUser(db: Db, actor: Actor, input: NewUserInput): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    if (repo.findUserByUsername(db, input.username)) throw invalid({ username: 'Nama pengguna sudah dipakai.' });
    checkUnit(tx, input.role, input.unitId);
    const user = repo.insertUser(tx, {
      username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: nowInstant(), unitId: input.unitId ?? null,
    });
    recordEvent(tx, actor, {
      action: 'user.create', entityType: 'user', entityId: user.id, summary: `Pengguna ${user.username} dibuat`, after: publicUser(user),
    });
    return user;
  });
}

export interface UserChange {
  displayName?: string;
  role?: Role;
  active?: boolean;
  password?: string;
  /** null: no unit; undefined: unchanged. */
  unitId?: number | null;
}

export async function updateUser(db: Db, actor: Actor, id: number, change: UserChange): Promise<UserRow> {
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  return db.transaction((tx) => {
    const before = repo.findUserById(tx, id);
    if (!before) throw new AppError('not_found', 'Pengguna tidak ditemukan.');
    if (before.id === actor.userId && (change.active === false || (change.role && change.role !== before.role))) {
      throw invalid({ role: 'Anda tidak dapat menonaktifkan atau mengubah peran akun sendiri.' });
    }
    checkUnit(tx, change.role ?? before.role, change.unitId === undefined ? before.unitId : change.unitId, before.unitId);
    const after = repo.updateUser(tx, id, {
      displayName: change.displayName,
      role: change.role,
      active: change.active,
      unitId: change.unitId,
      ...(passwordHash ? { passwordHash } : {}),
    });
    if (change.active === false || passwordHash) repo.deleteSessionsOfUser(tx, id);
    recordEvent(tx, actor, {
      action: 'user.update', entityType: 'user', entityId: id,
      summary: `Pengguna ${after.username} diubah${passwordHash ? ' (kata sandi diganti)' : ''}`,
      before: publicUser(before), after: publicUser(after),
    });
    return after;
  });
}

export type LoginResult = { ok: true; user: UserRow } | { ok: false; message: string };

export interface LoginGuard {
  throttle: LoginThrottle;
  /** The office zone: the time in the "try again after" message is in it. */
  zone: string;
  now?: DateTime;
}

/**
 * Checks a password. Repeated failures for one username from one address close that pair for a
 * while (see login-throttle.ts); neither message says whether the username exists.
 */
export async function authenticate(db: Db, username: string, password: string, ip: string, guard?: LoginGuard): Promise<LoginResult> {
  const wrong = 'Nama pengguna atau kata sandi salah.';
  const now = guard?.now ?? DateTime.utc();
  const lockedMessage = (until: number) =>
    `Terlalu banyak percobaan gagal. Coba lagi setelah pukul ${DateTime.fromMillis(until).setZone(guard!.zone).toFormat('HH.mm')} ${zoneLabel(guard!.zone)}.`;
  const lockedUntil = guard?.throttle.lockedUntil(username, ip, now.toMillis());
  if (lockedUntil) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, message: lockedMessage(lockedUntil) };
  }
  const user = repo.findUserByUsername(db, username);
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return db.transaction((tx) => {
    if (!user || !user.active || !valid) {
      recordEvent(tx, user ? { userId: user.id, label: user.username } : { userId: null, label: username }, {
        action: 'login.failed', entityType: 'user', entityId: user?.id ?? null, summary: `Gagal masuk dari ${ip}`,
      });
      const closed = guard?.throttle.recordFailure(username, ip, now.toMillis());
      return { ok: false as const, message: closed ? lockedMessage(closed) : wrong };
    }
    guard?.throttle.recordSuccess(username, ip);
    recordEvent(tx, { userId: user.id, label: user.username }, {
      action: 'login', entityType: 'user', entityId: user.id, summary: `Masuk dari ${ip}`,
    });
    return { ok: true as const, user };
  });
}

export function recordLogout(db: Db, user: UserRow): void {
  db.transaction((tx) => {
    recordEvent(tx, { userId: user.id, label: user.username }, { action: 'logout', entityType: 'user', entityId: user.id });
  });
}

/**
 * Creates an API token carrying the user's role; the plain token is returned once, stored hashed.
 * Only for an active account: a token of an inactive one would never work.
 */
export function createToken(
  db: Db, actor: Actor, username: string, name: string, expiry?: { on: string; zone: string; now?: DateTime },
): { token: string; id: number } {
  const expiresOn = expiry ? checkExpiry(expiry.on, todayIn(expiry.zone, expiry.now)) : null;
  const token = `ppid_${crypto.randomBytes(24).toString('base64url')}`;
  return db.transaction((tx) => {
    const user = repo.findUserByUsername(db, username);
    if (!user) throw invalid({ username: 'Pengguna tidak ditemukan.' });
    if (!user.active) throw invalid({ username: 'Pengguna ini tidak aktif.' });
    const row = repo.insertToken(tx, { userId: user.id, name, tokenHash: repo.sha256(token), createdAt: nowInstant(), expiresOn });
    recordEvent(tx, actor, {
      action: 'token.create', entityType: 'api_token', entityId: row.id,
      summary: `Token "${name}" untuk ${user.username}${expiresOn ? `, berlaku sampai ${expiresOn}` : ''}`,
      after: { id: row.id, name, userId: user.id, username: user.username, expiresOn },
    });
    return { token, id: row.id };
  });
}

/** A token's last day: from today up to five years ahead. */
function checkExpiry(on: string, today: string): string {
  const last = DateTime.fromISO(today).plus({ years: 5 }).toISODate()!;
  if (on < today) throw invalid({ expiresOn: 'Tanggal berakhir sudah lewat: pilih hari ini atau sesudahnya.' });
  if (on > last) throw invalid({ expiresOn: `Paling lama lima tahun: sampai ${last}.` });
  return on;
}

export function revokeToken(db: Db, actor: Actor, id: number): void {
  db.transaction((tx) => {
    const token = repo.findToken(tx, id);
    if (!token) throw new AppError('not_found', 'Token tidak ditemukan.');
    if (token.revokedAt) return;
    repo.revokeToken(tx, id, nowInstant());
    recordEvent(tx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: id, summary: `Token "${token.name}" dicabut` });
  });
}

/** How fresh a token's "last used" may stay unwritten. */
const TOKEN_TOUCH_MS = 60_000;

/**
 * Resolves a bearer token to its active user; null for an unknown, revoked or inactive one; the
 * last valid day for a token past its expiry date (the day itself still works, in the office zone).
 */
export function userForToken(
  db: Db, token: string, zone: string, now?: DateTime,
): { user: UserRow; actor: Actor } | { expiredOn: string } | null {
  const found = repo.findActiveTokenWithUser(db, repo.sha256(token));
  if (!found || !found.user.active) return null;
  if (found.token.expiresOn && found.token.expiresOn < todayIn(zone, now)) return { expiredOn: found.token.expiresOn };
  // "Last used" is kept to the minute: most calls find it fresh and write nothing.
  const at = now?.toMillis() ?? Settings.now();
  const lastUsed = found.token.lastUsedAt ? Date.parse(found.token.lastUsedAt) : Number.NaN;
  if (!(at - lastUsed < TOKEN_TOUCH_MS)) repo.touchToken(db, found.token.id, instantAt(at), instantAt(at - TOKEN_TOUCH_MS));
  return { user: found.user, actor: { userId: found.user.id, label: `${found.user.username} (token: ${found.token.name})` } };
}

export function systemActor(): Actor {
  return SYSTEM;
}

function publicUser(u: UserRow) {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, active: u.active, unitId: u.unitId };
}
