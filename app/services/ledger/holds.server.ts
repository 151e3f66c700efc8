// Holds (commitments) are escrow accounts, not flags: placing a hold moves the amount from the
// source into an escrow account of its own, whose balance is what is still held. Capture moves
// from escrow to a destination, release moves it back. The escrow's bounds (0 to the amount)
// mean the database itself refuses capturing or releasing more than was held.
import type { Decimal } from "decimal.js";
import { DomainError, assert, isDomainError } from "../../domain/errors.js";
import { formatMinor, parseAmountMinor, toBigInt } from "../../domain/ledger/amount.js";
import { checkAccountCode, checkCreatedBy, checkMemo, checkUnit } from "../../domain/ledger/request.js";
import type { UnitCode } from "../../domain/ledger/units.js";
import { t } from "../../i18n/translate.js";
import { openAccount, requireAccount } from "./accounts.server.js";
import { inTransaction, type LedgerDb } from "./db.server.js";
import { getEntryByIdempotencyKey, postEntry, type PostedEntry } from "./post.server.js";

const HOLD_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,79}$/;

export interface Hold {
  holdKey: string;
  sourceAccountCode: string;
  escrowAccountCode: string;
  unit: UnitCode;
  amountMinor: bigint;
  /** Still held: the escrow account's balance. */
  heldMinor: bigint;
}

function checkHoldKey(holdKey: unknown): string {
  if (typeof holdKey !== "string" || !HOLD_KEY_PATTERN.test(holdKey)) {
    throw new DomainError("ledger_hold_key_invalid", { field: "holdKey" });
  }
  return holdKey;
}

export function escrowAccountCode(holdKey: string): string {
  return `hold:${checkHoldKey(holdKey)}`;
}

export async function getHold(db: LedgerDb, holdKey: string): Promise<Hold | undefined> {
  const row = await db
    .selectFrom("ledger_hold as h")
    .innerJoin("ledger_account as s", "s.id", "h.source_account_id")
    .innerJoin("ledger_account as e", "e.id", "h.escrow_account_id")
    .select(["h.hold_key", "h.amount_minor", "s.code as source_code", "e.code as escrow_code", "e.unit", "e.balance_minor"])
    .where("h.hold_key", "=", checkHoldKey(holdKey))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    holdKey: row.hold_key,
    sourceAccountCode: row.source_code,
    escrowAccountCode: row.escrow_code,
    unit: checkUnit(row.unit),
    amountMinor: toBigInt(row.amount_minor),
    heldMinor: toBigInt(row.balance_minor),
  };
}

async function requireHold(db: LedgerDb, holdKey: string): Promise<Hold> {
  const hold = await getHold(db, holdKey);
  if (!hold) throw new DomainError("ledger_hold_not_found", { values: { holdKey }, status: 404 });
  return hold;
}

export interface PlaceHoldInput {
  holdKey: string;
  sourceAccountCode: string;
  unit: string;
  amount: string | Decimal;
  memo?: string;
  createdBy: string;
}

/** Places a hold; placing the same hold again returns it unchanged. */
export async function placeHold(db: LedgerDb, input: PlaceHoldInput): Promise<{ hold: Hold; entry: PostedEntry }> {
  const holdKey = checkHoldKey(input.holdKey);
  const sourceCode = checkAccountCode(input.sourceAccountCode, "sourceAccountCode");
  const unit = checkUnit(input.unit);
  const amountMinor = parseAmountMinor(input.amount, unit, { field: "amount" });
  const memo = checkMemo(input.memo ?? t("ledger.memo.hold", { holdKey }));
  const createdBy = checkCreatedBy(input.createdBy);
  return inTransaction(db, async (trx) => {
    const source = await requireAccount(trx, sourceCode);
    if (source.unit !== unit) throw new DomainError("ledger_unit_mismatch", { values: { accountCode: sourceCode }, status: 422 });
    const escrow = await openAccount(trx, {
      code: escrowAccountCode(holdKey),
      unit,
      name: t("ledger.account.heldFrom", { source: sourceCode }).slice(0, 200),
      ownerType: "hold",
      ownerId: holdKey,
      minBalance: "0",
      maxBalance: formatMinor(amountMinor, unit),
    }).catch((error: unknown) => {
      if (isDomainError(error) && error.code === "ledger_account_exists") {
        throw new DomainError("ledger_hold_exists", { values: { holdKey }, status: 409 });
      }
      throw error;
    });
    const inserted = await trx
      .insertInto("ledger_hold")
      .values({ hold_key: holdKey, source_account_id: source.id, escrow_account_id: escrow.id, amount_minor: amountMinor })
      .onConflict((conflict) => conflict.column("hold_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const existing = await requireHold(trx, holdKey);
      if (existing.sourceAccountCode !== sourceCode || existing.amountMinor !== amountMinor) {
        throw new DomainError("ledger_hold_exists", { values: { holdKey }, status: 409 });
      }
    }
    const entry = await postEntry(trx, {
      idempotencyKey: `hold:${holdKey}`,
      kind: "hold",
      memo,
      metadata: { hold: holdKey },
      createdBy,
      postings: [
        { accountCode: sourceCode, unit, amount: formatMinor(-amountMinor, unit) },
        { accountCode: escrow.code, unit, amount: formatMinor(amountMinor, unit) },
      ],
    });
    return { hold: await requireHold(trx, holdKey), entry };
  });
}

export interface SettleHoldInput {
  holdKey: string;
  idempotencyKey: string;
  /** Amount to move; release without an amount releases everything still held. */
  amount?: string | Decimal;
  memo?: string;
  createdBy: string;
}

function translateOverdraw(error: unknown, hold: Hold): never {
  if (isDomainError(error) && error.code === "ledger_below_minimum" && error.values.accountCode === hold.escrowAccountCode) {
    throw new DomainError("ledger_hold_exceeded", {
      values: { holdKey: hold.holdKey, held: formatMinor(hold.heldMinor, hold.unit), unit: hold.unit },
      field: "amount",
      status: 422,
    });
  }
  throw error;
}

/** Moves held value to the destination (for example a project account or a partner). */
export async function captureHold(
  db: LedgerDb,
  input: SettleHoldInput & { destinationAccountCode: string },
): Promise<PostedEntry> {
  const hold = await requireHold(db, input.holdKey);
  const destination = checkAccountCode(input.destinationAccountCode, "destinationAccountCode");
  if (input.amount === undefined) throw new DomainError("ledger_amount_missing", { values: { unit: hold.unit }, field: "amount" });
  const amountMinor = parseAmountMinor(input.amount, hold.unit, { field: "amount" });
  return postEntry(db, {
    idempotencyKey: input.idempotencyKey,
    kind: "hold_capture",
    memo: input.memo ?? t("ledger.memo.capture", { holdKey: hold.holdKey }),
    metadata: { hold: hold.holdKey },
    createdBy: input.createdBy,
    postings: [
      { accountCode: hold.escrowAccountCode, unit: hold.unit, amount: formatMinor(-amountMinor, hold.unit) },
      { accountCode: destination, unit: hold.unit, amount: formatMinor(amountMinor, hold.unit) },
    ],
  }).catch((error: unknown) => translateOverdraw(error, hold));
}

/** Returns held value to the source account. */
export async function releaseHold(db: LedgerDb, input: SettleHoldInput): Promise<PostedEntry> {
  const hold = await requireHold(db, input.holdKey);
  let amountMinor: bigint;
  if (input.amount === undefined) {
    if (hold.heldMinor === 0n) {
      // "Release the rest" asked again after it succeeded: answer with the original entry.
      const previous = await getEntryByIdempotencyKey(db, input.idempotencyKey);
      if (previous && previous.kind === "hold_release" && previous.metadata.hold === hold.holdKey) {
        return {
          entryId: previous.entryId,
          outcome: "replayed",
          hashHex: previous.hashHex,
          createdAt: previous.createdAt,
          postings: previous.postings.map(({ accountName: _name, ...posting }) => posting),
        };
      }
      throw new DomainError("ledger_hold_settled", { values: { holdKey: hold.holdKey }, status: 409 });
    }
    amountMinor = hold.heldMinor;
  } else {
    amountMinor = parseAmountMinor(input.amount, hold.unit, { field: "amount" });
  }
  assert(amountMinor > 0n, "a release moves a positive amount");
  return postEntry(db, {
    idempotencyKey: input.idempotencyKey,
    kind: "hold_release",
    memo: input.memo ?? t("ledger.memo.release", { holdKey: hold.holdKey }),
    metadata: { hold: hold.holdKey },
    createdBy: input.createdBy,
    postings: [
      { accountCode: hold.escrowAccountCode, unit: hold.unit, amount: formatMinor(-amountMinor, hold.unit) },
      { accountCode: hold.sourceAccountCode, unit: hold.unit, amount: formatMinor(amountMinor, hold.unit) },
    ],
  }).catch((error: unknown) => translateOverdraw(error, hold));
}
