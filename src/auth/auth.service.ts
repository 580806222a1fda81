import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import type { UserRow } from '../db/schema.js';
import { AppError, invalid } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { hashPassword, verifyPassword, DUMMY_HASH } from './passwords.js';
import * as repo from './users.repo.js';
import type { NewUserInput } from './auth.schemas.js';
import type { Role } from './roles.js';

/** After this many wrong passwords in a row an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

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
    const user = repo.insertUser(tx, {
      username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: nowInstant(),
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
}

export async function updateUser(db: Db, actor: Actor, id: number, change: UserChange): Promise<UserRow> {
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  return db.transaction((tx) => {
    const before = repo.findUserById(tx, id);
    if (!before) throw new AppError('not_found', 'Pengguna tidak ditemukan.');
    if (before.id === actor.userId && (change.active === false || (change.role && change.role !== before.role))) {
      throw invalid({ role: 'Anda tidak dapat menonaktifkan atau mengubah peran akun sendiri.' });
    }
    const after = repo.updateUser(tx, id, {
      displayName: change.displayName,
      role: change.role,
      active: change.active,
      ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
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

/**
 * Checks a password. Repeated failures lock the account for a while; the message never says
 * whether the username exists.
 */
export async function authenticate(db: Db, username: string, password: string, ip: string): Promise<LoginResult> {
  const wrong = 'Nama pengguna atau kata sandi salah.';
  const user = repo.findUserByUsername(db, username);
  const now = DateTime.utc();
  if (user?.lockedUntil && DateTime.fromISO(user.lockedUntil) > now) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, message: `Terlalu banyak percobaan gagal. Akun dikunci sampai ${DateTime.fromISO(user.lockedUntil).setZone('Asia/Jakarta').toFormat('HH.mm')} WIB.` };
  }
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return db.transaction((tx) => {
    if (!user || !user.active || !valid) {
      if (user) {
        const failedLogins = user.failedLogins + 1;
        const lockedUntil = failedLogins >= MAX_FAILED_LOGINS ? now.plus({ minutes: LOCK_MINUTES }).toISO() : null;
        repo.updateUser(tx, user.id, { failedLogins: lockedUntil ? 0 : failedLogins, lockedUntil });
      }
      recordEvent(tx, user ? { userId: user.id, label: user.username } : { userId: null, label: username }, {
        action: 'login.failed', entityType: 'user', entityId: user?.id ?? null, summary: `Gagal masuk dari ${ip}`,
      });
      return { ok: false as const, message: wrong };
    }
    repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
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
export function createToken(db: Db, actor: Actor, username: string, name: string): { token: string; id: number } {
  const token = `ppid_${crypto.randomBytes(24).toString('base64url')}`;
  return db.transaction((tx) => {
    const user = repo.findUserByUsername(db, username);
    if (!user) throw invalid({ username: 'Pengguna tidak ditemukan.' });
    if (!user.active) throw invalid({ username: 'Pengguna ini tidak aktif.' });
    const row = repo.insertToken(tx, { userId: user.id, name, tokenHash: repo.sha256(token), createdAt: nowInstant() });
    recordEvent(tx, actor, {
      action: 'token.create', entityType: 'api_token', entityId: row.id, summary: `Token "${name}" untuk ${user.username}`,
      after: { id: row.id, name, userId: user.id, username: user.username },
    });
    return { token, id: row.id };
  });
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

/** Resolves a bearer token to its active user, or null. */
export function userForToken(db: Db, token: string): { user: UserRow; actor: Actor } | null {
  const found = repo.findActiveTokenWithUser(db, repo.sha256(token));
  if (!found || !found.user.active) return null;
  const now = DateTime.utc();
  repo.touchToken(db, found.token.id, now.toISO()!, now.minus({ minutes: 1 }).toISO()!);
  return { user: found.user, actor: { userId: found.user.id, label: `${found.user.username} (token: ${found.token.name})` } };
}

export function systemActor(): Actor {
  return SYSTEM;
}

function publicUser(u: UserRow) {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, active: u.active };
}
