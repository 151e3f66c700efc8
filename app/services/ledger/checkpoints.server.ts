// Checkpoints publish where every account's hash chain stood, and a Merkle root over those
// heads. The heads come from one statement (one snapshot), so writers are never blocked, and
// anyone holding the heads can recompute the root and check it against postings later.
import { sql } from "kysely";
import { DomainError, assert } from "../../domain/errors.js";
import { toBigInt } from "../../domain/ledger/amount.js";
import { headsText, type AccountHead } from "../../domain/ledger/canonical.js";
import { checkpointRootHex } from "../../domain/ledger/hashing.js";
import { MAX_ACCOUNTS_PER_CHECKPOINT } from "../../domain/ledger/limits.js";
import { isUniqueViolation } from "../db-errors.js";
import { hexOf, inTransaction, type LedgerDb } from "./db.server.js";

export interface Checkpoint {
  id: bigint;
  previousCheckpointId: bigint | null;
  createdAt: Date;
  accountCount: number;
  postingCount: bigint;
  rootHashHex: string;
}

export async function readAccountHeads(db: LedgerDb): Promise<AccountHead[]> {
  const result = await sql<{ id: unknown; version: unknown; head: string }>`
    select id, version, encode(head_hash, 'hex') as head from ledger_account order by id
    limit ${MAX_ACCOUNTS_PER_CHECKPOINT + 1}`.execute(db);
  if (result.rows.length > MAX_ACCOUNTS_PER_CHECKPOINT) {
    throw new Error(`a checkpoint covers at most ${MAX_ACCOUNTS_PER_CHECKPOINT} accounts`);
  }
  return result.rows.map((row) => ({ accountId: toBigInt(row.id), version: toBigInt(row.version), headHashHex: row.head }));
}

export async function createCheckpoint(db: LedgerDb): Promise<Checkpoint> {
  try {
    return await inTransaction(db, async (trx) => {
      const previous = await trx.selectFrom("ledger_checkpoint").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
      const heads = await readAccountHeads(trx);
      const rootHashHex = checkpointRootHex(heads);
      const postingCount = heads.reduce((sum, head) => sum + head.version, 0n);
      const row = await trx
        .insertInto("ledger_checkpoint")
        .values({
          previous_checkpoint_id: previous ? toBigInt(previous.id) : null,
          account_count: heads.length,
          posting_count: postingCount,
          heads: headsText(heads),
          root_hash: Buffer.from(rootHashHex, "hex"),
        })
        .returning(["id", "previous_checkpoint_id", "created_at", "account_count", "posting_count", "root_hash"])
        .executeTakeFirstOrThrow();
      assert(hexOf(row.root_hash) === rootHashHex, "stored root is the computed root");
      return {
        id: toBigInt(row.id),
        previousCheckpointId: row.previous_checkpoint_id === null ? null : toBigInt(row.previous_checkpoint_id),
        createdAt: row.created_at,
        accountCount: row.account_count,
        postingCount: toBigInt(row.posting_count),
        rootHashHex,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("ledger_checkpoint_busy", { status: 409 });
    throw error;
  }
}

export async function latestCheckpoint(db: LedgerDb): Promise<Checkpoint | undefined> {
  const row = await db
    .selectFrom("ledger_checkpoint")
    .select(["id", "previous_checkpoint_id", "created_at", "account_count", "posting_count", "root_hash"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: toBigInt(row.id),
    previousCheckpointId: row.previous_checkpoint_id === null ? null : toBigInt(row.previous_checkpoint_id),
    createdAt: row.created_at,
    accountCount: row.account_count,
    postingCount: toBigInt(row.posting_count),
    rootHashHex: hexOf(row.root_hash),
  };
}
