/**
 * How a rule's findings are taken. Live entry (forms, API) refuses whatever a rule finds; the
 * import of recorded history ("history mode") keeps what the office recorded when the rule is one
 * the app demands of a new entry (a reason on a partial grant, a Pasal 17 letter on an
 * exemption), as a warning, and refuses only what cannot be true (a date in the future, dates in
 * an impossible order). Each rule states its message once; the mode decides what it becomes.
 */
export type RuleMode = 'entry' | 'history';
export type FieldErrors = Record<string, string>;

/** What history mode adds to a demand it keeps. */
export const KEPT_AS_RECORDED = 'Dicatat apa adanya.';

export class Findings {
  /** Field → message; the first finding of a field wins. */
  readonly errors: FieldErrors = {};
  readonly warnings: FieldErrors = {};
  constructor(readonly mode: RuleMode = 'entry') {}

  /** Cannot be recorded, live or as history. */
  refuse(field: string, message: string): void {
    this.errors[field] ??= message;
  }

  /** Refused for a new entry; kept with a warning in history mode. */
  demand(field: string, message: string): void {
    if (this.mode === 'entry') this.refuse(field, message);
    else this.warnings[field] ??= `${message} ${KEPT_AS_RECORDED}`;
  }
}
