// Counting a closed round, publishing its results (ledger commitments and "You said, we did"
// notifications in one transaction) and reading them back for pages and downloads.
import { createHash } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import { DomainError } from "../../domain/errors.js";
import { formatPounds } from "../../domain/format.js";
import { canonicalJson } from "../../domain/ledger/canonical.js";
import { formatMinor } from "../../domain/ledger/amount.js";
import { countRoundBallots, type CountedBallot, type StoredResult } from "../../domain/results/count.js";
import type { FrozenRules } from "../../domain/rounds/rules.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor } from "../current-user.js";
import { openAccount } from "../ledger/accounts.server.js";
import { postEntries } from "../ledger/batch.server.js";
import { notifyLive, requireOfficerFor } from "../rounds/access.server.js";
import { roundPotAccount } from "../rounds/rounds.server.js";

/** Ballots are read in pages of this many rows, so a city-wide vote never loads one giant result. */
const BALLOT_PAGE_SIZE = 5_000;
/** Notifications and emails are inserted this many at a time. */
const INSERT_CHUNK = 500;

export const projectBudgetAccount = (proposalId: number) => `project:${proposalId}:budget`; // i18n-exempt: ledger account code

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function parseFrozenRules(value: unknown): FrozenRules | null {
  if (value === null || value === undefined) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as FrozenRules;
}

/**
 * The third tie-break: project ids ordered by sha256("<seed>:<id>"). Anyone with the published
 * seed and the project list can recompute it.
 */
export function seedOrderOf(seed: string, projectIds: readonly number[]): number[] {
  return projectIds
    .map((id) => ({ id, key: sha256(`${seed}:${id}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id))
    .map((p) => p.id);
}

export interface LiveBallot extends CountedBallot {
  receiptHash: string;
  voterUserId: number | null;
}

/** Every live (not replaced) ballot of the round, ordered by receipt hash, with its choices. */
export async function liveBallots(db: Kysely<Database>, roundId: number, ballotType: FrozenRules["ballotType"]): Promise<LiveBallot[]> {
  const ballots: LiveBallot[] = [];
  let after = "";
  for (;;) {
    const page = await db
      .selectFrom("ballot")
      .select(["id", "receipt_hash", "channel", "voter_user_id"])
      .where("round_id", "=", roundId)
      .where("superseded_at", "is", null)
      .where("receipt_hash", ">", after)
      .orderBy("receipt_hash")
      .limit(BALLOT_PAGE_SIZE)
      .execute();
    if (page.length === 0) break;
    const choices = await db
      .selectFrom("ballot_choice")
      .select(["ballot_id", "proposal_id", "points", "rank"])
      .where("ballot_id", "in", page.map((b) => b.id))
      .execute();
    const byBallot = new Map<number, CountedBallot["choices"]>();
    for (const c of choices) {
      const list = byBallot.get(c.ballot_id) ?? [];
      list.push({ proposalId: c.proposal_id, points: c.points, rank: c.rank });
      byBallot.set(c.ballot_id, list);
    }
    for (const b of page) {
      const list = byBallot.get(b.id) ?? [];
      // Ranked ballots list their projects in preference order; the others by project id.
      list.sort(ballotType === "ranked" ? (x, y) => (x.rank ?? 0) - (y.rank ?? 0) || x.proposalId - y.proposalId : (x, y) => x.proposalId - y.proposalId);
      ballots.push({ receiptHash: b.receipt_hash, channel: b.channel, voterUserId: b.voter_user_id, choices: list });
    }
    after = page[page.length - 1]!.receipt_hash;
    if (page.length < BALLOT_PAGE_SIZE) break;
  }
  return ballots;
}

/**
 * sha256 over the canonical JSON list of live ballots: receipt hash, channel and choices, in
 * receipt-hash order. It names exactly the ballots a count used, and reveals nothing new: the
 * same list is published for voters to check their receipts.
 */
export function ballotsHashOf(ballots: readonly LiveBallot[]): string {
  return sha256(canonicalJson(ballots.map((b) => ({ receipt: b.receiptHash, channel: b.channel, choices: b.choices.map((c) => ({ proposalId: c.proposalId, points: c.points, rank: c.rank })) }))));
}

async function lockRound(trx: Kysely<Database>, roundId: number) {
  const round = await trx.selectFrom("budget_round").selectAll().where("id", "=", roundId).forUpdate().executeTakeFirst();
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  return round;
}

function assertClosed(round: { phase: string; frozen_rules: unknown }): FrozenRules {
  if (round.phase !== "closed") throw new DomainError("results_round_not_closed", { values: { phase: round.phase }, status: 409 });
  const rules = parseFrozenRules(round.frozen_rules);
  if (!rules) throw new DomainError("results_no_frozen_rules", { status: 409 });
  return rules;
}

export interface CountSummary {
  resultId: number;
  ballotsHash: string;
  result: StoredResult;
}

/** Counts a closed round and stores the result as a preview for the round's officers. Can be run again until published. */
export async function countRound(db: Kysely<Database>, actor: Actor, roundId: number): Promise<CountSummary> {
  return db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, roundId);
    const officer = requireOfficerFor(actor, round.organisation_id);
    const rules = assertClosed(round);
    const existing = await trx.selectFrom("round_result").select(["published_at"]).where("round_id", "=", roundId).executeTakeFirst();
    if (existing?.published_at) throw new DomainError("results_already_published", { status: 409 });
    const ballots = await liveBallots(trx, roundId, rules.ballotType);
    const seedOrder = seedOrderOf(rules.tieBreakSeed, rules.projects.map((p) => p.id));
    const result = countRoundBallots({ rules, ballots, seedOrder });
    const ballotsHash = ballotsHashOf(ballots);
    const values = {
      rule: rules.countingRule,
      utility: result.utility,
      tie_break: result.tieBreak,
      computed_at: new Date(),
      computed_by: officer?.id ?? null,
      ballot_count: ballots.length,
      ballots_hash: ballotsHash,
      rules_hash: round.frozen_rules_hash!,
      result: JSON.stringify(result),
    };
    const row = await trx
      .insertInto("round_result")
      .values({ round_id: roundId, ...values })
      .onConflict((c) => c.column("round_id").doUpdateSet(values))
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "results.counted", subjectType: "budget_round", subjectId: roundId, ip: actor.ip, details: { ballotsHash, winners: result.winners } });
    return { resultId: row.id, ballotsHash, result };
  });
}

export interface PublishOptions {
  /** Public base URL for links in emails, like https://potluck.example.org */
  appUrl: string;
}

/**
 * Publishes the counted result. In one transaction: marks it published; commits each winner's
 * cost from the round's pot to the project's own account (what is not committed stays in the
 * pot); writes a notification and an email to every proposer and every voter with an account.
 */
export async function publishResults(db: Kysely<Database>, actor: Actor, roundId: number, options: PublishOptions): Promise<{ committedMinor: bigint; notified: number }> {
  return db.transaction().execute(async (trx) => {
    const round = await lockRound(trx, roundId);
    const officer = requireOfficerFor(actor, round.organisation_id);
    const rules = assertClosed(round);
    const stored = await trx.selectFrom("round_result").selectAll().where("round_id", "=", roundId).forUpdate().executeTakeFirst();
    if (!stored) throw new DomainError("results_not_counted", { status: 409 });
    if (stored.published_at) throw new DomainError("results_already_published", { status: 409 });
    // Paper ballots may still be accepted after close: publish only what was counted.
    const ballots = await liveBallots(trx, roundId, rules.ballotType);
    if (ballotsHashOf(ballots) !== stored.ballots_hash || stored.rules_hash !== round.frozen_rules_hash) {
      throw new DomainError("results_count_stale", { status: 409 });
    }
    const result = stored.result as StoredResult;
    const createdBy = officer ? `user:${officer.id}` : "system";
    await trx.updateTable("round_result").set({ published_at: new Date(), published_by: officer?.id ?? null }).where("id", "=", stored.id).execute();

    const winners = result.projects.filter((p) => p.funded);
    let committedMinor = 0n;
    if (winners.length > 0) {
      for (const p of winners) {
        await openAccount(trx, { code: projectBudgetAccount(p.id), unit: "GBP", name: t("results.account.projectBudget", { id: p.id }), ownerType: "proposal", ownerId: String(p.id), isPublic: true, minBalance: "0" });
      }
      const posted = await postEntries(
        trx,
        winners.map((p) => ({
          idempotencyKey: `results:${roundId}:commit:${p.id}`, // i18n-exempt: idempotency key
          kind: "project_commitment",
          memo: t("results.memo.commitment", { title: p.title.slice(0, 200) }),
          createdBy,
          metadata: { round: String(roundId), proposal: String(p.id) },
          postings: [
            { accountCode: roundPotAccount(roundId), unit: "GBP", amount: `-${formatMinor(BigInt(p.costMinor), "GBP")}` },
            { accountCode: projectBudgetAccount(p.id), unit: "GBP", amount: formatMinor(BigInt(p.costMinor), "GBP") },
          ],
        })),
      );
      for (const entry of posted) if (entry instanceof DomainError) throw entry;
      committedMinor = winners.reduce((sum, p) => sum + BigInt(p.costMinor), 0n);
    }

    const notified = await writeYouSaidWeDid(trx, round, result, ballots, options.appUrl);
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "results.published", subjectType: "budget_round", subjectId: roundId, ip: actor.ip, details: { winners: result.winners, committedMinor: committedMinor.toString(), notified } });
    await notifyLive(trx, `round:${roundId}`);
    return { committedMinor, notified };
  });
}

async function writeYouSaidWeDid(
  trx: Kysely<Database>,
  round: { id: number; slug: string; title: string },
  result: StoredResult,
  ballots: readonly LiveBallot[],
  appUrl: string,
): Promise<number> {
  const projectIds = result.projects.map((p) => p.id);
  const byId = new Map(result.projects.map((p) => [p.id, p]));
  const proposed = new Map<number, Set<number>>();
  const add = (map: Map<number, Set<number>>, userId: number, proposalId: number) => {
    const set = map.get(userId) ?? new Set<number>();
    set.add(proposalId);
    map.set(userId, set);
  };
  const authors = await trx.selectFrom("proposal").select(["id", "author_id"]).where("id", "in", projectIds).execute();
  for (const a of authors) add(proposed, a.author_id, a.id);
  const coauthors = await trx.selectFrom("proposal_coauthor").select(["proposal_id", "user_id"]).where("proposal_id", "in", projectIds).execute();
  for (const c of coauthors) add(proposed, c.user_id, c.proposal_id);
  const chose = new Map<number, Set<number>>();
  for (const b of ballots) if (b.voterUserId !== null) for (const c of b.choices) add(chose, b.voterUserId, c.proposalId);
  const userIds = [...new Set([...proposed.keys(), ...chose.keys()])].sort((a, b) => a - b);
  if (userIds.length === 0) return 0;

  const link = `${appUrl.replace(/\/$/, "")}/rounds/${round.slug}/results`;
  const line = (id: number) => {
    const p = byId.get(id)!;
    return p.funded
      ? t("results.email.funded", { title: p.title, cost: formatPounds(BigInt(p.costMinor)) })
      : t("results.email.notFunded", { title: p.title, explanation: p.explanation });
  };
  const subject = t("results.email.subject", { title: round.title }).slice(0, 200);
  const people: { userId: number; body: string }[] = userIds.map((userId) => {
    const parts = [t("results.email.published", { title: round.title })];
    const mine = [...(proposed.get(userId) ?? [])].sort((a, b) => a - b);
    const choices = [...(chose.get(userId) ?? [])].filter((id) => !mine.includes(id)).sort((a, b) => a - b);
    if (mine.length > 0) parts.push(t("results.email.proposed", { projects: mine.map(line).join("\n") }));
    if (choices.length > 0) parts.push(t("results.email.votedFor", { projects: choices.map(line).join("\n") }));
    parts.push(t("results.email.link", { link }));
    return { userId, body: parts.join("\n\n").slice(0, 10_000) };
  });
  const emails = new Map<number, string>();
  for (let i = 0; i < userIds.length; i += INSERT_CHUNK) {
    const rows = await trx.selectFrom("app_user").select(["id", "email"]).where("id", "in", userIds.slice(i, i + INSERT_CHUNK)).execute();
    for (const r of rows) emails.set(r.id, r.email);
  }
  for (let i = 0; i < people.length; i += INSERT_CHUNK) {
    const chunk = people.slice(i, i + INSERT_CHUNK);
    await trx.insertInto("notification").values(chunk.map((p) => ({ user_id: p.userId, kind: "results_published", subject, body: p.body, link: `/rounds/${round.slug}/results` }))).execute();
    await trx.insertInto("outbox_message").values(chunk.filter((p) => emails.has(p.userId)).map((p) => ({ to_address: emails.get(p.userId)!, subject, body_text: p.body }))).execute();
  }
  return people.length;
}

export interface RoundResultView {
  published: boolean;
  publishedAt: Date | null;
  computedAt: Date;
  ballotsHash: string;
  rulesHash: string;
  ballotCount: number;
  result: StoredResult;
}

/**
 * The result as a viewer may see it: everyone once published; before that only the round's
 * officers (a preview). Null when there is nothing this viewer may see.
 */
export async function readRoundResult(db: Kysely<Database>, roundId: number, audience: "public" | "officer"): Promise<RoundResultView | null> {
  const row = await db.selectFrom("round_result").selectAll().where("round_id", "=", roundId).executeTakeFirst();
  if (!row) return null;
  if (!row.published_at && audience !== "officer") return null;
  return {
    published: row.published_at !== null,
    publishedAt: row.published_at,
    computedAt: row.computed_at,
    ballotsHash: row.ballots_hash,
    rulesHash: row.rules_hash,
    ballotCount: row.ballot_count,
    result: row.result as StoredResult,
  };
}

/** A person's in-app notifications, newest first. */
export async function notificationsFor(db: Kysely<Database>, userId: number, limit = 20) {
  return db
    .selectFrom("notification")
    .select(["id", "kind", "subject", "body", "link", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(Math.max(1, Math.min(limit, 100)))
    .execute();
}

export async function countPublishedCommitments(db: Kysely<Database>, roundId: number): Promise<bigint> {
  const row = await sql<{ total: string | null }>`
    select sum(p.amount_minor)::text as total from ledger_posting p
    join ledger_entry e on e.id = p.entry_id
    join ledger_account a on a.id = p.account_id
    where e.kind = 'project_commitment' and a.code = ${roundPotAccount(roundId)}`.execute(db);
  return -BigInt(row.rows[0]?.total ?? "0");
}
