// Random sequences of opens, posts, reversals, holds and invalid requests, run against the real
// services and against the in-memory model (app/domain/ledger/model.ts): every answer must match,
// balances must match after every sequence, and verify must pass.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDomainError } from "../../app/domain/errors.js";
import { LedgerModel, type ModelResult } from "../../app/domain/ledger/model.js";
import { getBalances, openAccount } from "../../app/services/ledger/accounts.server.js";
import type { LedgerDb } from "../../app/services/ledger/db.server.js";
import { captureHold, placeHold, releaseHold } from "../../app/services/ledger/holds.server.js";
import { postEntry, reverseEntry, type PostedEntry } from "../../app/services/ledger/post.server.js";
import { verifyLedger } from "../../app/services/ledger/verify.server.js";
import { testDatabases } from "./databases.js";
import type { Handle } from "./ledger-fixtures.js";

const RUNS = 40;
/**
 * A fixed seed by default, so CI is reproducible and the coverage check below is meaningful;
 * LEDGER_PROPERTY_SEED=random (or another number) explores new sequences.
 */
const SEED_SETTING = process.env.LEDGER_PROPERTY_SEED ?? "3";
const SEED = SEED_SETTING === "random" ? undefined : Number(SEED_SETTING);
const MAX_OPERATIONS = 30;
const ACCOUNTS = 6; // index 6 is never opened
const UNITS = ["GBP", "HOUR"] as const;
/** Accounts by unit: 0 and 1 are unbounded sources; 6 is never opened. */
const GROUPS = { GBP: [0, 2, 3], HOUR: [1, 4, 5] } as const;
const slot = (unit: "GBP" | "HOUR", index: number) => GROUPS[unit][index % 3]!;

const pence = fc.integer({ min: 1, max: 3_000 });
const money = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;

const operation = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    type: fc.constant("open" as const),
    account: fc.nat(ACCOUNTS - 1),
    unit: fc.constantFrom(...UNITS),
    min: fc.constantFrom(null, "0", "-5.00"),
    max: fc.constantFrom(null, "50.00"),
  }) },
  { weight: 6, arbitrary: fc.record({
    type: fc.constant("post" as const),
    key: fc.nat(3),
    // Mostly from the unbounded source, so value flows into the bounded accounts.
    from: fc.constantFrom(0, 0, 1, 2),
    to: fc.nat(1),
    unit: fc.constantFrom(...UNITS),
    amount: pence,
    variant: fc.constantFrom("ok", "ok", "ok", "ok", "ok", "ok", "three_way", "three_way", "unbalanced", "too_precise", "number",
      "zero", "mixed_units", "unknown_account", "wrong_unit_account"),
  }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("reverse" as const), target: fc.nat(9), key: fc.nat(3) }) },
  // A client retrying an earlier request, word for word (usually one that succeeded).
  { weight: 3, arbitrary: fc.record({ type: fc.constant("retry" as const), index: fc.nat(20), succeeded: fc.boolean() }) },
  { weight: 5, arbitrary: fc.record({ type: fc.constant("hold" as const), hold: fc.nat(1), source: fc.constantFrom(0, 0, 1, 2), unit: fc.constantFrom(...UNITS), amount: pence }) },
  { weight: 4, arbitrary: fc.record({
    type: fc.constantFrom("capture" as const, "release" as const),
    // 0-1: that hold key, placed or not; 2-3: a hold that exists, when there is one.
    hold: fc.nat(3),
    to: fc.nat(2),
    amount: fc.option(fc.integer({ min: 1, max: 1_500 }), { nil: undefined }),
    // Keys 0-3 are shared with posts and reversals (cross-kind conflicts); 4-7 are mostly fresh.
    key: fc.nat(7),
  }) },
);

/** Every sequence starts with its accounts open: two unbounded sources (one per unit), the rest with random bounds. */
const prelude = fc
  .array(fc.record({ min: fc.constantFrom(null, "0", "-5.00"), max: fc.constantFrom(null, "50.00") }), {
    minLength: ACCOUNTS - 2,
    maxLength: ACCOUNTS - 2,
  })
  .map((specs) => [
    { type: "open" as const, account: 0, unit: "GBP" as const, min: null, max: null },
    { type: "open" as const, account: 1, unit: "HOUR" as const, min: null, max: null },
    ...specs.map((spec, index) => ({ type: "open" as const, account: index + 2, ...spec, unit: index < 2 ? ("GBP" as const) : ("HOUR" as const) })),
  ]);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function outcome(work: Promise<PostedEntry | { entry: PostedEntry }>): Promise<{ result: ModelResult; entryId?: bigint }> {
  try {
    const value = await work;
    const entry = "entry" in value ? value.entry : value;
    return { result: { ok: true, outcome: entry.outcome, entryKey: "" }, entryId: entry.entryId };
  } catch (error) {
    if (isDomainError(error)) return { result: { ok: false, code: error.code } };
    throw error;
  }
}

function postInput(namespace: string, op: Extract<Operation, { type: "post" }>) {
  const account = (index: number) => `${namespace}:acct-${index}`;
  const amount = money(op.amount);
  const postings: { accountCode: string; unit: string; amount: string }[] = [
    { accountCode: account(slot(op.unit, op.from)), unit: op.unit, amount: `-${amount}` },
    { accountCode: account(slot(op.unit, op.from + 1 + op.to)), unit: op.unit, amount },
  ];
  if (op.variant === "unknown_account") postings[1]!.accountCode = account(ACCOUNTS);
  if (op.variant === "wrong_unit_account") postings[1]!.accountCode = account(slot(op.unit === "GBP" ? "HOUR" : "GBP", op.from + 1 + op.to));
  if (op.variant === "unbalanced") postings[1]!.amount = money(op.amount + 1);
  if (op.variant === "too_precise") postings[1]!.amount = `${amount}1`;
  if (op.variant === "number") (postings[1] as { amount: unknown }).amount = op.amount / 100;
  if (op.variant === "zero") postings[1]!.amount = "0.00";
  if (op.variant === "mixed_units") postings[1]!.unit = op.unit === "GBP" ? "HOUR" : "GBP";
  if (op.variant === "three_way") {
    postings[1]!.amount = money(op.amount - Math.floor(op.amount / 2));
    if (Math.floor(op.amount / 2) > 0) postings.push({ accountCode: account(slot(op.unit, op.from + 2 - op.to)), unit: op.unit, amount: money(Math.floor(op.amount / 2)) });
  }
  return { idempotencyKey: `${namespace}-k${op.key}`, kind: "transfer", memo: "Property test", createdBy: "property", postings };
}

const tally = new Map<string, number>();
function count(label: string): void {
  tally.set(label, (tally.get(label) ?? 0) + 1);
}

async function runSequence(db: LedgerDb, namespace: string, operations: Operation[]): Promise<void> {
  const model = new LedgerModel();
  const entryIds = new Map<string, bigint>();
  const created: { key: string; id: bigint }[] = [];
  const submitted: ReturnType<typeof postInput>[] = [];
  const succeeded: ReturnType<typeof postInput>[] = [];
  const account = (index: number) => `${namespace}:acct-${index}`;
  const holdKey = (index: number) => `${namespace}-h${index}`;
  for (const [step, op] of operations.entries()) {
    let expected: ModelResult;
    let actual: { result: ModelResult; entryId?: bigint };
    if (op.type === "open") {
      const spec = { code: account(op.account), unit: op.unit, name: `Account ${op.account}`, minBalance: op.min, maxBalance: op.max };
      const modelResult = model.openAccount({
        code: spec.code, unit: op.unit, name: spec.name,
        minMinor: op.min === null ? null : BigInt(Math.round(Number(op.min) * 100)),
        maxMinor: op.max === null ? null : BigInt(Math.round(Number(op.max) * 100)),
      });
      let real: { ok: true } | { ok: false; code: string };
      try {
        await openAccount(db, spec);
        real = { ok: true };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        real = { ok: false, code: error.code };
      }
      expect(real, `step ${step}: ${JSON.stringify(op)}`).toEqual(modelResult);
      continue;
    }
    if (op.type === "post" || op.type === "retry") {
      const pool = op.type === "retry" && op.succeeded && succeeded.length > 0 ? succeeded : submitted;
      const input = op.type === "post" ? postInput(namespace, op) : pool[op.index % Math.max(pool.length, 1)];
      if (input === undefined) continue;
      if (op.type === "post") submitted.push(input);
      expected = model.post(input);
      if (expected.ok && op.type === "post") succeeded.push(input);
      actual = await outcome(postEntry(db, input));
    } else if (op.type === "reverse") {
      // 9 stands for an entry that does not exist; otherwise one this sequence created.
      const target = op.target === 9 || created.length === 0 ? undefined : created[op.target % created.length];
      const entryId = target?.id ?? 999_999_999_999n;
      const key = `${namespace}-k${op.key}`;
      expected = model.reverse(target?.key, key, "property", entryId);
      actual = await outcome(reverseEntry(db, { entryId, idempotencyKey: key, createdBy: "property" }));
    } else if (op.type === "hold") {
      const source = account(slot(op.unit, op.source));
      expected = model.placeHold(holdKey(op.hold), source, op.unit, money(op.amount), "property");
      actual = await outcome(placeHold(db, { holdKey: holdKey(op.hold), sourceAccountCode: source, unit: op.unit, amount: money(op.amount), createdBy: "property" }));
    } else {
      const key = `${namespace}-k${op.key}`;
      const amount = op.amount === undefined ? undefined : money(op.amount);
      const placed = [...model.holds.keys()];
      const holdIndex = op.hold;
      const chosenHold = holdIndex >= 2 && placed.length > 0 ? placed[holdIndex % placed.length]! : holdKey(holdIndex % 2);
      const destination = account(slot(model.holds.get(chosenHold)?.unit ?? "GBP", op.to));
      expected = model.settleHold(op.type, chosenHold, key, amount, destination, "property");
      actual = await outcome(
        op.type === "capture"
          ? captureHold(db, { holdKey: chosenHold, destinationAccountCode: destination, idempotencyKey: key, createdBy: "property", ...(amount === undefined ? {} : { amount }) })
          : releaseHold(db, { holdKey: chosenHold, idempotencyKey: key, createdBy: "property", ...(amount === undefined ? {} : { amount }) }),
      );
    }
    const label = `step ${step}: ${JSON.stringify(op)}`;
    count(`${op.type} ${expected.ok ? expected.outcome : expected.code}`);
    if (!expected.ok) {
      expect(actual.result, label).toEqual(expected);
      continue;
    }
    expect(actual.result.ok && actual.result.outcome, label).toBe(expected.outcome);
    if (expected.outcome === "created") {
      expect(entryIds.has(expected.entryKey), label).toBe(false);
      entryIds.set(expected.entryKey, actual.entryId!);
      created.push({ key: expected.entryKey, id: actual.entryId! });
    } else {
      expect(actual.entryId, label).toBe(entryIds.get(expected.entryKey));
    }
  }
  const codes = [...model.accounts.keys()];
  const balances = await getBalances(db, codes);
  for (const code of codes) expect(balances.get(code)?.balanceMinor, code).toBe(model.balance(code));
}

describe.each(testDatabases)("ledger against its model on $name", (database) => {
  let handle: Handle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("answers every random sequence of requests exactly as the model does", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(prelude, fc.array(operation, { minLength: 1, maxLength: MAX_OPERATIONS }), async (opens, operations) => {
        run++;
        await runSequence(handle.db, `p${run}`, [...opens, ...operations]);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    const report = await verifyLedger(handle.db);
    expect(report.violations).toEqual([]);
    console.info(`[ledger] property outcomes on ${database.name} (seed ${SEED_SETTING}): ${[...tally].sort().map(([path, n]) => `${path}=${n}`).join(", ")}`);
    // The sequences must reach the interesting paths, not only early refusals (checked for the
    // default seed; a random seed only reports).
    const reached = (pattern: RegExp) => [...tally].filter(([path]) => pattern.test(path)).reduce((sum, [, n]) => sum + n, 0);
    for (const pattern of [/^post created$/, /^retry replayed$/, /ledger_idempotency_conflict$/, /ledger_below_minimum$/,
      /^reverse created$/, /^hold created$/, /^(capture|release) created$/, /^reverse ledger_(already_reversed|reversal_of_reversal)$/,
      /ledger_hold_exceeded$/, /ledger_unit_mismatch$/, /ledger_account_not_found$/]) {
      if (SEED_SETTING !== "random") expect(reached(pattern), String(pattern)).toBeGreaterThan(0);
    }
    tally.clear();
  });
});
