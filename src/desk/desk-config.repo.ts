/** SQL of what an admin keeps for the desk: lists (channels, categories, topics), service hours, service levels. */
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cachedUntilChanged } from '../db/versioned-cache.js';
import { deskListItems, deskServiceHours, deskServiceLevels, type DeskListItemRow, type DeskServiceHoursRow, type DeskServiceLevelRow } from '../db/schema.js';

export type DeskList = 'channel' | 'category' | 'topic';

/**
 * Read on every ticket intake and queue view: kept until an admin changes the desk's lists, hours
 * or service levels (src/db/versioned-cache.ts). Frozen, as every caller shares them.
 */
function keptUntilChanged<T extends object>(tx: Tx, key: string, read: () => T[]): readonly Readonly<T>[] {
  return cachedUntilChanged(tx, 'desk_config', key, () => Object.freeze(read().map((row) => Object.freeze(row))));
}

export function listItems(tx: Tx, list?: DeskList): readonly DeskListItemRow[] {
  return keptUntilChanged(tx, `list ${list ?? '*'}`, () =>
    tx.select().from(deskListItems).where(list ? eq(deskListItems.list, list) : undefined).orderBy(asc(deskListItems.list), asc(deskListItems.position), asc(deskListItems.id)).all(),
  );
}

export function findListItem(tx: Tx, id: number): DeskListItemRow | undefined {
  return tx.select().from(deskListItems).where(eq(deskListItems.id, id)).get();
}

export function findListItemByCode(tx: Tx, list: DeskList, code: string): DeskListItemRow | undefined {
  return listItems(tx, list).find((item) => item.code === code);
}

export function insertListItem(tx: Tx, values: typeof deskListItems.$inferInsert, ignoreExisting = false): DeskListItemRow | undefined {
  const q = tx.insert(deskListItems).values(values);
  return (ignoreExisting ? q.onConflictDoNothing() : q).returning().get();
}

export function updateListItem(tx: Tx, id: number, values: Partial<Pick<DeskListItemRow, 'label' | 'active' | 'position'>>): DeskListItemRow | undefined {
  return tx.update(deskListItems).set(values).where(eq(deskListItems.id, id)).returning().get();
}

export function maxPosition(tx: Tx, list: DeskList): number {
  return tx.select({ m: sql<number | null>`max(${deskListItems.position})` }).from(deskListItems).where(eq(deskListItems.list, list)).get()?.m ?? 0;
}

export function serviceHoursRows(tx: Tx): readonly DeskServiceHoursRow[] {
  return keptUntilChanged(tx, 'hours', () => tx.select().from(deskServiceHours).orderBy(asc(deskServiceHours.weekday)).all());
}

export function upsertServiceHours(tx: Tx, row: DeskServiceHoursRow, ignoreExisting = false): void {
  const q = tx.insert(deskServiceHours).values(row);
  (ignoreExisting ? q.onConflictDoNothing() : q.onConflictDoUpdate({ target: deskServiceHours.weekday, set: { opensAt: row.opensAt, closesAt: row.closesAt } })).run();
}

export function serviceLevelRows(tx: Tx): readonly DeskServiceLevelRow[] {
  return keptUntilChanged(tx, 'levels', () => tx.select().from(deskServiceLevels).orderBy(asc(deskServiceLevels.channel), asc(deskServiceLevels.escalated)).all());
}

export function upsertServiceLevel(tx: Tx, row: Omit<DeskServiceLevelRow, 'id'>, ignoreExisting = false): void {
  const q = tx.insert(deskServiceLevels).values(row);
  (ignoreExisting
    ? q.onConflictDoNothing()
    : q.onConflictDoUpdate({ target: [deskServiceLevels.channel, deskServiceLevels.escalated], set: { amount: row.amount, unit: row.unit } })
  ).run();
}
