// Coalesces concurrent postings into shared transactions. Every caller still gets its own
// answer (its entry, or the error for its entry alone); what they share is one round trip, one
// lock acquisition in ascending account order and one commit. That is what lets many postings
// to one hot account (a round's pot, a community pot) go faster than one commit each: the hot
// row's lock is held once per batch instead of once per entry. See decision 015.
import { DomainError, assert } from "../../domain/errors.js";
import type { EntryInput } from "../../domain/ledger/request.js";
import { postEntries, MAX_ENTRIES_PER_BATCH } from "./batch.server.js";
import type { LedgerDb } from "./db.server.js";
import { postEntry, type PostedEntry } from "./post.server.js";

export interface PostingBatcherOptions {
  /** Most entries in one transaction. */
  maxBatchEntries: number;
  /** Most entries waiting; beyond it a posting is refused at once (ledger_busy), never queued without end. */
  maxQueuedEntries: number;
  /** Transactions in flight at once (each holds one connection). */
  drainers: number;
}

export const DEFAULT_BATCHER_OPTIONS: PostingBatcherOptions = { maxBatchEntries: 64, maxQueuedEntries: 10_000, drainers: 2 };

interface Pending {
  input: EntryInput;
  resolve: (posted: PostedEntry) => void;
  reject: (error: unknown) => void;
}

export interface BatcherStats {
  /** Transactions that posted a whole batch. */
  batches: number;
  /** Entries answered from a whole batch. */
  batchedEntries: number;
  /** Entries posted one by one after their batch was refused as a whole. */
  singlyPostedEntries: number;
}

export class PostingBatcher {
  private readonly queue: Pending[] = [];
  private readonly options: PostingBatcherOptions;
  private readonly running: Promise<void>[] = [];
  private readonly sleeping: (() => void)[] = [];
  private closed = false;
  readonly stats: BatcherStats = { batches: 0, batchedEntries: 0, singlyPostedEntries: 0 };

  constructor(private readonly db: LedgerDb, options: Partial<PostingBatcherOptions> = {}) {
    this.options = { ...DEFAULT_BATCHER_OPTIONS, ...options };
    const { maxBatchEntries, maxQueuedEntries, drainers } = this.options;
    assert(Number.isInteger(maxBatchEntries) && maxBatchEntries >= 1 && maxBatchEntries <= MAX_ENTRIES_PER_BATCH, "maxBatchEntries within the ledger's batch limit");
    assert(Number.isInteger(maxQueuedEntries) && maxQueuedEntries >= maxBatchEntries, "maxQueuedEntries holds at least one batch");
    assert(Number.isInteger(drainers) && drainers >= 1 && drainers <= 16, "1 to 16 drainers");
    for (let i = 0; i < drainers; i++) this.running.push(this.drain());
  }

  /** Posts one entry, sharing a transaction with whatever else is waiting. Same answers as postEntry. */
  post(input: EntryInput): Promise<PostedEntry> {
    if (this.closed) return Promise.reject(new Error("Invariant failed: the posting batcher is closed"));
    if (this.queue.length >= this.options.maxQueuedEntries) {
      return Promise.reject(new DomainError("ledger_busy", { status: 503, values: { maximum: this.options.maxQueuedEntries } }));
    }
    return new Promise<PostedEntry>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.sleeping.shift()?.();
    });
  }

  /** Answers everything already waiting, then stops. */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.sleeping.splice(0)) wake();
    await Promise.all(this.running);
  }

  /** The next batch: waiting entries in arrival order, at most one per idempotency key. */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    for (let index = 0; index < this.queue.length && batch.length < this.options.maxBatchEntries; ) {
      const item = this.queue[index]!;
      if (keys.has(item.input.idempotencyKey)) {
        index++; // the same key again waits for the next batch, which answers it as a replay
        continue;
      }
      keys.add(item.input.idempotencyKey);
      batch.push(item);
      this.queue.splice(index, 1);
    }
    return batch;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.queue.length === 0) {
        if (this.closed) return;
        await new Promise<void>((resolve) => this.sleeping.push(resolve));
        continue;
      }
      const batch = this.takeBatch();
      if (this.queue.length > 0) this.sleeping.shift()?.(); // more waiting: another drainer can start a batch
      assert(batch.length > 0, "a waiting entry always starts a batch");
      let answers: (PostedEntry | DomainError)[];
      try {
        answers = await postEntries(this.db, batch.map((item) => item.input));
      } catch {
        // One entry refused (funds, bounds, bad input) or the transaction failed: nothing of the
        // batch was written, so each entry is posted on its own and gets its own answer.
        await this.postSingly(batch);
        continue;
      }
      this.stats.batches++;
      this.stats.batchedEntries += batch.length;
      answers.forEach((answer, index) => (answer instanceof DomainError ? batch[index]!.reject(answer) : batch[index]!.resolve(answer)));
    }
  }

  private async postSingly(batch: Pending[]): Promise<void> {
    for (const item of batch) {
      this.stats.singlyPostedEntries++;
      try {
        item.resolve(await postEntry(this.db, item.input));
      } catch (error) {
        item.reject(error);
      }
    }
  }
}
