/**
 * The community-satisfaction index (Survei Kepuasan Masyarakat), PermenPAN-RB 14/2017, Lampiran:
 * - NRR per element (nilai rata-rata) = total of the element's answers / number of answers;
 * - weighted mean = Σ NRR × 1/9 (every element weighs the same: 1 / number of elements);
 * - IKM (converted) = weighted mean × 25, on 25..100;
 * - grade from the regulation's table "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu
 *   Pelayanan dan Kinerja Unit Pelayanan":
 *     4  3,5324–4,00   88,31–100,00  A  Sangat Baik
 *     3  3,0644–3,532  76,61–88,30   B  Baik
 *     2  2,60–3,064    65,00–76,60   C  Kurang Baik
 *     1  1,00–2,5996   25,00–64,99   D  Tidak Baik
 * The grade is read off the converted value rounded to two decimals, as the table prints it.
 * Pure: no database, no clock.
 */
import { SKM_ELEMENTS, type SkmCode } from './vocabulary.js';

export type SkmAnswers = readonly number[]; // nine answers, 1..4, in SKM_ELEMENTS order

export const SKM_GRADES = [
  { grade: 'A', label: 'Sangat Baik', from: 88.31 },
  { grade: 'B', label: 'Baik', from: 76.61 },
  { grade: 'C', label: 'Kurang Baik', from: 65.0 },
  { grade: 'D', label: 'Tidak Baik', from: 25.0 },
] as const;
export type SkmGrade = (typeof SKM_GRADES)[number]['grade'];

export interface SkmElementResult {
  code: SkmCode;
  label: string;
  /** Nilai rata-rata (1..4), four decimals. */
  nrr: number;
  /** NRR × 25, two decimals. */
  converted: number;
}

export interface SkmResult {
  respondents: number;
  elements: SkmElementResult[];
  /** Σ NRR × 1/9, four decimals (the "nilai interval"). */
  weighted: number | null;
  /** The converted index 25..100, two decimals. */
  ikm: number | null;
  grade: SkmGrade | null;
  gradeLabel: string | null;
}

const round = (n: number, places: number) => Math.round((n + Number.EPSILON) * 10 ** places) / 10 ** places;

/** The grade of a converted index (25..100). */
export function skmGrade(ikm: number): { grade: SkmGrade; label: string } {
  const v = round(ikm, 2);
  const g = SKM_GRADES.find((x) => v >= x.from) ?? SKM_GRADES[SKM_GRADES.length - 1];
  return { grade: g.grade, label: g.label };
}

/** Index and grade of a set of questionnaires (each nine answers 1..4). */
export function skmIndex(responses: readonly SkmAnswers[]): SkmResult {
  const n = responses.length;
  if (n === 0) {
    return { respondents: 0, elements: SKM_ELEMENTS.map((e) => ({ code: e.code, label: e.label, nrr: 0, converted: 0 })), weighted: null, ikm: null, grade: null, gradeLabel: null };
  }
  const nrrs = SKM_ELEMENTS.map((_, i) => responses.reduce((sum, r) => sum + r[i], 0) / n);
  const weighted = nrrs.reduce((sum, nrr) => sum + nrr * (1 / SKM_ELEMENTS.length), 0);
  const ikm = round(weighted * 25, 2);
  const { grade, label } = skmGrade(ikm);
  return {
    respondents: n,
    elements: SKM_ELEMENTS.map((e, i) => ({ code: e.code, label: e.label, nrr: round(nrrs[i], 4), converted: round(nrrs[i] * 25, 2) })),
    weighted: round(weighted, 4), ikm, grade, gradeLabel: label,
  };
}

/** A stored questionnaire (JSON of nine answers) back to its answers, or null when malformed. */
export function parseSkm(json: string | null): SkmAnswers | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (Array.isArray(v) && v.length === SKM_ELEMENTS.length && v.every((x) => Number.isInteger(x) && x >= 1 && x <= 4)) return v as number[];
  } catch {
    // fall through
  }
  return null;
}
