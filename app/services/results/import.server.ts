// Importing a Pabulib instance as a closed Potluck round: projects become feasible proposals,
// voters become accepted paper ballots, the budget is funded into the round's pot. All in one
// transaction, so a file that fails half way leaves nothing behind.
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import { formatMinor } from "../../domain/ledger/amount.js";
import type { PabulibInstance } from "../../domain/pabulib.js";
import { planImport } from "../../domain/results/pabulib-round.js";
import { freezeRules, type FrozenRules } from "../../domain/rounds/rules.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor } from "../current-user.js";
import { isUniqueViolation } from "../db-errors.js";
import { openAccount } from "../ledger/accounts.server.js";
import { postEntry } from "../ledger/post.server.js";
import { requireOfficerFor } from "../rounds/access.server.js";
import { councilBudgetAccount, roundPotAccount } from "../rounds/rounds.server.js";

/** paper_keying.sheet_number allows 1..100000, so a large file is split into batches of this many sheets. */
const SHEETS_PER_BATCH = 100_000;
const ROWS_PER_INSERT = 1_000;
const CHOICES_PER_INSERT = 5_000;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function slugFor(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return slug || "imported-round";
}

export interface ImportedRound {
  roundId: number;
  slug: string;
  projects: number;
  ballots: number;
  /** The file's project ids mapped to the new proposal ids. */
  proposalIds: Map<string, number>;
}

export async function importPabulibRound(
  db: Kysely<Database>,
  actor: Actor,
  input: { organisationSlug: string; slug: string; pb: PabulibInstance },
): Promise<ImportedRound> {
  const plan = planImport(input.pb);
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.slug)) throw new DomainError("results_import_invalid", { values: { detail: t("results.import.slugInvalid") }, field: "slug" });
  return db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom("organisation").select(["id", "name"]).where("slug", "=", input.organisationSlug).executeTakeFirst();
    if (!organisation) throw new DomainError("unknown_organisation", { field: "organisation" });
    const officer = requireOfficerFor(actor, organisation.id);
    // Imported projects and paper keyings need a person on record: the acting officer, or the
    // organisation's first officer (then first administrator) when the command line acts.
    const author =
      officer?.id ??
      (await trx.selectFrom("user_role").select("user_id").where("role", "=", "officer").where("organisation_id", "=", organisation.id).orderBy("id").limit(1).executeTakeFirst())?.user_id ??
      (await trx.selectFrom("user_role").select("user_id").where("role", "=", "admin").orderBy("id").limit(1).executeTakeFirst())?.user_id;
    if (author === undefined) throw new DomainError("results_import_no_author", { status: 409 });

    let roundId: number;
    try {
      const row = await trx
        .insertInto("budget_round")
        .values({
          organisation_id: organisation.id,
          slug: input.slug,
          title: plan.title,
          description: plan.description,
          budget_minor: plan.budgetMinor,
          phase: "closed",
          ballot_type: plan.ballotType,
          min_choices: plan.minChoices,
          max_choices: plan.maxChoices,
          points_total: plan.pointsTotal,
          counting_rule: plan.countingRule,
          tie_break_seed: input.slug,
          live_counts: "public",
          allow_account_votes: false,
          allow_code_votes: false,
          allow_paper_votes: true,
          created_by_user_id: author,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      roundId = row.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("results_slug_taken", { field: "slug", status: 409 });
      throw error;
    }

    const proposalIds = new Map<string, number>();
    for (let i = 0; i < plan.projects.length; i += ROWS_PER_INSERT) {
      const chunk = plan.projects.slice(i, i + ROWS_PER_INSERT);
      const rows = await trx
        .insertInto("proposal")
        .values(chunk.map((p) => ({
          round_id: roundId,
          author_id: author,
          title: p.title,
          summary: t("results.import.proposalSummary", { id: p.fileId }),
          description: t("results.import.proposalDescription", { id: p.fileId }),
          cost_minor: p.costMinor,
          status: "feasible" as const,
          review_reason: t("results.import.reviewReason"),
        })))
        .returning(["id", "summary"])
        .execute();
      // Matched by the file id written into the summary, not by row order.
      for (const p of chunk) proposalIds.set(p.fileId, rows.find((r) => r.summary === t("results.import.proposalSummary", { id: p.fileId }))!.id);
    }

    const rules: FrozenRules = {
      round: input.slug,
      budgetMinor: plan.budgetMinor.toString(),
      ballotType: plan.ballotType,
      minChoices: plan.minChoices,
      maxChoices: plan.maxChoices,
      pointsTotal: plan.pointsTotal,
      countingRule: plan.countingRule,
      tieBreakSeed: input.slug,
      eligibility: { accounts: false, areaOnly: false, area: null, codes: false, paper: true },
      projects: plan.projects.map((p) => ({ id: proposalIds.get(p.fileId)!, title: p.title, costMinor: p.costMinor.toString() })),
    };
    const frozen = freezeRules(rules);
    await trx.updateTable("budget_round").set({ frozen_rules: frozen.json, frozen_rules_hash: frozen.hashHex, frozen_at: new Date() }).where("id", "=", roundId).execute();

    for (let start = 0, batchNumber = 1; start < plan.voters.length; start += SHEETS_PER_BATCH, batchNumber++) {
      const sheets = plan.voters.slice(start, start + SHEETS_PER_BATCH);
      const batch = await trx
        .insertInto("paper_batch")
        .values({ round_id: roundId, label: t("results.import.batchLabel", { number: batchNumber }), double_keying: false, status: "accepted", created_by_user_id: author, accepted_at: new Date(), accepted_by_user_id: author })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (let i = 0; i < sheets.length; i += ROWS_PER_INSERT) {
        const chunk = sheets.slice(i, i + ROWS_PER_INSERT).map((v, k) => ({
          sheetNumber: i + k + 1,
          choices: v.choices.map((c) => ({ proposalId: proposalIds.get(c.fileId)!, points: c.points, rank: c.rank })),
        }));
        const keyings = await trx
          .insertInto("paper_keying")
          .values(chunk.map((s) => ({ batch_id: batch.id, pass: 1 as const, sheet_number: s.sheetNumber, keyed_by_user_id: author, choices: JSON.stringify(s.choices) })))
          .returning(["id", "sheet_number"])
          .execute();
        const keyingOf = new Map(keyings.map((k) => [k.sheet_number, k.id]));
        const ballots = await trx
          .insertInto("ballot")
          .values(chunk.map((s) => ({
            round_id: roundId,
            channel: "paper" as const,
            paper_keying_id: keyingOf.get(s.sheetNumber)!,
            receipt_hash: sha256(randomBytes(16).toString("hex")),
            choices: JSON.stringify(s.choices),
          })))
          .returning(["id", "paper_keying_id"])
          .execute();
        const ballotOf = new Map(ballots.map((b) => [b.paper_keying_id!, b.id]));
        const choiceRows = chunk.flatMap((s) => s.choices.map((c) => ({ ballot_id: ballotOf.get(keyingOf.get(s.sheetNumber)!)!, proposal_id: c.proposalId, points: c.points, rank: c.rank })));
        for (let j = 0; j < choiceRows.length; j += CHOICES_PER_INSERT) {
          await trx.insertInto("ballot_choice").values(choiceRows.slice(j, j + CHOICES_PER_INSERT)).execute();
        }
      }
    }

    if (plan.budgetMinor > 0n) {
      await openAccount(trx, { code: councilBudgetAccount(organisation.id), unit: "GBP", name: t("ledger.account.councilBudget"), ownerType: "organisation", ownerId: String(organisation.id), isPublic: true });
      await openAccount(trx, { code: roundPotAccount(roundId), unit: "GBP", name: t("results.account.roundPot", { id: roundId }), ownerType: "budget_round", ownerId: String(roundId), isPublic: true, minBalance: "0" });
      const amount = formatMinor(plan.budgetMinor, "GBP");
      await postEntry(trx, {
        idempotencyKey: `round-budget:${roundId}:import`, // i18n-exempt: idempotency key
        kind: "round_budget",
        memo: t("results.memo.importBudget"),
        createdBy: officer ? `user:${officer.id}` : "system",
        metadata: { round: String(roundId) },
        postings: [
          { accountCode: councilBudgetAccount(organisation.id), unit: "GBP", amount: `-${amount}` },
          { accountCode: roundPotAccount(roundId), unit: "GBP", amount },
        ],
      });
    }
    await trx.insertInto("round_phase_change").values({ round_id: roundId, from_phase: "draft", to_phase: "closed", by_user_id: officer?.id ?? null, reason: t("results.import.phaseReason") }).execute();
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "round.imported", subjectType: "budget_round", subjectId: roundId, ip: actor.ip, details: { slug: input.slug, projects: plan.projects.length, ballots: plan.voters.length } });
    return { roundId, slug: input.slug, projects: plan.projects.length, ballots: plan.voters.length, proposalIds };
  });
}

/** Councils this person may import a round into: the ones they are an officer of (all councils for administrators). */
export async function importableOrganisations(db: Kysely<Database>, user: { roles: { role: string; organisationId: number | null }[] }) {
  const isAdmin = user.roles.some((g) => g.role === "admin");
  const ids = user.roles.filter((g) => g.role === "officer" && g.organisationId !== null).map((g) => g.organisationId!);
  if (!isAdmin && ids.length === 0) return [];
  let query = db.selectFrom("organisation").select(["slug", "name"]).where("kind", "=", "council").orderBy("name").limit(100);
  if (!isAdmin) query = query.where("id", "in", ids);
  return query.execute();
}
