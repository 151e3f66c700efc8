// A small in-memory ledger with the same rules as the database, used by property tests to
// predict what the real ledger must answer to any sequence of requests. It favours being
// obviously right over being fast: no indexes, no hashing beyond the request hash.
import { DomainError, isDomainError } from "../errors.js";
import { t } from "../../i18n/translate.js";
import { formatMinor, parseAmountMinor } from "./amount.js";
import { requestHashHex } from "./hashing.js";
import { MAX_BALANCE_MINOR } from "./limits.js";
import { parseEntryRequest, type EntryInput, type EntryRequest } from "./request.js";
import type { UnitCode } from "./units.js";

export interface ModelAccount {
  code: string;
  unit: UnitCode;
  name: string;
  minMinor: bigint | null;
  maxMinor: bigint | null;
  balanceMinor: bigint;
}

export interface ModelEntry {
  key: string;
  requestHash: string;
  kind: string;
  metadata: Record<string, string>;
  reversesKey: string | null;
  reversedByKey: string | null;
  postings: { accountCode: string; unit: UnitCode; amountMinor: bigint }[];
}

export type ModelResult =
  | { ok: true; outcome: "created" | "replayed"; entryKey: string }
  | { ok: false; code: string };

interface ModelHold {
  source: string;
  escrow: string;
  unit: UnitCode;
  amountMinor: bigint;
}

function failure(error: unknown): { ok: false; code: string } {
  if (isDomainError(error)) return { ok: false, code: error.code };
  throw error;
}

export class LedgerModel {
  /** In opening order, which is also id order in the database. */
  readonly accounts = new Map<string, ModelAccount>();
  readonly entries = new Map<string, ModelEntry>();
  readonly holds = new Map<string, ModelHold>();

  balance(code: string): bigint | undefined {
    return this.accounts.get(code)?.balanceMinor;
  }

  openAccount(spec: Omit<ModelAccount, "balanceMinor">): { ok: true } | { ok: false; code: string } {
    const existing = this.accounts.get(spec.code);
    if (existing) {
      const same = existing.unit === spec.unit && existing.name === spec.name && existing.minMinor === spec.minMinor && existing.maxMinor === spec.maxMinor;
      return same ? { ok: true } : { ok: false, code: "ledger_account_exists" };
    }
    this.accounts.set(spec.code, { ...spec, balanceMinor: 0n });
    return { ok: true };
  }

  post(input: EntryInput, reversesKey: string | null = null): ModelResult {
    let request: EntryRequest;
    try {
      request = parseEntryRequest(input);
    } catch (error) {
      return failure(error);
    }
    return this.apply(request, reversesKey);
  }

  /**
   * The database's order of checks: the accounts exist, then the idempotency key (replay or
   * conflict), then each account in opening (id) order: its unit, then its bounds.
   */
  private apply(request: EntryRequest, reversesKey: string | null): ModelResult {
    for (const posting of request.postings) {
      if (!this.accounts.has(posting.accountCode)) return { ok: false, code: "ledger_account_not_found" };
    }
    const requestHash = requestHashHex(request);
    const existing = this.entries.get(request.idempotencyKey);
    if (existing) {
      return existing.requestHash === requestHash
        ? { ok: true, outcome: "replayed", entryKey: existing.key }
        : { ok: false, code: "ledger_idempotency_conflict" };
    }
    if (reversesKey !== null && this.entries.get(reversesKey)!.reversedByKey !== null) {
      return { ok: false, code: "ledger_already_reversed" };
    }
    const order = [...this.accounts.keys()];
    const sorted = [...request.postings].sort((a, b) => order.indexOf(a.accountCode) - order.indexOf(b.accountCode));
    for (const posting of sorted) {
      const account = this.accounts.get(posting.accountCode)!;
      if (account.unit !== posting.unit) return { ok: false, code: "ledger_unit_mismatch" };
      const after = account.balanceMinor + posting.amountMinor;
      if (account.minMinor !== null && after < account.minMinor) return { ok: false, code: "ledger_below_minimum" };
      if (account.maxMinor !== null && after > account.maxMinor) return { ok: false, code: "ledger_above_maximum" };
      if (after > MAX_BALANCE_MINOR || after < -MAX_BALANCE_MINOR) return { ok: false, code: "ledger_balance_limit" };
    }
    for (const posting of request.postings) this.accounts.get(posting.accountCode)!.balanceMinor += posting.amountMinor;
    this.entries.set(request.idempotencyKey, {
      key: request.idempotencyKey,
      requestHash,
      kind: request.kind,
      metadata: request.metadata,
      reversesKey,
      reversedByKey: null,
      postings: request.postings,
    });
    if (reversesKey !== null) this.entries.get(reversesKey)!.reversedByKey = request.idempotencyKey;
    return { ok: true, outcome: "created", entryKey: request.idempotencyKey };
  }

  /** originalKey undefined = an entry that does not exist. */
  reverse(originalKey: string | undefined, idempotencyKey: string, createdBy: string, reversesEntryId: bigint): ModelResult {
    const original = originalKey === undefined ? undefined : this.entries.get(originalKey);
    if (!original) return { ok: false, code: "ledger_entry_not_found" };
    if (original.reversesKey !== null) return { ok: false, code: "ledger_reversal_of_reversal" };
    return this.post(
      {
        idempotencyKey,
        kind: "reversal",
        memo: t("ledger.memo.reversal", { entryId: String(reversesEntryId) }),
        createdBy,
        reversesEntryId,
        postings: original.postings.map((posting) => ({
          accountCode: posting.accountCode,
          unit: posting.unit,
          amount: formatMinor(-posting.amountMinor, posting.unit),
        })),
      },
      original.key,
    );
  }

  placeHold(holdKey: string, source: string, unit: UnitCode, amount: string, createdBy: string): ModelResult {
    let amountMinor: bigint;
    try {
      amountMinor = parseAmountMinor(amount, unit, { field: "amount" });
    } catch (error) {
      return failure(error);
    }
    const sourceAccount = this.accounts.get(source);
    if (!sourceAccount) return { ok: false, code: "ledger_account_not_found" };
    if (sourceAccount.unit !== unit) return { ok: false, code: "ledger_unit_mismatch" };
    const escrow = `hold:${holdKey}`;
    const held = this.holds.get(holdKey);
    if (held && (held.source !== source || held.amountMinor !== amountMinor)) return { ok: false, code: "ledger_hold_exists" };
    const escrowAccount = this.accounts.get(escrow);
    if (escrowAccount && (escrowAccount.unit !== unit || escrowAccount.maxMinor !== amountMinor || escrowAccount.name !== t("ledger.account.heldFrom", { source }))) {
      return { ok: false, code: "ledger_hold_exists" };
    }
    // One transaction in the database: on failure neither the escrow account nor the hold exists.
    const openedEscrow = !escrowAccount;
    if (openedEscrow) this.accounts.set(escrow, { code: escrow, unit, name: t("ledger.account.heldFrom", { source }), minMinor: 0n, maxMinor: amountMinor, balanceMinor: 0n });
    const result = this.post({
      idempotencyKey: `hold:${holdKey}`,
      kind: "hold",
      memo: t("ledger.memo.hold", { holdKey }),
      metadata: { hold: holdKey },
      createdBy,
      postings: [
        { accountCode: source, unit, amount: formatMinor(-amountMinor, unit) },
        { accountCode: escrow, unit, amount: formatMinor(amountMinor, unit) },
      ],
    });
    if (!result.ok) {
      if (openedEscrow) this.accounts.delete(escrow);
      return result;
    }
    this.holds.set(holdKey, { source, escrow, unit, amountMinor });
    return result;
  }

  settleHold(
    mode: "capture" | "release",
    holdKey: string,
    idempotencyKey: string,
    amount: string | undefined,
    destination: string | undefined,
    createdBy: string,
  ): ModelResult {
    const hold = this.holds.get(holdKey);
    if (!hold) return { ok: false, code: "ledger_hold_not_found" };
    const heldMinor = this.accounts.get(hold.escrow)!.balanceMinor;
    let amountMinor: bigint;
    try {
      if (amount === undefined) {
        if (mode === "capture") throw new DomainError("ledger_amount_missing");
        if (heldMinor === 0n) {
          const previous = this.entries.get(idempotencyKey);
          if (previous && previous.kind === "hold_release" && previous.metadata.hold === holdKey) {
            return { ok: true, outcome: "replayed", entryKey: previous.key };
          }
          return { ok: false, code: "ledger_hold_settled" };
        }
        amountMinor = heldMinor;
      } else {
        amountMinor = parseAmountMinor(amount, hold.unit, { field: "amount" });
      }
    } catch (error) {
      return failure(error);
    }
    const other = mode === "capture" ? destination! : hold.source;
    const result = this.post({
      idempotencyKey,
      kind: mode === "capture" ? "hold_capture" : "hold_release",
      memo: t(mode === "capture" ? "ledger.memo.capture" : "ledger.memo.release", { holdKey }),
      metadata: { hold: holdKey },
      createdBy,
      postings: [
        { accountCode: hold.escrow, unit: hold.unit, amount: formatMinor(-amountMinor, hold.unit) },
        { accountCode: other, unit: hold.unit, amount: formatMinor(amountMinor, hold.unit) },
      ],
    });
    // Only the escrow account can fall below its minimum here (the other side receives), and the
    // service reports that as holding too little.
    if (!result.ok && result.code === "ledger_below_minimum") return { ok: false, code: "ledger_hold_exceeded" };
    return result;
  }
}
