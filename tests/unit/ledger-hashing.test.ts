import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, compareUtf8, entryContent, headsText, netstring, parseHeadsText, postingContent, ZERO_HASH_HEX } from "../../app/domain/ledger/canonical.js";
import { checkpointRootHex, requestHashHex, sha256Hex } from "../../app/domain/ledger/hashing.js";
import { parseEntryRequest } from "../../app/domain/ledger/request.js";

const transfer = (amount: string, order: "ab" | "ba" = "ab") => {
  const postings = [
    { accountCode: "member:1:hours", unit: "HOUR", amount: `-${amount}` },
    { accountCode: "member:2:hours", unit: "HOUR", amount },
  ];
  return parseEntryRequest({
    idempotencyKey: "exchange:1",
    kind: "exchange",
    memo: "Gardening",
    createdBy: "user:1",
    metadata: { b: "2", a: "1" },
    postings: order === "ab" ? postings : postings.reverse(),
  });
};

describe("canonical content", () => {
  it("frames every field by its UTF-8 byte length", () => {
    expect(netstring("abc")).toBe("3:abc,");
    expect(netstring("£")).toBe("2:£,");
    expect(netstring("☕")).toBe("3:☕,");
    expect(netstring(null)).toBe("-,");
    expect(netstring(-42n)).toBe("3:-42,");
    expect(netstring("")).toBe("0:,");
  });

  it("cannot be made ambiguous by moving text between fields", () => {
    const base = { id: 1n, idempotencyKey: "k", requestHash: "0".repeat(64), kind: "t", memo: "ab", metadata: {}, createdBy: "c", createdAtMicros: 1n, reversesEntryId: null };
    expect(entryContent(base)).not.toBe(entryContent({ ...base, kind: "ta", memo: "b" }));
    expect(entryContent({ ...base, metadata: { a: "bc" } })).not.toBe(entryContent({ ...base, metadata: { ab: "c" } }));
  });

  it("sorts by UTF-8 bytes like PostgreSQL's C collation", () => {
    expect(["b", "a", "B", "é", "z", "\u{1F600}", "\uFFFD"].sort(compareUtf8)).toEqual(["B", "a", "b", "z", "é", "\uFFFD", "\u{1F600}"]);
  });

  it("writes canonical JSON with sorted keys and no floats", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: 10n, skip: undefined })).toBe('{"a":[true,null,"x"],"b":1,"c":"10"}');
    expect(() => canonicalJson({ amount: 0.1 })).toThrow(/safe integers/);
  });

  it("describes postings including the chain link", () => {
    const content = postingContent({
      prevHashHex: ZERO_HASH_HEX, entryHashHex: "f".repeat(64), entryId: 7n, accountId: 3n, unit: "GBP",
      amountMinor: -100n, balanceAfterMinor: 900n, accountVersion: 2n,
    });
    expect(content).toBe(`potluck-posting-v1,64:${ZERO_HASH_HEX},64:${"f".repeat(64)},1:7,1:3,3:GBP,4:-100,3:900,1:2,`);
    expect(() => postingContent({ prevHashHex: "xyz", entryHashHex: "f".repeat(64), entryId: 1n, accountId: 1n, unit: "GBP", amountMinor: 1n, balanceAfterMinor: 1n, accountVersion: 1n })).toThrow();
  });
});

describe("request hash", () => {
  it("is the same for the same request in any posting order, and different for a different request", () => {
    expect(requestHashHex(transfer("1.50"))).toBe(requestHashHex(transfer("1.50", "ba")));
    expect(requestHashHex(transfer("1.50"))).not.toBe(requestHashHex(transfer("1.51")));
    expect(requestHashHex(transfer("1.50"))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("checkpoint root", () => {
  const heads = (n: number) => Array.from({ length: n }, (_, index) => ({ accountId: BigInt(index + 1), version: BigInt(index), headHashHex: sha256Hex(String(index)) }));

  it("is a Merkle root with distinct leaf and node hashing", () => {
    expect(checkpointRootHex([])).toBe(createHash("sha256").update("").digest("hex"));
    const one = heads(1);
    expect(checkpointRootHex(one)).toBe(sha256Hex("potluck-checkpoint-leaf-v1," + headsText(one)));
    const two = heads(2);
    const leaves = two.map((head) => sha256Hex("potluck-checkpoint-leaf-v1," + headsText([head])));
    expect(checkpointRootHex(two)).toBe(sha256Hex(`potluck-checkpoint-node-v1,${leaves[0]},${leaves[1]}`));
  });

  it("changes when any head changes, and refuses unsorted heads", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), (n, pick) => {
        const original = heads(n);
        const changed = original.map((head, index) => (index === pick % n ? { ...head, version: head.version + 1n } : head));
        expect(checkpointRootHex(changed)).not.toBe(checkpointRootHex(original));
      }),
    );
    expect(() => checkpointRootHex([...heads(3)].reverse())).toThrow(/sorted/);
  });

  it("stores heads as text that reads back exactly", () => {
    const original = heads(5);
    expect(parseHeadsText(headsText(original))).toEqual(original);
    expect(parseHeadsText("")).toEqual([]);
    expect(() => parseHeadsText("1 2 nothex\n")).toThrow();
  });
});
