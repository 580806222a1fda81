/**
 * The checks visits and video conferences share with the desk's intake: a region code must be in
 * the official list (src/regions), a topic must be an active code of the admin's topic list
 * (src/desk/desk-config.ts). Also the options their forms offer for both.
 */
import type { Tx } from '../db/client.js';
import { AppError } from '../shared/errors.js';
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

/**
 * `parse()` (the form's schema), with the region and topic checks run even when the schema
 * refuses other fields: the form then shows every problem at once, not the schema's first and
 * the region's on the next try. The service checks both again on valid input.
 */
export function parseWithRegionAndTopic<T>(tx: Tx, body: Record<string, unknown>, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'validation') throw e;
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
    const given = { regionCode: text(body.regionCode), topic: text(body.topic) };
    const more = Object.entries(regionAndTopicProblems(tx, given)).filter(([field]) => given[field as keyof typeof given] && !e.fields[field]);
    if (more.length === 0) throw e;
    throw new AppError('validation', e.userMessage, { ...e.fields, ...Object.fromEntries(more) });
  }
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
