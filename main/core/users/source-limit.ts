/**
 * A limit on failed logins per source, on top of the per-account lock-out: one source may fail at most
 * {@link SOURCE_MAX_FAILURES} times in {@link SOURCE_WINDOW_MS}, whatever user names it tries (unknown ones
 * included, which no account counter sees). The source is the transport's peer: in browser mode the remote
 * address of the HTTP connection (on one PC that is 127.0.0.1, so the limit is in effect one for the machine);
 * the Electron window's calls carry none and count together as 'unknown'. Kept in memory: a restart starts afresh, as a power cut would.
 *
 * An attempt is counted when it starts (before scrypt), so a burst of parallel attempts cannot all get through
 * before the first failure is written; a success gives its slot back. An attempt refused by the account's own
 * lock-out first (locked or disabled) never takes a slot, so a burst against one locked account does not also
 * shut the source out.
 *
 * @example
 * const slot = limit.take(source, now); // throws when the source is over its limit
 * … if the password was right: limit.release(slot);
 */
import { UserError } from '../errors';

export const SOURCE_MAX_FAILURES = 30;
export const SOURCE_WINDOW_MS = 15 * 60_000;

export interface SourceSlot {
  readonly source: string;
  readonly at: number;
}

export class SourceLimit {
  readonly #attempts = new Map<string, number[]>();

  constructor(
    private readonly max = SOURCE_MAX_FAILURES,
    private readonly windowMs = SOURCE_WINDOW_MS,
  ) {}

  /** Counts an attempt from `source`, or refuses it when the source has used up its window. */
  take(source: string, now: number): SourceSlot {
    const recent = (this.#attempts.get(source) ?? []).filter((at) => at > now - this.windowMs && at <= now);
    if (recent.length >= this.max) {
      const oldest = Math.min(...recent);
      const minutes = Math.max(1, Math.ceil((oldest + this.windowMs - now) / 60_000));
      this.#attempts.set(source, recent);
      throw new UserError('unauthenticated', 'security.errors.sourceLimited', { minutes });
    }
    recent.push(now);
    this.#attempts.set(source, recent);
    return { source, at: now };
  }

  /** The attempt succeeded: it does not count against its source. */
  release(slot: SourceSlot): void {
    const list = this.#attempts.get(slot.source);
    if (!list) return;
    const i = list.indexOf(slot.at);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.#attempts.delete(slot.source);
  }
}
