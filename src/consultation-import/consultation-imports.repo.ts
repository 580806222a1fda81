/** SQL of the CRM import's keys (one per imported source row). */
import { eq } from 'drizzle-orm';
import { consultationImports } from '../db/schema.js';
import type { Tx } from '../db/client.js';

export function importedConsultation(tx: Tx, sourceKey: string): number | undefined {
  return tx.select({ id: consultationImports.consultationId }).from(consultationImports).where(eq(consultationImports.sourceKey, sourceKey)).get()?.id;
}

export function rememberImport(tx: Tx, row: typeof consultationImports.$inferInsert): void {
  tx.insert(consultationImports).values(row).run();
}
