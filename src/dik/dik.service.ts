/**
 * Daftar Informasi yang Dikecualikan (DIK; UU 14/2008 Pasal 17, 19, 20; Perki 1/2021 Pasal 49):
 * the register of exempt information. A decision on a request that exempts information uses an
 * existing entry or creates one (src/requests/exemption.ts calls this in the decision's
 * transaction); the DIK page, its export and the API read it here.
 */
import type { Db, Tx } from '../db/client.js';
import type { DikEntryRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError } from '../shared/errors.js';
import { formatDate } from '../shared/dates.js';
import { EXEMPTION_ARTICLES, type ExemptionArticle } from '../vocabulary/requests.js';
import * as repo from './dik.repo.js';

/** What a decision states of an exemption: the DIK entry's content. */
export interface ExemptionFacts {
  information: string;
  articles: ExemptionArticle[];
  legalBasis: string;
  consequenceTest: string;
  exemptionUntil: string | null;
  exemptionYears: number | null;
  exemptionWhileProtected: boolean;
  decisionNumber: string;
  decidedOn: string;
  requestId: number;
}

const row = (f: ExemptionFacts) => ({
  information: f.information, articles: [...f.articles].sort().join(','), legalBasis: f.legalBasis, consequenceTest: f.consequenceTest,
  exemptionUntil: f.exemptionUntil, exemptionYears: f.exemptionYears, exemptionWhileProtected: f.exemptionWhileProtected,
  decisionNumber: f.decisionNumber, decidedOn: f.decidedOn, requestId: f.requestId,
});

/** An entry a decision picks (`dik_id`); a missing one is a field error of `dikId`. */
export function pickDikEntry(tx: Tx, id: number): DikEntryRow {
  const entry = repo.findDikEntry(tx, id);
  if (!entry) throw new AppError('validation', 'Periksa kembali isian yang ditandai.', { dikId: `Entri DIK nomor ${id} tidak ditemukan.` });
  return entry;
}

/**
 * Entries for exempt decisions of imported history (the register import), at once: the import's
 * own audit entry counts them, as it counts the requests. Returns each entry's id by its request.
 */
export function createImportedDikEntries(tx: Tx, facts: readonly ExemptionFacts[], now: string): Map<number, number> {
  return repo.insertDikEntries(tx, facts.map((f) => ({ ...row(f), createdAt: now, updatedAt: now })));
}

/** A new entry from a decision, audited in the caller's transaction. */
export function createDikEntry(tx: Tx, actor: Actor, facts: ExemptionFacts, now: string): DikEntryRow {
  const entry = repo.insertDikEntry(tx, { ...row(facts), createdAt: now, updatedAt: now });
  recordEvent(tx, actor, {
    action: 'dik.create', entityType: 'dik', entityId: entry.id,
    summary: `Entri DIK ${entry.id} dibuat dari putusan ${facts.decisionNumber || formatDate(facts.decidedOn)} (Pasal 17 huruf ${entry.articles.replaceAll(',', ', ')})`,
    after: entry,
  });
  return entry;
}

/** A corrected decision restates the entry it created, audited. */
export function restateDikEntry(tx: Tx, actor: Actor, id: number, facts: ExemptionFacts, now: string): DikEntryRow {
  const before = repo.findDikEntry(tx, id)!;
  const after = repo.updateDikEntry(tx, id, { ...row(facts), updatedAt: now });
  recordEvent(tx, actor, { action: 'dik.update', entityType: 'dik', entityId: id, summary: `Entri DIK ${id} diubah oleh koreksi putusan`, before, after });
  return after;
}

/** The entry an exemption set, if the entry came from this request (so a correction may restate it). */
export function entryOfRequest(tx: Tx, id: number | null, requestId: number): DikEntryRow | undefined {
  if (id === null) return undefined;
  const entry = repo.findDikEntry(tx, id);
  return entry && entry.requestId === requestId ? entry : undefined;
}

export const articlesOfEntry = (e: Pick<DikEntryRow, 'articles'>): ExemptionArticle[] => (e.articles ? (e.articles.split(',') as ExemptionArticle[]) : []);

/** "sampai 1 Januari 2030", "5 tahun sejak putusan", "selama kepentingan yang dilindungi masih ada". */
export function periodText(p: { exemptionUntil: string | null; exemptionYears: number | null; exemptionWhileProtected: boolean }): string {
  if (p.exemptionUntil) return `sampai ${formatDate(p.exemptionUntil)}`;
  if (p.exemptionYears !== null) return `${p.exemptionYears} tahun sejak tanggal putusan`;
  if (p.exemptionWhileProtected) return 'selama kepentingan yang dilindungi masih ada';
  return '—';
}

export interface DikEntry {
  id: number;
  information: string;
  articles: { letter: ExemptionArticle; text: string }[];
  legalBasis: string;
  consequenceTest: string;
  exemptionUntil: string | null;
  exemptionYears: number | null;
  exemptionWhileProtected: boolean;
  period: string;
  decisionNumber: string;
  decidedOn: string;
  requests: { id: number; number: string; decidedOn: string | null; voided: boolean }[];
}

/**
 * Every DIK entry with the requests that used it, oldest decision first. Other modules (the
 * annual report's exemptions by Pasal 17 letter) read the DIK through this.
 */
export function dikEntries(db: Db | Tx): DikEntry[] {
  const uses = new Map<number, DikEntry['requests']>();
  for (const u of repo.dikUses(db)) {
    const list = uses.get(u.dikEntryId) ?? [];
    list.push({ id: u.requestId, number: u.registrationNumber, decidedOn: u.decidedOn, voided: u.voided });
    uses.set(u.dikEntryId, list);
  }
  return repo.listDikEntries(db).map((e) => ({
    id: e.id,
    information: e.information,
    articles: articlesOfEntry(e).map((letter) => ({ letter, text: EXEMPTION_ARTICLES[letter] })),
    legalBasis: e.legalBasis,
    consequenceTest: e.consequenceTest,
    exemptionUntil: e.exemptionUntil,
    exemptionYears: e.exemptionYears,
    exemptionWhileProtected: e.exemptionWhileProtected,
    period: periodText(e),
    decisionNumber: e.decisionNumber,
    decidedOn: e.decidedOn,
    requests: uses.get(e.id) ?? [],
  }));
}
