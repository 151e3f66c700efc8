// The thirteen-tip checklist per team, and the dashboard of overdue actions across the teams a
// person manages (checklist actions and self-reflection action plans alike).
import { TIP_COUNT, TOP_TIPS, checkChecklistRow, checklistActionOverdue, topTip, type ChecklistAnswer, type ChecklistFormInput } from "../../domain/coproduction/checklist.js";
import { principleLabel, type Principle } from "../../domain/coproduction/reflection.js";
import { COPRODUCTION_LIMITS, DomainErrorList, daysBetween, ukToday } from "../../domain/coproduction/rules.js";
import { DomainError } from "../../domain/errors.js";
import { hasRole } from "../../domain/roles.js";
import { t } from "../../i18n/translate.js";
import { recordAudit } from "../audit.server.js";
import type { Actor, CurrentUser } from "../current-user.js";
import { inTransaction, requireManager, teamAccess, type Db, type TeamAccess } from "./teams.server.js";

export interface ChecklistRow extends ChecklistAnswer {
  tip: string;
  overdue: boolean;
}

export async function checklistView(db: Db, user: CurrentUser | null, teamId: number, today: string = ukToday()): Promise<{ access: TeamAccess; rows: ChecklistRow[] }> {
  const access = await teamAccess(db, user, teamId);
  const stored = await db.selectFrom("checklist_item").selectAll().where("team_id", "=", teamId).orderBy("tip_number").limit(TIP_COUNT).execute();
  const rows = TOP_TIPS.map((tipKey, i) => {
    const row = stored.find((s) => s.tip_number === i + 1);
    const answer: ChecklistAnswer = row
      ? { tipNumber: i + 1, inPlace: row.in_place, nextStep: row.next_step, dueOn: row.due_on, owner: row.owner, actionDone: row.action_done }
      : { tipNumber: i + 1, inPlace: null, nextStep: "", dueOn: null, owner: "", actionDone: false };
    return { ...answer, tip: t(tipKey), overdue: checklistActionOverdue(answer, today) };
  });
  return { access, rows };
}

/**
 * Saves the whole checklist at once. Every tip is checked first and all problems are reported
 * together; nothing is written unless every tip is valid, and then all are written in one
 * transaction.
 */
export async function saveChecklist(db: Db, actor: Actor, teamId: number, inputs: readonly ChecklistFormInput[]): Promise<void> {
  if (inputs.length !== TIP_COUNT || new Set(inputs.map((i) => i.tipNumber)).size !== TIP_COUNT) {
    throw new DomainError("checklist_tip_unknown", { values: { tipNumber: "?" } });
  }
  await inTransaction(db, async (trx) => {
    // Who may first, then what was sent: people who cannot save are not told how to fix it.
    const { user } = await requireManager(trx, actor, teamId);
    const answers: ChecklistAnswer[] = [];
    const errors: DomainError[] = [];
    for (const input of [...inputs].sort((a, b) => a.tipNumber - b.tipNumber)) {
      const checked = checkChecklistRow(input);
      if (checked.answer) answers.push(checked.answer);
      errors.push(...checked.errors);
    }
    if (errors.length > 0) throw new DomainErrorList(errors);
    for (const answer of answers) {
      const values = { in_place: answer.inPlace, next_step: answer.nextStep, due_on: answer.dueOn, owner: answer.owner, action_done: answer.actionDone, updated_by: user.id, updated_at: new Date() };
      await trx
        .insertInto("checklist_item")
        .values({ team_id: teamId, tip_number: answer.tipNumber, ...values })
        .onConflict((oc) => oc.columns(["team_id", "tip_number"]).doUpdateSet(values))
        .execute();
    }
    await recordAudit(trx, { actorUserId: user.id, action: "coproduction.checklist_saved", subjectType: "coproduction_team", subjectId: teamId, ip: actor.ip, details: { inPlace: answers.filter((a) => a.inPlace).length, actions: answers.filter((a) => a.nextStep).length } });
  });
}

export interface OverdueAction {
  kind: "checklist" | "reflection";
  teamId: number;
  teamName: string;
  organisationName: string;
  /** The tip or principle the action belongs to. */
  about: string;
  what: string;
  owner: string;
  dueOn: string;
  daysOverdue: number;
  link: string;
}

/**
 * Overdue actions across every team the person manages: checklist actions and self-reflection
 * action plans with a date before today that are not done. Oldest first.
 */
export async function overdueActions(db: Db, user: CurrentUser, today: string = ukToday()): Promise<OverdueAction[]> {
  const isAdmin = hasRole(user.roles, "admin");
  const staffOrgs = user.roles.filter((g) => (g.role === "officer" || g.role === "coordinator") && g.organisationId !== null).map((g) => g.organisationId!);
  if (!isAdmin && staffOrgs.length === 0) return [];
  const limit = COPRODUCTION_LIMITS.overdueShown;
  let checklist = db
    .selectFrom("checklist_item")
    .innerJoin("coproduction_team", "coproduction_team.id", "checklist_item.team_id")
    .innerJoin("organisation", "organisation.id", "coproduction_team.organisation_id")
    .select(["checklist_item.team_id", "checklist_item.tip_number", "checklist_item.next_step", "checklist_item.owner", "checklist_item.due_on", "checklist_item.action_done", "coproduction_team.name", "organisation.name as organisation_name"])
    .where("checklist_item.next_step", "<>", "")
    .where("checklist_item.action_done", "=", false)
    .where("checklist_item.due_on", "<", today)
    .orderBy("checklist_item.due_on")
    .limit(limit);
  let plans = db
    .selectFrom("reflection_action")
    .innerJoin("reflection_assessment", "reflection_assessment.id", "reflection_action.assessment_id")
    .innerJoin("coproduction_team", "coproduction_team.id", "reflection_assessment.team_id")
    .innerJoin("organisation", "organisation.id", "coproduction_team.organisation_id")
    .select(["reflection_assessment.team_id", "reflection_assessment.id as assessment_id", "reflection_action.principle", "reflection_action.what", "reflection_action.who", "reflection_action.due_on", "coproduction_team.name", "organisation.name as organisation_name"])
    .where("reflection_action.progress", "<>", "done")
    .where("reflection_action.due_on", "<", today)
    .orderBy("reflection_action.due_on")
    .limit(limit);
  if (!isAdmin) {
    checklist = checklist.where("coproduction_team.organisation_id", "in", staffOrgs);
    plans = plans.where("coproduction_team.organisation_id", "in", staffOrgs);
  }
  const out: OverdueAction[] = [];
  for (const row of await checklist.execute()) {
    // The query and the rule must agree; the rule is the definition.
    if (!checklistActionOverdue({ nextStep: row.next_step, dueOn: row.due_on, actionDone: row.action_done }, today)) continue;
    out.push({ kind: "checklist", teamId: row.team_id, teamName: row.name, organisationName: row.organisation_name, about: t("coproduction.checklist.tip", { number: row.tip_number, tip: topTip(row.tip_number) }), what: row.next_step, owner: row.owner, dueOn: row.due_on!, daysOverdue: daysBetween(row.due_on!, today), link: `/coproduction/teams/${row.team_id}/checklist` });
  }
  for (const row of await plans.execute()) {
    out.push({ kind: "reflection", teamId: row.team_id, teamName: row.name, organisationName: row.organisation_name, about: principleLabel(row.principle as Principle), what: row.what, owner: row.who, dueOn: row.due_on, daysOverdue: daysBetween(row.due_on, today), link: `/coproduction/reflections/${row.assessment_id}` });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.teamName.localeCompare(b.teamName))).slice(0, limit);
}
