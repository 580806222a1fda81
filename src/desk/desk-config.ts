/**
 * What an admin keeps for the desk (issue 16 points 1–3): the lists of channels, categories and
 * topics; the service hours; the service level per channel × escalated. Defaults come from
 * vocabulary.ts and service-hours.ts and are seeded at first start (seedDeskDefaults).
 *
 * Service-level changes apply to tickets logged or escalated afterwards: a due time already
 * given to a user is kept (README "Layanan konsultasi").
 */
import type { Db, Tx } from '../db/client.js';
import type { DeskListItemRow } from '../db/schema.js';
import { recordEvent, type Actor } from '../audit/audit.repo.js';
import { AppError, invalid, notFound } from '../shared/errors.js';
import * as repo from './desk-config.repo.js';
import type { DeskList } from './desk-config.repo.js';
import { CATEGORIES, CHANNELS, DEFAULT_TOPICS } from './vocabulary.js';
import { DEFAULT_SERVICE_HOURS, WEEKDAYS, type WeeklyHours } from './service-hours.js';
import { defaultPolicy, type SlaPolicy } from './sla.js';

export type { DeskList };
export const LIST_NAMES: Record<DeskList, string> = { channel: 'Kanal', category: 'Kategori', topic: 'Topik' };
const DEFAULTS: Record<DeskList, Record<string, string>> = { channel: CHANNELS, category: CATEGORIES, topic: DEFAULT_TOPICS };

/** Seeds the default lists, hours and levels; never overwrites what an admin changed. Idempotent. */
export function seedDeskDefaults(db: Db): void {
  db.transaction((tx) => {
    for (const [list, items] of Object.entries(DEFAULTS) as [DeskList, Record<string, string>][]) {
      Object.entries(items).forEach(([code, label], i) => repo.insertListItem(tx, { list, code, label, position: i + 1 }, true));
    }
    for (const day of Object.keys(WEEKDAYS).map(Number)) {
      const h = DEFAULT_SERVICE_HOURS[day];
      repo.upsertServiceHours(tx, { weekday: day, opensAt: h?.opens ?? '', closesAt: h?.closes ?? '' }, true);
    }
    for (const channel of Object.keys(CHANNELS)) {
      for (const escalated of [false, true]) repo.upsertServiceLevel(tx, { channel, escalated, ...defaultPolicy(channel, escalated) }, true);
    }
  });
}

/** Code → label of each list, inactive items included (old tickets keep their label). */
export function deskLabels(db: Tx): Record<DeskList, Record<string, string>> {
  const out: Record<DeskList, Record<string, string>> = { channel: {}, category: {}, topic: {} };
  for (const i of repo.listItems(db)) out[i.list as DeskList][i.code] = i.label;
  return out;
}

/** Code → label of the active items of a list, in the admin's order (form options). */
export function activeOptions(db: Tx, list: DeskList): Record<string, string> {
  return Object.fromEntries(repo.listItems(db, list).filter((i) => i.active).map((i) => [i.code, i.label]));
}

export function listItems(db: Tx, list?: DeskList): readonly DeskListItemRow[] {
  return repo.listItems(db, list);
}

/**
 * Refuses a code that is not active in its list (intake: form and API). `field` names the field
 * in the refusal ("channel", "category", "topic").
 */
export function requireActiveCode(tx: Tx, list: DeskList, code: string, field: string = list): void {
  const item = repo.findListItemByCode(tx, list, code);
  if (!item) throw invalid({ [field]: `${LIST_NAMES[list]} "${code}" tidak dikenal.` });
  if (!item.active) throw invalid({ [field]: `${LIST_NAMES[list]} "${item.label}" tidak aktif lagi. Pilih yang lain.` });
}

export function addListItem({ db, actor, list, code, label }: { db: Db; actor: Actor; list: DeskList; code: string; label: string }): DeskListItemRow {
  return db.transaction((tx) => {
    if (repo.findListItemByCode(tx, list, code)) throw invalid({ code: `Kode "${code}" sudah ada di daftar ${LIST_NAMES[list].toLowerCase()}. Kode tidak dapat dipakai ulang.` });
    const row = repo.insertListItem(tx, { list, code, label, position: repo.maxPosition(tx, list) + 1 })!;
    recordEvent(tx, actor, { action: 'desk_list.create', entityType: 'desk_list', entityId: row.id, summary: `${LIST_NAMES[list]} ${code} (${label}) ditambahkan`, after: row });
    return row;
  });
}

/** Relabels, activates or deactivates an item; its code never changes. */
export function updateListItem({ db, actor, id, label, active }: { db: Db; actor: Actor; id: number; label: string; active: boolean }): DeskListItemRow {
  return db.transaction((tx) => {
    const before = repo.findListItem(tx, id);
    if (!before) throw notFound('Butir daftar');
    if (before.label === label && before.active === active) return before;
    const row = repo.updateListItem(tx, id, { label, active })!;
    recordEvent(tx, actor, { action: 'desk_list.update', entityType: 'desk_list', entityId: id, summary: `${LIST_NAMES[before.list as DeskList]} ${before.code}: ${label}${active ? '' : ' (tidak aktif)'}`, before: { label: before.label, active: before.active }, after: { label, active } });
    return row;
  });
}

/** Moves an item one place up or down in its list. */
export function moveListItem({ db, actor, id, direction }: { db: Db; actor: Actor; id: number; direction: 'up' | 'down' }): void {
  db.transaction((tx) => {
    const item = repo.findListItem(tx, id);
    if (!item) throw notFound('Butir daftar');
    const items = [...repo.listItems(tx, item.list as DeskList)];
    const i = items.findIndex((x) => x.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) throw new AppError('conflict', 'Butir ini sudah di ujung daftar.');
    [items[i], items[j]] = [items[j], items[i]];
    items.forEach((x, k) => repo.updateListItem(tx, x.id, { position: k + 1 }));
    recordEvent(tx, actor, { action: 'desk_list.move', entityType: 'desk_list', entityId: id, summary: `${LIST_NAMES[item.list as DeskList]} ${item.code} dipindah ${direction === 'up' ? 'ke atas' : 'ke bawah'}` });
  });
}

/** The service hours per weekday (1–5) in the office zone. */
export function serviceHours(db: Tx): WeeklyHours {
  const out: WeeklyHours = {};
  for (const r of repo.serviceHoursRows(db)) out[r.weekday] = r.opensAt && r.closesAt ? { opens: r.opensAt, closes: r.closesAt } : null;
  return out;
}

export function updateServiceHours({ db, actor, hours }: { db: Db; actor: Actor; hours: WeeklyHours }): void {
  db.transaction((tx) => {
    const before = serviceHours(tx);
    for (const day of Object.keys(WEEKDAYS).map(Number)) {
      const h = hours[day];
      repo.upsertServiceHours(tx, { weekday: day, opensAt: h?.opens ?? '', closesAt: h?.closes ?? '' });
    }
    recordEvent(tx, actor, { action: 'desk_hours.update', entityType: 'desk_settings', entityId: 'hours', summary: 'Jam layanan diubah', before, after: hours });
  });
}

/** Policy per channel code: `${channel}:${escalated ? 1 : 0}` → policy; a missing row takes the default. */
export function servicePolicy(db: Tx, channel: string, escalated: boolean): SlaPolicy {
  const row = repo.serviceLevelRows(db).find((r) => r.channel === channel && r.escalated === escalated);
  return row ? { amount: row.amount, unit: row.unit as SlaPolicy['unit'] } : defaultPolicy(channel, escalated);
}

/** Every channel of the list with its two policies (admin page). */
export function servicePolicies(db: Tx): { channel: string; label: string; active: boolean; plain: SlaPolicy; escalated: SlaPolicy }[] {
  const rows = repo.serviceLevelRows(db);
  const find = (c: string, e: boolean) => {
    const r = rows.find((x) => x.channel === c && x.escalated === e);
    return r ? { amount: r.amount, unit: r.unit as SlaPolicy['unit'] } : defaultPolicy(c, e);
  };
  return repo.listItems(db, 'channel').map((i) => ({ channel: i.code, label: i.label, active: i.active, plain: find(i.code, false), escalated: find(i.code, true) }));
}

export function updateServicePolicies({ db, actor, policies }: { db: Db; actor: Actor; policies: { channel: string; escalated: boolean; policy: SlaPolicy }[] }): number {
  return db.transaction((tx) => {
    let changed = 0;
    const known = new Set(repo.listItems(tx, 'channel').map((i) => i.code));
    for (const p of policies) {
      if (!known.has(p.channel)) throw invalid({ [`${p.channel}`]: `Kanal "${p.channel}" tidak dikenal.` });
      const before = servicePolicy(tx, p.channel, p.escalated);
      if (before.amount === p.policy.amount && before.unit === p.policy.unit) continue;
      repo.upsertServiceLevel(tx, { channel: p.channel, escalated: p.escalated, ...p.policy });
      recordEvent(tx, actor, { action: 'desk_levels.update', entityType: 'desk_settings', entityId: `level:${p.channel}:${p.escalated ? 'escalated' : 'plain'}`, summary: `Tingkat layanan ${p.channel}${p.escalated ? ' (eskalasi)' : ''}: ${p.policy.amount} ${p.policy.unit}`, before, after: p.policy });
      changed++;
    }
    return changed;
  });
}
