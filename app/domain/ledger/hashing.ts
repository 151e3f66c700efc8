// SHA-256 over the canonical texts. Server-only (node:crypto): routes must not import this file.
import { createHash } from "node:crypto";
import { assert } from "../errors.js";
import {
  canonicalJson,
  entryContent,
  headsText,
  postingContent,
  type AccountHead,
  type EntryContent,
  type PostingContent,
} from "./canonical.js";
import type { EntryRequest } from "./request.js";

export function sha256Hex(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

export function entryHashHex(entry: EntryContent): string {
  return sha256Hex(entryContent(entry));
}

export function postingHashHex(posting: PostingContent): string {
  return sha256Hex(postingContent(posting));
}

/**
 * The idempotency fingerprint of a request: what was asked, not when. Postings are sorted by
 * account code so the same transfer written in another order is the same request.
 */
export function requestHashHex(request: EntryRequest): string {
  const postings = [...request.postings]
    .sort((a, b) => (a.accountCode < b.accountCode ? -1 : a.accountCode > b.accountCode ? 1 : 0))
    .map((posting) => ({ account: posting.accountCode, unit: posting.unit, amountMinor: posting.amountMinor }));
  return sha256Hex(
    canonicalJson({
      v: 1,
      kind: request.kind,
      memo: request.memo,
      metadata: request.metadata,
      createdBy: request.createdBy,
      reversesEntryId: request.reversesEntryId,
      postings,
    }),
  );
}

const LEAF_PREFIX = "potluck-checkpoint-leaf-v1,";
const NODE_PREFIX = "potluck-checkpoint-node-v1,";

/**
 * Merkle root over account heads (sorted by account id). Leaves and inner nodes are hashed with
 * different prefixes so a node can never pass for a leaf. An odd node is carried up unchanged.
 * The root of no accounts is the hash of the empty string.
 */
export function checkpointRootHex(heads: AccountHead[]): string {
  for (let index = 1; index < heads.length; index++) {
    assert(heads[index - 1]!.accountId < heads[index]!.accountId, "checkpoint heads sorted by account id, no repeats");
  }
  if (heads.length === 0) return sha256Hex("");
  let level = heads.map((head) => sha256Hex(LEAF_PREFIX + headsText([head])));
  while (level.length > 1) {
    const next: string[] = [];
    for (let index = 0; index < level.length; index += 2) {
      const left = level[index]!;
      const right = level[index + 1];
      next.push(right === undefined ? left : sha256Hex(`${NODE_PREFIX}${left},${right}`));
    }
    level = next;
  }
  return level[0]!;
}
