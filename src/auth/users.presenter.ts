/** Rows of the admin pages for accounts and API tokens. Pure: no database. */
import { DateTime } from 'luxon';
import type { ApiTokenRow, UserRow } from '../db/schema.js';
import { formatDate, formatInstant, todayIn } from '../shared/dates.js';
import { ROLES } from './roles.js';

export function presentUserRow(u: UserRow, zone: string) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roleLabel: ROLES[u.role],
    active: u.active,
    createdAt: formatInstant(u.createdAt, zone),
  };
}

export function presentTokenRow({ token, username }: { token: ApiTokenRow; username: string }, zone: string, now: DateTime = DateTime.utc()) {
  return {
    id: token.id,
    name: token.name,
    username,
    createdAt: formatInstant(token.createdAt, zone),
    lastUsedAt: token.lastUsedAt ? formatInstant(token.lastUsedAt, zone) : null,
    revokedAt: token.revokedAt ? formatInstant(token.revokedAt, zone) : null,
    expiresOn: token.expiresOn ? formatDate(token.expiresOn) : null,
    expired: !!token.expiresOn && token.expiresOn < todayIn(zone, now),
  };
}
