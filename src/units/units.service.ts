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

function checkCodeFree(tx: Tx, code: string, id: number | null): void {
  const other = repo.findUnitByCode(tx, code);
  if (other && other.id !== id) throw invalid({ code: `Kode ${other.code} sudah dipakai (${other.name}).` });
}

/** Adds a unit to the tree. */
export function createUnit({ db, actor, input }: UseCase<UnitInput>): UnitRow {
  return db.transaction((tx) => {
    checkCodeFree(tx, input.code, null);
    checkParent(tx, null, input.parentId);
    const now = nowInstant();
    const u = repo.insertUnit(tx, {
      code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, active: input.active, createdAt: now, updatedAt: now,
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
    const after = repo.updateUnitAtVersion(tx, id, before.version, {
      code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, active: input.active, updatedAt: nowInstant(),
    });
    if (!after) throw outdated();
    recordEvent(tx, actor, {
      action: 'unit.update', entityType: 'unit', entityId: id,
      summary: `Unit ${after.code} diubah${before.active && !after.active ? ' (dinonaktifkan)' : ''}`, ...changedFields(before, after),
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
    const ties = repo.unitTies(tx, id);
    const what = [
      ties.dispositions ? `${ties.dispositions} disposisi` : '',
      ties.users ? `${ties.users} pengguna` : '',
      ties.children ? `${ties.children} sub-unit` : '',
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
