/** A serialized envelope as it goes on the wire, with whether it may be replayed. */
export interface Reply {
  json: string;
  /** False for a refusal that says nothing was done (BUSY, INTERNAL): a retry should run afresh. */
  isFinal: boolean;
}

/**
 * Remembers the reply to each request id for a few minutes. A client that lost its connection mid-request
 * sends the same call again with the same id; it gets the first call's reply instead of running it twice,
 * and a retry that arrives while the first is still running waits for it. Replies are kept serialized (the
 * bytes already sent), bounded in total; after a server restart the cache is empty and the store's own guards
 * (receive's requestId, the dossier version) still stop a second write.
 */
export class ReplayCache {
  private readonly entries = new Map<string, { at: number; reply: Promise<Reply>; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly nowMs: () => number = Date.now,
    /** Clients retry for a minute at most; two minutes covers a retry that waited for its first attempt. */
    private readonly ttlMs = 2 * 60_000,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  /** The reply for `key`, running `work` only if no call with this key is known. */
  run(key: string, work: () => Promise<Reply>): Promise<Reply> {
    this.expire();
    const known = this.entries.get(key);
    if (known) return known.reply;
    const entry = { at: this.nowMs(), reply: work(), bytes: 0 };
    this.entries.set(key, entry);
    entry.reply.then(
      (reply) => {
        if (!reply.isFinal) return this.drop(key, entry);
        entry.bytes = reply.json.length;
        this.totalBytes += entry.bytes;
        this.expire();
      },
      () => this.drop(key, entry),
    );
    return entry.reply;
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
