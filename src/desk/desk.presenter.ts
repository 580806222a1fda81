/** What the desk's pages and API show of a ticket. */
import { DateTime } from 'luxon';
import type { UnitRow } from '../db/schema.js';
import type { ConsultationRow } from '../db/schema.js';
import { formatInstant } from '../shared/dates.js';
import { minutesBetween, ticketUrgency } from './sla.js';
import { CATEGORIES, CHANNELS, DEFAULT_TOPICS, STATUSES, USER_TYPES, type ConsultationStatus } from './vocabulary.js';
import { regionByCode } from '../regions/regions.js';

/** Labels of the admin's lists (desk-config.ts deskLabels); the seed defaults when not given. */
export interface ListLabels {
  channel: Record<string, string>;
  category: Record<string, string>;
  topic: Record<string, string>;
}
const SEED_LABELS: ListLabels = { channel: CHANNELS, category: CATEGORIES, topic: DEFAULT_TOPICS };

const label = (table: Record<string, string>, code: string) => table[code] ?? code;
/** An instant in the office zone with its offset, for the API. */
const local = (iso: string | null, zone: string) => (iso ? DateTime.fromISO(iso).setZone(zone).toISO({ suppressMilliseconds: true }) : null);

function badge(c: ConsultationRow, zone: string) {
  const u = ticketUrgency(c.status as ConsultationStatus, c.slaDueAt);
  const due = formatInstant(c.slaDueAt, zone);
  if (u === 'done') return { css: 'muted', text: label(STATUSES, c.status), urgency: u };
  if (u === 'overdue') return { css: 'late', text: `Lewat tenggat (${due})`, urgency: u };
  if (u === 'due_soon') return { css: 'soon', text: `Segera jatuh tempo (${due})`, urgency: u };
  return { css: 'open', text: `Tenggat ${due}`, urgency: u };
}

export function presentConsultation(c: ConsultationRow, unit: UnitRow | undefined, zone: string, labels: ListLabels = SEED_LABELS) {
  const region = c.userRegionCode ? regionByCode(c.userRegionCode) : undefined;
  return {
    id: c.id, ticketNumber: c.ticketNumber, status: c.status, statusLabel: label(STATUSES, c.status),
    receivedAt: formatInstant(c.receivedAt, zone), channelLabel: label(labels.channel, c.channel), categoryLabel: label(labels.category, c.category),
    topicLabel: c.topic ? label(labels.topic, c.topic) : '', userZone: c.userZone, outsideServiceHours: c.outsideServiceHours,
    userRegion: region ? `${region.code} — ${region.name}` : c.userRegionCode,
    userName: c.userName, userTypeLabel: label(USER_TYPES, c.userType), userInstitution: c.userInstitution, userRegionCode: c.userRegionCode,
    userEmail: c.userEmail, userPhone: c.userPhone, topic: c.topic, question: c.question, answer: c.answer,
    slaDueAt: formatInstant(c.slaDueAt, zone), badge: badge(c, zone),
    unit: unit ? `${unit.code} — ${unit.name}` : '', escalatedAt: c.escalatedAt ? formatInstant(c.escalatedAt, zone) : '', escalationNote: c.escalationNote,
    answeredAt: c.answeredAt ? formatInstant(c.answeredAt, zone) : '',
    minutesToAnswer: c.escalatedAt && c.answeredAt ? minutesBetween(c.escalatedAt, c.answeredAt) : null,
  };
}

export function presentConsultationForApi(c: ConsultationRow, unit: UnitRow | undefined, zone: string) {
  const u = ticketUrgency(c.status as ConsultationStatus, c.slaDueAt);
  return {
    id: c.id, ticket_number: c.ticketNumber, status: c.status, received_at: local(c.receivedAt, zone), channel: c.channel,
    user: { name: c.userName, type: c.userType, institution: c.userInstitution || null, region_code: c.userRegionCode || null, email: c.userEmail || null, phone: c.userPhone || null },
    category: c.category, topic: c.topic || null, question: c.question, answer: c.answer || null,
    sla_due_at: local(c.slaDueAt, zone), due_soon: u === 'due_soon', overdue: u === 'overdue',
    escalated_at: local(c.escalatedAt, zone), unit_code: unit?.code ?? null, escalation_note: c.escalationNote || null,
    answered_at: local(c.answeredAt, zone),
    minutes_escalation_to_answer: c.escalatedAt && c.answeredAt ? minutesBetween(c.escalatedAt, c.answeredAt) : null,
    outside_service_hours: c.outsideServiceHours, user_zone: c.userZone || null,
  };
}
