// Working Together for Change: statements in people's own words (what is working, what is not),
// grouped into themes; 'I' and 'We' statements as success measures for the team's work or a
// budget round, each reviewed later with evidence.
import {
  isMeasureKind,
  isReviewOutcome,
  isStatementKind,
  looksLikeIStatement,
  looksLikeWeStatement,
  type MeasureKind,
  type ReviewOutcome,
  type StatementKind,
} from "../../domain/coproduction/working-together.js";
import { COPRODUCTION_LIMITS, checkDate, checkText, collectErrors } from "../../domain/coproduction/rules.js";
import { DomainError } from "../../domain/errors.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor, CurrentUser } from "../current-user.js";
import { isUniqueViolation } from "../db-errors.js";
import { inTransaction, requireManager, requireUserFrom, teamAccess, type Db, type TeamAccess } from "./teams.server.js";

async function countOf(db: Db, table: "together_statement" | "together_theme" | "together_measure", teamId: number): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).where("team_id", "=", teamId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Anyone in the team (staff or invited) can record what is and is not working. */
export async function addStatement(db: Db, actor: Actor, teamId: number, input: { kind: string; body: string; attributedTo: string }): Promise<number> {
  const user = requireUserFrom(actor);
  return inTransaction(db, async (trx) => {
    await teamAccess(trx, user, teamId);
    const checked = collectErrors({
      kind: () => {
        if (!isStatementKind(input.kind)) throw new DomainError("together_kind_invalid", { field: "kind" });
        return input.kind as StatementKind;
      },
      body: () => checkText(input.body, "body", t("coproduction.field.statementBody"), COPRODUCTION_LIMITS.statement, true),
      attributedTo: () => checkText(input.attributedTo, "attributedTo", t("coproduction.field.attributedTo"), COPRODUCTION_LIMITS.attribution, false),
    });
    if ((await countOf(trx, "together_statement", teamId)) >= COPRODUCTION_LIMITS.statementsPerTeam) {
      throw new DomainError("together_limit", { values: { maximum: COPRODUCTION_LIMITS.statementsPerTeam }, field: "body" });
    }
    const row = await trx
      .insertInto("together_statement")
      .values({ team_id: teamId, kind: checked.kind, body: checked.body, attributed_to: checked.attributedTo || null, recorded_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: user.id, action: "coproduction.statement_added", subjectType: "coproduction_team", subjectId: teamId, ip: actor.ip, details: { statementId: row.id, kind: checked.kind } });
    return row.id;
  });
}

export async function createTheme(db: Db, actor: Actor, teamId: number, input: { name: string }): Promise<number> {
  try {
    return await inTransaction(db, async (trx) => {
      const { user } = await requireManager(trx, actor, teamId);
      const name = checkText(input.name, "themeName", t("coproduction.field.themeName"), COPRODUCTION_LIMITS.themeName, true);
      if ((await countOf(trx, "together_theme", teamId)) >= COPRODUCTION_LIMITS.themesPerTeam) {
        throw new DomainError("together_limit", { values: { maximum: COPRODUCTION_LIMITS.themesPerTeam }, field: "themeName" });
      }
      const row = await trx.insertInto("together_theme").values({ team_id: teamId, name }).returning("id").executeTakeFirstOrThrow();
      await recordAudit(trx, { actorUserId: user.id, action: "coproduction.theme_created", subjectType: "coproduction_team", subjectId: teamId, ip: actor.ip, details: { themeId: row.id, name } });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("together_theme_taken", { field: "themeName", status: 409 });
    throw error;
  }
}

async function themeOfTeam(db: Db, teamId: number, themeId: number | null, field: string): Promise<number | null> {
  if (themeId === null) return null;
  const theme = await db.selectFrom("together_theme").select("id").where("id", "=", themeId).where("team_id", "=", teamId).executeTakeFirst();
  if (!theme) throw new DomainError("together_theme_not_found", { field });
  return theme.id;
}

/** Puts a statement under a theme (or takes it out of one with null). */
export async function groupStatement(db: Db, actor: Actor, statementId: number, themeId: number | null): Promise<void> {
  await inTransaction(db, async (trx) => {
    const statement = await trx.selectFrom("together_statement").select(["id", "team_id"]).where("id", "=", statementId).forUpdate().executeTakeFirst();
    if (!statement) throw new DomainError("together_statement_not_found", { status: 404 });
    const { user } = await requireManager(trx, actor, statement.team_id);
    const theme = await themeOfTeam(trx, statement.team_id, themeId, `theme-${statementId}`);
    await trx.updateTable("together_statement").set({ theme_id: theme }).where("id", "=", statementId).execute();
    await recordAudit(trx, { actorUserId: user.id, action: "coproduction.statement_grouped", subjectType: "coproduction_team", subjectId: statement.team_id, ip: actor.ip, details: { statementId, themeId: theme } });
  });
}

export async function addMeasure(db: Db, actor: Actor, teamId: number, input: { kind: string; body: string; themeId: number | null; roundId: number | null }): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { user, team } = await requireManager(trx, actor, teamId);
    const checked = collectErrors({
      kind: () => {
        if (!isMeasureKind(input.kind)) throw new DomainError("together_measure_kind_invalid", { field: "measureKind" });
        return input.kind as MeasureKind;
      },
      body: () => checkText(input.body, "measureBody", t("coproduction.field.measureBody"), COPRODUCTION_LIMITS.measure, true),
    });
    if (checked.kind === "i" && !looksLikeIStatement(checked.body)) throw new DomainError("together_i_statement_wording", { field: "measureBody" });
    if (checked.kind === "we" && !looksLikeWeStatement(checked.body)) throw new DomainError("together_we_statement_wording", { field: "measureBody" });
    const themeId = await themeOfTeam(trx, teamId, input.themeId, "measureTheme");
    if (input.roundId !== null) {
      const round = await trx.selectFrom("budget_round").select("id").where("id", "=", input.roundId).where("organisation_id", "=", team.organisationId).executeTakeFirst();
      if (!round) throw new DomainError("together_round_not_found", { field: "measureRound" });
    }
    if ((await countOf(trx, "together_measure", teamId)) >= COPRODUCTION_LIMITS.measuresPerTeam) {
      throw new DomainError("together_limit", { values: { maximum: COPRODUCTION_LIMITS.measuresPerTeam }, field: "measureBody" });
    }
    const row = await trx
      .insertInto("together_measure")
      .values({ team_id: teamId, kind: checked.kind, body: checked.body, theme_id: themeId, round_id: input.roundId, created_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: user.id, action: "coproduction.measure_added", subjectType: "coproduction_team", subjectId: teamId, ip: actor.ip, details: { measureId: row.id, kind: checked.kind, roundId: input.roundId } });
    return row.id;
  });
}

export async function reviewMeasure(db: Db, actor: Actor, measureId: number, input: { reviewedOn: string; outcome: string; evidence: string }): Promise<number> {
  return inTransaction(db, async (trx) => {
    const measure = await trx.selectFrom("together_measure").select(["id", "team_id"]).where("id", "=", measureId).executeTakeFirst();
    if (!measure) throw new DomainError("together_measure_not_found", { status: 404 });
    const { user } = await requireManager(trx, actor, measure.team_id);
    const checked = collectErrors({
      reviewedOn: () => checkDate(input.reviewedOn, `reviewedOn-${measureId}`, t("coproduction.field.reviewedOn"), true)!,
      outcome: () => {
        if (!isReviewOutcome(input.outcome)) throw new DomainError("together_outcome_invalid", { field: `outcome-${measureId}` });
        return input.outcome as ReviewOutcome;
      },
      evidence: () => checkText(input.evidence, `reviewEvidence-${measureId}`, t("coproduction.field.reviewEvidence"), COPRODUCTION_LIMITS.reviewEvidence, true),
    });
    const row = await trx
      .insertInto("together_review")
      .values({ measure_id: measureId, reviewed_on: checked.reviewedOn, outcome: checked.outcome, evidence: checked.evidence, reviewed_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: user.id, action: "coproduction.measure_reviewed", subjectType: "coproduction_team", subjectId: measure.team_id, ip: actor.ip, details: { measureId, outcome: checked.outcome } });
    return row.id;
  });
}

export interface TogetherView {
  access: TeamAccess;
  themes: { id: number; name: string }[];
  statements: { id: number; kind: StatementKind; body: string; attributedTo: string | null; themeId: number | null }[];
  measures: {
    id: number;
    kind: MeasureKind;
    body: string;
    themeId: number | null;
    round: { id: number; title: string; slug: string } | null;
    reviews: { reviewedOn: string; outcome: ReviewOutcome; evidence: string }[];
  }[];
  rounds: { id: number; title: string }[];
}

export async function togetherView(db: Db, user: CurrentUser | null, teamId: number): Promise<TogetherView> {
  const access = await teamAccess(db, user, teamId);
  const themes = await db.selectFrom("together_theme").select(["id", "name"]).where("team_id", "=", teamId).orderBy("name").limit(COPRODUCTION_LIMITS.themesPerTeam).execute();
  const statements = await db
    .selectFrom("together_statement")
    .select(["id", "kind", "body", "attributed_to", "theme_id"])
    .where("team_id", "=", teamId)
    .orderBy("id")
    .limit(COPRODUCTION_LIMITS.statementsPerTeam)
    .execute();
  const measures = await db
    .selectFrom("together_measure")
    .leftJoin("budget_round", "budget_round.id", "together_measure.round_id")
    .select(["together_measure.id", "together_measure.kind", "together_measure.body", "together_measure.theme_id", "budget_round.id as round_id", "budget_round.title as round_title", "budget_round.slug as round_slug"])
    .where("together_measure.team_id", "=", teamId)
    .orderBy("together_measure.id")
    .limit(COPRODUCTION_LIMITS.measuresPerTeam)
    .execute();
  const reviews =
    measures.length === 0
      ? []
      : await db.selectFrom("together_review").select(["measure_id", "reviewed_on", "outcome", "evidence"]).where("measure_id", "in", measures.map((m) => m.id)).orderBy("reviewed_on").orderBy("id").execute();
  const rounds = await db.selectFrom("budget_round").select(["id", "title"]).where("organisation_id", "=", access.team.organisationId).orderBy("id", "desc").limit(50).execute();
  return {
    access,
    themes,
    statements: statements.map((s) => ({ id: s.id, kind: s.kind, body: s.body, attributedTo: s.attributed_to, themeId: s.theme_id })),
    measures: measures.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      themeId: m.theme_id,
      round: m.round_id !== null ? { id: m.round_id, title: m.round_title!, slug: m.round_slug! } : null,
      reviews: reviews.filter((r) => r.measure_id === m.id).map((r) => ({ reviewedOn: r.reviewed_on, outcome: r.outcome, evidence: r.evidence })),
    })),
    rounds,
  };
}
