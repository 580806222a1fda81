/** SQL of the holiday calendar. Nothing outside this file queries the holidays table. */
import { and, asc, eq, inArray, like, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { holidays, type HolidayRow } from '../db/schema.js';

export type NewHolidayRow = typeof holidays.$inferInsert;

export function allHolidays(db: Tx): HolidayRow[] {
  return db.select().from(holidays).orderBy(asc(holidays.date), asc(holidays.id)).all();
}

export function holidaysOfYear(db: Tx, year: number): HolidayRow[] {
  return db.select().from(holidays).where(like(holidays.date, `${year}-%`)).orderBy(asc(holidays.date), asc(holidays.id)).all();
}

export function countHolidays(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(holidays).get()!.n;
}

export function insertHolidays(tx: Tx, rows: NewHolidayRow[]): void {
  if (rows.length) tx.insert(holidays).values(rows).run();
}

export function findHoliday(db: Tx, id: number): HolidayRow | undefined {
  return db.select().from(holidays).where(eq(holidays.id, id)).get();
}

/** An entry with the same date and name (ignoring letter case), other than `exceptId`. */
export function findSameHoliday(db: Tx, date: string, name: string, exceptId?: number): HolidayRow | undefined {
  return db
    .select()
    .from(holidays)
    .where(
      and(
        eq(holidays.date, date),
        sql`lower(${holidays.name}) = lower(${name})`,
        exceptId === undefined ? undefined : ne(holidays.id, exceptId),
      ),
    )
    .get();
}

export function insertHoliday(tx: Tx, row: NewHolidayRow): HolidayRow {
  return tx.insert(holidays).values(row).returning().get();
}

export function updateHoliday(tx: Tx, id: number, values: Omit<NewHolidayRow, 'id'>): HolidayRow {
  return tx.update(holidays).set(values).where(eq(holidays.id, id)).returning().get()!;
}

export function deleteHoliday(tx: Tx, id: number): void {
  tx.delete(holidays).where(eq(holidays.id, id)).run();
}

/** Which of `years` have at least one entry. */
export function yearsWithHolidays(db: Tx, years: number[]): number[] {
  if (years.length === 0) return [];
  const year = sql<string>`substr(${holidays.date}, 1, 4)`;
  return db
    .select({ year })
    .from(holidays)
    .where(inArray(year, years.map(String)))
    .groupBy(year)
    .all()
    .map((r) => Number(r.year));
}

/** Every year that has entries, newest first. */
export function holidayYears(db: Tx): number[] {
  const year = sql<string>`substr(${holidays.date}, 1, 4)`;
  return db
    .select({ year })
    .from(holidays)
    .groupBy(year)
    .orderBy(sql`1 desc`)
    .all()
    .map((r) => Number(r.year));
}

/** Every date holding an entry of `kind`, each once. */
export function datesOfKind(db: Tx, kind: HolidayRow['kind']): string[] {
  return [...new Set(db.select({ date: holidays.date }).from(holidays).where(eq(holidays.kind, kind)).all().map((r) => r.date))];
}
