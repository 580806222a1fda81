/**
 * Escalations: the share of the month's tickets escalated to a unit, and per unit the tickets
 * escalated and the answer time (escalated_at → answered_at) against the service level (the
 * ticket's stored due time, set from the admin's policy at the time: servicePolicies in
 * src/desk/desk-config.ts, working days or working hours, src/desk/sla.ts). Fastest unit first.
 * Where a unit's answers need the head's approval, the mean time from escalation to approval
 * (answerTimes in src/desk/approval.ts, over the escalated tickets answered in the month).
 * The "Tingkat layanan" table shows the admin's current policies per channel.
 */
import { defineSection } from '../section.js';
import { formatCount, listOf, pctText, sharePct } from '../figures.js';
import { formatDecimal, roundTo } from '../../../recap/recap.js';
import { minutesBetween } from '../../../desk/sla.js';
import { SLA_UNITS, type SlaPolicy } from '../../../desk/sla.js';
import { servicePolicies } from '../../../desk/desk-config.js';
import { answerTimes } from '../../../desk/approval.js';

export interface UnitEscalation {
  unit_code: string;
  unit_name: string;
  escalated: number;
  answered: number;
  unanswered: number;
  /** Hours from escalation to answer, one decimal; null when nothing was answered. */
  avg_answer_hours: number | null;
  max_answer_hours: number | null;
  within_service_level: number;
  within_service_level_pct: number | null;
  /** Over the unit's escalated tickets answered in the month that needed the head's approval. */
  approved: number;
  avg_approval_hours: number | null;
}

export interface ServicePolicyFigure {
  channel: string;
  label: string;
  plain: SlaPolicy;
  escalated: SlaPolicy;
}

export interface EscalationFigures {
  total: number;
  escalated: number;
  share_pct: number | null;
  units: UnitEscalation[];
  answered: number;
  within_service_level: number;
  within_service_level_pct: number | null;
  service_levels: ServicePolicyFigure[];
}

const policyText = (p: SlaPolicy) => `${formatCount(p.amount)} ${SLA_UNITS[p.unit]}`;

const hours = (n: number | null) => (n === null ? '–' : `${formatDecimal(n, 1)} jam`);

export const escalationsSection = defineSection<EscalationFigures>({
  key: 'escalations',
  title: 'Eskalasi ke unit',
  data(ctx) {
    const tickets = ctx.desk().of(ctx.year, ctx.month);
    const escalated = tickets.filter((t) => t.escalatedAt !== null);
    const approvals = new Map(answerTimes(ctx.db, ctx.zone, ctx.year, ctx.month).map((a) => [a.unitId, a]));
    const byUnit = new Map<number | null, typeof escalated>();
    for (const t of escalated) byUnit.set(t.escalatedUnitId, [...(byUnit.get(t.escalatedUnitId) ?? []), t]);
    const units: UnitEscalation[] = [...byUnit].map(([unitId, list]) => {
      const unit = ctx.units.find((u) => u.id === unitId);
      const answered = list.filter((t) => t.answeredAt !== null);
      const minutes = answered.map((t) => minutesBetween(t.escalatedAt!, t.answeredAt!));
      const within = answered.filter((t) => t.answeredAt! <= t.slaDueAt).length;
      return {
        unit_code: unit?.code ?? '–', unit_name: unit?.name ?? 'Tanpa unit',
        escalated: list.length, answered: answered.length, unanswered: list.length - answered.length,
        avg_answer_hours: minutes.length ? roundTo(minutes.reduce((s, n) => s + n, 0) / minutes.length / 60, 1) : null,
        max_answer_hours: minutes.length ? roundTo(Math.max(...minutes) / 60, 1) : null,
        within_service_level: within, within_service_level_pct: sharePct(within, answered.length),
        approved: unitId === null ? 0 : approvals.get(unitId)?.approved ?? 0,
        avg_approval_hours: unitId === null || approvals.get(unitId)?.minutesToApproval == null ? null : roundTo(approvals.get(unitId)!.minutesToApproval! / 60, 1),
      };
    }).sort((a, b) => (a.avg_answer_hours ?? Infinity) - (b.avg_answer_hours ?? Infinity) || a.unit_code.localeCompare(b.unit_code));
    const answered = units.reduce((s, u) => s + u.answered, 0);
    const within = units.reduce((s, u) => s + u.within_service_level, 0);
    return {
      total: tickets.length, escalated: escalated.length, share_pct: sharePct(escalated.length, tickets.length), units,
      answered, within_service_level: within, within_service_level_pct: sharePct(within, answered),
      service_levels: servicePolicies(ctx.db).filter((p) => p.active).map((p) => ({ channel: p.channel, label: p.label, plain: p.plain, escalated: p.escalated })),
    };
  },
  paragraphs(d, { label }) {
    if (!d.total) return [`Tidak ada konsultasi pada ${label}.`];
    if (!d.escalated) return [`Tidak ada konsultasi ${label} yang dieskalasi ke unit teknis.`];
    const out = [`Dari ${formatCount(d.total)} konsultasi ${label}, sebanyak ${formatCount(d.escalated)} konsultasi (${pctText(d.share_pct)}) dieskalasi ke unit teknis.`];
    const timed = d.units.filter((u) => u.avg_answer_hours !== null);
    if (timed.length) {
      out.push(`Berdasarkan waktu jawab rata-rata sejak eskalasi, unit tercepat adalah ${listOf(timed.slice(0, 3).map((u) => `${u.unit_code} (${hours(u.avg_answer_hours)})`))}.`);
      out.push(`Sebanyak ${formatCount(d.within_service_level)} dari ${formatCount(d.answered)} jawaban unit (${pctText(d.within_service_level_pct)}) disampaikan dalam tingkat layanan.`);
    }
    const open = d.units.reduce((s, u) => s + u.unanswered, 0);
    if (open) out.push(`Sebanyak ${formatCount(open)} konsultasi yang dieskalasi belum dijawab.`);
    return out;
  },
  tables: (d) => [
    {
      title: 'Waktu jawab unit setelah eskalasi',
      columns: [
        { label: 'Unit', kind: 'text' }, { label: 'Dieskalasi', kind: 'count' }, { label: 'Dijawab', kind: 'count' },
        { label: 'Belum dijawab', kind: 'count' }, { label: 'Rata-rata (jam)', kind: 'decimal' }, { label: 'Terlama (jam)', kind: 'decimal' },
        { label: 'Dalam tingkat layanan', kind: 'count' }, { label: 'Dalam tingkat layanan (%)', kind: 'pct' },
        { label: 'Disetujui pimpinan unit', kind: 'count' }, { label: 'Rata-rata sampai persetujuan (jam)', kind: 'decimal' },
      ],
      rows: d.units.map((u) => [`${u.unit_code} — ${u.unit_name}`, u.escalated, u.answered, u.unanswered, u.avg_answer_hours, u.max_answer_hours, u.within_service_level, u.within_service_level_pct, u.approved, u.avg_approval_hours]),
      total: ['Jumlah', d.escalated, d.answered, d.escalated - d.answered, null, null, d.within_service_level, d.within_service_level_pct, d.units.reduce((s, u) => s + u.approved, 0), null],
      empty: 'Tidak ada eskalasi.',
    },
    {
      title: 'Tingkat layanan (sejak pertanyaan masuk)',
      columns: [{ label: 'Saluran', kind: 'text' }, { label: 'Tanpa eskalasi', kind: 'text' }, { label: 'Dengan eskalasi', kind: 'text' }],
      rows: d.service_levels.map((p) => [p.label, policyText(p.plain), policyText(p.escalated)]),
    },
  ],
});
