import { asc, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { holidays, type HolidayRow } from '../db/schema.js';
import type { Tx } from '../audit/audit.repo.js';

export function allHolidays(db: Tx): HolidayRow[] {
  return db.select().from(holidays).orderBy(asc(holidays.date), asc(holidays.id)).all();
}

export function holidaysOfYear(db: Tx, year: number): HolidayRow[] {
  return db.select().from(holidays).where(like(holidays.date, `${year}-%`)).orderBy(asc(holidays.date), asc(holidays.id)).all();
}

export function countHolidays(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(holidays).get()!.n;
}

export function insertHolidays(tx: Tx, rows: (typeof holidays.$inferInsert)[]): void {
  if (rows.length) tx.insert(holidays).values(rows).run();
}
