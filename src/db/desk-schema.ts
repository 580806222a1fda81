/**
 * Tables of the consultation desk (src/desk), apart from schema.ts to keep each file short.
 * drizzle.config.ts lists both files.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { units, users } from './schema.js';

/**
 * A consultation ticket of the desk (src/desk). `channel`, `category`, `user_type` and
 * `status` are codes of src/desk/vocabulary.ts: persisted. Instants are ISO 8601 with offset.
 */
export const consultations = sqliteTable(
  'consultations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketNumber: text('ticket_number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    receivedAt: text('received_at').notNull(),
    channel: text('channel').notNull(),
    userName: text('user_name').notNull(),
    userType: text('user_type').notNull(),
    userInstitution: text('user_institution').notNull().default(''),
    userRegionCode: text('user_region_code').notNull().default(''),
    userEmail: text('user_email').notNull().default(''),
    userPhone: text('user_phone').notNull().default(''),
    category: text('category').notNull(),
    topic: text('topic').notNull().default(''),
    question: text('question').notNull(),
    answer: text('answer').notNull().default(''),
    status: text('status').notNull().default('open'),
    slaDueAt: text('sla_due_at').notNull(),
    escalatedAt: text('escalated_at'),
    escalatedUnitId: integer('escalated_unit_id').references(() => units.id),
    escalationNote: text('escalation_note').notNull().default(''),
    answeredAt: text('answered_at'),
    answeredBy: integer('answered_by').references(() => users.id),
    closedAt: text('closed_at'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('consultations_year_seq_idx').on(t.year, t.seq),
    uniqueIndex('consultations_ticket_number_idx').on(t.ticketNumber),
    index('consultations_status_due_idx').on(t.status, t.slaDueAt),
    index('consultations_received_idx').on(t.receivedAt),
    index('consultations_unit_idx').on(t.escalatedUnitId, t.status),
  ],
);
export type ConsultationRow = typeof consultations.$inferSelect;
