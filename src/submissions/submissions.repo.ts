import { preparedStatement, type Db, type Tx } from '../db/client.js';

export interface SubmissionRef {
  scope: string;
  key: string;
}

export interface StoredSubmission {
  route: string;
  fingerprint: string;
  holder: string;
  status: number | null;
  location: string | null;
  contentType: string | null;
  body: string | null;
  sessionPatch: string | null;
}

export interface SubmissionOutcome {
  status: number;
  location: string | null;
  contentType: string | null;
  body: string | null;
  sessionPatch: string | null;
}

const FIND = `select route, fingerprint, holder, status, location, content_type as contentType, body, session_patch as sessionPatch
  from submissions where scope = @scope and key = @key`;
const CLAIM = `insert into submissions (scope, key, route, fingerprint, holder, created_at)
  values (@scope, @key, @route, @fingerprint, @holder, @createdAt) on conflict (scope, key) do nothing`;
const HOLDER = 'select holder from submissions where scope = @scope and key = @key';
const COMPLETE = `update submissions set status = @status, location = @location, content_type = @contentType, body = @body,
  session_patch = @sessionPatch where scope = @scope and key = @key and holder = @holder and status is null`;
const SWEEP = 'delete from submissions where created_at < @before';

export function findSubmission(db: Db, ref: SubmissionRef): StoredSubmission | null {
  return (preparedStatement(db, FIND).get(ref) as StoredSubmission | undefined) ?? null;
}

/**
 * Spends the key inside the caller's transaction. Returns false when another run already holds
 * it: the caller must then roll back, so the action is not written twice.
 */
export function claimSubmission(tx: Tx, row: SubmissionRef & { route: string; fingerprint: string; holder: string; createdAt: string }): boolean {
  if (preparedStatement(tx, CLAIM).run(row).changes === 1) return true;
  const found = preparedStatement(tx, HOLDER).get({ scope: row.scope, key: row.key }) as { holder: string } | undefined;
  return found?.holder === row.holder;
}

/** Stores the answer of the run that holds the key; false when it never spent it (nothing was written). */
export function completeSubmission(db: Db, ref: SubmissionRef & { holder: string }, outcome: SubmissionOutcome): boolean {
  return preparedStatement(db, COMPLETE).run({ ...ref, ...outcome }).changes === 1;
}

export function sweepSubmissions(db: Db, before: string): number {
  return preparedStatement(db, SWEEP).run({ before }).changes;
}
