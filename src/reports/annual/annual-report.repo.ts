/** SQL of the annual reports (annual_reports) and the service standard text (service_standards). */
import { and, asc, desc, eq } from 'drizzle-orm';
import { annualReports, serviceStandards, units, type AnnualReportRow } from '../../db/schema.js';
import { preparedStatement, type Tx } from '../../db/client.js';

/** The newest version of a year's report for a scope, or null when none was saved yet. */
export function latestVersion(tx: Tx, year: number, scope: string): AnnualReportRow | null {
  return tx.select().from(annualReports)
    .where(and(eq(annualReports.year, year), eq(annualReports.scope, scope)))
    .orderBy(desc(annualReports.version)).limit(1).get() ?? null;
}

export function versionOf(tx: Tx, year: number, scope: string, version: number): AnnualReportRow | null {
  return tx.select().from(annualReports)
    .where(and(eq(annualReports.year, year), eq(annualReports.scope, scope), eq(annualReports.version, version))).get() ?? null;
}

export function versionsOf(tx: Tx, year: number, scope: string): AnnualReportRow[] {
  return tx.select().from(annualReports)
    .where(and(eq(annualReports.year, year), eq(annualReports.scope, scope))).orderBy(asc(annualReports.version)).all();
}

export function findReport(tx: Tx, id: number): AnnualReportRow | null {
  return tx.select().from(annualReports).where(eq(annualReports.id, id)).get() ?? null;
}

export function insertReport(tx: Tx, values: typeof annualReports.$inferInsert): AnnualReportRow {
  return tx.insert(annualReports).values(values).returning().get();
}

export function updateReport(tx: Tx, id: number, values: Partial<typeof annualReports.$inferInsert>): AnnualReportRow {
  return tx.update(annualReports).set(values).where(eq(annualReports.id, id)).returning().get();
}

/** Every handed-in version of the office's reports, newest year first. */
export function submittedReports(tx: Tx, scope: string): AnnualReportRow[] {
  return tx.select().from(annualReports)
    .where(and(eq(annualReports.scope, scope), eq(annualReports.status, 'submitted')))
    .orderBy(desc(annualReports.year), desc(annualReports.version)).all();
}

/** Whether a year's report for a scope was handed in (every register page view asks, for its countdown). */
export function isSubmitted(tx: Tx, year: number, scope: string): boolean {
  return preparedStatement(tx, "select 1 from annual_reports where scope = ? and year = ? and status = 'submitted' limit 1").get(scope, year) !== undefined;
}

/** Every handed-in version of every scope's reports. */
export function allSubmittedReports(tx: Tx): AnnualReportRow[] {
  return tx.select().from(annualReports).where(eq(annualReports.status, 'submitted'))
    .orderBy(asc(annualReports.scope), desc(annualReports.year), desc(annualReports.version)).all();
}

/** A unit's current code (a Pelaksana report is stored under its unit id). */
export function unitCode(tx: Tx, id: number): string | null {
  return tx.select({ code: units.code }).from(units).where(eq(units.id, id)).get()?.code ?? null;
}

export function currentServiceStandard(tx: Tx): { text: string; createdAt: string } | null {
  return tx.select({ text: serviceStandards.text, createdAt: serviceStandards.createdAt }).from(serviceStandards)
    .orderBy(desc(serviceStandards.id)).limit(1).get() ?? null;
}

export function insertServiceStandard(tx: Tx, values: typeof serviceStandards.$inferInsert): void {
  tx.insert(serviceStandards).values(values).run();
}
