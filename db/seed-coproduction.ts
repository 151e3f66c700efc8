// The co-production demo: Harbour House's residents' forum, with a self-reflection answered by
// the coordinator and a resident (who disagree about reciprocity), an action plan, a checklist
// with one overdue action, and a little of Working Together for Change. Dates are relative to
// the day the demo is seeded, so "overdue" always means something.
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";
import { addDays, todayInLondon } from "../app/domain/timebank/dates.js";
import { TIP_COUNT } from "../app/domain/coproduction/checklist.js";
import type { Actor } from "../app/services/current-user.js";
import { loadCurrentUser } from "../app/services/sessions.server.js";
import { saveChecklist } from "../app/services/coproduction/checklist.server.js";
import { addAction, createAssessment, submitResponse } from "../app/services/coproduction/reflection.server.js";
import { createTeam, inviteMember } from "../app/services/coproduction/teams.server.js";
import { addMeasure, addStatement, createTheme, groupStatement } from "../app/services/coproduction/working-together.server.js";

export const DEMO_TEAM_NAME = "Harbour House residents' forum";

async function actorFor(trx: Kysely<Database>, email: string): Promise<Actor> {
  const row = await trx.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return { user: (await loadCurrentUser(trx, row.id))!, ip: null };
}

export async function seedCoproductionDemo(trx: Kysely<Database>, ids: { organisationIds: Map<string, number> }): Promise<void> {
  const today = todayInLondon();
  const coordinator = await actorFor(trx, "coordinator@harbourhouse.example.org");
  const amelia = await actorFor(trx, "amelia.clarke@example.org");
  const teamId = await createTeam(trx, coordinator, { organisationId: ids.organisationIds.get("harbour-house")!, name: DEMO_TEAM_NAME });
  await inviteMember(trx, coordinator, teamId, { email: "amelia.clarke@example.org", perspective: "resident" });
  await inviteMember(trx, coordinator, teamId, { email: "aisha.khan@example.org", perspective: "resident" });

  const assessmentId = await createAssessment(trx, coordinator, teamId, { title: "Autumn self-reflection", heldOn: addDays(today, -21) });
  await submitResponse(trx, coordinator, assessmentId, {
    assets: { stage: "getting_there", evidence: "Residents run the Tuesday drop-in and chose this year's hostel projects." },
    valuing_work: { stage: "basics", evidence: "Time credits for helping out; bus fares are paid, but not always on the day." },
    reciprocity: { stage: "doing_well", evidence: "Every resident both gives and receives hours through the timebank." },
    social_networks: { stage: "basics", evidence: "The shared kitchen brings people together; few links outside the hostel yet." },
  });
  await submitResponse(trx, amelia, assessmentId, {
    assets: { stage: "getting_there", evidence: "We are asked what we think and we were part of choosing projects." },
    valuing_work: { stage: "basics", evidence: "I get time credits, but I waited two weeks for my bus fare once." },
    reciprocity: { stage: "basics", evidence: "Some of us give lots of hours and never get to spend them. It feels one way." },
    social_networks: { stage: "not_yet", evidence: "I don't know anyone outside the hostel through this." },
  });
  await addAction(trx, coordinator, assessmentId, { principle: "reciprocity", what: "Ask residents what they would like to spend their hours on, and add two new rewards", who: "Grace Adeyemi and Amelia Clarke", dueOn: addDays(today, 14) });
  await addAction(trx, coordinator, assessmentId, { principle: "valuing_work", what: "Keep petty cash at reception so bus fares are paid on the day", who: "Grace Adeyemi", dueOn: addDays(today, -3) });

  const checklist = Array.from({ length: TIP_COUNT }, (_, i) => ({ tipNumber: i + 1, inPlace: "", nextStep: "", dueOn: "", owner: "", actionDone: "" }));
  checklist[0] = { ...checklist[0]!, inPlace: "yes" };
  checklist[4] = { tipNumber: 5, inPlace: "no", nextStep: "Move forum meetings to the ground-floor room with the hearing loop", dueOn: addDays(today, -7), owner: "Grace Adeyemi", actionDone: "" };
  checklist[5] = { tipNumber: 6, inPlace: "no", nextStep: "Agree a petty cash float for expenses on the day", dueOn: addDays(today, 10), owner: "Grace Adeyemi", actionDone: "" };
  checklist[6] = { ...checklist[6]!, inPlace: "yes" };
  await saveChecklist(trx, coordinator, teamId, checklist);

  const theme = await createTheme(trx, coordinator, teamId, { name: "Money and expenses" });
  await addStatement(trx, amelia, teamId, { kind: "working", body: "The Tuesday drop-in is friendly and there is always a cup of tea.", attributedTo: "Amelia" });
  const late = await addStatement(trx, amelia, teamId, { kind: "not_working", body: "I waited two weeks to get my bus fare back.", attributedTo: "" });
  await groupStatement(trx, coordinator, late, theme);
  await addMeasure(trx, coordinator, teamId, { kind: "i", body: "I get my travel costs back on the day I come to a meeting.", themeId: theme, roundId: null });
  await addMeasure(trx, coordinator, teamId, { kind: "we", body: "We will pay expenses in cash or by transfer on the day of every meeting.", themeId: theme, roundId: null });
}
