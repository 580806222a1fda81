/**
 * The checks visits and video conferences share with the desk's intake: a region code must be in
 * the official list (src/regions), a topic must be an active code of the admin's topic list
 * (src/desk/desk-config.ts). Also the options their forms offer for both.
 */
import type { Tx } from '../db/client.js';
import { activeOptions, deskLabels } from '../desk/desk-config.js';
import { provinces, regenciesOf, regionByCode } from '../regions/regions.js';

export function regionCodeProblem(_tx: Tx, code: string): string | null {
  if (!/^(\d{2}|\d{4})$/.test(code)) return 'Kode wilayah: 2 digit (provinsi) atau 4 digit (kabupaten/kota).';
  if (!regionByCode(code)) return `Kode wilayah "${code}" tidak ada dalam daftar provinsi dan kabupaten/kota Kemendagri.`;
  return null;
}

/** A topic code not active in the admin's list: the refusal's message; null when it is fine. */
export function topicProblem(tx: Tx, code: string): string | null {
  if (code in activeOptions(tx, 'topic')) return null;
  const label = deskLabels(tx).topic[code];
  return label ? `Topik "${label}" tidak aktif lagi. Pilih yang lain.` : 'Topik tidak dikenal. Pilih dari daftar.';
}

/** The region and topic checks of a visit's or a video conference's form, by field (empty when both are fine). */
export function regionAndTopicProblems(tx: Tx, input: { regionCode: string; topic: string }): Record<string, string> {
  const fields: Record<string, string> = {};
  const region = regionCodeProblem(tx, input.regionCode);
  if (region) fields.regionCode = region;
  const topic = topicProblem(tx, input.topic);
  if (topic) fields.topic = topic;
  return fields;
}

/** The label of a stored topic code (inactive ones included; an unknown value is shown as is). */
export function topicLabel(tx: Tx, code: string): string {
  return deskLabels(tx).topic[code] ?? code;
}

/** What the visit and video-conference forms offer: the active topics, and every province and regency/city. */
export function formOptions(tx: Tx): { topics: Record<string, string>; regions: { code: string; name: string }[] } {
  const regions = provinces().flatMap((p) => [p, ...regenciesOf(p.code)]).map((r) => ({ code: r.code, name: r.name }));
  return { topics: activeOptions(tx, 'topic'), regions };
}
