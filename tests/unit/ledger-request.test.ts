import { describe, expect, it } from "vitest";
import { DomainError } from "../../app/domain/errors.js";
import { messageFor } from "../../app/domain/messages.js";
import { parseEntryRequest, type EntryInput } from "../../app/domain/ledger/request.js";

const valid: EntryInput = {
  idempotencyKey: "exchange:42",
  kind: "exchange",
  memo: "Two hours of gardening",
  createdBy: "user:7",
  postings: [
    { accountCode: "member:1:hours", unit: "HOUR", amount: "-2.00" },
    { accountCode: "member:2:hours", unit: "HOUR", amount: "2" },
  ],
};

function refusal(input: EntryInput): DomainError {
  try {
    parseEntryRequest(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(messageFor(error as DomainError)).not.toBe("Something went wrong. Try again");
    return error as DomainError;
  }
  throw new Error("expected a refusal");
}

describe("parseEntryRequest", () => {
  it("normalises a valid request to minor units", () => {
    const request = parseEntryRequest(valid);
    expect(request.postings).toEqual([
      { accountCode: "member:1:hours", unit: "HOUR", amountMinor: -200n },
      { accountCode: "member:2:hours", unit: "HOUR", amountMinor: 200n },
    ]);
    expect(request.metadata).toEqual({});
    expect(request.reversesEntryId).toBeNull();
  });

  it("requires the amounts in each unit to add up to zero", () => {
    const error = refusal({ ...valid, postings: [valid.postings[0]!, { ...valid.postings[1]!, amount: "1.99" }] });
    expect(error.code).toBe("ledger_unbalanced");
    expect(messageFor(error)).toBe("The amounts in HOUR must add up to zero (they are off by -0.01)");
    expect(refusal({ ...valid, postings: [valid.postings[0]!, { accountCode: "pot", unit: "GBP", amount: "2.00" }] }).code).toBe("ledger_unbalanced");
  });

  it("requires between 2 and 100 postings, each account once", () => {
    expect(refusal({ ...valid, postings: [valid.postings[0]!] }).code).toBe("ledger_posting_count");
    const many = Array.from({ length: 101 }, (_, index) => ({ accountCode: `a:${index}`, unit: "GBP", amount: index === 0 ? "-1.00" : "0.01" }));
    expect(refusal({ ...valid, postings: many }).code).toBe("ledger_posting_count");
    expect(refusal({ ...valid, postings: [valid.postings[0]!, { ...valid.postings[0]!, amount: "2.00" }] }).code).toBe("ledger_account_repeated");
  });

  it("checks every text field against its limit and names the field", () => {
    expect(refusal({ ...valid, idempotencyKey: "" }).code).toBe("ledger_idempotency_key_invalid");
    expect(refusal({ ...valid, idempotencyKey: "has space" }).code).toBe("ledger_idempotency_key_invalid");
    expect(refusal({ ...valid, idempotencyKey: "k".repeat(201) }).code).toBe("ledger_idempotency_key_invalid");
    expect(refusal({ ...valid, kind: "Exchange" }).code).toBe("ledger_kind_invalid");
    expect(refusal({ ...valid, memo: "x".repeat(501) }).field).toBe("memo");
    expect(refusal({ ...valid, memo: "two\nlines" }).code).toBe("ledger_memo_invalid");
    expect(refusal({ ...valid, createdBy: "" }).code).toBe("ledger_created_by_invalid");
    expect(refusal({ ...valid, metadata: { "Bad Key": "x" } }).code).toBe("ledger_metadata_invalid");
    expect(refusal({ ...valid, metadata: { count: 3 as unknown as string } }).code).toBe("ledger_metadata_invalid");
    const wide = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`k${index}`, "v"]));
    expect(refusal({ ...valid, metadata: wide }).code).toBe("ledger_metadata_invalid");
    const badAccount = refusal({ ...valid, postings: [valid.postings[0]!, { ...valid.postings[1]!, accountCode: "Member 2" }] });
    expect(badAccount.code).toBe("ledger_account_code_invalid");
    expect(badAccount.field).toBe("postings.1.accountCode");
    expect(refusal({ ...valid, postings: [valid.postings[0]!, { ...valid.postings[1]!, unit: "EUR" }] }).code).toBe("ledger_unit_unknown");
    expect(refusal({ ...valid, postings: [valid.postings[0]!, { ...valid.postings[1]!, amount: 2 as unknown as string }] }).field).toBe("postings.1.amount");
  });
});
