/** What the desk's pages and API show of a ticket. */
import { DateTime } from 'luxon';
import type { UnitRow } from '../db/schema.js';
import type { ConsultationRow } from '../db/schema.js';
import { formatInstant } from '../shared/dates.js';
import { minutesBetween, ticketUrgency } from './sla.js';
import { CATEGORIES, CHANNELS, STATUSES, USER_TYPES, type ConsultationStatus } from './vocabulary.js';

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

export function presentConsultation(c: ConsultationRow, unit: UnitRow | undefined, zone: string) {
  return {
    id: c.id, ticketNumber: c.ticketNumber, status: c.status, statusLabel: label(STATUSES, c.status),
    receivedAt: formatInstant(c.receivedAt, zone), channelLabel: label(CHANNELS, c.channel), categoryLabel: label(CATEGORIES, c.category),
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
    // Service hours and regions (issue 16.2) are not built yet.
    outside_service_hours: null, user_zone: null,
  };
}
