// The self-reflection tool: assessments of a team, separate responses from staff, residents
// and partners, a side-by-side summary that flags disagreement, action plans per principle,
// and change over time across repeat assessments.
import { sql } from "kysely";
import {
  ACTION_PROGRESS,
  PRINCIPLES,
  changeOverTime,
  checkResponse,
  isActionProgress,
  isPrinciple,
  summarise,
  type ActionProgress,
  type ChangeOverTime,
  type Perspective,
  type Principle,
  type PrincipleSummary,
  type RatingInput,
  type Stage,
} from "../../domain/coproduction/reflection.js";
import { COPRODUCTION_LIMITS, checkDate, checkText, collectErrors, isOverdue, ukToday } from "../../domain/coproduction/rules.js";
import { DomainError } from "../../domain/errors.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor, CurrentUser } from "../current-user.js";
import { inTransaction, requireManager, requireUserFrom, teamAccess, type Db, type TeamAccess } from "./teams.server.js";

export async function createAssessment(db: Db, actor: Actor, teamId: number, input: { title: string; heldOn: string }): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { user } = await requireManager(trx, actor, teamId);
    const checked = collectErrors({
      title: () => checkText(input.title, "title", t("coproduction.field.reflectionTitle"), COPRODUCTION_LIMITS.title, true),
      heldOn: () => checkDate(input.heldOn, "heldOn", t("coproduction.field.reflectionDate"), true)!,
    });
    const count = await trx.selectFrom("reflection_assessment").select((eb) => eb.fn.countAll<string>().as("n")).where("team_id", "=", teamId).executeTakeFirstOrThrow();
    if (Number(count.n) >= COPRODUCTION_LIMITS.assessmentsPerTeam) {
      throw new DomainError("reflection_too_many", { values: { maximum: COPRODUCTION_LIMITS.assessmentsPerTeam }, field: "title" });
    }
    const row = await trx.insertInto("reflection_assessment").values({ team_id: teamId, title: checked.title, held_on: checked.heldOn, created_by: user.id }).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: user.id, action: "coproduction.reflection_created", subjectType: "reflection_assessment", subjectId: row.id, ip: actor.ip, details: { teamId, title: checked.title } });
    return row.id;
  });
}

async function assessmentRow(db: Db, assessmentId: number) {
  const row = await db.selectFrom("reflection_assessment").selectAll().where("id", "=", assessmentId).executeTakeFirst();
  if (!row) throw new DomainError("reflection_not_found", { status: 404 });
  return row;
}

/** The assessment and the viewer's access to its team (403 for people outside the team). */
export async function assessmentAccess(db: Db, user: CurrentUser | null, assessmentId: number) {
  const assessment = await assessmentRow(db, assessmentId);
  const access = await teamAccess(db, user, assessment.team_id);
  return { assessment, access };
}

/**
 * Records (or replaces) the viewer's own response: all four principles, each with a stage and
 * evidence, in one transaction. The respondent's perspective is the one they were invited with
 * (staff of the organisation respond as staff).
 */
export async function submitResponse(db: Db, actor: Actor, assessmentId: number, input: Partial<Record<Principle, RatingInput>>): Promise<number> {
  const user = requireUserFrom(actor);
  return inTransaction(db, async (trx) => {
    const { access } = await assessmentAccess(trx, user, assessmentId);
    if (!access.perspective) throw new DomainError("reflection_not_invited", { status: 403 });
    const ratings = checkResponse(input, COPRODUCTION_LIMITS.evidence);
    const existing = await trx.selectFrom("reflection_response").select("id").where("assessment_id", "=", assessmentId).where("user_id", "=", user.id).forUpdate().executeTakeFirst();
    let responseId: number;
    if (existing) {
      responseId = existing.id;
      await trx.updateTable("reflection_response").set({ updated_at: new Date(), perspective: access.perspective }).where("id", "=", responseId).execute();
      await trx.deleteFrom("reflection_rating").where("response_id", "=", responseId).execute();
    } else {
      const row = await trx.insertInto("reflection_response").values({ assessment_id: assessmentId, user_id: user.id, perspective: access.perspective }).returning("id").executeTakeFirstOrThrow();
      responseId = row.id;
    }
    await trx
      .insertInto("reflection_rating")
      .values(PRINCIPLES.map((principle) => ({ response_id: responseId, principle, stage: ratings[principle].stage, evidence: ratings[principle].evidence })))
      .execute();
    await recordAudit(trx, { actorUserId: user.id, action: existing ? "coproduction.reflection_response_changed" : "coproduction.reflection_responded", subjectType: "reflection_assessment", subjectId: assessmentId, ip: actor.ip, details: { perspective: access.perspective } });
    return responseId;
  });
}

export interface ReflectionAction {
  id: number;
  principle: Principle;
  what: string;
  who: string;
  dueOn: string;
  progress: ActionProgress;
  overdue: boolean;
}

export interface AssessmentView {
  assessment: { id: number; title: string; heldOn: string; teamId: number };
  access: TeamAccess;
  respondents: { id: number; name: string; perspective: Perspective }[];
  /** Evidence per respondent and principle, in the respondents' order. */
  evidence: Record<Principle, (string | null)[]>;
  summary: PrincipleSummary[];
  myResponse: Record<Principle, { stage: Stage; evidence: string }> | null;
  actions: ReflectionAction[];
  history: ChangeOverTime;
}

export async function assessmentView(db: Db, user: CurrentUser | null, assessmentId: number, today: string = ukToday()): Promise<AssessmentView> {
  const { assessment, access } = await assessmentAccess(db, user, assessmentId);
  const responses = await db
    .selectFrom("reflection_response")
    .innerJoin("app_user", "app_user.id", "reflection_response.user_id")
    .select(["reflection_response.id", "reflection_response.user_id", "reflection_response.perspective", "app_user.name"])
    .where("reflection_response.assessment_id", "=", assessmentId)
    // Staff first, then residents, then partners, so the same views sit side by side every time.
    .orderBy(sql`case reflection_response.perspective when 'staff' then 1 when 'resident' then 2 else 3 end`)
    .orderBy("reflection_response.id")
    .limit(COPRODUCTION_LIMITS.respondentsShown)
    .execute();
  const ratings =
    responses.length === 0
      ? []
      : await db.selectFrom("reflection_rating").selectAll().where("response_id", "in", responses.map((r) => r.id)).execute();
  const respondentIds = responses.map((r) => r.id);
  const ratingViews = ratings.map((r) => ({ respondentId: r.response_id, principle: r.principle as Principle, stage: r.stage as Stage }));
  const evidence = {} as Record<Principle, (string | null)[]>;
  for (const principle of PRINCIPLES) {
    evidence[principle] = respondentIds.map((id) => ratings.find((r) => r.response_id === id && r.principle === principle)?.evidence ?? null);
  }
  const mine = responses.find((r) => r.user_id === user?.id);
  let myResponse: AssessmentView["myResponse"] = null;
  if (mine) {
    myResponse = {} as Record<Principle, { stage: Stage; evidence: string }>;
    for (const r of ratings.filter((x) => x.response_id === mine.id)) myResponse[r.principle as Principle] = { stage: r.stage as Stage, evidence: r.evidence };
  }
  const actions = await db
    .selectFrom("reflection_action")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .orderBy("principle")
    .orderBy("due_on")
    .orderBy("id")
    .limit(COPRODUCTION_LIMITS.actionsPerPrinciple * PRINCIPLES.length)
    .execute();
  return {
    assessment: { id: assessment.id, title: assessment.title, heldOn: assessment.held_on, teamId: assessment.team_id },
    access,
    respondents: responses.map((r) => ({ id: r.id, name: r.name, perspective: r.perspective })),
    evidence,
    summary: summarise(respondentIds, ratingViews),
    myResponse,
    actions: actions.map((a) => ({ id: a.id, principle: a.principle as Principle, what: a.what, who: a.who, dueOn: a.due_on, progress: a.progress, overdue: isOverdue({ dueOn: a.due_on, done: a.progress === "done" }, today) })),
    history: await teamHistory(db, assessment.team_id),
  };
}

/** Every assessment of a team with its ratings: the median stage per principle per round. */
export async function teamHistory(db: Db, teamId: number): Promise<ChangeOverTime> {
  const assessments = await db
    .selectFrom("reflection_assessment")
    .select(["id", "title", "held_on"])
    .where("team_id", "=", teamId)
    .orderBy("held_on")
    .orderBy("id")
    .limit(COPRODUCTION_LIMITS.assessmentsPerTeam)
    .execute();
  if (assessments.length === 0) return changeOverTime([]);
  const rows = await db
    .selectFrom("reflection_rating")
    .innerJoin("reflection_response", "reflection_response.id", "reflection_rating.response_id")
    .select(["reflection_response.assessment_id", "reflection_response.id as response_id", "reflection_rating.principle", "reflection_rating.stage"])
    .where("reflection_response.assessment_id", "in", assessments.map((a) => a.id))
    .execute();
  return changeOverTime(
    assessments.map((a) => {
      const mine = rows.filter((r) => r.assessment_id === a.id);
      return {
        assessmentId: a.id,
        title: a.title,
        heldOn: a.held_on,
        respondents: new Set(mine.map((r) => r.response_id)).size,
        ratings: mine.map((r) => ({ principle: r.principle as Principle, stage: r.stage as Stage })),
      };
    }),
  );
}

export async function teamAssessments(db: Db, teamId: number) {
  return db
    .selectFrom("reflection_assessment")
    .leftJoin("reflection_response", "reflection_response.assessment_id", "reflection_assessment.id")
    .select(["reflection_assessment.id", "reflection_assessment.title", "reflection_assessment.held_on", (eb) => eb.fn.count<string>("reflection_response.id").as("responses")])
    .where("reflection_assessment.team_id", "=", teamId)
    .groupBy(["reflection_assessment.id", "reflection_assessment.title", "reflection_assessment.held_on"])
    .orderBy("reflection_assessment.held_on", "desc")
    .orderBy("reflection_assessment.id", "desc")
    .limit(COPRODUCTION_LIMITS.assessmentsPerTeam)
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, title: r.title, heldOn: r.held_on, responses: Number(r.responses) })));
}

export async function addAction(db: Db, actor: Actor, assessmentId: number, input: { principle: string; what: string; who: string; dueOn: string }): Promise<number> {
  return inTransaction(db, async (trx) => {
    const assessment = await assessmentRow(trx, assessmentId);
    const { user } = await requireManager(trx, actor, assessment.team_id);
    const checked = collectErrors({
      principle: () => {
        if (!isPrinciple(input.principle)) throw new DomainError("reflection_principle_invalid", { field: "principle" });
        return input.principle;
      },
      what: () => checkText(input.what, "what", t("coproduction.field.actionWhat"), COPRODUCTION_LIMITS.actionWhat, true),
      who: () => checkText(input.who, "who", t("coproduction.field.actionWho"), COPRODUCTION_LIMITS.actionWho, true),
      dueOn: () => checkDate(input.dueOn, "dueOn", t("coproduction.field.actionDueOn"), true)!,
    });
    const count = await trx.selectFrom("reflection_action").select((eb) => eb.fn.countAll<string>().as("n")).where("assessment_id", "=", assessmentId).where("principle", "=", checked.principle).executeTakeFirstOrThrow();
    if (Number(count.n) >= COPRODUCTION_LIMITS.actionsPerPrinciple) {
      throw new DomainError("reflection_too_many_actions", { values: { maximum: COPRODUCTION_LIMITS.actionsPerPrinciple }, field: "what" });
    }
    const row = await trx
      .insertInto("reflection_action")
      .values({ assessment_id: assessmentId, principle: checked.principle, what: checked.what, who: checked.who, due_on: checked.dueOn, created_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: user.id, action: "coproduction.action_added", subjectType: "reflection_assessment", subjectId: assessmentId, ip: actor.ip, details: { actionId: row.id, principle: checked.principle, dueOn: checked.dueOn } });
    return row.id;
  });
}

export async function setActionProgress(db: Db, actor: Actor, actionId: number, progress: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const action = await trx
      .selectFrom("reflection_action")
      .innerJoin("reflection_assessment", "reflection_assessment.id", "reflection_action.assessment_id")
      .select(["reflection_action.id", "reflection_action.assessment_id", "reflection_assessment.team_id"])
      .where("reflection_action.id", "=", actionId)
      .forUpdate()
      .executeTakeFirst();
    if (!action) throw new DomainError("reflection_action_not_found", { status: 404 });
    const { user } = await requireManager(trx, actor, action.team_id);
    if (!isActionProgress(progress)) throw new DomainError("reflection_progress_invalid", { field: `progress-${actionId}` });
    await trx.updateTable("reflection_action").set({ progress, updated_at: new Date() }).where("id", "=", actionId).execute();
    await recordAudit(trx, { actorUserId: user.id, action: "coproduction.action_progress", subjectType: "reflection_assessment", subjectId: action.assessment_id, ip: actor.ip, details: { actionId, progress } });
  });
}

export { ACTION_PROGRESS };
