/* eslint-disable max-lines -- the one schema of the database: every table in one file, as drizzle-kit and the project layout read it */
/**
 * The whole database. Enum-like text columns are closed: each takes its codes from a list in
 * src/vocabulary/ (typed columns) and refuses any other value with a CHECK constraint. Adding a
 * member changes the CHECK (generate a migration); never rename or remove one without a data
 * migration.
 */
import { sql, type SQL } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, check, primaryKey, type SQLiteColumn, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { keysOf } from '../vocabulary/keys.js';
import { ROLES } from '../vocabulary/roles.js';
import { HOLIDAY_KINDS } from '../vocabulary/holidays.js';
import { CHANNELS, DELIVERY_METHODS, OBTAIN_METHODS, OUTCOMES, REQUEST_SOURCES, REQUESTER_CATEGORIES, REQUESTER_TYPES, VOID_REASONS } from '../vocabulary/requests.js';
import { DISPUTE_RESULTS, FILED_BY, OBJECTION_RESULTS } from '../vocabulary/objections.js';
import { ATTACHMENT_KINDS, ATTACHMENT_TARGETS } from '../vocabulary/attachments.js';

/** `column in ('a', 'b', …)` over a vocabulary's codes (codes are plain identifiers: no quoting needed). */
function oneOf(column: SQLiteColumn, vocabulary: Record<string, string>): SQL {
  const codes = Object.keys(vocabulary);
  if (codes.some((c) => !/^[a-z_]+$/.test(c))) throw new Error(`vocabulary code not a plain identifier: ${codes.join(', ')}`);
  return sql`${column} in (${sql.raw(codes.map((c) => `'${c}'`).join(', '))})`;
}

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: keysOf(ROLES) }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    /** The unit the user belongs to (src/units); required in practice for the role `unit`. */
    unitId: integer('unit_id').references((): AnySQLiteColumn => units.id),
  },
  (t) => [check('users_role_check', oneOf(t.role, ROLES))],
);

export const sessions = sqliteTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    data: text('data').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = sqliteTable('api_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: text('created_at').notNull(),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at'),
  /** Last day (YYYY-MM-DD, office zone) the token works; null: until revoked. */
  expiresOn: text('expires_on'),
});

/** Official non-working days besides weekends (SKB 3 Menteri); a date may appear twice. */
export const holidays = sqliteTable(
  'holidays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    kind: text('kind', { enum: keysOf(HOLIDAY_KINDS) }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('holidays_date_idx').on(t.date), check('holidays_kind_check', oneOf(t.kind, HOLIDAY_KINDS))],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const requests = sqliteTable(
  'requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registrationNumber: text('registration_number').notNull().unique(),
    registrationYear: integer('registration_year').notNull(),
    /** Position in the year's sequence; null for numbers kept from an imported register. */
    registrationSeq: integer('registration_seq'),
    accessCode: text('access_code').notNull(),
    receivedOn: text('received_on').notNull(),
    channel: text('channel', { enum: keysOf(CHANNELS) }).notNull(),
    requesterName: text('requester_name').notNull(),
    requesterIdNumber: text('requester_id_number').notNull().default(''),
    requesterAddress: text('requester_address').notNull().default(''),
    requesterPhone: text('requester_phone').notNull().default(''),
    requesterEmail: text('requester_email').notNull().default(''),
    requesterOccupation: text('requester_occupation').notNull().default(''),
    requesterType: text('requester_type', { enum: keysOf(REQUESTER_TYPES) }).notNull(),
    requesterCategory: text('requester_category', { enum: keysOf(REQUESTER_CATEGORIES) }).notNull(),
    proxyName: text('proxy_name').notNull().default(''),
    informationRequested: text('information_requested').notNull(),
    purpose: text('purpose').notNull().default(''),
    obtainMethod: text('obtain_method', { enum: keysOf(OBTAIN_METHODS) }).notNull(),
    deliveryMethod: text('delivery_method', { enum: keysOf(DELIVERY_METHODS) }).notNull(),
    /** 'yes': "tidak ingin dihubungi", the requester declined messages (e-mail, WhatsApp) from the app; '' otherwise. */
    requesterNoContact: text('requester_no_contact').notNull().default(''),
    // Extension (UU 14/2008 Pasal 22 ayat 8): once, at most 7 working days.
    extendedOn: text('extended_on'),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    // Decision (Pasal 22 ayat 7).
    outcome: text('outcome', { enum: keysOf(OUTCOMES) }),
    decidedOn: text('decided_on'),
    reasonExempt: integer('reason_exempt', { mode: 'boolean' }).notNull().default(false),
    reasonNotHeld: integer('reason_not_held', { mode: 'boolean' }).notNull().default(false),
    reasonOther: integer('reason_other', { mode: 'boolean' }).notNull().default(false),
    /** Pasal 17 letters, comma-separated, e.g. "a,h". */
    exemptionArticles: text('exemption_articles').notNull().default(''),
    consequenceTest: text('consequence_test').notNull().default(''),
    reasonNote: text('reason_note').notNull().default(''),
    noticeNote: text('notice_note').notNull().default(''),
    feeRupiah: integer('fee_rupiah').notNull().default(0),
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
    // Void (Batalkan entri): a mistaken entry kept in the register with its number but left out
    // of every count (recap, reports, workload). Null when the entry stands.
    voidedOn: text('voided_on'),
    /** One of VOID_REASONS (src/requests/vocabulary.ts). */
    voidReason: text('void_reason', { enum: keysOf(VOID_REASONS) }),
    voidNote: text('void_note').notNull().default(''),
    /** Who voided it, as the audit log names actors (username or "token:…"). */
    voidedBy: text('voided_by'),
    // The extension letter (Pemberitahuan Perpanjangan Waktu, Pasal 22 ayat 8): numbered by its own
    // pattern (setting extension_letter_pattern) in the extension's transaction; null for an
    // imported extension, which was numbered on paper.
    extensionLetterNumber: text('extension_letter_number'),
    extensionLetterYear: integer('extension_letter_year'),
    extensionLetterSeq: integer('extension_letter_seq'),
    // Delivery (Pasal 22 ayat 7 huruf f–g): when and how the information was actually given, and
    // what was paid. Null deliveredOn: not delivered (yet). Waktu pemenuhan is derived when read.
    deliveredOn: text('delivered_on'),
    /** One of DELIVERY_RECORD_METHODS (src/requests/delivery.ts). */
    deliveredBy: text('delivered_by'),
    deliveryCostCopy: integer('delivery_cost_copy').notNull().default(0),
    deliveryCostDelivery: integer('delivery_cost_delivery').notNull().default(0),
    deliveryCostOther: integer('delivery_cost_other').notNull().default(0),
    deliveryPaymentMethod: text('delivery_payment_method').notNull().default(''),
    deliveryNote: text('delivery_note').notNull().default(''),
    // The written notice's items (Pasal 22 ayat 7 huruf b, d, e, f, g), stated at the decision.
    heldBy: text('held_by').notNull().default(''),
    heldByContact: text('held_by_contact').notNull().default(''),
    /** One of GIVEN_FORMS (src/vocabulary/requests.ts), or '' when nothing is given. */
    givenForm: text('given_form').notNull().default(''),
    provideOn: text('provide_on'),
    redactedParts: text('redacted_parts').notNull().default(''),
    feeCopy: integer('fee_copy').notNull().default(0),
    feeDelivery: integer('fee_delivery').notNull().default(0),
    feeOther: integer('fee_other').notNull().default(0),
    paymentHow: text('payment_how').notNull().default(''),
    // The exemption's period (UU 14/2008 Pasal 20; PP 61/2010): until a date, for N years, or while
    // the protected interest lasts; with its legal basis. Copied from the DIK entry it used or set.
    exemptionUntil: text('exemption_until'),
    exemptionYears: integer('exemption_years'),
    exemptionWhileProtected: integer('exemption_while_protected', { mode: 'boolean' }).notNull().default(false),
    exemptionBasis: text('exemption_basis').notNull().default(''),
    /** The DIK entry (src/dik) the exemption used or created; null without an exemption. */
    dikEntryId: integer('dik_entry_id').references((): AnySQLiteColumn => dikEntries.id),
    // The Surat Keputusan penolakan (src/dik/rejection-letter.ts): numbered by its own pattern
    // (setting rejection_letter_pattern) in the decision's transaction; kept when corrected.
    rejectionLetterNumber: text('rejection_letter_number'),
    rejectionLetterYear: integer('rejection_letter_year'),
    rejectionLetterSeq: integer('rejection_letter_seq'),
    // Derived from receivedOn, the extension, decidedOn and the holiday calendar; recomputed
    // whenever the calendar changes (see holidays/recompute-deadlines.ts).
    originalDueOn: text('original_due_on').notNull(),
    dueOn: text('due_on').notNull(),
    serviceDays: integer('service_days'),
    /** How the record entered the app: staff form, public web form, API, or an imported register. */
    source: text('source', { enum: keysOf(REQUEST_SOURCES) }).notNull().default('staff'),
    /** When a staff member first opened a web submission; null marks it "new" in the register. */
    openedAt: text('opened_at'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('requests_year_seq_idx').on(t.registrationYear, t.registrationSeq),
    index('requests_received_idx').on(t.receivedOn),
    index('requests_open_due_idx').on(t.outcome, t.dueOn),
    // The register filtered by outcome within a year, newest first: a range scan, no sort.
    index('requests_outcome_received_idx').on(t.outcome, t.receivedOn),
    // The desk's workload (open, due soon, overdue, new) read on every register page: a small
    // covering index over the open requests only (a voided entry is no work).
    index('requests_open_idx').on(t.dueOn, t.openedAt).where(sql`${t.outcome} is null and ${t.voidedOn} is null`),
    // The public status lookup matches the number whatever its case ("001/ppid/i/2024").
    index('requests_number_nocase_idx').on(sql`${t.registrationNumber} collate nocase`),
    // Each letter number once. Partial: most requests have no such letter, and an entry for every
    // null made each intake write two more index pages (issue 20).
    uniqueIndex('requests_extension_letter_number_unique').on(t.extensionLetterNumber).where(sql`${t.extensionLetterNumber} is not null`),
    uniqueIndex('requests_rejection_letter_number_unique').on(t.rejectionLetterNumber).where(sql`${t.rejectionLetterNumber} is not null`),
    check('requests_channel_check', oneOf(t.channel, CHANNELS)),
    check('requests_requester_type_check', oneOf(t.requesterType, REQUESTER_TYPES)),
    check('requests_requester_category_check', oneOf(t.requesterCategory, REQUESTER_CATEGORIES)),
    check('requests_obtain_method_check', oneOf(t.obtainMethod, OBTAIN_METHODS)),
    check('requests_delivery_method_check', oneOf(t.deliveryMethod, DELIVERY_METHODS)),
    check('requests_outcome_check', oneOf(t.outcome, OUTCOMES)),
    check('requests_void_reason_check', oneOf(t.voidReason, VOID_REASONS)),
    check('requests_source_check', oneOf(t.source, REQUEST_SOURCES)),
  ],
);

/**
 * Objections (keberatan) to the atasan PPID, UU 14/2008 Pasal 35–38. Most object to a request;
 * one on ground b (periodic information not published, Pasal 35 ayat 1 huruf b) needs none, and
 * then records the objector itself (requestId null, objector* filled).
 */
export const objections = sqliteTable(
  'objections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id').references(() => requests.id),
    // The objector of a request-less objection (ground b); empty when it objects to a request.
    objectorName: text('objector_name').notNull().default(''),
    objectorAddress: text('objector_address').notNull().default(''),
    objectorContact: text('objector_contact').notNull().default(''),
    registrationNumber: text('registration_number').notNull().unique(),
    registrationYear: integer('registration_year').notNull(),
    registrationSeq: integer('registration_seq'),
    filedOn: text('filed_on').notNull(),
    /** Pasal 35 ayat 1 letters, comma-separated, e.g. "a,e". */
    grounds: text('grounds').notNull(),
    statement: text('statement').notNull(),
    filedBy: text('filed_by', { enum: keysOf(FILED_BY) }).notNull(),
    proxyName: text('proxy_name').notNull().default(''),
    lateNote: text('late_note').notNull().default(''),
    // Response of the atasan PPID (Pasal 36 ayat 2).
    respondedOn: text('responded_on'),
    result: text('result', { enum: keysOf(OBJECTION_RESULTS) }),
    reasoning: text('reasoning').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    informationGivenOn: text('information_given_on'),
    responderName: text('responder_name').notNull().default(''),
    /** The requester's response to the answer (Perki register): one of REQUESTER_RESPONSES; null until known. */
    requesterResponse: text('requester_response'),
    requesterResponseOn: text('requester_response_on'),
    requesterResponseNote: text('requester_response_note').notNull().default(''),
    // Dispute at the Komisi Informasi (Pasal 37–38).
    disputeRegisteredOn: text('dispute_registered_on'),
    disputeCaseNumber: text('dispute_case_number').notNull().default(''),
    disputeResult: text('dispute_result', { enum: keysOf(DISPUTE_RESULTS) }),
    disputeDecidedOn: text('dispute_decided_on'),
    disputeNote: text('dispute_note').notNull().default(''),
    /** Registered after the 14 working days of Pasal 37 ayat 2 (recorded anyway, with a note). */
    disputeLate: integer('dispute_late', { mode: 'boolean' }).notNull().default(false),
    disputeLateNote: text('dispute_late_note').notNull().default(''),
    // Derived from the request, filedOn and the calendar; recomputed when the calendar changes.
    filingDeadline: text('filing_deadline').notNull(),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    responseDueOn: text('response_due_on').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('objections_year_seq_idx').on(t.registrationYear, t.registrationSeq),
    index('objections_request_idx').on(t.requestId),
    index('objections_filed_idx').on(t.filedOn),
    // The supervisor's count of open / due soon / overdue objections, read on every page they
    // open: a small covering index over the unanswered objections only.
    index('objections_open_idx').on(t.responseDueOn, t.respondedOn).where(sql`${t.respondedOn} is null`),
    check('objections_filed_by_check', oneOf(t.filedBy, FILED_BY)),
    check('objections_result_check', oneOf(t.result, OBJECTION_RESULTS)),
    check('objections_dispute_result_check', oneOf(t.disputeResult, DISPUTE_RESULTS)),
  ],
);

/**
 * The stages of a dispute at the Komisi Informasi after its registration (which lives on the
 * objection): mediation, adjudication, and the courts (PTUN or PN, then MA; UU 14/2008 Pasal
 * 38, 47–50). One row per stage (per court for the courts); recording a stage again corrects it.
 */
export const disputeStages = sqliteTable(
  'dispute_stages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    objectionId: integer('objection_id')
      .notNull()
      .references(() => objections.id),
    /** One of DISPUTE_STAGES (src/objections/vocabulary.ts) except registration. */
    stage: text('stage').notNull(),
    /** For the court stage: ptun, pn or ma (COURTS); '' otherwise. */
    court: text('court').notNull().default(''),
    /** Mediation: its date; adjudication: the decision date; court: the day the case was filed. */
    heldOn: text('held_on').notNull(),
    /** Court: the decision date, null while pending. */
    decidedOn: text('decided_on'),
    caseNumber: text('case_number').notNull().default(''),
    /** MEDIATION_RESULTS, ADJUDICATION_RESULTS or COURT_RESULTS by stage. */
    result: text('result').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('dispute_stages_objection_stage_idx').on(t.objectionId, t.stage, t.court)],
);

/** Files kept with a request, its decision or one of its objections. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    target: text('target', { enum: keysOf(ATTACHMENT_TARGETS) }).notNull().default('request'),
    objectionId: integer('objection_id').references(() => objections.id),
    kind: text('kind', { enum: keysOf(ATTACHMENT_KINDS) }).notNull(),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull().unique(),
    sizeBytes: integer('size_bytes').notNull(),
    mediaType: text('media_type').notNull(),
    sha256: text('sha256').notNull(),
    note: text('note').notNull().default(''),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    /** Set for files the requester sent with the public web form. */
    uploadedByPublic: integer('uploaded_by_public', { mode: 'boolean' }).notNull().default(false),
    uploadedAt: text('uploaded_at').notNull(),
    deletedAt: text('deleted_at'),
    deletedBy: integer('deleted_by').references(() => users.id),
    purgedAt: text('purged_at'),
  },
  (t) => [
    index('attachments_request_idx').on(t.requestId),
    check('attachments_target_check', oneOf(t.target, ATTACHMENT_TARGETS)),
    check('attachments_kind_check', oneOf(t.kind, ATTACHMENT_KINDS)),
  ],
);

/** Tamper-evident log: each row hashes its own content and the previous row's hash. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorUserId: integer('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull().default(''),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_at_idx').on(t.at)],
);

/**
 * One-time submission keys (forms' `_key`, the API's `Idempotency-Key`). The row is written in
 * the same transaction as the action it guards, so a key is never used without its effect nor
 * the effect written twice; the outcome (status, redirect or body) is added right after, for
 * replays. Rows older than a day are swept.
 */
export const submissions = sqliteTable(
  'submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** "user:ID", "session:SID" (forms without login) or "api:USER_ID". */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** "POST /requests/5/extend". */
    route: text('route').notNull(),
    /** SHA-256 of the route and the submitted fields. */
    fingerprint: text('fingerprint').notNull(),
    /** The in-process run that holds the key: its later transactions may write again. */
    holder: text('holder').notNull(),
    createdAt: text('created_at').notNull(),
    /** The first outcome, null until the answer went out. */
    status: integer('status'),
    location: text('location'),
    contentType: text('content_type'),
    body: text('body'),
    /** JSON of the session fields the outcome set (flash messages, receipts this browser may see). */
    sessionPatch: text('session_patch'),
  },
  (t) => [uniqueIndex('submissions_scope_key_idx').on(t.scope, t.key), index('submissions_created_idx').on(t.createdAt)],
);

/**
 * Messages to requesters and staff (src/messages). A row is written in the same transaction as
 * the change that causes it; the worker sends it afterwards. `event_key` is unique: one event,
 * one message per channel, however often the enqueue runs. Status values are persisted (see
 * OUTBOX_STATUSES in src/messages/kinds.ts).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** "request:12:receipt:email": the event and the channel; also the SMTP Message-ID. */
    eventKey: text('event_key').notNull().unique(),
    /** A key of MESSAGE_KINDS. */
    kind: text('kind').notNull(),
    /** 'email' | 'whatsapp' */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    recipientName: text('recipient_name').notNull().default(''),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** JSON of the template's placeholder values (the WhatsApp gateway's parameters). */
    params: text('params').notNull().default('{}'),
    attachmentName: text('attachment_name'),
    attachmentHtml: text('attachment_html'),
    /** The template version the text was made from; 0 = the built-in text. */
    templateVersion: integer('template_version').notNull(),
    requestId: integer('request_id').references(() => requests.id),
    objectionId: integer('objection_id').references(() => objections.id),
    userId: integer('user_id').references(() => users.id),
    /** queued | sending | sent | failed | held */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    claimedAt: text('claimed_at'),
    lastError: text('last_error').notNull().default(''),
    sentAt: text('sent_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_request_idx').on(t.requestId),
  ],
);

/** Admin-edited message templates: each save is a new version; the highest version is in use. */
export const messageTemplates = sqliteTable(
  'message_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Name of the approved WhatsApp Business template for this kind ('' = the kind's code). */
    waTemplate: text('wa_template').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('message_templates_kind_version_idx').on(t.kind, t.version)],
);

/** What each staff member wants to hear, and where ("Profil saya"). No row: nothing is sent. */
export const messageSubscriptions = sqliteTable('message_subscriptions', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  email: text('email').notNull().default(''),
  newRequests: integer('new_requests', { mode: 'boolean' }).notNull().default(true),
  dailyDigest: integer('daily_digest', { mode: 'boolean' }).notNull().default(true),
  weeklySummary: integer('weekly_summary', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

export type OutboxRow = typeof outbox.$inferSelect;
export type MessageTemplateRow = typeof messageTemplates.$inferSelect;
export type MessageSubscriptionRow = typeof messageSubscriptions.$inferSelect;

/**
 * The office's units (src/units): PPID Utama, PPID Pelaksana and the units that hold the
 * information (unit kerja). `kind` is one of UNIT_KINDS (src/units/vocabulary.ts): persisted.
 */
export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** A PPID Pelaksana's own registration number pattern (src/numbering); null: the PPID Utama's. */
    numberPattern: text('number_pattern'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('units_code_nocase_idx').on(sql`${t.code} collate nocase`)],
);

/**
 * A request sent to a unit (disposisi) with an internal due date, and the unit's answer. The
 * decision stays the PPID's. `status` and `result` are DISPOSITION_STATUSES / ANSWER_RESULTS
 * (src/units/vocabulary.ts): persisted.
 */
export const dispositions = sqliteTable(
  'dispositions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    sentOn: text('sent_on').notNull(),
    /** The internal due date (may lie after the legal due date: allowed, with a warning). */
    dueOn: text('due_on').notNull(),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('open'),
    /** When reassigned: the disposition it was moved from. */
    previousId: integer('previous_id').references((): AnySQLiteColumn => dispositions.id),
    answeredOn: text('answered_on'),
    result: text('result'),
    answerNote: text('answer_note').notNull().default(''),
    /** For not_held: who holds the information, if the unit knows. */
    holder: text('holder').notNull().default(''),
    /** For possibly_exempt: proposed Pasal 17 letters, comma-separated, and the grounds. */
    exemptionArticles: text('exemption_articles').notNull().default(''),
    consequenceTest: text('consequence_test').notNull().default(''),
    answeredBy: integer('answered_by').references(() => users.id),
    closedOn: text('closed_on'),
    closeNote: text('close_note').notNull().default(''),
    remindedOn: text('reminded_on'),
    reminders: integer('reminders').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('dispositions_request_idx').on(t.requestId),
    index('dispositions_unit_idx').on(t.unitId, t.status, t.dueOn),
    index('dispositions_sent_idx').on(t.sentOn),
  ],
);

/** Pasal 22 ayat 7 huruf b: the information is held by another public body, told to the requester. */
export const forwardings = sqliteTable('forwardings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  requestId: integer('request_id')
    .notNull()
    .unique()
    .references(() => requests.id),
  body: text('body').notNull(),
  forwardedOn: text('forwarded_on').notNull(),
  contact: text('contact').notNull().default(''),
  note: text('note').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export type UserRow = typeof users.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type DispositionRow = typeof dispositions.$inferSelect;
export type ForwardingRow = typeof forwardings.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;
export type HolidayRow = typeof holidays.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type DisputeStageRow = typeof disputeStages.$inferSelect;

export type SubmissionRow = typeof submissions.$inferSelect;

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
    /** The user's time zone from their region (src/regions): 'WIB' | 'WITA' | 'WIT', '' when unknown. */
    userZone: text('user_zone').notNull().default(''),
    /** Whether the ticket came in outside the desk's service hours (src/desk/service-hours.ts), at intake. */
    outsideServiceHours: integer('outside_service_hours', { mode: 'boolean' }).notNull().default(false),
    /**
     * The service level `sla_due_at` was counted with (src/desk/sla.ts SlaPolicy), as it stood at
     * intake or escalation: a holiday change counts the due time again with it, not with a level
     * the admin set later. Null on tickets from before it was kept: the channel's current level.
     */
    slaAmount: integer('sla_amount'),
    slaUnit: text('sla_unit'),
  },
  (t) => [
    uniqueIndex('consultations_year_seq_idx').on(t.year, t.seq),
    uniqueIndex('consultations_ticket_number_idx').on(t.ticketNumber),
    index('consultations_status_due_idx').on(t.status, t.slaDueAt),
    // The queue without a status filter: due-time order straight from the index, no sort of every ticket.
    index('consultations_due_idx').on(t.slaDueAt, t.id),
    // Answer times per unit over the month's answers (the monthly report, approval.ts answerTimes).
    index('consultations_answered_idx').on(t.answeredAt),
    // (received_at, channel): the monthly report counts channels per month from the index alone.
    index('consultations_received_idx').on(t.receivedAt, t.channel),
    index('consultations_unit_idx').on(t.escalatedUnitId, t.status),
  ],
);
export type ConsultationRow = typeof consultations.$inferSelect;

/**
 * The officer's free paragraph ("Evaluasi dan Saran") per section of the monthly service report
 * (src/reports/service). `section` is a section key of src/reports/service/sections.ts: persisted.
 */
export const serviceReportNotes = sqliteTable(
  'service_report_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    section: text('section').notNull(),
    body: text('body').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('service_report_notes_month_section_idx').on(t.year, t.month, t.section)],
);
export type ServiceReportNoteRow = typeof serviceReportNotes.$inferSelect;

/**
 * The annual public-information service report (Laporan Layanan Informasi Publik, Perki 1/2021
 * Pasal 56; src/reports/annual): one row per version of a year's report for a scope ('' is the
 * whole office; "unit:ID" a PPID Pelaksana). A draft holds the narrative sections (a), (b), (e),
 * (f); handing it in freezes it with `snapshot` (figures + narrative as JSON). A later correction
 * is a new version; the handed-in one stays as it was. `status`: ANNUAL_REPORT_STATUSES.
 */
export const annualReports = sqliteTable(
  'annual_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    scope: text('scope').notNull().default(''),
    version: integer('version').notNull(),
    status: text('status').notNull().default('draft'),
    policy: text('policy').notNull().default(''),
    implementation: text('implementation').notNull().default(''),
    obstacles: text('obstacles').notNull().default(''),
    recommendations: text('recommendations').notNull().default(''),
    /** Why this version corrects the one before it; '' for version 1. */
    correctionReason: text('correction_reason').notNull().default(''),
    submittedOn: text('submitted_on'),
    submittedTo: text('submitted_to').notNull().default(''),
    submissionNote: text('submission_note').notNull().default(''),
    proofStoredName: text('proof_stored_name'),
    proofOriginalName: text('proof_original_name'),
    proofMediaType: text('proof_media_type'),
    proofSizeBytes: integer('proof_size_bytes'),
    proofSha256: text('proof_sha256'),
    /** JSON: { figures, narrative } as handed in; null while a draft. */
    snapshot: text('snapshot'),
    submittedBy: integer('submitted_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('annual_reports_year_scope_version_idx').on(t.year, t.scope, t.version),
    check('annual_reports_status_check', sql`${t.status} in ('draft', 'submitted')`),
  ],
);
export type AnnualReportRow = typeof annualReports.$inferSelect;

/** The service standard text (standar layanan) an admin keeps; the newest row is current. */
export const serviceStandards = sqliteTable('service_standards', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  text: text('text').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
});

/**
 * Lists of the desk an admin keeps (src/desk/desk-lists.ts): `list` is 'channel', 'category' or
 * 'topic'. A code is never renamed or deleted once stored; an item is deactivated instead.
 */
export const deskListItems = sqliteTable(
  'desk_list_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    list: text('list').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('desk_list_items_list_code_idx').on(t.list, t.code), check('desk_list_items_list_check', sql`${t.list} in ('channel', 'category', 'topic')`)],
);
export type DeskListItemRow = typeof deskListItems.$inferSelect;

/** The desk's service hours per ISO weekday (1 Monday … 7 Sunday) in the office zone; '' = closed. */
export const deskServiceHours = sqliteTable('desk_service_hours', {
  weekday: integer('weekday').primaryKey(),
  opensAt: text('opens_at').notNull().default(''),
  closesAt: text('closes_at').notNull().default(''),
});
export type DeskServiceHoursRow = typeof deskServiceHours.$inferSelect;

/** Service level per channel code and escalated or not: `amount` working days or working hours. */
export const deskServiceLevels = sqliteTable(
  'desk_service_levels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    escalated: integer('escalated', { mode: 'boolean' }).notNull(),
    amount: integer('amount').notNull(),
    unit: text('unit').notNull(),
  },
  (t) => [uniqueIndex('desk_service_levels_channel_idx').on(t.channel, t.escalated), check('desk_service_levels_unit_check', sql`${t.unit} in ('working_days', 'working_hours')`)],
);
export type DeskServiceLevelRow = typeof deskServiceLevels.$inferSelect;
// ---- satisfaction (issue 17): rating links and ratings ------------------------------------------

/**
 * A one-time rating link, made when a consultation is answered or a request decided. The token
 * is never stored: `nonce` is random and the token is HMAC(key outside the database, nonce), so
 * a copy of the database does not hold usable tokens; `tokenHash` (sha256 of the token) finds the
 * link. `userKey` is a keyed hash of the requester's normalised e-mail/phone/name: it counts
 * distinct users and is never shown.
 */
export const ratingLinks = sqliteTable(
  'rating_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'consultation' | 'request' */
    subjectType: text('subject_type').notNull(),
    consultationId: integer('consultation_id').references(() => consultations.id).unique(),
    requestId: integer('request_id').references(() => requests.id).unique(),
    nonce: text('nonce').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The agent (consultation: who answered; request: who decided). */
    agentUserId: integer('agent_user_id').references(() => users.id),
    /** The unit that answered, when the consultation was escalated. */
    unitId: integer('unit_id').references(() => units.id),
    userKey: text('user_key').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [check('rating_links_subject_check', sql`${t.subjectType} in ('consultation', 'request')`)],
);
export type RatingLinkRow = typeof ratingLinks.$inferSelect;

/** One rating per link; never changed by staff (only the follow-up columns are written later). */
export const ratings = sqliteTable(
  'ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    linkId: integer('link_id').notNull().references(() => ratingLinks.id).unique(),
    /** Kepuasan Layanan and Substansi Jawaban, 1..scaleMax. */
    service: integer('service').notNull(),
    substance: integer('substance').notNull(),
    scaleMax: integer('scale_max').notNull(),
    comment: text('comment').notNull().default(''),
    /** SKM (PermenPAN-RB 14/2017): the nine elements as JSON [1..4 ×9], or null when not answered. */
    skm: text('skm'),
    /** Respondent profile (no names): codes of src/ratings/vocabulary.ts, '' when not given. */
    ageBand: text('age_band').notNull().default(''),
    sex: text('sex').notNull().default(''),
    education: text('education').notNull().default(''),
    occupation: text('occupation').notNull().default(''),
    /** 'web' | 'api' */
    source: text('source').notNull(),
    submittedAt: text('submitted_at').notNull(),
    followedUpAt: text('followed_up_at'),
    followedUpBy: integer('followed_up_by').references(() => users.id),
    followUpNote: text('follow_up_note').notNull().default(''),
  },
  (t) => [index('ratings_submitted_idx').on(t.submittedAt)],
);
export type RatingRow = typeof ratings.$inferSelect;

/**
 * The desk's settings of a unit (src/desk/approval.ts): whether a unit's answer to an escalated
 * consultation needs its head's approval before the agent sends it, and who the head is (a user
 * of the unit; null: none designated, so nobody can approve).
 */
export const deskUnitSettings = sqliteTable('desk_unit_settings', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  approvalRequired: integer('approval_required', { mode: 'boolean' }).notNull().default(false),
  headUserId: integer('head_user_id').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});
export type DeskUnitSettingsRow = typeof deskUnitSettings.$inferSelect;

/**
 * A unit's answer to an escalated consultation while it waits for the head's approval.
 * `status`: pending, approved, returned (sent back with a note), sent (the agent sent it).
 * Instants in UTC; the times from escalation to draft and to approval are the unit's figures.
 */
export const consultationDrafts = sqliteTable(
  'consultation_drafts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    answer: text('answer').notNull(),
    escalatedAt: text('escalated_at').notNull(),
    draftedAt: text('drafted_at').notNull(),
    draftedBy: integer('drafted_by').references(() => users.id),
    status: text('status').notNull().default('pending'),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    decisionNote: text('decision_note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('consultation_drafts_consultation_idx').on(t.consultationId, t.status), index('consultation_drafts_unit_idx').on(t.unitId, t.draftedAt)],
);
export type ConsultationDraftRow = typeof consultationDrafts.$inferSelect;

/** The numbered Berita Acara Konsultasi of an answered consultation (src/desk/bak.ts): given once. */
export const consultationBaks = sqliteTable(
  'consultation_baks',
  {
    consultationId: integer('consultation_id')
      .primaryKey()
      .references(() => consultations.id),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    issuedAt: text('issued_at').notNull(),
  },
  (t) => [uniqueIndex('consultation_baks_number_idx').on(t.number), uniqueIndex('consultation_baks_year_seq_idx').on(t.year, t.seq)],
);
export type ConsultationBakRow = typeof consultationBaks.$inferSelect;

/** A consultation made into a PPID request (src/desk/convert.ts): at most once each way. */
export const consultationRequests = sqliteTable('consultation_requests', {
  consultationId: integer('consultation_id')
    .primaryKey()
    .references(() => consultations.id),
  requestId: integer('request_id')
    .notNull()
    .unique()
    .references(() => requests.id),
  convertedAt: text('converted_at').notNull(),
  convertedBy: integer('converted_by').references(() => users.id),
});
export type ConsultationRequestRow = typeof consultationRequests.$inferSelect;

/**
 * The desk's knowledge base (src/knowledge): answers agents reuse, kept by their owner unit. An
 * agent flags an entry for review (`reviewRequestedAt` and a note); the owner unit marks it
 * reviewed (`reviewedAt`/`reviewedBy`, which clears the flag).
 */
export const knowledgeEntries = sqliteTable(
  'knowledge_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topic: text('topic').notNull(),
    title: text('title').notNull(),
    answer: text('answer').notNull(),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id),
    reviewedAt: text('reviewed_at'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewRequestedAt: text('review_requested_at'),
    reviewRequestedBy: integer('review_requested_by').references(() => users.id),
    reviewNote: text('review_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('knowledge_entries_owner_idx').on(t.ownerUnitId), index('knowledge_entries_review_idx').on(t.reviewRequestedAt)],
);
export type KnowledgeEntryRow = typeof knowledgeEntries.$inferSelect;

/**
 * A visit reservation (SOP 194, src/visits). `status` is a code of src/visits/visit-rules.ts
 * (persisted). `planned_on` is an ISO date in the office zone; instants are UTC ISO 8601.
 */
export const visits = sqliteTable(
  'visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guestNames: text('guest_names').notNull(),
    guestType: text('guest_type').notNull(),
    institution: text('institution').notNull().default(''),
    regionCode: text('region_code').notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    plannedOn: text('planned_on').notNull(),
    topic: text('topic').notNull(),
    people: integer('people').notNull(),
    travelOrders: text('travel_orders').notNull().default(''),
    status: text('status').notNull().default('reserved'),
    checkedInAt: text('checked_in_at'),
    metAt: text('met_at'),
    consultationId: integer('consultation_id').references(() => consultations.id),
    cancelNote: text('cancel_note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('visits_day_region_idx').on(t.plannedOn, t.regionCode)],
);
export type VisitRow = typeof visits.$inferSelect;

/**
 * A video conference requested by letter (SOP 195, src/visits). `network` and `status` are codes
 * of src/visits/video-rules.ts (persisted). Dates ISO (office zone); instants UTC ISO 8601.
 */
export const videoConferences = sqliteTable(
  'video_conferences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    letterNumber: text('letter_number').notNull(),
    letterDate: text('letter_date').notNull(),
    letterReceivedOn: text('letter_received_on').notNull(),
    regionCode: text('region_code').notNull(),
    /** The requesting local government (the "user" of the call's consultation ticket). */
    institution: text('institution').notNull(),
    topic: text('topic').notNull(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    network: text('network').notNull(),
    plannedAt: text('planned_at').notNull(),
    /** Why the call is planned beyond the SOP's limit (empty when within it). */
    lateReason: text('late_reason').notNull().default(''),
    status: text('status').notNull().default('planned'),
    heldAt: text('held_at'),
    recordingUrl: text('recording_url').notNull().default(''),
    cancelNote: text('cancel_note').notNull().default(''),
    consultationId: integer('consultation_id').references(() => consultations.id),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('video_conferences_planned_idx').on(t.plannedAt)],
);
export type VideoConferenceRow = typeof videoConferences.$inferSelect;

/**
 * Consultations imported from a CRM export (src/consultation-import): one row per
 * source row, keyed by the CRM's ticket number or a digest of the row, so a file imported twice
 * adds nothing the second time.
 */
export const consultationImports = sqliteTable('consultation_imports', {
  sourceKey: text('source_key').primaryKey(),
  consultationId: integer('consultation_id').notNull().references(() => consultations.id),
  sourceTicketNumber: text('source_ticket_number').notNull().default(''),
  fileSha256: text('file_sha256').notNull(),
  importedAt: text('imported_at').notNull(),
});

/**
 * A request registered by a PPID Pelaksana (src/pelaksana). No row: the PPID Utama's own. `seq`
 * is the Pelaksana's own sequence in `year` (its number pattern); null when the Pelaksana had no
 * pattern and the request took the PPID Utama's number (requests.registration_seq).
 */
export const requestPelaksana = sqliteTable(
  'request_pelaksana',
  {
    requestId: integer('request_id')
      .primaryKey()
      .references(() => requests.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    seq: integer('seq'),
  },
  (t) => [uniqueIndex('request_pelaksana_unit_year_seq_idx').on(t.unitId, t.year, t.seq), index('request_pelaksana_unit_idx').on(t.unitId)],
);

/**
 * Daftar Informasi yang Dikecualikan (DIK, UU 14/2008 Pasal 17, 19, 20; Perki 1/2021 Pasal 49):
 * one row per piece of exempt information, with the Pasal 17 letters ("a,h"), the legal basis,
 * the consequence test, the period (one of until / years / while protected) and the decision
 * that set it. Requests that used an entry point at it (requests.dik_entry_id).
 */
export const dikEntries = sqliteTable(
  'dik_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    information: text('information').notNull(),
    articles: text('articles').notNull(),
    legalBasis: text('legal_basis').notNull().default(''),
    consequenceTest: text('consequence_test').notNull(),
    exemptionUntil: text('exemption_until'),
    exemptionYears: integer('exemption_years'),
    exemptionWhileProtected: integer('exemption_while_protected', { mode: 'boolean' }).notNull().default(false),
    /** The decision that set it: the SK penolakan's number and date, and its request. */
    decisionNumber: text('decision_number').notNull().default(''),
    decidedOn: text('decided_on').notNull(),
    requestId: integer('request_id').references((): AnySQLiteColumn => requests.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('dik_entries_decided_idx').on(t.decidedOn)],
);
export type DikEntryRow = typeof dikEntries.$inferSelect;

/**
 * How many requests fall in each combination of the register's exact filters (issue 20): year,
 * month, channel, category and the status facts (outcome, extended, opened, withdrawn, voided).
 * Kept by triggers on `requests` (migration request_counts), so a filter's exact total is a SUM
 * over a few rows instead of a COUNT(*) over every match. `outcome` is '' while undecided.
 */
export const requestCounts = sqliteTable(
  'request_counts',
  {
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    outcome: text('outcome').notNull(),
    extended: integer('extended').notNull(),
    opened: integer('opened').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    voided: integer('voided').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.month, t.channel, t.category, t.outcome, t.extended, t.opened, t.withdrawn, t.voided] })],
);

/**
 * A number per table that triggers replace with a random one on every insert, update and delete
 * of its rows (issue 20; migration data_versions_triggers). In-process caches of values read
 * from that table (src/db/versioned-cache.ts) check it, so a cached value is never older than
 * the last change, whichever process or connection made it.
 */
export const dataVersions = sqliteTable('data_versions', {
  name: text('name').primaryKey(),
  version: integer('version').notNull(),
});
