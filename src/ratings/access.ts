/**
 * Who may see and do what of the satisfaction survey. Kept here (not in auth/roles.ts) while it is
 * the survey's alone; README "Kepuasan layanan" lists it.
 * - the month's report and the summary API: the PPID's readers (officer, supervisor, auditor, admin);
 *   an agent's own figures come to them through their supervisor, never the comments' authors;
 * - marking a comment as followed up: the supervisor;
 * - sending a link: who works the ticket (desk staff for a consultation, officers and supervisors
 *   for a request);
 * - the survey's settings: the admin.
 */
import type { RequestHandler } from 'express';
import { currentUser } from '../auth/guards.js';
import { can, type Role } from '../auth/roles.js';
import { forbidden } from '../shared/errors.js';

export const REPORT_ROLES: readonly Role[] = ['officer', 'supervisor', 'auditor', 'admin'];
export const FOLLOW_UP_ROLES: readonly Role[] = ['supervisor'];

export function requireRole(roles: readonly Role[]): RequestHandler {
  return (req, _res, next) => next(roles.includes(currentUser(req).role as Role) ? undefined : forbidden());
}

export const maySend = (role: Role, type: 'consultation' | 'request') => can(role, type === 'consultation' ? 'desk.work' : 'request.write');
