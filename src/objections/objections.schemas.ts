import { z } from 'zod';
import { checkboxList, isoDate, oneOf, optionalFormInt, optionalText, requiredText } from '../shared/validation.js';
import { ADJUDICATION_RESULTS, COURT_RESULTS, COURTS, FILED_BY, MEDIATION_RESULTS, OBJECTION_GROUNDS, OBJECTION_RESULTS, REQUESTER_RESPONSES } from './vocabulary.js';

const version = optionalFormInt(1, Number.MAX_SAFE_INTEGER);
const optionalDate = () => z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate().optional()).transform((v) => v ?? null);

export const filingFormSchema = z.object({
  filedOn: isoDate(),
  grounds: checkboxList(oneOf(OBJECTION_GROUNDS)).pipe(z.array(oneOf(OBJECTION_GROUNDS)).min(1).max(7)),
  statement: requiredText(10000),
  filedBy: oneOf(FILED_BY),
  proxyName: optionalText(200),
  lateNote: optionalText(2000),
});
export type FilingInput = z.infer<typeof filingFormSchema>;

export const responseFormSchema = z.object({
  respondedOn: isoDate(),
  result: oneOf(OBJECTION_RESULTS),
  reasoning: requiredText(10000),
  followUp: optionalText(5000),
  informationGivenOn: optionalDate(),
  responderName: optionalText(200),
  version,
});
export type ResponseInput = z.infer<typeof responseFormSchema>;

/** The dispute's registration at the Komisi Informasi (its first stage). */
export const disputeFormSchema = z.object({
  disputeRegisteredOn: isoDate(),
  disputeCaseNumber: optionalText(100),
  disputeLateNote: optionalText(2000),
  disputeNote: optionalText(5000),
  version,
});
export type DisputeInput = z.infer<typeof disputeFormSchema>;

/** An objection without a request: ground b only, with the objector (Pasal 35 ayat 1 huruf b). */
export const requestlessFilingFormSchema = z.object({
  filedOn: isoDate(),
  grounds: checkboxList(oneOf(OBJECTION_GROUNDS)).pipe(z.array(oneOf(OBJECTION_GROUNDS)).min(1).max(7)),
  objectorName: optionalText(200),
  objectorAddress: optionalText(500),
  objectorContact: optionalText(200),
  statement: requiredText(10000),
  filedBy: oneOf(FILED_BY),
  proxyName: optionalText(200),
});
export type RequestlessFilingInput = z.infer<typeof requestlessFilingFormSchema>;

const STAGE_KINDS = { mediation: '', adjudication: '', court: '' } as const;
const anyResult = { ...MEDIATION_RESULTS, ...ADJUDICATION_RESULTS, ...COURT_RESULTS };
const optionalCourt = z.preprocess((v) => (v === undefined || v === null ? '' : v), z.union([z.literal(''), oneOf(COURTS)]));

/** A stage after the registration; which result fits the stage is checked by checkStage. */
export const stageFormSchema = z.object({
  stage: oneOf(STAGE_KINDS),
  court: optionalCourt,
  heldOn: isoDate(),
  decidedOn: optionalDate(),
  caseNumber: optionalText(100),
  result: oneOf(anyResult),
  note: optionalText(5000),
  version,
});
export type StageFormInput = z.infer<typeof stageFormSchema>;

/** The requester's response to the atasan PPID's answer (Perki register of objections). */
export const requesterResponseFormSchema = z.object({
  requesterResponse: oneOf(REQUESTER_RESPONSES),
  requesterResponseOn: isoDate(),
  requesterResponseNote: optionalText(2000),
  version,
});
export type RequesterResponseFormInput = z.infer<typeof requesterResponseFormSchema>;

export const objectionFilterSchema = z.object({
  year: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1990).max(2100).optional()).catch(undefined),
  status: z.enum(['open', 'answered', 'overdue', 'due_soon', 'late', 'dispute']).optional().catch(undefined),
});

// ---- API ------------------------------------------------------------------------------

export const apiFilingSchema = z
  .strictObject({
    filed_on: isoDate(),
    grounds: z.array(oneOf(OBJECTION_GROUNDS)).min(1).max(7),
    statement: requiredText(10000),
    filed_by: oneOf(FILED_BY),
    proxy_name: optionalText(200),
    late_note: optionalText(2000),
  })
  .transform((v): FilingInput => ({
    filedOn: v.filed_on, grounds: v.grounds, statement: v.statement, filedBy: v.filed_by, proxyName: v.proxy_name, lateNote: v.late_note,
  }));

export const apiResponseSchema = z
  .strictObject({
    responded_on: isoDate(),
    result: oneOf(OBJECTION_RESULTS),
    reasoning: requiredText(10000),
    follow_up: optionalText(5000),
    information_given_on: isoDate().nullable().default(null),
    responder_name: optionalText(200),
    version: z.number().int().min(1).optional(),
  })
  .transform((v): ResponseInput => ({
    respondedOn: v.responded_on, result: v.result, reasoning: v.reasoning, followUp: v.follow_up,
    informationGivenOn: v.information_given_on, responderName: v.responder_name, version: v.version,
  }));

/**
 * POST /api/v1/objections/:id/dispute-stages: the registration, or a later stage.
 * Returns either the registration's input or a stage's.
 */
export const apiStageSchema = z.discriminatedUnion('stage', [
  z.strictObject({
    stage: z.literal('registration'),
    registered_on: isoDate(),
    case_number: optionalText(100),
    late_note: optionalText(2000),
    note: optionalText(5000),
    version: z.number().int().min(1).optional(),
  }),
  z.strictObject({
    stage: z.literal('mediation'),
    held_on: isoDate(),
    result: oneOf(MEDIATION_RESULTS),
    case_number: optionalText(100),
    note: optionalText(5000),
    version: z.number().int().min(1).optional(),
  }),
  z.strictObject({
    stage: z.literal('adjudication'),
    decided_on: isoDate(),
    result: oneOf(ADJUDICATION_RESULTS),
    case_number: optionalText(100),
    note: optionalText(5000),
    version: z.number().int().min(1).optional(),
  }),
  z.strictObject({
    stage: z.literal('court'),
    court: oneOf(COURTS),
    filed_on: isoDate(),
    case_number: optionalText(100),
    decided_on: isoDate().nullable().default(null),
    result: oneOf(COURT_RESULTS).default('pending'),
    note: optionalText(5000),
    version: z.number().int().min(1).optional(),
  }),
]);

export const apiObjectionListSchema = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: z.enum(['open', 'answered', 'overdue', 'due_soon', 'late', 'dispute']).optional(),
});

export const OBJECTION_API_FIELDS: Record<string, string> = {
  filedOn: 'filed_on', grounds: 'grounds', statement: 'statement', filedBy: 'filed_by', proxyName: 'proxy_name',
  lateNote: 'late_note', respondedOn: 'responded_on', result: 'result', reasoning: 'reasoning', followUp: 'follow_up',
  informationGivenOn: 'information_given_on', responderName: 'responder_name', version: 'version',
  disputeRegisteredOn: 'registered_on', disputeCaseNumber: 'case_number', disputeLateNote: 'late_note', disputeNote: 'note',
  stage: 'stage', court: 'court', caseNumber: 'case_number', note: 'note',
  requesterResponse: 'requester_response', requesterResponseOn: 'requester_response_on', requesterResponseNote: 'requester_response_note',
};

/** API names of a stage's fields, by stage (held_on means different days per stage). */
export function stageApiFields(stage: string): Record<string, string> {
  const heldOn = stage === 'court' ? 'filed_on' : stage === 'adjudication' ? 'decided_on' : 'held_on';
  return { ...OBJECTION_API_FIELDS, heldOn, decidedOn: 'decided_on', result: 'result' };
}
