// Posting many entries in one round trip and one transaction. Each entry keeps its own
// idempotency key and its own answer; the batch shares one lock acquisition and one commit,
// which is what lets a shared pot (every entry touching one account) go faster than one
// commit per entry. See docs/decisions/004-double-entry-ledger.md.
import { sql } from "kysely";
import { DomainError, assert } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { requestHashHex } from "../../domain/ledger/hashing.js";
import { parseEntryRequest, type EntryInput } from "../../domain/ledger/request.js";
import { withLedgerErrors, type LedgerDb } from "./db.server.js";
import { postedFromRows, type PostEntryRow, type PostedEntry } from "./post.server.js";

export const MAX_ENTRIES_PER_BATCH = 1_000;

/**
 * Posts every entry or none: a refusal of any entry (for example insufficient funds) throws
 * and nothing is written. An idempotency conflict is answered per entry, as a DomainError in
 * that entry's place, and does not stop the others.
 */
export async function postEntries(db: LedgerDb, inputs: EntryInput[]): Promise<(PostedEntry | DomainError)[]> {
  assert(inputs.length >= 1 && inputs.length <= MAX_ENTRIES_PER_BATCH, `a batch holds 1 to ${MAX_ENTRIES_PER_BATCH} entries`);
  const requests = inputs.map(parseEntryRequest);
  const keys = new Set(requests.map((request) => request.idempotencyKey));
  assert(keys.size === requests.length, "each entry in a batch has its own idempotency key");
  const payload = requests.map((request) => ({
    idempotencyKey: request.idempotencyKey,
    requestHash: requestHashHex(request),
    kind: request.kind,
    memo: request.memo,
    metadata: request.metadata,
    createdBy: request.createdBy,
    reversesEntryId: request.reversesEntryId === null ? null : request.reversesEntryId.toString(),
    accountCodes: request.postings.map((posting) => posting.accountCode),
    units: request.postings.map((posting) => posting.unit),
    amountsMinor: request.postings.map((posting) => posting.amountMinor.toString()),
  }));
  const result = await withLedgerErrors(() =>
    sql<PostEntryRow & { batch_index: number }>`select * from ledger_post_entries(${JSON.stringify(payload)}::jsonb)`.execute(db),
  );
  const rowsByIndex = new Map<number, PostEntryRow[]>();
  for (const row of result.rows) {
    const rows = rowsByIndex.get(row.batch_index) ?? [];
    rows.push(row);
    rowsByIndex.set(row.batch_index, rows);
  }
  return requests.map((request, index) => {
    const rows = rowsByIndex.get(index);
    assert(rows !== undefined && rows.length > 0, "every entry in a batch is answered");
    if (rows[0]!.outcome === "conflict") {
      return new DomainError("ledger_idempotency_conflict", {
        values: { idempotencyKey: request.idempotencyKey, entryId: toBigInt(rows[0]!.entry_id) },
        status: 409,
      });
    }
    const posted = postedFromRows(rows);
    assert(posted.postings.length === request.postings.length, "one posting per posting asked");
    return posted;
  });
}
