import type { Envelope } from '../../../shared/api/errors';

/**
 * Remembers the outcome of each request id for a few minutes. A client that lost its connection mid-request
 * sends the same call again with the same id; it gets the first call's outcome instead of running it twice,
 * and a retry that arrives while the first is still running waits for it. After a server restart the cache is
 * empty: the store's own guards (receive's requestId, the dossier version) still stop a second write.
 */
export class ReplayCache {
  private readonly entries = new Map<
    string,
    { at: number; outcome: Promise<Envelope<unknown>>; bytes: number }
  >();
  private totalBytes = 0;

  constructor(
    private readonly nowMs: () => number = Date.now,
    private readonly ttlMs = 10 * 60_000,
    /** Large outcomes (PDFs, exports) are bounded in total: the oldest go first. */
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** The outcome for `key`, running `work` only if no call with this key is known. */
  run(key: string, work: () => Promise<Envelope<unknown>>): Promise<Envelope<unknown>> {
    this.expire();
    const known = this.entries.get(key);
    if (known) return known.outcome;
    const entry = { at: this.nowMs(), outcome: work(), bytes: 0 };
    this.entries.set(key, entry);
    entry.outcome.then(
      (envelope) => {
        // Only a refusal that says nothing was done may be tried afresh; the rest is the outcome to replay.
        if (!envelope.ok && (envelope.error.code === 'BUSY' || envelope.error.code === 'INTERNAL')) {
          this.drop(key, entry);
          return;
        }
        entry.bytes = envelope.ok ? JSON.stringify(envelope.data ?? null).length : 256;
        this.totalBytes += entry.bytes;
        this.expire();
      },
      () => this.drop(key, entry),
    );
    return entry.outcome;
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string, entry: { bytes: number }): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  private expire(): void {
    const oldest = this.nowMs() - this.ttlMs;
    for (const [key, entry] of this.entries) {
      // Insertion order is age order: stop at the first entry young enough and within the byte budget.
      if (entry.at >= oldest && this.totalBytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.totalBytes -= entry.bytes;
    }
  }
}
