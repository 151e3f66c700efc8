import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as checklistAction } from "../../app/routes/coproduction.teams.$teamId.checklist.js";
import { action as respondAction } from "../../app/routes/coproduction.reflections.$assessmentId.respond.js";
import type { DbHandle } from "../../db/client.js";
import { PRINCIPLES, type Principle } from "../../app/domain/coproduction/reflection.js";
import { DomainErrorList } from "../../app/domain/coproduction/rules.js";
import { DomainError } from "../../app/domain/errors.js";
import { messageFor } from "../../app/domain/messages.js";
import { registerResident } from "../../app/services/accounts.server.js";
import type { Actor } from "../../app/services/current-user.js";
import { grantRole } from "../../app/services/people.server.js";
import { loadCurrentUser } from "../../app/services/sessions.server.js";
import { checklistView, overdueActions, saveChecklist } from "../../app/services/coproduction/checklist.server.js";
import { addAction, assessmentView, createAssessment, setActionProgress, submitResponse } from "../../app/services/coproduction/reflection.server.js";
import { createTeam, inviteMember, teamsFor } from "../../app/services/coproduction/teams.server.js";
import { addMeasure, addStatement, createTheme, groupStatement, reviewMeasure, togetherView } from "../../app/services/coproduction/working-together.server.js";
import { seedDemo } from "../../db/seed.js";
import { testDatabases } from "./databases.js";

const SYSTEM: Actor = { user: null, ip: null, system: true };
let counter = 0;

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const answers = (stages: Record<Principle, string>, evidence = "What we have seen") =>
  Object.fromEntries(PRINCIPLES.map((p) => [p, { stage: stages[p], evidence: `${evidence} (${p})` }])) as Record<Principle, { stage: string; evidence: string }>;

const blankChecklist = () => Array.from({ length: 13 }, (_, i) => ({ tipNumber: i + 1, inPlace: "", nextStep: "", dueOn: "", owner: "", actionDone: "" }));

describe.each(testDatabases)("co-production tools on $name", (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function person(name: string, role?: { role: "coordinator" | "officer" | "admin"; organisationId: number | null }): Promise<Actor> {
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${++counter}@example.org`;
    const userId = await registerResident(handle.db, { name, email, password: "a good password", area: null }, { user: null, ip: null });
    if (role) await grantRole(handle.db, SYSTEM, { userId, role: role.role, organisationId: role.organisationId });
    return { user: (await loadCurrentUser(handle.db, userId))!, ip: "192.0.2.20" };
  }

  async function hostel() {
    const organisation = await handle.db.insertInto("organisation").values({ slug: `hostel-${++counter}`, name: `Hostel ${counter}`, kind: "hostel" }).returning("id").executeTakeFirstOrThrow();
    const coordinator = await person("Cora Coordinator", { role: "coordinator", organisationId: organisation.id });
    const resident = await person("Rosa Resident");
    const partner = await person("Pat Partner");
    const teamId = await createTeam(handle.db, coordinator, { organisationId: organisation.id, name: "Residents' steering group" });
    await inviteMember(handle.db, coordinator, teamId, { email: resident.user!.email, perspective: "resident" });
    await inviteMember(handle.db, coordinator, teamId, { email: partner.user!.email, perspective: "partner" });
    return { organisationId: organisation.id, coordinator, resident, partner, teamId };
  }

  async function rowCounts() {
    const count = async (table: "reflection_response" | "reflection_rating" | "reflection_action" | "reflection_assessment" | "together_statement" | "together_measure" | "together_review") =>
      Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    return {
      responses: await count("reflection_response"),
      ratings: await count("reflection_rating"),
      actions: await count("reflection_action"),
      assessments: await count("reflection_assessment"),
      statements: await count("together_statement"),
      measures: await count("together_measure"),
      reviews: await count("together_review"),
    };
  }

  it("summarises several respondents side by side and flags where they disagree", async () => {
    const { coordinator, resident, partner, teamId } = await hostel();
    const assessmentId = await createAssessment(handle.db, coordinator, teamId, { title: "Autumn self-reflection", heldOn: "2026-10-01" });
    await submitResponse(handle.db, coordinator, assessmentId, answers({ assets: "doing_well", valuing_work: "getting_there", reciprocity: "basics", social_networks: "basics" }));
    await submitResponse(handle.db, resident, assessmentId, answers({ assets: "basics", valuing_work: "getting_there", reciprocity: "not_yet", social_networks: "basics" }, "From where I sit"));
    await submitResponse(handle.db, partner, assessmentId, answers({ assets: "getting_there", valuing_work: "doing_well", reciprocity: "basics", social_networks: "basics" }));

    const view = await assessmentView(handle.db, resident.user, assessmentId, "2026-10-02");
    expect(view.respondents.map((r) => [r.name, r.perspective])).toEqual([["Cora Coordinator", "staff"], ["Rosa Resident", "resident"], ["Pat Partner", "partner"]]);
    const byPrinciple = Object.fromEntries(view.summary.map((s) => [s.principle, s]));
    expect(byPrinciple.assets).toMatchObject({ stages: [4, 2, 3], median: 3, spread: 2, disagreement: true });
    expect(byPrinciple.valuing_work).toMatchObject({ stages: [3, 3, 4], median: 3, disagreement: false });
    expect(byPrinciple.reciprocity).toMatchObject({ stages: [2, 1, 2], median: 2, disagreement: false });
    expect(byPrinciple.social_networks).toMatchObject({ stages: [2, 2, 2], disagreement: false });
    expect(view.evidence.assets[1]).toBe("From where I sit (assets)");
    expect(view.myResponse?.reciprocity).toEqual({ stage: 1, evidence: "From where I sit (reciprocity)" });

    // Filling it in again replaces the person's own answers; it never adds a second response.
    await submitResponse(handle.db, resident, assessmentId, answers({ assets: "getting_there", valuing_work: "getting_there", reciprocity: "basics", social_networks: "basics" }));
    const again = await assessmentView(handle.db, coordinator.user, assessmentId);
    expect(again.respondents).toHaveLength(3);
    expect(again.summary.find((s) => s.principle === "assets")).toMatchObject({ stages: [4, 3, 3], disagreement: false });
  });

  it("shows change over time across repeat assessments of the same team", async () => {
    const { coordinator, resident, teamId } = await hostel();
    const first = await createAssessment(handle.db, coordinator, teamId, { title: "Round 1", heldOn: "2026-01-15" });
    await submitResponse(handle.db, coordinator, first, answers({ assets: "basics", valuing_work: "not_yet", reciprocity: "not_yet", social_networks: "basics" }));
    await submitResponse(handle.db, resident, first, answers({ assets: "not_yet", valuing_work: "not_yet", reciprocity: "basics", social_networks: "basics" }));
    const second = await createAssessment(handle.db, coordinator, teamId, { title: "Round 2", heldOn: "2026-07-15" });
    await submitResponse(handle.db, coordinator, second, answers({ assets: "getting_there", valuing_work: "basics", reciprocity: "basics", social_networks: "doing_well" }));
    await submitResponse(handle.db, resident, second, answers({ assets: "getting_there", valuing_work: "basics", reciprocity: "getting_there", social_networks: "getting_there" }));
    const view = await assessmentView(handle.db, coordinator.user, second);
    expect(view.history.rounds.map((r) => [r.title, r.respondents, r.medians.assets])).toEqual([["Round 1", 2, 1], ["Round 2", 2, 3]]);
    expect(view.history.change).toEqual({ assets: 2, valuing_work: 1, reciprocity: 1, social_networks: 1 });
  });

  it("keeps action plans per principle with progress, and lists overdue ones on the dashboard", async () => {
    const { coordinator, resident, teamId } = await hostel();
    const assessmentId = await createAssessment(handle.db, coordinator, teamId, { title: "Action planning", heldOn: "2026-11-01" });
    const late = await addAction(handle.db, coordinator, assessmentId, { principle: "reciprocity", what: "Start a skills swap", who: "Rosa and Cora", dueOn: "2026-11-20" });
    await addAction(handle.db, coordinator, assessmentId, { principle: "assets", what: "Map residents' skills", who: "Cora", dueOn: "2026-12-31" });
    let view = await assessmentView(handle.db, coordinator.user, assessmentId, "2026-11-25");
    expect(view.actions.map((a) => [a.principle, a.what, a.progress, a.overdue])).toEqual([
      ["assets", "Map residents' skills", "not_started", false],
      ["reciprocity", "Start a skills swap", "not_started", true],
    ]);
    const dashboard = await overdueActions(handle.db, coordinator.user!, "2026-11-25");
    expect(dashboard.filter((a) => a.teamId === teamId).map((a) => [a.kind, a.about, a.what, a.daysOverdue])).toEqual([["reflection", "Reciprocity", "Start a skills swap", 5]]);

    await setActionProgress(handle.db, coordinator, late, "in_progress");
    expect((await overdueActions(handle.db, coordinator.user!, "2026-11-25")).some((a) => a.teamId === teamId)).toBe(true);
    await setActionProgress(handle.db, coordinator, late, "done");
    view = await assessmentView(handle.db, coordinator.user, assessmentId, "2026-11-25");
    expect(view.actions.find((a) => a.id === late)).toMatchObject({ progress: "done", overdue: false });
    expect((await overdueActions(handle.db, coordinator.user!, "2026-11-25")).some((a) => a.teamId === teamId)).toBe(false);

    // Residents see the plan but do not manage it; a dashboard of overdue actions is for staff.
    expect((await domainError(setActionProgress(handle.db, resident, late, "not_started"))).status).toBe(403);
    expect(await overdueActions(handle.db, resident.user!, "2026-11-25")).toEqual([]);
  });

  it("marks checklist actions overdue after their date until they are done", async () => {
    const { coordinator, teamId } = await hostel();
    const rows = blankChecklist();
    rows[4] = { tipNumber: 5, inPlace: "no", nextStep: "Find a step-free venue with a hearing loop", dueOn: "2026-11-01", owner: "Cora", actionDone: "" };
    rows[5] = { tipNumber: 6, inPlace: "yes", nextStep: "Keep petty cash for bus fares", dueOn: "2026-11-24", owner: "Finance", actionDone: "" };
    rows[6] = { tipNumber: 7, inPlace: "no", nextStep: "Write a glossary", dueOn: "2026-11-25", owner: "Rosa", actionDone: "" };
    rows[0] = { tipNumber: 1, inPlace: "yes", nextStep: "", dueOn: "", owner: "", actionDone: "" };
    await saveChecklist(handle.db, coordinator, teamId, rows);

    const { rows: saved } = await checklistView(handle.db, coordinator.user, teamId, "2026-11-25");
    expect(saved.filter((r) => r.overdue).map((r) => r.tipNumber)).toEqual([5, 6]);
    expect(saved[0]).toMatchObject({ inPlace: true, nextStep: "" });
    expect(saved[1]).toMatchObject({ inPlace: null });
    const dashboard = (await overdueActions(handle.db, coordinator.user!, "2026-11-25")).filter((a) => a.teamId === teamId);
    expect(dashboard.map((a) => [a.kind, a.what, a.owner, a.dueOn, a.daysOverdue])).toEqual([
      ["checklist", "Find a step-free venue with a hearing loop", "Cora", "2026-11-01", 24],
      ["checklist", "Keep petty cash for bus fares", "Finance", "2026-11-24", 1],
    ]);
    rows[4] = { ...rows[4]!, actionDone: "yes" };
    await saveChecklist(handle.db, coordinator, teamId, rows);
    const after = (await overdueActions(handle.db, coordinator.user!, "2026-11-25")).filter((a) => a.teamId === teamId);
    expect(after.map((a) => a.what)).toEqual(["Keep petty cash for bus fares"]);
    // Another organisation's staff never see this team's actions.
    const other = await hostel();
    expect((await overdueActions(handle.db, other.coordinator.user!, "2026-11-25")).some((a) => a.teamId === teamId)).toBe(false);
  });

  it("lets only the organisation's staff manage, and only invited people respond", async () => {
    const { coordinator, resident, teamId, organisationId } = await hostel();
    const outsider = await person("Owen Outsider");
    const otherStaff = await hostel();
    const admin = await person("Ada Admin", { role: "admin", organisationId: null });
    const assessmentId = await createAssessment(handle.db, coordinator, teamId, { title: "Who can do what", heldOn: "2026-11-01" });
    const full = answers({ assets: "basics", valuing_work: "basics", reciprocity: "basics", social_networks: "basics" });

    expect((await domainError(createAssessment(handle.db, resident, teamId, { title: "Mine", heldOn: "2026-11-02" }))).status).toBe(403);
    expect((await domainError(createAssessment(handle.db, otherStaff.coordinator, teamId, { title: "Theirs", heldOn: "2026-11-02" }))).status).toBe(403);
    expect((await domainError(inviteMember(handle.db, resident, teamId, { email: outsider.user!.email, perspective: "resident" }))).status).toBe(403);
    expect((await domainError(addAction(handle.db, resident, assessmentId, { principle: "assets", what: "x", who: "y", dueOn: "2027-01-01" }))).status).toBe(403);
    expect((await domainError(saveChecklist(handle.db, resident, teamId, blankChecklist()))).status).toBe(403);
    expect((await domainError(createTeam(handle.db, resident, { organisationId, name: "My own team" }))).code).toBe("coproduction_organisation_not_staff");
    expect((await domainError(submitResponse(handle.db, outsider, assessmentId, full))).status).toBe(403);
    expect((await domainError(submitResponse(handle.db, otherStaff.coordinator, assessmentId, full))).status).toBe(403);
    expect((await domainError(assessmentView(handle.db, outsider.user, assessmentId))).status).toBe(403);
    expect((await domainError(assessmentView(handle.db, null, assessmentId))).status).toBe(403);

    // An administrator manages any team and responds as staff.
    await submitResponse(handle.db, admin, assessmentId, full);
    await submitResponse(handle.db, resident, assessmentId, full);
    const view = await assessmentView(handle.db, admin.user, assessmentId);
    expect(view.respondents.map((r) => r.perspective)).toEqual(["staff", "resident"]);
    expect(view.access.canManage).toBe(true);
    expect((await assessmentView(handle.db, resident.user, assessmentId)).access.canManage).toBe(false);
    expect((await teamsFor(handle.db, resident.user!)).map((t) => [t.id, t.perspective, t.canManage])).toEqual([[teamId, "resident", false]]);
    expect(await teamsFor(handle.db, outsider.user!)).toEqual([]);
  });

  it("writes nothing when input is bad, and says exactly what is wrong", async () => {
    const { coordinator, resident, teamId } = await hostel();
    const assessmentId = await createAssessment(handle.db, coordinator, teamId, { title: "Bad input", heldOn: "2026-11-01" });
    const before = await rowCounts();

    const outOfRange = await domainError(submitResponse(handle.db, resident, assessmentId, { ...answers({ assets: "basics", valuing_work: "basics", reciprocity: "basics", social_networks: "basics" }), reciprocity: { stage: "5", evidence: "ok" }, assets: { stage: "basics", evidence: "" } }));
    expect(outOfRange).toBeInstanceOf(DomainErrorList);
    expect((outOfRange as DomainErrorList).errors.map((e) => messageFor(e))).toEqual([
      "Enter evidence for Recognising people as assets",
      "Select a stage for Reciprocity: really haven't got this yet, got the basics, getting there or doing really well",
    ]);
    const noDate = await domainError(addAction(handle.db, coordinator, assessmentId, { principle: "assets", what: "Map skills", who: "Cora", dueOn: "" }));
    expect([noDate.field, messageFor(noDate)]).toEqual(["dueOn", "Enter by when it will be done, like 2027-03-31"]);
    expect((await domainError(addAction(handle.db, coordinator, assessmentId, { principle: "kindness", what: "Map skills", who: "Cora", dueOn: "2027-01-01" }))).code).toBe("reflection_principle_invalid");
    expect((await domainError(createAssessment(handle.db, coordinator, teamId, { title: " ", heldOn: "2026-13-01" })) as DomainErrorList).errors.map((e) => e.code)).toEqual(["coproduction_text_missing", "coproduction_date_invalid"]);
    expect((await domainError(setActionProgress(handle.db, coordinator, 999_999, "done"))).status).toBe(404);

    // A checklist with one bad tip writes none of them, even the good ones.
    const rows = blankChecklist();
    rows[0] = { tipNumber: 1, inPlace: "yes", nextStep: "", dueOn: "", owner: "", actionDone: "" };
    rows[2] = { tipNumber: 3, inPlace: "no", nextStep: "Hold a joint decision meeting", dueOn: "", owner: "Cora", actionDone: "" };
    const checklistError = await domainError(saveChecklist(handle.db, coordinator, teamId, rows));
    expect((checklistError as DomainErrorList).errors.map((e) => [e.field, messageFor(e)])).toEqual([["tip-3-due", "Enter by which date the action for tip 3 will be done, like 2027-03-31"]]);
    expect((await checklistView(handle.db, coordinator.user, teamId)).rows[0]!.inPlace).toBeNull();

    expect((await domainError(addStatement(handle.db, resident, teamId, { kind: "working", body: "", attributedTo: "" }))).code).toBe("coproduction_text_missing");
    expect((await domainError(addMeasure(handle.db, coordinator, teamId, { kind: "i", body: "Residents feel heard", themeId: null, roundId: null }))).code).toBe("together_i_statement_wording");
    expect(await rowCounts()).toEqual(before);
  });

  it("collects statements, groups them into themes and reviews 'I' and 'We' statements with evidence", async () => {
    const { coordinator, resident, partner, teamId, organisationId } = await hostel();
    const working = await addStatement(handle.db, resident, teamId, { kind: "working", body: "The Tuesday drop-in is friendly and I always get a cup of tea", attributedTo: "Rosa" });
    const notWorking = await addStatement(handle.db, partner, teamId, { kind: "not_working", body: "Letters about meetings arrive after the meeting", attributedTo: "" });
    const theme = await createTheme(handle.db, coordinator, teamId, { name: "Keeping people informed" });
    expect((await domainError(createTheme(handle.db, coordinator, teamId, { name: "keeping people informed" }))).code).toBe("together_theme_taken");
    await groupStatement(handle.db, coordinator, notWorking, theme);
    expect((await domainError(groupStatement(handle.db, resident, working, theme))).status).toBe(403);

    const round = await handle.db
      .insertInto("budget_round")
      .values({ organisation_id: organisationId, slug: `hostel-fund-${counter}`, title: "Hostel fund", description: "Small grants", area: null, budget_minor: 100_000n, theme: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const iMeasure = await addMeasure(handle.db, coordinator, teamId, { kind: "i", body: "I hear about meetings at least a week before they happen", themeId: theme, roundId: round.id });
    const weMeasure = await addMeasure(handle.db, coordinator, teamId, { kind: "we", body: "We will text everyone a week before each meeting", themeId: theme, roundId: null });
    await reviewMeasure(handle.db, coordinator, iMeasure, { reviewedOn: "2027-03-01", outcome: "partly", evidence: "8 of 12 residents said they heard in time" });
    const bad = await domainError(reviewMeasure(handle.db, coordinator, weMeasure, { reviewedOn: "", outcome: "great", evidence: "" }));
    expect((bad as DomainErrorList).errors.map((e) => e.code)).toEqual(["coproduction_date_missing", "together_outcome_invalid", "coproduction_text_missing"]);

    const view = await togetherView(handle.db, resident.user, teamId);
    expect(view.statements.map((s) => [s.kind, s.attributedTo, s.themeId])).toEqual([["working", "Rosa", null], ["not_working", null, theme]]);
    expect(view.measures.map((m) => [m.kind, m.round?.title ?? null, m.reviews.map((r) => r.outcome)])).toEqual([["i", "Hostel fund", ["partly"]], ["we", null, []]]);
    // A round of another organisation cannot be linked.
    const other = await hostel();
    expect((await domainError(addMeasure(handle.db, other.coordinator, other.teamId, { kind: "we", body: "We will publish the results", themeId: null, roundId: round.id }))).code).toBe("together_round_not_found");
  });

  async function post(handler: typeof checklistAction, actor: Actor, path: string, params: Record<string, string>, fields: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams({ _csrf: "test-token", ...fields });
    const request = new Request(`http://localhost${path}`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    const context = { db: handle.db, currentUser: actor.user, csrfToken: "test-token", clientIp: "192.0.2.30" } as unknown as AppLoadContext;
    try {
      return (await handler({ request, params, context })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("answers forms with every problem listed, 403 for people who may not, and writes nothing", async () => {
    const { coordinator, resident, teamId } = await hostel();
    const assessmentId = await createAssessment(handle.db, coordinator, teamId, { title: "Through the page", heldOn: "2026-11-01" });
    const before = await rowCounts();
    const fields: Record<string, string> = { "tip-1-in-place": "yes", "tip-2-next-step": "Agree what co-production means", "tip-4-in-place": "perhaps", "tip-6-due": "2027-01-01" };
    const refused = await post(checklistAction, resident, `/coproduction/teams/${teamId}/checklist`, { teamId: String(teamId) }, fields);
    expect(refused.status).toBe(403);
    const bad = await post(checklistAction, coordinator, `/coproduction/teams/${teamId}/checklist`, { teamId: String(teamId) }, fields);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(["tip-2-due", "tip-2-owner", "tip-4-in-place", "tip-6-next-step"]);
    expect((await checklistView(handle.db, coordinator.user, teamId)).rows[0]!.inPlace).toBeNull();

    const stages = { "stage-assets": "basics", "stage-valuing_work": "9", "stage-reciprocity": "basics", "stage-social_networks": "red", "evidence-assets": "a", "evidence-valuing_work": "b", "evidence-reciprocity": "", "evidence-social_networks": "d" };
    const outsider = await person("Olga Outsider");
    expect((await post(respondAction, outsider, `/coproduction/reflections/${assessmentId}/respond`, { assessmentId: String(assessmentId) }, { ...stages, "stage-valuing_work": "basics", "stage-social_networks": "basics", "evidence-reciprocity": "c" })).status).toBe(403);
    const badResponse = await post(respondAction, resident, `/coproduction/reflections/${assessmentId}/respond`, { assessmentId: String(assessmentId) }, stages);
    expect(badResponse.status).toBe(400);
    expect(((await badResponse.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["stage-valuing_work", "evidence-reciprocity", "stage-social_networks"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("seeds a demo self-reflection with two views that disagree about reciprocity, and an overdue checklist action", async () => {
    await seedDemo(handle.db);
    const team = await handle.db.selectFrom("coproduction_team").select("id").where("name", "=", "Harbour House residents' forum").executeTakeFirstOrThrow();
    const coordinator = await handle.db.selectFrom("app_user").select("id").where("email", "=", "coordinator@harbourhouse.example.org").executeTakeFirstOrThrow();
    const user = (await loadCurrentUser(handle.db, coordinator.id))!;
    const assessment = await handle.db.selectFrom("reflection_assessment").select("id").where("team_id", "=", team.id).executeTakeFirstOrThrow();
    const view = await assessmentView(handle.db, user, assessment.id);
    expect(view.respondents.map((r) => r.perspective)).toEqual(["staff", "resident"]);
    expect(view.summary.filter((s) => s.disagreement).map((s) => s.principle)).toEqual(["reciprocity"]);
    const overdue = await overdueActions(handle.db, user);
    expect(overdue.map((a) => a.kind).sort()).toEqual(["checklist", "reflection"]);
  });
});
