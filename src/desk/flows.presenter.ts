/** What the ticket page and the BAK show of the desk's flows: drafts, approval, BAK, conversion, knowledge. */
import type { Db } from '../db/client.js';
import type { ConsultationRow, UserRow } from '../db/schema.js';
import { formatInstant } from '../shared/dates.js';
import { can, type Role } from '../auth/roles.js';
import { findUserById } from '../auth/users.repo.js';
import { searchEntries } from '../knowledge/knowledge.service.js';
import { minutesBetween } from './sla.js';
import { needsApproval } from './approval.rules.js';
import { deskLabels } from './desk-config.js';
import * as repo from './flows.repo.js';

const DRAFT_STATUS: Record<string, string> = {
  pending: 'Menunggu persetujuan kepala unit', approved: 'Disetujui kepala unit', returned: 'Dikembalikan kepala unit', sent: 'Dikirim kepada pengguna',
};

const nameOf = (db: Db, id: number | null) => (id ? (findUserById(db, id)?.displayName ?? '') : '');

/** The ticket page's panel of flows, for this user; `kb`: the knowledge entry picked to fill the answer. */
export function ticketFlows(db: Db, zone: string, c: ConsultationRow, user: UserRow, kb: unknown) {
  const role = user.role as Role;
  const desk = can(role, 'desk.work');
  const approval = needsApproval(db, c);
  const settings = c.escalatedUnitId ? repo.unitSettings(db, c.escalatedUnitId) : undefined;
  const drafts = repo.draftsOf(db, c.id).map((d) => ({
    id: d.id, status: d.status, statusLabel: DRAFT_STATUS[d.status] ?? d.status, answer: d.answer, draftedAt: formatInstant(d.draftedAt, zone), draftedBy: nameOf(db, d.draftedBy),
    minutesToAnswer: minutesBetween(d.escalatedAt, d.draftedAt), decidedAt: d.decidedAt ? formatInstant(d.decidedAt, zone) : '', decidedBy: nameOf(db, d.decidedBy),
    minutesToApproval: d.decidedAt && d.status !== 'returned' ? minutesBetween(d.escalatedAt, d.decidedAt) : null, note: d.decisionNote,
  }));
  const last = drafts[0];
  const bak = repo.bakOf(db, c.id);
  const conversion = repo.conversionOf(db, c.id);
  const open = c.status === 'open' || c.status === 'escalated';
  const entries = desk && open ? searchEntries(db, {}) : [];
  const picked = typeof kb === 'string' && /^\d{1,15}$/.test(kb) ? entries.find((e) => e.id === Number(kb)) : undefined;
  // Entries of the ticket's topic first (an entry's topic is free text: the topic's code or its label).
  const topic = new Set(c.topic ? [c.topic, deskLabels(db).topic[c.topic] ?? ''].map((t) => t.toLowerCase()).filter(Boolean) : []);
  entries.sort((a, b) => Number(topic.has(b.topic.toLowerCase())) - Number(topic.has(a.topic.toLowerCase())));
  return {
    approval, drafts,
    /** The plain answer form: closed while a unit with approval answers in drafts (units) or the desk waits for an approved one. */
    answerOpen: !approval || (!desk && last?.status !== 'pending' && last?.status !== 'approved'),
    canDecide: approval && last?.status === 'pending' && settings?.headUserId === user.id,
    headName: settings?.headUserId ? nameOf(db, settings.headUserId) : '',
    canSend: desk && approval && last?.status === 'approved', approvedAnswer: last?.status === 'approved' ? last.answer : '',
    bak: bak ? { number: bak.number } : null,
    conversion: conversion ? { requestId: conversion.requestId, number: conversion.number } : null,
    canConvert: !conversion && can(role, 'request.write'),
    handOver: !conversion && desk && !can(role, 'request.write') && c.category === 'data_request',
    /** [id, text] pairs in order (an object with numeric keys would sort them by id). */
    knowledge: entries.slice(0, 200).map((e) => [String(e.id), `${e.topic} — ${e.title}`] as [string, string]),
    kbAnswer: picked?.answer,
  };
}
export type TicketFlows = ReturnType<typeof ticketFlows>;
