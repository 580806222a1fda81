import { z } from 'zod';
import { checkboxList, isoDate, oneOf, optionalFormInt, optionalText, requiredText } from '../shared/validation.js';
import { DISPUTE_RESULTS, FILED_BY, OBJECTION_GROUNDS, OBJECTION_RESULTS } from './vocabulary.js';

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

export const disputeFormSchema = z.object({
  disputeRegisteredOn: isoDate(),
  disputeCaseNumber: optionalText(100),
  disputeResult: oneOf(DISPUTE_RESULTS),
  disputeDecidedOn: optionalDate(),
  disputeNote: optionalText(5000),
  version,
});
export type DisputeInput = z.infer<typeof disputeFormSchema>;

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

export const apiObjectionListSchema = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: z.enum(['open', 'answered', 'overdue', 'due_soon', 'late', 'dispute']).optional(),
});

export const OBJECTION_API_FIELDS: Record<string, string> = {
  filedOn: 'filed_on', grounds: 'grounds', statement: 'statement', filedBy: 'filed_by', proxyName: 'proxy_name',
  lateNote: 'late_note', respondedOn: 'responded_on', result: 'result', reasoning: 'reasoning', followUp: 'follow_up',
  informationGivenOn: 'information_given_on', responderName: 'responder_name', version: 'version',
};
