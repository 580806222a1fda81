/** What the row readers make of a register file: request and objection values, by row. */
import type { RequestRow } from '../db/schema.js';
import type { RequestFieldKey } from '../requests/request-fields.js';

/**
 * The request's own fields, as the requests table stores them: the field table's fields
 * (request-fields.ts), the reasons as their three flags.
 */
export type RequestValues = Pick<RequestRow, Exclude<RequestFieldKey, 'reasons'> | 'reasonExempt' | 'reasonNotHeld' | 'reasonOther'>;

/** An objection's recorded fields, as the objections table stores them. */
export interface ObjectionValues {
  /** null: give it the next number of the objection pattern. */
  registrationNumber: string | null;
  filedOn: string;
  grounds: string;
  statement: string;
  filedBy: string;
  proxyName: string;
  lateNote: string;
  respondedOn: string | null;
  result: string | null;
  reasoning: string;
  followUp: string;
  informationGivenOn: string | null;
  responderName: string;
  disputeRegisteredOn: string | null;
  disputeCaseNumber: string;
  disputeResult: string | null;
  disputeDecidedOn: string | null;
  disputeNote: string;
}

export interface ParsedObjection {
  row: number;
  values: ObjectionValues;
}

export interface ParsedRequest {
  row: number;
  number: string;
  values: RequestValues;
  /** The row's own objection first, then those of continuation rows, by filing date. */
  objections: ParsedObjection[];
  /** Rows (its own and its continuation rows) that carry an error. */
  errorRows: number[];
}

/** A row that adds an objection to a request by number only. */
export interface Continuation {
  row: number;
  number: string;
  objection: ParsedObjection | null;
  hasError: boolean;
}

export interface ParseResult {
  requests: ParsedRequest[];
  /** Continuation rows whose number has no request row in the file. */
  orphans: Continuation[];
  dataRows: number;
  /** Request rows skipped because their number is already registered. */
  existing: number;
  /** False when the columns themselves are wrong: no row was read. */
  columnsOk: boolean;
}
