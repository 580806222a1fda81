/**
 * What each role may do. The roles themselves (persisted in users.role): src/vocabulary/roles.ts.
 */
import { ROLES, type Role } from '../vocabulary/roles.js';

export { ROLES, type Role };

/** Actions a route can require. */
export type Permission =
  | 'request.read'
  | 'request.write' // register, extend, decide, correct, withdraw, void (Batalkan entri), mark as read
  | 'request.unvoid' // restore a voided entry (Pulihkan): the atasan PPID's call
  | 'objection.file' // register an objection on the requester's behalf
  | 'objection.respond' // the atasan PPID's answer, and the dispute record
  | 'audit.read'
  | 'export'
  | 'admin.users'
  | 'admin.holidays'
  | 'admin.settings'
  | 'admin.tokens'
  | 'admin.import' // load an existing register from CSV/XLSX (one transaction, audited)
  | 'attachment.purge' // remove a deleted file from disk for good
  | 'admin.messages' // the outbox (read, resend, .eml) and the message templates
  | 'admin.units' // the tree of units (PPID Utama, PPID Pelaksana, unit kerja)
  | 'disposition.send' // send a request to units, reassign, recall, remind; record forwarding
  | 'disposition.answer' // answer a disposition (a unit's own; officers on a unit's behalf)
  | 'unit.queue' // a unit's own queue of dispositions, and only that
  | 'desk.work' // the consultation desk: log, escalate, answer, close every ticket
  | 'desk.unit' // a unit's staff: the tickets escalated to their unit, and answer them
  | 'desk.import'; // load consultation history from a CRM export (one transaction, audited)

const GRANTS: Record<Role, readonly Permission[]> = {
  // The admin runs the system; registering and deciding requests is PPID work, not theirs.
  admin: ['request.read', 'audit.read', 'export', 'admin.users', 'admin.holidays', 'admin.settings', 'admin.tokens', 'admin.import', 'attachment.purge', 'admin.messages', 'admin.units', 'desk.import'],
  officer: ['request.read', 'request.write', 'objection.file', 'disposition.send', 'disposition.answer', 'desk.work', 'desk.import'],
  supervisor: ['request.read', 'request.write', 'request.unvoid', 'objection.file', 'objection.respond', 'disposition.send', 'disposition.answer', 'desk.work'],
  auditor: ['request.read', 'audit.read', 'export'],
  // Never request.read: no register, no requester's identity or contacts.
  unit: ['unit.queue', 'disposition.answer', 'desk.unit'],
  // Never request.read: the desk only (officers and supervisors can do all an agent can).
  agent: ['desk.work'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role]?.includes(permission) ?? false;
}

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}
