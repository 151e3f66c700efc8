// Personal budgets in pounds, for activities paid partly in pounds and partly in hours (a course:
// £10 from a personal budget and 1 hour). A coordinator tops a member's budget up from the
// organisation's personal-budget funds; the member (or a coordinator) sees its balance and
// statement. Pounds are GBP ledger accounts, in pence, never floats.
import { DomainError, isDomainError } from "../../domain/errors.js";
import { formatPounds } from "../../domain/format.js";
import { formatMinor } from "../../domain/ledger/amount.js";
import { formatHours } from "../../domain/timebank/hours.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { CurrentUser } from "../current-user.js";
import { getAccount, openAccount } from "../ledger/accounts.server.js";
import { inTransaction } from "../ledger/db.server.js";
import { postEntry } from "../ledger/post.server.js";
import { getStatement, type StatementLine } from "../ledger/reports.server.js";
import { getMember } from "./members.server.js";
import { payMixed, personalBudgetAccountCode, type MixedPaymentInput } from "./spending.server.js";
import { isCoordinatorOf, memberAccountCode, requireCoordinator, requireTimebank, type Timebank, type TimebankDb } from "./timebanks.server.js";

export const BUDGET_STATEMENT_LINES = 50;

/** The organisation's money for personal budgets: top-ups come from it (no lower bound: it shows what was put in). */
export function budgetFundsAccountCode(timebankId: number): string {
  return `timebank:${timebankId}:budgets:gbp`; // i18n-exempt: ledger account code
}

export interface PersonalBudget {
  timebank: Timebank;
  memberName: string;
  isCoordinator: boolean;
  /** Null until the first top-up opens the account. */
  balancePence: bigint | null;
  hoursCentihours: bigint | null;
  lines: StatementLine[];
  olderBefore: string | null;
}

/** A member's personal budget: for the member or a coordinator. */
export async function personalBudget(db: TimebankDb, user: CurrentUser, slug: string, memberId: number, beforeVersion: bigint | null = null): Promise<PersonalBudget> {
  const timebank = await requireTimebank(db, slug);
  const member = await getMember(db, user, timebank, memberId);
  if (member.isOrganisation) throw new DomainError("timebank_member_not_found", { status: 404 });
  const account = await getAccount(db, personalBudgetAccountCode(timebank.id, memberId));
  const statement = account ? await getStatement(db, { accountCode: account.code, pageSize: BUDGET_STATEMENT_LINES, beforeVersion }) : null;
  return {
    timebank,
    memberName: member.name,
    isCoordinator: isCoordinatorOf(user, timebank),
    balancePence: account ? account.balanceMinor : null,
    hoursCentihours: member.balanceCentihours,
    lines: statement?.lines ?? [],
    olderBefore: statement?.nextBeforeVersion == null ? null : statement.nextBeforeVersion.toString(),
  };
}

/** A coordinator adds pounds to a member's personal budget, opening it the first time. */
export async function fundPersonalBudget(db: TimebankDb, user: CurrentUser, slug: string, input: { memberId: number; pence: bigint; requestKey: string }): Promise<bigint> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const member = await getMember(db, user, timebank, input.memberId);
  if (member.isOrganisation || member.status !== "active") throw new DomainError("timebank_member_not_found", { status: 404 });
  return inTransaction(db, async (trx) => {
    if (!(await getAccount(trx, budgetFundsAccountCode(timebank.id)))) {
      await openAccount(trx, { code: budgetFundsAccountCode(timebank.id), unit: "GBP", name: t("timebank.ledger.account.budgetFunds", { name: timebank.name.slice(0, 150) }), ownerType: "timebank", ownerId: String(timebank.id) });
    }
    const code = personalBudgetAccountCode(timebank.id, input.memberId);
    if (!(await getAccount(trx, code))) {
      await openAccount(trx, { code, unit: "GBP", name: t("timebank.ledger.account.budget", { name: member.name.slice(0, 150) }), ownerType: "timebank_budget", ownerId: String(input.memberId), minBalance: "0" });
    }
    const amount = formatMinor(input.pence, "GBP");
    const posted = await postEntry(trx, {
      idempotencyKey: `timebank:budget-top-up:${input.requestKey}`,
      kind: "timebank_budget_top_up",
      memo: t("timebank.ledger.memo.budgetTopUp", { organisation: timebank.organisationName.slice(0, 200) }),
      metadata: { timebank: slug, member: String(input.memberId) },
      createdBy: `user:${user.id}`,
      postings: [
        { accountCode: budgetFundsAccountCode(timebank.id), unit: "GBP", amount: `-${amount}` },
        { accountCode: code, unit: "GBP", amount },
      ],
    });
    await recordAudit(trx, { actorUserId: user.id, action: "timebank.budget_topped_up", subjectType: "timebank_member", subjectId: input.memberId, details: { timebank: slug, pence: input.pence.toString() } });
    return posted.entryId;
  });
}

/**
 * A coordinator records an activity paid in pounds and hours (payMixed: both or neither), with
 * refusals a person can act on: no budget yet, too little in it, or too few hours.
 */
export async function recordMixedPayment(db: TimebankDb, user: CurrentUser, slug: string, input: MixedPaymentInput): Promise<void> {
  const timebank = await requireTimebank(db, slug);
  requireCoordinator(user, timebank);
  const budget = await getAccount(db, personalBudgetAccountCode(timebank.id, input.memberId));
  if (!budget) throw new DomainError("timebank_budget_missing", { field: "pounds", status: 422 });
  try {
    await payMixed(db, user, slug, input);
  } catch (error) {
    if (isDomainError(error) && error.code === "ledger_below_minimum") {
      if (error.values.accountCode === budget.code) {
        const now = await getAccount(db, budget.code);
        throw new DomainError("timebank_budget_too_small", { values: { available: formatPounds(now?.balanceMinor ?? 0n) }, field: "pounds", status: 422 });
      }
      if (error.values.accountCode === memberAccountCode(timebank.id, input.memberId)) {
        const account = await getAccount(db, memberAccountCode(timebank.id, input.memberId));
        const available = account ? account.balanceMinor - (account.minBalanceMinor ?? 0n) : 0n;
        throw new DomainError("timebank_member_too_few_hours", { values: { needed: formatHours(input.centihours), available: formatHours(available > 0n ? available : 0n) }, field: "hours", status: 422 });
      }
    }
    throw error;
  }
}
