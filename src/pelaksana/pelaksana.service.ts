/**
 * PPID Pelaksana (issue 15.5). A deployment serves a whole ministry: one PPID Utama and several
 * PPID Pelaksana, each registering requests under its own number pattern.
 *
 * - Who registers: an officer whose unit is a PPID Pelaksana registers for it (always); an
 *   officer of the PPID Utama (no unit, or a unit that is not a Pelaksana) registers for the
 *   Utama, or for a Pelaksana chosen on the form (`pelaksana`, a unit code). Web submissions go
 *   to the Utama.
 * - Who sees: users whose unit is a PPID Pelaksana see and work on that Pelaksana's requests
 *   only (another's is "not found", as for a unit's staff); everyone else keeps their role's view
 *   of everything (the PPID Utama sees all).
 * - Scopes: `requestScopeForUnit(db, code)` gives the consolidated scope (no code), the PPID
 *   Utama's own (the code of the `utama` unit, or "utama") or one Pelaksana's, and
 *   `scopeWhere(scope, column)` its SQL condition for any query over requests.
 */
import type { Tx } from '../db/client.js';
import type { UnitRow } from '../db/schema.js';
import { invalid, notFound } from '../shared/errors.js';
import * as repo from './pelaksana.repo.js';

export type { RequestScope } from './pelaksana.repo.js';
export { dispositionScopeWhere, objectionScopeWhere, scopeWhere } from './pelaksana.repo.js';

export const CONSOLIDATED: repo.RequestScope = { kind: 'all' };
const UTAMA_OWN: repo.RequestScope = { kind: 'utama', code: 'utama', name: 'PPID Utama' };

const pelaksanaScope = (u: UnitRow): repo.RequestScope => ({ kind: 'pelaksana', unitId: u.id, code: u.code, name: u.name });

/**
 * The scope of a unit code: none or blank, consolidated; a PPID Pelaksana's code, its requests;
 * the PPID Utama's code (or "utama"), the Utama's own. Any other code is refused (`fields.unit`).
 */
export function requestScopeForUnit(db: Tx, unitCode?: string | null): repo.RequestScope {
  const code = (unitCode ?? '').trim();
  if (!code) return CONSOLIDATED;
  const u = repo.findUnitByCode(db, code);
  if (u?.kind === 'pelaksana') return pelaksanaScope(u);
  if (u?.kind === 'utama') return { kind: 'utama', code: u.code, name: u.name };
  if (!u && code.toLowerCase() === 'utama') return UTAMA_OWN;
  throw invalid({ unit: `${code} bukan PPID Utama atau PPID Pelaksana yang dikenal.` }, 'Unit yang diminta tidak dikenal.');
}

/** What a user may see: their PPID Pelaksana's requests, or everything (their role decides the rest). */
export function scopeOfUser(db: Tx, user: { id: number; unitId?: number | null }): repo.RequestScope {
  if (!user.unitId) return CONSOLIDATED;
  const u = repo.findUnitById(db, user.unitId);
  return u?.kind === 'pelaksana' ? pelaksanaScope(u) : CONSOLIDATED;
}

/**
 * The scope a user asks for with `?unit=`: a Pelaksana's officer gets their own whatever they
 * ask (another's is "not found"); everyone else any scope.
 */
export function viewScope(db: Tx, user: { id: number; unitId?: number | null }, unitCode: unknown): repo.RequestScope {
  const own = scopeOfUser(db, user);
  const code = typeof unitCode === 'string' ? unitCode.trim() : '';
  if (unitCode !== undefined && typeof unitCode !== 'string') throw invalid({ unit: 'Kode unit tidak valid.' });
  if (own.kind === 'pelaksana') {
    if (code && code.toLowerCase() !== own.code.toLowerCase()) throw notFound('Unit');
    return own;
  }
  return requestScopeForUnit(db, code);
}

/** Whether a request lies in a scope. */
export function requestInScope(db: Tx, scope: repo.RequestScope, requestId: number): boolean {
  if (scope.kind === 'all') return true;
  const p = repo.pelaksanaOfRequest(db, requestId);
  return scope.kind === 'pelaksana' ? p?.id === scope.unitId : p === undefined;
}

/** Whether an objection lies in a scope (one without a request is the PPID Utama's). */
export function objectionInScope(db: Tx, scope: repo.RequestScope, objectionId: number): boolean {
  if (scope.kind === 'all') return true;
  const requestId = repo.requestOfObjection(db, objectionId);
  if (requestId === undefined) return true; // unknown: the page says "not found" itself
  if (requestId === null) return scope.kind === 'utama';
  return requestInScope(db, scope, requestId);
}

/** Whether a disposition's request lies in a scope. */
export function dispositionInScope(db: Tx, scope: repo.RequestScope, dispositionId: number): boolean {
  if (scope.kind === 'all') return true;
  const requestId = repo.requestOfDisposition(db, dispositionId);
  return requestId === undefined || requestInScope(db, scope, requestId);
}

/**
 * Which PPID Pelaksana registers a request entered by `user`: their own Pelaksana (choosing
 * another is refused), or for an officer of the PPID Utama the one chosen (`chosen`, a unit code;
 * blank: the Utama itself). Returns the unit id, or null for the PPID Utama.
 */
export function registeringPelaksana(db: Tx, user: { id: number; unitId?: number | null }, chosen: unknown): number | null {
  const code = typeof chosen === 'string' ? chosen.trim() : '';
  if (chosen !== undefined && chosen !== null && typeof chosen !== 'string') throw invalid({ pelaksana: 'PPID Pelaksana tidak valid.' });
  const own = scopeOfUser(db, user);
  if (own.kind === 'pelaksana') {
    if (code && code.toLowerCase() !== own.code.toLowerCase()) {
      throw invalid({ pelaksana: `Anda mencatat permohonan untuk ${own.code}; PPID Pelaksana lain tidak dapat dipilih.` });
    }
    return own.unitId;
  }
  if (!code) return null;
  const u = repo.findUnitByCode(db, code);
  if (!u || u.kind !== 'pelaksana' || !u.active) throw invalid({ pelaksana: `${code} bukan PPID Pelaksana yang aktif.` });
  return u.id;
}

/** The registering Pelaksana, checked inside the registration's transaction. */
export function pelaksanaForRegistration(tx: Tx, unitId: number): UnitRow {
  const u = repo.findUnitById(tx, unitId);
  if (!u || u.kind !== 'pelaksana' || !u.active) throw invalid({ pelaksana: 'PPID Pelaksana tidak ditemukan atau tidak aktif.' });
  return u;
}

/**
 * The scopes a viewer can choose on the recap: consolidated, the Utama's own, each Pelaksana
 * (active or not: history stays readable). A Pelaksana's officer has no choice: empty.
 */
export function scopeOptions(db: Tx, user: { id: number; unitId?: number | null }): { code: string; label: string }[] {
  if (scopeOfUser(db, user).kind === 'pelaksana') return [];
  const pelaksana = repo.pelaksanaUnits(db);
  if (pelaksana.length === 0) return [];
  const utama = repo.utamaUnit(db);
  return [
    { code: '', label: 'Gabungan (PPID Utama dan semua PPID Pelaksana)' },
    { code: utama?.code ?? 'utama', label: `${utama ? `${utama.code} — ` : ''}PPID Utama (yang dicatatnya sendiri)` },
    ...pelaksana.map((u) => ({ code: u.code, label: `${u.code} — ${u.name}` })),
  ];
}

/** How a scope is named under a title ("" for the consolidated one). */
export function scopeLabel(scope: repo.RequestScope): string {
  if (scope.kind === 'all') return '';
  return scope.kind === 'utama' ? `${scope.name} (tanpa PPID Pelaksana)` : `PPID Pelaksana ${scope.code} — ${scope.name}`;
}

export const highestPelaksanaSequence = repo.highestPelaksanaSequence;
export const recordPelaksana = repo.insertRequestPelaksana;
export const pelaksanaOfRequest = repo.pelaksanaOfRequest;
export const activePelaksanaUnits = repo.activePelaksanaUnits;
