// Proposals and debate: submit, edit until review, withdraw, review, support, comment, moderate.
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema.js";
import type { ProposalStatus } from "../../../db/schema-rounds.js";
import { normaliseEmail } from "../../domain/account-rules.js";
import { DomainError } from "../../domain/errors.js";
import { recordAudit } from "../audit.server.js";
import type { Actor, CurrentUser } from "../current-user.js";
import { isModerator, isOfficerFor, requireOfficerFor, requireSignedIn } from "./access.server.js";

export const PROPOSALS_PAGE_SIZE = 20;
export const COMMENTS_LIMIT = 500;
export const MAX_COAUTHORS = 5;

export interface CostLine {
  description: string;
  amountMinor: bigint;
}

export interface ProposalInput {
  title: string;
  summary: string;
  description: string;
  costMinor: bigint;
  costLines: CostLine[];
  area: string | null;
  theme: string | null;
  coauthorEmails: string[];
}

async function event(trx: Kysely<Database>, proposalId: number, actorId: number | null, kind: string, details: Record<string, unknown> = {}) {
  await trx.insertInto("proposal_event").values({ proposal_id: proposalId, actor_user_id: actorId, kind, details: JSON.stringify(details) }).execute();
}

function checkCostLines(input: ProposalInput): void {
  if (input.costLines.length === 0) return;
  const linesMinor = input.costLines.reduce((sum, line) => sum + line.amountMinor, 0n);
  if (linesMinor !== input.costMinor) {
    throw new DomainError("proposal_cost_lines_mismatch", { field: "cost", values: { linesMinor: linesMinor.toString(), costMinor: input.costMinor.toString() } });
  }
}

async function coauthorIds(trx: Kysely<Database>, emails: string[], authorId: number): Promise<number[]> {
  const ids: number[] = [];
  for (const email of emails.slice(0, MAX_COAUTHORS)) {
    const user = await trx.selectFrom("app_user").select("id").where("email_normalised", "=", normaliseEmail(email)).executeTakeFirst();
    if (!user) throw new DomainError("proposal_coauthor_unknown", { field: "coauthors", values: { email } });
    if (user.id !== authorId && !ids.includes(user.id)) ids.push(user.id);
  }
  return ids;
}

async function writeDetails(trx: Kysely<Database>, proposalId: number, input: ProposalInput, authorId: number) {
  await trx.deleteFrom("proposal_cost_line").where("proposal_id", "=", proposalId).execute();
  for (const [index, line] of input.costLines.entries()) {
    await trx.insertInto("proposal_cost_line").values({ proposal_id: proposalId, position: index + 1, description: line.description, amount_minor: line.amountMinor }).execute();
  }
  await trx.deleteFrom("proposal_coauthor").where("proposal_id", "=", proposalId).execute();
  for (const userId of await coauthorIds(trx, input.coauthorEmails, authorId)) {
    await trx.insertInto("proposal_coauthor").values({ proposal_id: proposalId, user_id: userId }).execute();
  }
}

async function lockRoundRow(trx: Kysely<Database>, roundId: number) {
  // A shared lock: many proposals may be written at once, but the phase cannot move meanwhile.
  const round = await trx.selectFrom("budget_round").select(["id", "phase", "organisation_id"]).where("id", "=", roundId).forShare().executeTakeFirst();
  if (!round) throw new DomainError("round_not_found", { status: 404 });
  return round;
}

export async function submitProposal(db: Kysely<Database>, actor: Actor, roundId: number, input: ProposalInput): Promise<number> {
  const user = requireSignedIn(actor);
  checkCostLines(input);
  return db.transaction().execute(async (trx) => {
    const round = await lockRoundRow(trx, roundId);
    if (round.phase !== "proposals") throw new DomainError("proposals_closed", { status: 409 });
    const row = await trx
      .insertInto("proposal")
      .values({ round_id: roundId, author_id: user.id, title: input.title, summary: input.summary, description: input.description, cost_minor: input.costMinor, area: input.area, theme: input.theme })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeDetails(trx, row.id, input, user.id);
    await event(trx, row.id, user.id, "submitted", { costMinor: input.costMinor.toString() });
    await recordAudit(trx, { actorUserId: user.id, action: "proposal.submitted", subjectType: "proposal", subjectId: row.id, ip: actor.ip });
    return row.id;
  });
}

async function lockProposal(trx: Kysely<Database>, proposalId: number) {
  const proposal = await trx.selectFrom("proposal").selectAll().where("id", "=", proposalId).forUpdate().executeTakeFirst();
  if (!proposal) throw new DomainError("proposal_not_found", { status: 404 });
  return proposal;
}

async function isAuthor(trx: Kysely<Database>, proposal: { id: number; author_id: number }, userId: number): Promise<boolean> {
  if (proposal.author_id === userId) return true;
  const row = await trx.selectFrom("proposal_coauthor").select("user_id").where("proposal_id", "=", proposal.id).where("user_id", "=", userId).executeTakeFirst();
  return row !== undefined;
}

export async function editProposal(db: Kysely<Database>, actor: Actor, proposalId: number, input: ProposalInput): Promise<void> {
  const user = requireSignedIn(actor);
  checkCostLines(input);
  await db.transaction().execute(async (trx) => {
    const proposal = await lockProposal(trx, proposalId);
    if (!(await isAuthor(trx, proposal, user.id))) throw new DomainError("proposal_not_author", { status: 403 });
    const round = await lockRoundRow(trx, proposal.round_id);
    if (round.phase !== "proposals" || proposal.status !== "submitted") throw new DomainError("proposal_not_editable", { status: 409 });
    await trx
      .updateTable("proposal")
      .set({ title: input.title, summary: input.summary, description: input.description, cost_minor: input.costMinor, area: input.area, theme: input.theme, updated_at: new Date() })
      .where("id", "=", proposalId)
      .execute();
    await writeDetails(trx, proposalId, input, proposal.author_id);
    await event(trx, proposalId, user.id, "edited", { costMinor: input.costMinor.toString() });
  });
}

export async function withdrawProposal(db: Kysely<Database>, actor: Actor, proposalId: number): Promise<void> {
  const user = requireSignedIn(actor);
  await db.transaction().execute(async (trx) => {
    const proposal = await lockProposal(trx, proposalId);
    if (!(await isAuthor(trx, proposal, user.id))) throw new DomainError("proposal_not_author", { status: 403 });
    const round = await lockRoundRow(trx, proposal.round_id);
    if (round.phase !== "proposals" || proposal.status !== "submitted") throw new DomainError("proposal_not_editable", { status: 409 });
    await trx.updateTable("proposal").set({ status: "withdrawn", updated_at: new Date() }).where("id", "=", proposalId).execute();
    await event(trx, proposalId, user.id, "withdrawn");
  });
}

export async function reviewProposal(
  db: Kysely<Database>,
  actor: Actor,
  proposalId: number,
  input: { feasible: boolean; reason: string; adjustedCostMinor: bigint | null; costReason: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const proposal = await lockProposal(trx, proposalId);
    const round = await lockRoundRow(trx, proposal.round_id);
    const officer = requireOfficerFor(actor, round.organisation_id);
    if (round.phase !== "review") throw new DomainError("round_phase_wrong", { values: { phase: round.phase }, status: 409 });
    if (proposal.status === "withdrawn") throw new DomainError("proposal_not_editable", { status: 409 });
    const status: ProposalStatus = input.feasible ? "feasible" : "not_feasible";
    const costChanged = input.adjustedCostMinor !== null && input.adjustedCostMinor !== proposal.cost_minor;
    await trx
      .updateTable("proposal")
      .set({
        status,
        review_reason: input.reason,
        cost_minor: costChanged ? input.adjustedCostMinor! : proposal.cost_minor,
        cost_adjustment_reason: costChanged ? input.costReason : proposal.cost_adjustment_reason,
        updated_at: new Date(),
      })
      .where("id", "=", proposalId)
      .execute();
    await event(trx, proposalId, officer?.id ?? null, "reviewed", {
      status,
      reason: input.reason,
      ...(costChanged ? { costFromMinor: proposal.cost_minor.toString(), costToMinor: input.adjustedCostMinor!.toString(), costReason: input.costReason } : {}),
    });
    await recordAudit(trx, { actorUserId: officer?.id ?? null, action: "proposal.reviewed", subjectType: "proposal", subjectId: proposalId, ip: actor.ip, details: { status } });
  });
}

export async function setSupport(db: Kysely<Database>, actor: Actor, proposalId: number, support: boolean): Promise<void> {
  const user = requireSignedIn(actor);
  await db.transaction().execute(async (trx) => {
    const proposal = await trx.selectFrom("proposal").select(["id", "round_id", "status", "hidden_at"]).where("id", "=", proposalId).executeTakeFirst();
    if (!proposal) throw new DomainError("proposal_not_found", { status: 404 });
    const round = await lockRoundRow(trx, proposal.round_id);
    if (round.phase !== "proposals" || proposal.status === "withdrawn" || proposal.hidden_at) throw new DomainError("support_closed", { status: 409 });
    if (support) {
      await trx.insertInto("proposal_support").values({ proposal_id: proposalId, user_id: user.id }).onConflict((oc) => oc.doNothing()).execute();
    } else {
      await trx.deleteFrom("proposal_support").where("proposal_id", "=", proposalId).where("user_id", "=", user.id).execute();
    }
  });
}

export async function addComment(db: Kysely<Database>, actor: Actor, proposalId: number, body: string, parentId: number | null): Promise<number> {
  const user = requireSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    const proposal = await trx.selectFrom("proposal").select(["id", "hidden_at"]).where("id", "=", proposalId).executeTakeFirst();
    if (!proposal) throw new DomainError("proposal_not_found", { status: 404 });
    if (proposal.hidden_at) throw new DomainError("proposal_hidden", { status: 409 });
    if (parentId !== null) {
      const parent = await trx.selectFrom("proposal_comment").select(["id", "parent_id", "proposal_id"]).where("id", "=", parentId).executeTakeFirst();
      if (!parent || parent.proposal_id !== proposalId) throw new DomainError("comment_not_found", { status: 404 });
      if (parent.parent_id !== null) throw new DomainError("comment_reply_depth", { field: "body" });
    }
    const row = await trx.insertInto("proposal_comment").values({ proposal_id: proposalId, parent_id: parentId, author_id: user.id, body }).returning("id").executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Moderators hide a comment or proposal: the words are hidden; the fact and the reason stay public. */
export async function hideContent(db: Kysely<Database>, actor: Actor, target: { kind: "comment" | "proposal"; id: number }, reason: string): Promise<void> {
  const user = actor.user;
  if (!isModerator(user)) throw new DomainError("forbidden", { status: 403 });
  if (reason.trim().length === 0) throw new DomainError("moderation_reason_missing", { field: "reason" });
  await db.transaction().execute(async (trx) => {
    const values = { hidden_at: new Date(), hidden_reason: reason, hidden_by_user_id: user!.id };
    if (target.kind === "comment") {
      const done = await trx.updateTable("proposal_comment").set(values).where("id", "=", target.id).where("hidden_at", "is", null).returning("proposal_id").executeTakeFirst();
      if (!done) throw new DomainError("comment_not_found", { status: 404 });
      await event(trx, done.proposal_id, user!.id, "comment_hidden", { commentId: target.id, reason });
    } else {
      const done = await trx.updateTable("proposal").set(values).where("id", "=", target.id).where("hidden_at", "is", null).returning("id").executeTakeFirst();
      if (!done) throw new DomainError("proposal_not_found", { status: 404 });
      await event(trx, target.id, user!.id, "hidden", { reason });
    }
    await recordAudit(trx, { actorUserId: user!.id, action: `${target.kind}.hidden`, subjectType: target.kind, subjectId: target.id, ip: actor.ip, details: { reason } });
  });
}

export interface ProposalFilters {
  area?: string | undefined;
  theme?: string | undefined;
  status?: ProposalStatus | undefined;
  maxCostMinor?: bigint | undefined;
  page: number;
}

export async function listProposals(db: Kysely<Database>, roundId: number, filters: ProposalFilters) {
  const page = Math.max(1, Math.min(filters.page, 10_000));
  let query = db.selectFrom("proposal").where("round_id", "=", roundId);
  if (filters.area) query = query.where("area", "=", filters.area);
  if (filters.theme) query = query.where("theme", "=", filters.theme);
  if (filters.status) query = query.where("status", "=", filters.status);
  if (filters.maxCostMinor !== undefined) query = query.where("cost_minor", "<=", filters.maxCostMinor);
  const [rows, total, facets] = await Promise.all([
    query
      .select((eb) => [
        "id", "title", "summary", "cost_minor", "area", "theme", "status", "hidden_at", "hidden_reason",
        eb.selectFrom("proposal_support").select(sql<bigint>`count(*)`.as("n")).whereRef("proposal_support.proposal_id", "=", "proposal.id").as("supports"),
      ])
      .orderBy("id")
      .limit(PROPOSALS_PAGE_SIZE)
      .offset((page - 1) * PROPOSALS_PAGE_SIZE)
      .execute(),
    query.select(sql<bigint>`count(*)`.as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("proposal").select(["area", "theme"]).distinct().where("round_id", "=", roundId).limit(200).execute(),
  ]);
  return {
    proposals: rows.map((row) => ({
      ...row,
      supports: Number(row.supports ?? 0n),
      // The words of a hidden proposal are not shown; the fact and the reason are.
      summary: row.hidden_at ? "" : row.summary,
    })),
    total: Number(total.n),
    page,
    pageSize: PROPOSALS_PAGE_SIZE,
    areas: [...new Set(facets.map((f) => f.area).filter((a): a is string => !!a))].sort(),
    themes: [...new Set(facets.map((f) => f.theme).filter((t): t is string => !!t))].sort(),
  };
}

export async function getProposal(db: Kysely<Database>, proposalId: number, viewer: CurrentUser | null) {
  const proposal = await db
    .selectFrom("proposal")
    .innerJoin("app_user", "app_user.id", "proposal.author_id")
    .innerJoin("budget_round", "budget_round.id", "proposal.round_id")
    .selectAll("proposal")
    .select(["app_user.name as author_name", "budget_round.slug as round_slug", "budget_round.title as round_title", "budget_round.phase as round_phase", "budget_round.organisation_id"])
    .where("proposal.id", "=", proposalId)
    .executeTakeFirst();
  if (!proposal) throw new DomainError("proposal_not_found", { status: 404 });
  const [costLines, coauthors, events, comments, supports, supported] = await Promise.all([
    db.selectFrom("proposal_cost_line").select(["description", "amount_minor"]).where("proposal_id", "=", proposalId).orderBy("position").execute(),
    db.selectFrom("proposal_coauthor").innerJoin("app_user", "app_user.id", "proposal_coauthor.user_id").select(["app_user.id", "app_user.name", "app_user.email"]).where("proposal_id", "=", proposalId).execute(),
    db.selectFrom("proposal_event").leftJoin("app_user", "app_user.id", "proposal_event.actor_user_id").select(["proposal_event.kind", "proposal_event.at", "proposal_event.details", "app_user.name as actor_name"]).where("proposal_id", "=", proposalId).orderBy("proposal_event.id").limit(200).execute(),
    db.selectFrom("proposal_comment").innerJoin("app_user", "app_user.id", "proposal_comment.author_id").select(["proposal_comment.id", "proposal_comment.parent_id", "proposal_comment.body", "proposal_comment.created_at", "proposal_comment.hidden_at", "proposal_comment.hidden_reason", "app_user.name as author_name"]).where("proposal_id", "=", proposalId).orderBy("proposal_comment.id").limit(COMMENTS_LIMIT).execute(),
    db.selectFrom("proposal_support").select(sql<bigint>`count(*)`.as("n")).where("proposal_id", "=", proposalId).executeTakeFirstOrThrow(),
    viewer ? db.selectFrom("proposal_support").select("user_id").where("proposal_id", "=", proposalId).where("user_id", "=", viewer.id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const hidden = proposal.hidden_at !== null;
  const viewerIsAuthor = !!viewer && (viewer.id === proposal.author_id || coauthors.some((c) => c.id === viewer.id));
  return {
    proposal: { ...proposal, description: hidden ? "" : proposal.description, summary: hidden ? "" : proposal.summary },
    costLines: hidden ? [] : costLines,
    coauthors,
    events,
    comments: comments.map((c) => ({ ...c, body: c.hidden_at ? "" : c.body })),
    supports: Number(supports.n),
    viewer: {
      supported: supported !== undefined,
      isAuthor: viewerIsAuthor,
      isOfficer: isOfficerFor(viewer, proposal.organisation_id),
      isModerator: isModerator(viewer),
    },
  };
}
