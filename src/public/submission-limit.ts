/**
 * The public form's per-address limit. It counts accepted submissions only: a refused or invalid
 * form, and a repeat of one submission (same form key), are not submissions. A submission holds
 * a place while it runs, so two at once cannot both take the last one.
 */
export class AcceptedSubmissionLimit {
  private readonly accepted = new Map<string, number[]>();
  private readonly pending = new Map<string, number>();

  constructor(private readonly limit: number, private readonly windowMs = 60 * 60 * 1000) {}

  /** A place for one submission from `address`, or null when the address used them all. */
  reserve(address: string): { accept: () => void; release: () => void } | null {
    if (this.limit <= 0) return { accept: () => undefined, release: () => undefined };
    const now = Date.now();
    const recent = (this.accepted.get(address) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length) this.accepted.set(address, recent);
    else this.accepted.delete(address);
    const pending = this.pending.get(address) ?? 0;
    if (recent.length + pending >= this.limit) return null;
    this.pending.set(address, pending + 1);
    let settled = false;
    const settle = (accepted: boolean) => {
      if (settled) return;
      settled = true;
      const left = (this.pending.get(address) ?? 1) - 1;
      if (left > 0) this.pending.set(address, left);
      else this.pending.delete(address);
      if (accepted) this.accepted.set(address, [...(this.accepted.get(address) ?? []), Date.now()]);
    };
    return { accept: () => settle(true), release: () => settle(false) };
  }
}
