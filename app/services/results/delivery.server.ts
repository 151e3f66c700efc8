// Delivery of funded projects: status updates, spending and budget increases. Money moves only
// as ledger entries (project account -> the council's suppliers account; pot or council budget
// -> project account), so "budgeted, committed, spent, remaining" is always read from the ledger.
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import type { DeliveryStatus } from "../../../db/schema-results.js";
import { DomainError } from "../../domain/errors.js";
import { formatMinor, toBigInt } from "../../domain/ledger/amount.js";
import { DELIVERY_LIMITS, type StoredResult } from "../../domain/results/labels.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor } from "../current-user.js";
import { openAccount } from "../ledger/accounts.server.js";
import { postEntry } from "../ledger/post.server.js";
import { requireOfficerFor } from "../rounds/access.server.js";
import { councilBudgetAccount, roundPotAccount } from "../rounds/rounds.server.js";
import { projectBudgetAccount } from "./results.server.js";

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ["not_started", "in_progress", "delivered", "cancelled"];
export const councilSuppliersAccount = (organisationId: number) => `council:${organisationId}:suppliers`; // i18n-exempt: ledger account code

export { DELIVERY_LIMITS };

/** A fresh key for a payment or increase form, so sending the same form twice records it once. */
export const newFormKey = () => randomUUID();

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, not in the future, as "YYYY-MM-DD". `which` says which date it is, for the error message. */
export function checkPastDate(text: string, which: "happened" | "paid", today: Date = new Date()): string {
  const date = new Date(`${text}T00:00:00Z`);
  if (!DATE_PATTERN.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new DomainError("delivery_date_invalid", { values: { which }, field: "date" });
  }
  if (text > today.toISOString().slice(0, 10)) throw new DomainError("delivery_date_future", { values: { which }, field: "date" });
  return text;
}

function checkText(text: string, maximum: number, field: string, required: boolean): string {
  const trimmed = text.trim();
  if ((required && trimmed.length === 0) || trimmed.length > maximum || /[\u0000-\u0009\u000b-\u001f\u007f]/.test(trimmed)) {
    throw new DomainError("delivery_text_invalid", { values: { field, maximum, required }, field });
  }
  return trimmed;
}

/** The funded project and its round, after checking the actor is an officer of the round's council. */
async function fundedProject(trx: Kysely<Database>, actor: Actor, proposalId: number) {
  const row = await trx
    .selectFrom("proposal")
    .innerJoin("budget_round", "budget_round.id", "proposal.round_id")
    .select(["proposal.id", "proposal.title", "proposal.round_id", "budget_round.organisation_id"])
    .where("proposal.id", "=", proposalId)
    .executeTakeFirst();
  if (!row) throw new DomainError("proposal_not_found", { status: 404 });
  const officer = requireOfficerFor(actor, row.organisation_id);
  const result = await trx.selectFrom("round_result").select(["published_at", "result"]).where("round_id", "=", row.round_id).forShare().executeTakeFirst();
  if (!result?.published_at || !(result.result as StoredResult).winners.includes(proposalId)) {
    throw new DomainError("delivery_project_not_funded", { status: 409 });
  }
  return { ...row, officer, createdBy: officer ? `user:${officer.id}` : "system" };
}

async function balanceOf(trx: Kysely<Database>, code: string): Promise<bigint> {
  const row = await trx.selectFrom("ledger_account").select("balance_minor").where("code", "=", code).forNoKeyUpdate().executeTakeFirst();
  return row ? toBigInt(row.balance_minor) : 0n;
}

export async function recordDeliveryUpdate(
  db: Kysely<Database>,
  actor: Actor,
  proposalId: number,
  input: { status: DeliveryStatus; note: string; happenedOn: string },
  today: Date = new Date(),
): Promise<number> {
  if (!DELIVERY_STATUSES.includes(input.status)) throw new DomainError("delivery_status_invalid", { field: "status" });
  const happenedOn = checkPastDate(input.happenedOn, "happened", today);
  const note = checkText(input.note, DELIVERY_LIMITS.note, "note", false);
  return db.transaction().execute(async (trx) => {
    const project = await fundedProject(trx, actor, proposalId);
    const row = await trx
      .insertInto("project_delivery_update")
      .values({ round_id: project.round_id, proposal_id: proposalId, status: input.status, note, happened_on: happenedOn, recorded_by: project.officer?.id ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: project.officer?.id ?? null, action: "delivery.updated", subjectType: "proposal", subjectId: proposalId, ip: actor.ip, details: { status: input.status, happenedOn } });
    return row.id;
  });
}

export interface SpendingInput {
  supplier: string;
  amountMinor: bigint;
  spentOn: string;
  reference: string;
  /** From the form, so a resent form does not pay twice. */
  idempotencyKey?: string;
}

/** Records a payment to a supplier. More than the project has left is refused: raise its budget first. */
export async function recordSpending(db: Kysely<Database>, actor: Actor, proposalId: number, input: SpendingInput, today: Date = new Date()): Promise<bigint> {
  const supplier = checkText(input.supplier, DELIVERY_LIMITS.supplier, "supplier", true);
  const reference = checkText(input.reference, DELIVERY_LIMITS.reference, "reference", true);
  const spentOn = checkPastDate(input.spentOn, "paid", today);
  if (input.amountMinor <= 0n) throw new DomainError("ledger_amount_zero", { field: "amount" });
  return db.transaction().execute(async (trx) => {
    const project = await fundedProject(trx, actor, proposalId);
    const account = projectBudgetAccount(proposalId);
    const remaining = await balanceOf(trx, account);
    if (input.amountMinor > remaining) {
      throw new DomainError("delivery_overspend", { values: { amountMinor: input.amountMinor.toString(), remainingMinor: remaining.toString() }, field: "amount", status: 409 });
    }
    const suppliers = await openAccount(trx, { code: councilSuppliersAccount(project.organisation_id), unit: "GBP", name: t("results.account.suppliers"), ownerType: "organisation", ownerId: String(project.organisation_id), isPublic: true });
    const amount = formatMinor(input.amountMinor, "GBP");
    const posted = await postEntry(trx, {
      idempotencyKey: `spend:${proposalId}:${input.idempotencyKey ?? randomUUID()}`,
      kind: "project_spend",
      memo: t("results.memo.payment", { supplier, title: project.title.slice(0, 200) }),
      createdBy: project.createdBy,
      metadata: { proposal: String(proposalId), supplier, reference, spent_on: spentOn },
      postings: [
        { accountCode: account, unit: "GBP", amount: `-${amount}` },
        { accountCode: suppliers.code, unit: "GBP", amount },
      ],
    });
    await recordAudit(trx, { actorUserId: project.officer?.id ?? null, action: "delivery.spent", subjectType: "proposal", subjectId: proposalId, ip: actor.ip, details: { entryId: posted.entryId.toString(), amount, supplier, reference } });
    return posted.entryId;
  });
}

export interface BudgetIncreaseInput {
  amountMinor: bigint;
  reason: string;
  /** The round's unspent pot, or the council's participatory budget. */
  source: "pot" | "council";
  idempotencyKey?: string;
}

export async function increaseProjectBudget(db: Kysely<Database>, actor: Actor, proposalId: number, input: BudgetIncreaseInput): Promise<bigint> {
  const reason = checkText(input.reason, DELIVERY_LIMITS.reason, "reason", true);
  if (input.amountMinor <= 0n) throw new DomainError("ledger_amount_zero", { field: "amount" });
  return db.transaction().execute(async (trx) => {
    const project = await fundedProject(trx, actor, proposalId);
    const from = input.source === "pot" ? roundPotAccount(project.round_id) : councilBudgetAccount(project.organisation_id);
    if (input.source === "pot") {
      const available = await balanceOf(trx, from);
      if (input.amountMinor > available) {
        throw new DomainError("delivery_source_short", { values: { source: "pot", availableMinor: available.toString() }, field: "amount", status: 409 });
      }
    } else {
      await openAccount(trx, { code: from, unit: "GBP", name: t("ledger.account.councilBudget"), ownerType: "organisation", ownerId: String(project.organisation_id), isPublic: true });
    }
    const amount = formatMinor(input.amountMinor, "GBP");
    const posted = await postEntry(trx, {
      idempotencyKey: `budget-increase:${proposalId}:${input.idempotencyKey ?? randomUUID()}`,
      kind: "project_budget_increase",
      memo: reason,
      createdBy: project.createdBy,
      metadata: { proposal: String(proposalId), source: input.source },
      postings: [
        { accountCode: from, unit: "GBP", amount: `-${amount}` },
        { accountCode: projectBudgetAccount(proposalId), unit: "GBP", amount },
      ],
    });
    await recordAudit(trx, { actorUserId: project.officer?.id ?? null, action: "delivery.budget_increased", subjectType: "proposal", subjectId: proposalId, ip: actor.ip, details: { entryId: posted.entryId.toString(), amount, source: input.source, reason } });
    return posted.entryId;
  });
}

export interface DeliveryProject {
  id: number;
  title: string;
  budgetedMinor: bigint;
  committedMinor: bigint;
  spentMinor: bigint;
  remainingMinor: bigint;
  status: DeliveryStatus;
  updates: { status: DeliveryStatus; note: string; happenedOn: string; recordedAt: Date }[];
  payments: { entryId: bigint; supplier: string; reference: string; spentOn: string; amountMinor: bigint }[];
  increases: { entryId: bigint; reason: string; source: string; amountMinor: bigint }[];
}

export interface DeliveryReport {
  projects: DeliveryProject[];
  totals: { budgetedMinor: bigint; committedMinor: bigint; spentMinor: bigint; remainingMinor: bigint };
  potRemainingMinor: bigint;
}

/** What the public delivery page shows; every amount but "budgeted" is read from the ledger. */
export async function deliveryReport(db: Kysely<Database>, roundId: number): Promise<DeliveryReport> {
  const stored = await db.selectFrom("round_result").select(["published_at", "result"]).where("round_id", "=", roundId).executeTakeFirst();
  if (!stored?.published_at) throw new DomainError("results_not_published", { status: 404 });
  const result = stored.result as StoredResult;
  const winners = result.winners.map((id) => result.projects.find((p) => p.id === id)!);
  const codes = winners.map((p) => projectBudgetAccount(p.id));
  const sums =
    codes.length === 0
      ? []
      : (
          await sql<{ code: string; credits: string; debits: string; balance: string }>`
            select a.code,
                   coalesce(sum(p.amount_minor) filter (where p.amount_minor > 0), 0)::text as credits,
                   coalesce(-sum(p.amount_minor) filter (where p.amount_minor < 0), 0)::text as debits,
                   a.balance_minor::text as balance
            from ledger_account a left join ledger_posting p on p.account_id = a.id
            where a.code in (${sql.join(codes)})
            group by a.code, a.balance_minor`.execute(db)
        ).rows;
  const byCode = new Map(sums.map((s) => [s.code, s]));
  const lines =
    codes.length === 0
      ? []
      : (
          await sql<{ code: string; entry_id: unknown; kind: string; memo: string; metadata: Record<string, string>; amount_minor: unknown }>`
            select a.code, e.id as entry_id, e.kind, e.memo, e.metadata, p.amount_minor
            from ledger_posting p
            join ledger_account a on a.id = p.account_id
            join ledger_entry e on e.id = p.entry_id
            where a.code in (${sql.join(codes)}) and e.kind in ('project_spend', 'project_budget_increase')
            order by e.id
            limit ${DELIVERY_LIMITS.paymentsShown}`.execute(db)
        ).rows;
  const updates = await db
    .selectFrom("project_delivery_update")
    .select(["proposal_id", "status", "note", "happened_on", "recorded_at"])
    .where("round_id", "=", roundId)
    .orderBy("happened_on", "desc")
    .orderBy("id", "desc")
    .limit(DELIVERY_LIMITS.updatesShown)
    .execute();
  const projects: DeliveryProject[] = winners.map((p) => {
    const code = projectBudgetAccount(p.id);
    const s = byCode.get(code);
    const mine = updates.filter((u) => u.proposal_id === p.id);
    const entries = lines.filter((l) => l.code === code);
    return {
      id: p.id,
      title: p.title,
      budgetedMinor: BigInt(p.costMinor),
      committedMinor: BigInt(s?.credits ?? "0"),
      spentMinor: BigInt(s?.debits ?? "0"),
      remainingMinor: BigInt(s?.balance ?? "0"),
      status: mine[0]?.status ?? "not_started",
      updates: mine.map((u) => ({ status: u.status, note: u.note, happenedOn: u.happened_on, recordedAt: u.recorded_at })),
      payments: entries
        .filter((l) => l.kind === "project_spend")
        .map((l) => ({ entryId: toBigInt(l.entry_id), supplier: l.metadata.supplier ?? "", reference: l.metadata.reference ?? "", spentOn: l.metadata.spent_on ?? "", amountMinor: -toBigInt(l.amount_minor) })),
      increases: entries
        .filter((l) => l.kind === "project_budget_increase")
        .map((l) => ({ entryId: toBigInt(l.entry_id), reason: l.memo, source: l.metadata.source ?? "", amountMinor: toBigInt(l.amount_minor) })),
    };
  });
  const sum = (f: (p: DeliveryProject) => bigint) => projects.reduce((total, p) => total + f(p), 0n);
  const pot = await db.selectFrom("ledger_account").select("balance_minor").where("code", "=", roundPotAccount(roundId)).executeTakeFirst();
  return {
    projects,
    totals: { budgetedMinor: sum((p) => p.budgetedMinor), committedMinor: sum((p) => p.committedMinor), spentMinor: sum((p) => p.spentMinor), remainingMinor: sum((p) => p.remainingMinor) },
    potRemainingMinor: pot ? toBigInt(pot.balance_minor) : 0n,
  };
}
