/**
 * Exemptions used, by UU 14/2008 Pasal 17 letter: the one place the annual report (and the
 * monev evidence) reads them from: the decisions of the year that withheld information as exempt,
 * by the letters recorded on them (each such decision set or used a DIK entry with the same
 * letters, src/dik; a decision is counted once even when two requests share an entry).
 */
import type { Tx } from '../../db/client.js';
import { EXEMPTION_ARTICLES } from '../../requests/vocabulary.js';
import { exemptDecisionArticles } from './figures.repo.js';
import type { ReportScope } from './scope.js';

export interface ExemptionCount {
  letter: string;
  label: string;
  /** Decisions citing the letter (a decision citing two letters counts under both). */
  count: number;
}

export function exemptionsByArticle(tx: Tx, year: number, scope: ReportScope): ExemptionCount[] {
  const counts = new Map<string, number>();
  for (const list of exemptDecisionArticles(tx, year, scope)) {
    for (const letter of new Set(list.split(',').map((s) => s.trim()).filter(Boolean))) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  }
  return Object.entries(EXEMPTION_ARTICLES)
    .map(([letter, label]) => ({ letter, label: `Pasal 17 huruf ${letter}: ${label}`, count: counts.get(letter) ?? 0 }))
    .concat([...counts.keys()].filter((k) => !Object.hasOwn(EXEMPTION_ARTICLES, k)).map((k) => ({ letter: k, label: `Pasal 17 huruf ${k}`, count: counts.get(k)! })));
}
