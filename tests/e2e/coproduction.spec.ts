import type { Page } from "@playwright/test";
import { test, expect, DEMO_PASSWORD, expectAccessible, expectAccessibleWithoutJs, signIn, signOut, uniqueEmail } from "./helpers";

const HOSTEL_COORDINATOR = "coordinator@harbourhouse.example.org";
const CENTRE_COORDINATOR = "coordinator@millbrook.example.org";

type Answers = Record<"Recognising people as assets" | "Valuing work differently" | "Reciprocity" | "Building social networks", [string, string]>;

async function answer(page: Page, answers: Answers) {
  for (const [principle, [stage, evidence]] of Object.entries(answers)) {
    await page.getByRole("group", { name: principle }).getByLabel(stage, { exact: true }).check();
    await page.getByLabel(`Evidence for ${principle.toLowerCase()}`).fill(evidence);
  }
}

test("a team completes the self-reflection from two perspectives and sees the comparison", async ({ page }) => {
  const residentEmail = uniqueEmail("nadia");
  const teamName = `Kitchen group ${Date.now() % 100000}`;
  await page.goto("/register");
  await page.getByLabel("Full name").fill("Nadia Hassan");
  await page.getByLabel("Email address").fill(residentEmail);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Account created" })).toBeVisible();
  await signOut(page);

  // The coordinator starts a team, invites the resident and starts a self-reflection.
  await signIn(page, HOSTEL_COORDINATOR, DEMO_PASSWORD);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Co-production" }).click();
  await expect(page.getByRole("heading", { name: "Co-production", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Team or project name").fill(teamName);
  await page.getByRole("button", { name: "Start the team" }).click();
  await expect(page.getByRole("heading", { name: teamName })).toBeVisible();
  await page.getByLabel("Email address of their account").fill(residentEmail);
  await page.getByRole("group", { name: "They take part as" }).getByLabel("Resident").check();
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`${residentEmail} is now part of the team`)).toBeVisible();
  await expect(page.getByText("Nadia Hassan (resident)")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Winter self-reflection");
  await page.getByLabel("Date", { exact: true }).fill("2026-12-01");
  await page.getByRole("button", { name: "Start the self-reflection" }).click();
  await expect(page.getByRole("heading", { name: "Winter self-reflection" })).toBeVisible();
  await expect(page.getByText("Nobody has filled this in yet.")).toBeVisible();

  // Staff view, first with a missing answer: nothing is saved and the summary says what to fix.
  await page.getByRole("link", { name: "Fill in your self-reflection" }).click();
  await expect(page.getByText("You are answering as staff.")).toBeVisible();
  await expectAccessible(page);
  await answer(page, {
    "Recognising people as assets": ["Doing really well", "Residents plan the menu every week"],
    "Valuing work differently": ["Getting there", "Cooks earn time credits"],
    Reciprocity: ["Getting there", "Everyone cooks and everyone eats"],
    "Building social networks": ["Got the basics", "Neighbours come to the Friday meal"],
  });
  await page.getByLabel("Evidence for reciprocity").fill("");
  await page.getByRole("button", { name: "Send your answers" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Enter evidence for Reciprocity" })).toHaveAttribute("href", "#evidence-reciprocity");
  await expectAccessible(page);
  await page.getByLabel("Evidence for reciprocity").fill("Everyone cooks and everyone eats");
  await page.getByRole("button", { name: "Send your answers" }).click();
  await expect(page.getByRole("table", { name: "Views side by side" })).toBeVisible();

  // An action needs a date.
  await page.getByLabel("Principle").selectOption({ label: "Building social networks" });
  await page.getByLabel("What will be done").fill("Invite the allotment society to a Friday meal");
  await page.getByLabel("Who will do it").fill("Grace and Nadia");
  await page.getByRole("button", { name: "Add the action" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter by when it will be done, like 2027-03-31" })).toBeVisible();
  await page.getByLabel("By when").fill("2027-01-31");
  await page.getByRole("button", { name: "Add the action" }).click();
  await expect(page.getByRole("cell", { name: "Invite the allotment society to a Friday meal", exact: true })).toBeVisible();
  await signOut(page);

  // The resident answers separately and sees both views side by side.
  await signIn(page, residentEmail, "a long enough password");
  await page.goto("/coproduction");
  await page.getByRole("link", { name: teamName }).click();
  await page.getByRole("link", { name: "Winter self-reflection" }).click();
  await page.getByRole("link", { name: "Fill in your self-reflection" }).click();
  await expect(page.getByText("You are answering as resident.")).toBeVisible();
  await answer(page, {
    "Recognising people as assets": ["Got the basics", "We are asked, but staff decide"],
    "Valuing work differently": ["Getting there", "I get time credits for cooking"],
    Reciprocity: ["Doing really well", "I cook and I eat with everyone"],
    "Building social networks": ["Got the basics", "I have met two neighbours"],
  });
  await page.getByRole("button", { name: "Send your answers" }).click();
  const table = page.getByRole("table", { name: "Views side by side" });
  await expect(table.getByRole("columnheader", { name: /Grace Adeyemi\s*Staff/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Nadia Hassan\s*Resident/ })).toBeVisible();
  const assets = table.getByRole("row", { name: /Recognising people as assets/ });
  await expect(assets.getByText("Green: Doing really well")).toBeVisible();
  await expect(assets.getByText("Amber: Got the basics").first()).toBeVisible();
  await expect(assets.getByText("Views differ: 2 stages apart")).toBeVisible();
  await expect(table.getByRole("row", { name: /Reciprocity/ }).getByText("Close: one stage apart")).toBeVisible();
  await expect(page.getByText("Views differ by 2 stages or more on: Recognising people as assets")).toBeVisible();
  // Residents see the action plan but do not manage it.
  await expect(page.getByRole("cell", { name: "Invite the allotment society to a Friday meal", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add the action" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/coproduction");
  await expect(page.getByRole("heading", { name: "Overdue actions" })).toHaveCount(0);
  await signOut(page);
});

test("the checklist shows an overdue action on the dashboard, and Working Together for Change collects statements", async ({ page }) => {
  const teamName = `Garden project ${Date.now() % 100000}`;
  await signIn(page, CENTRE_COORDINATOR, DEMO_PASSWORD);
  await page.goto("/coproduction");
  await page.getByLabel("Team or project name").fill(teamName);
  await page.getByRole("button", { name: "Start the team" }).click();
  await page.getByRole("link", { name: "Co-production checklist: thirteen top tips" }).click();
  await expect(page.getByRole("heading", { name: "Co-production checklist" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Tip \d+:/ })).toHaveCount(13);
  await expectAccessible(page);

  // An action without a date is refused, and nothing else on the form is saved either.
  await page.getByRole("group", { name: "Is tip 1 in place?" }).getByLabel("Yes").check();
  await page.getByLabel("What do we need to do now? (tip 5)").fill("Book the step-free hall for every meeting");
  await page.getByLabel("Owner (tip 5)").fill("Tom Hughes");
  await page.getByRole("button", { name: "Save the checklist" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter by which date the action for tip 5 will be done, like 2027-03-31" })).toHaveAttribute("href", "#tip-5-due");
  await expectAccessible(page);
  await page.goto(page.url());
  await expect(page.getByText("0 of 13 are in place.")).toBeVisible();

  await page.getByRole("group", { name: "Is tip 1 in place?" }).getByLabel("Yes").check();
  await page.getByLabel("What do we need to do now? (tip 5)").fill("Book the step-free hall for every meeting");
  await page.getByLabel("By which date? (tip 5)").fill("2025-01-15");
  await page.getByLabel("Owner (tip 5)").fill("Tom Hughes");
  await page.getByRole("button", { name: "Save the checklist" }).click();
  await expect(page.getByText("The checklist has been saved")).toBeVisible();
  await expect(page.getByText("1 of 13 are in place.")).toBeVisible();
  await expect(page.getByText("The action was due by 15 January 2025.")).toBeVisible();

  await page.goto("/coproduction");
  const overdue = page.getByRole("table", { name: /Actions with a date before today/ });
  const row = overdue.getByRole("row").filter({ hasText: teamName });
  await expect(row.getByRole("cell", { name: "Book the step-free hall for every meeting" })).toBeVisible();
  await expect(row.getByText(/Overdue by \d+ days/)).toBeVisible();
  await expectAccessible(page);

  // Working Together for Change: a statement in someone's own words, a theme and an 'I' statement.
  await page.getByRole("link", { name: teamName }).click();
  await page.getByRole("link", { name: /Working Together for Change/ }).click();
  await page.getByRole("group", { name: "Is this about something working or not working?" }).getByLabel("Not working", { exact: true }).check();
  await page.getByLabel("What they said, in their own words").fill("I never know when the garden is open");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("I never know when the garden is open")).toBeVisible();
  await page.getByLabel("New theme").fill("Opening times");
  await page.getByRole("button", { name: "Add the theme" }).click();
  await page.getByRole("group", { name: "Kind of statement" }).getByLabel("'I' statement").check();
  await page.getByLabel("The statement", { exact: true }).fill("The garden is open more");
  await page.getByRole("button", { name: "Add the measure" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /starting with I or My/ })).toBeVisible();
  await page.getByLabel("The statement", { exact: true }).fill("I know when the garden is open");
  await page.getByLabel("Theme (optional)").selectOption({ label: "Opening times" });
  await page.getByRole("button", { name: "Add the measure" }).click();
  await expect(page.getByRole("heading", { name: "'I' statement: I know when the garden is open" })).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an invited resident fills in the demo self-reflection", async ({ page }) => {
    await signIn(page, "aisha.khan@example.org", DEMO_PASSWORD);
    await page.goto("/coproduction");
    await page.getByRole("link", { name: "Harbour House residents' forum" }).click();
    await page.getByRole("link", { name: "Autumn self-reflection" }).click();
    await expect(page.getByText("Views differ by 2 stages or more on: Reciprocity")).toBeVisible();
    await page.getByRole("link", { name: "Fill in your self-reflection" }).click();
    await page.getByRole("button", { name: "Send your answers" }).click();
    await expect(page.getByRole("link", { name: "Select a stage for Recognising people as assets: really haven't got this yet, got the basics, getting there or doing really well" })).toBeVisible();
    await expectAccessibleWithoutJs(page);
    await answer(page, {
      "Recognising people as assets": ["Getting there", "I helped choose the new playroom toys"],
      "Valuing work differently": ["Got the basics", "Time credits for childcare"],
      Reciprocity: ["Getting there", "I give childcare and get English practice"],
      "Building social networks": ["Really haven't got this yet", "I only know people in the hostel"],
    });
    await page.getByRole("button", { name: "Send your answers" }).click();
    const table = page.getByRole("table", { name: "Views side by side" });
    await expect(table.getByRole("columnheader", { name: /Aisha Khan\s*Resident/ })).toBeVisible();
    await expect(page.getByText("3 people have filled it in.")).toBeVisible();
    await expectAccessibleWithoutJs(page);
  });
});
