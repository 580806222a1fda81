/**
 * Use cases of the units tree (admin). One transaction each, with its audit entry.
 */
import type { Db } from '../db/client.js';
import type { UnitRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import type { Tx } from '../db/client.js';
import { changedFields } from '../audit/changes.js';
import { AppError, invalid, notFound, outdated } from '../shared/errors.js';
import { nowInstant } from '../shared/dates.js';
import * as repo from './units.repo.js';
import { UNIT_KINDS, type UnitKind } from './vocabulary.js';
import type { UnitInput } from './units.schemas.js';
import { getSettings } from '../settings/settings.repo.js';
import { numberPatternProblem } from '../numbering/numbering.js';

interface UseCase<I> {
  db: Db;
  actor: Actor;
  input: I;
}

/** The parent must exist and must not be the unit itself or one of its descendants (no loops). */
function checkParent(tx: Tx, id: number | null, parentId: number | undefined): void {
  if (parentId === undefined) return;
  const all = new Map(repo.listUnits(tx).map((u) => [u.id, u]));
  if (!all.has(parentId)) throw invalid({ parentId: 'Unit induk tidak ditemukan.' });
  for (let p: UnitRow | undefined = all.get(parentId), steps = 0; p && steps <= all.size; p = p.parentId ? all.get(p.parentId) : undefined, steps++) {
    if (p.id === id) throw invalid({ parentId: 'Unit induk tidak boleh unit ini sendiri atau sub-unitnya.' });
  }
}

/**
 * A Pelaksana's pattern must give numbers of its own: not the PPID Utama's pattern, nor another
 * Pelaksana's (their sequences would meet on the same numbers).
 */
function checkPatternFree(tx: Tx, pattern: string, id: number | null): void {
  if (!pattern) return;
  const same = (p: string | null) => (p ?? '').trim().toLowerCase() === pattern.trim().toLowerCase();
  if (same(getSettings(tx).registration_pattern)) throw invalid({ numberPattern: 'Pola ini sama dengan pola nomor PPID Utama (Pengaturan); buat pola yang membedakan, mis. dengan kode Pelaksana.' });
  const other = repo.listUnits(tx).find((u) => u.id !== id && same(u.numberPattern));
  if (other) throw invalid({ numberPattern: `Pola ini sudah dipakai ${other.code}.` });
}

function checkCodeFree(tx: Tx, code: string, id: number | null): void {
  const other = repo.findUnitByCode(tx, code);
  if (other && other.id !== id) throw invalid({ code: `Kode ${other.code} sudah dipakai (${other.name}).` });
}

/** Adds a unit to the tree. */
export function createUnit({ db, actor, input }: UseCase<UnitInput>): UnitRow {
  return db.transaction((tx) => {
    checkCodeFree(tx, input.code, null);
    checkParent(tx, null, input.parentId);
    checkPatternFree(tx, input.numberPattern ?? '', null);
    const now = nowInstant();
    const u = repo.insertUnit(tx, {
      code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, active: input.active,
      numberPattern: input.numberPattern || null, createdAt: now, updatedAt: now,
    });
    recordEvent(tx, actor, { action: 'unit.create', entityType: 'unit', entityId: u.id, summary: `Unit ${u.code} ${u.name} (${UNIT_KINDS[u.kind as UnitKind]}) dibuat`, after: u });
    return u;
  });
}

/** Changes a unit: name, kind, parent, code, active. Deactivating keeps its history and open work. */
export function updateUnit({ db, actor, input, id }: UseCase<UnitInput> & { id: number }): UnitRow {
  return db.transaction((tx) => {
    const before = repo.findUnit(tx, id);
    if (!before) throw notFound('Unit');
    if (input.version !== undefined && input.version !== before.version) throw outdated();
    checkCodeFree(tx, input.code, id);
    checkParent(tx, id, input.parentId);
    // Its requests would belong to no PPID at all (the recaps would no longer add up): refused.
    const registered = before.kind === 'pelaksana' && input.kind !== 'pelaksana' ? repo.registeredRequestCount(tx, id) : 0;
    if (registered) throw invalid({ kind: `${before.code} sudah mencatat ${registered} permohonan sebagai PPID Pelaksana; jenisnya tidak dapat diubah.` });
    const pattern = input.numberPattern === undefined ? (before.numberPattern ?? '') : input.numberPattern;
    if (pattern && input.kind !== 'pelaksana') throw invalid({ numberPattern: 'Pola nomor sendiri hanya untuk PPID Pelaksana.' });
    checkPatternFree(tx, pattern, id);
    const after = repo.updateUnitAtVersion(tx, id, before.version, {
      code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, active: input.active,
      numberPattern: pattern || null, updatedAt: nowInstant(),
    });
    if (!after) throw outdated();
    recordEvent(tx, actor, {
      action: 'unit.update', entityType: 'unit', entityId: id,
      summary: `Unit ${after.code} diubah${before.active && !after.active ? ' (dinonaktifkan)' : ''}`, ...changedFields(before, after),
    });
    return after;
  });
}

/** Sets (or with '' clears) a PPID Pelaksana's own registration number pattern (CLI `unit pattern`). */
export function setNumberPattern({ db, actor, id, pattern }: { db: Db; actor: Actor; id: number; pattern: string }): UnitRow {
  return db.transaction((tx) => {
    const before = repo.findUnit(tx, id);
    if (!before) throw notFound('Unit');
    if (pattern && before.kind !== 'pelaksana') throw invalid({ numberPattern: 'Pola nomor sendiri hanya untuk PPID Pelaksana.' });
    const problem = pattern ? numberPatternProblem(pattern) : null;
    if (problem) throw invalid({ numberPattern: problem });
    checkPatternFree(tx, pattern, id);
    const after = repo.updateUnitAtVersion(tx, id, before.version, { numberPattern: pattern || null, updatedAt: nowInstant() });
    if (!after) throw outdated();
    recordEvent(tx, actor, {
      action: 'unit.update', entityType: 'unit', entityId: id,
      summary: pattern ? `Pola nomor ${after.code} diatur: ${pattern}` : `Pola nomor ${after.code} dihapus (memakai pola PPID Utama)`, ...changedFields(before, after),
    });
    return after;
  });
}

/**
 * Deletes a unit that was never used. A unit with dispositions, users or sub-units is refused:
 * its history must stay readable, so it is deactivated instead.
 */
export function deleteUnit({ db, actor, id }: { db: Db; actor: Actor; id: number }): UnitRow {
  return db.transaction((tx) => {
    const u = repo.findUnit(tx, id);
    if (!u) throw notFound('Unit');
    const ties = { ...repo.unitTies(tx, id), requests: repo.registeredRequestCount(tx, id) };
    const what = [
      ties.dispositions ? `${ties.dispositions} disposisi` : '',
      ties.users ? `${ties.users} pengguna` : '',
      ties.children ? `${ties.children} sub-unit` : '',
      ties.requests ? `${ties.requests} permohonan` : '',
    ].filter(Boolean);
    if (what.length) {
      throw new AppError('conflict', `Unit ${u.code} tidak dapat dihapus karena sudah punya ${what.join(', ')}. Nonaktifkan unit ini sebagai gantinya.`);
    }
    repo.deleteUnit(tx, id);
    recordEvent(tx, actor, { action: 'unit.delete', entityType: 'unit', entityId: id, summary: `Unit ${u.code} ${u.name} dihapus`, before: u });
    return u;
  });
}

export function getUnit(db: Tx, id: number): UnitRow {
  const u = repo.findUnit(db, id);
  if (!u) throw notFound('Unit');
  return u;
}

export const listUnits = (db: Tx): UnitRow[] => repo.listUnits(db);
export const findUnitByCode = (db: Tx, code: string): UnitRow | undefined => repo.findUnitByCode(db, code);

/** The units in tree order (parents before their children), each with its depth. */
export function unitTree(all: readonly UnitRow[]): { unit: UnitRow; depth: number }[] {
  const byParent = new Map<number | null, UnitRow[]>();
  const ids = new Set(all.map((u) => u.id));
  for (const u of all) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  const out: { unit: UnitRow; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const u of (byParent.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code, 'id', { numeric: true }))) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
