/**
 * The SKM index and grade (PermenPAN-RB 14/2017, Lampiran). The regulation's own worked example
 * could not be retrieved here, so the example below is constructed from the regulation's
 * formula: NRR per element = mean of its answers; weighted mean = Σ NRR × 1/9; IKM = that × 25;
 * grade from the table "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu Pelayanan":
 * A 88,31–100,00 Sangat Baik; B 76,61–88,30 Baik; C 65,00–76,60 Kurang Baik; D 25,00–64,99 Tidak Baik.
 */
import { describe, expect, it } from 'vitest';
import { parseSkm, skmGrade, skmIndex } from '../../src/ratings/skm.js';

describe('skmIndex', () => {
  it('when four respondents answer the nine elements, then NRR per element, the weighted mean, IKM 82,64 and grade B (Baik)', () => {
    const r = skmIndex([
      [4, 4, 3, 3, 4, 4, 4, 3, 3],
      [3, 3, 3, 4, 4, 3, 3, 3, 3],
      [4, 3, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 2, 4, 3, 3, 4, 2, 3],
    ]);
    expect(r.respondents).toBe(4);
    expect(r.elements.map((e) => e.nrr)).toEqual([3.5, 3.25, 2.75, 3.75, 3.5, 3.5, 3.75, 2.75, 3]);
    expect(r.elements.map((e) => e.code)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    expect(r.elements[0]).toMatchObject({ label: 'Persyaratan', converted: 87.5 });
    // Σ NRR = 29,75; × 1/9 = 3,3056; × 25 = 82,6389 → 82,64.
    expect(r.weighted).toBe(3.3056);
    expect(r.ikm).toBe(82.64);
    expect(r.grade).toBe('B');
    expect(r.gradeLabel).toBe('Baik');
  });

  it('when everyone answers 4, then 100 (A); everyone 1, then 25 (D)', () => {
    expect(skmIndex([Array(9).fill(4)])).toMatchObject({ ikm: 100, grade: 'A', gradeLabel: 'Sangat Baik' });
    expect(skmIndex([Array(9).fill(1)])).toMatchObject({ ikm: 25, grade: 'D', gradeLabel: 'Tidak Baik' });
  });

  it('when nobody answered, then no index and no grade', () => {
    expect(skmIndex([])).toMatchObject({ respondents: 0, ikm: null, grade: null });
  });

  it('when every answer is 3, then 75,00: grade C (Kurang Baik), inside 65,00–76,60', () => {
    expect(skmIndex([Array(9).fill(3)])).toMatchObject({ ikm: 75, grade: 'C', gradeLabel: 'Kurang Baik' });
  });
});

describe('skmGrade: the edges of the regulation\'s interval table', () => {
  const table: [number, string, string][] = [
    [100, 'A', 'Sangat Baik'], [88.31, 'A', 'Sangat Baik'], [88.3, 'B', 'Baik'], [76.61, 'B', 'Baik'],
    [76.6, 'C', 'Kurang Baik'], [65, 'C', 'Kurang Baik'], [64.99, 'D', 'Tidak Baik'], [25, 'D', 'Tidak Baik'],
    // Read off the value rounded to two decimals, as the table prints it.
    [88.305, 'A', 'Sangat Baik'], [64.994, 'D', 'Tidak Baik'],
  ];
  for (const [ikm, grade, label] of table) {
    it(`${ikm} → ${grade} (${label})`, () => expect(skmGrade(ikm)).toEqual({ grade, label }));
  }
});

describe('parseSkm', () => {
  it('reads nine answers 1..4 and refuses anything else', () => {
    expect(parseSkm('[1,2,3,4,1,2,3,4,1]')).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 1]);
    for (const bad of [null, '', 'x', '[1,2]', '[5,1,1,1,1,1,1,1,1]', '[0,1,1,1,1,1,1,1,1]', '{"a":1}', '[1.5,1,1,1,1,1,1,1,1]']) expect(parseSkm(bad)).toBeNull();
  });
});
