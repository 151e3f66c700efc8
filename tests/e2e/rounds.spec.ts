import type { Page } from "@playwright/test";
import { test, expect, DEMO_PASSWORD, expectAccessible, expectAccessibleWithoutJs, signIn } from "./helpers";

const ROUND = "/rounds/northfield-neighbourhood-fund-2027";

async function voteFor(page: Page, projects: string[]) {
  await page.goto(`${ROUND}/vote`);
  for (const title of projects) await page.getByLabel(title, { exact: false }).check();
  await page.getByRole("button", { name: "Check your choices" }).click();
  await expect(page.getByRole("heading", { name: "Check your choices" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm and cast your vote" }).click();
  await expect(page.getByRole("heading", { name: "Your vote has been counted" })).toBeVisible();
}

test("a resident proposes, an officer reviews the proposal and opens voting with the rules frozen", async ({ page, browser }) => {
  await signIn(page, "officer@northfield.example.org", DEMO_PASSWORD);
  await page.goto("/rounds");
  await page.getByRole("link", { name: "Create a budget round" }).click();
  await expectAccessible(page);
  const slug = `old-town-${Date.now()}`;
  await page.getByLabel("Title").fill("Old Town Small Grants");
  await page.getByLabel("Short name for the web address").fill(slug);
  await page.getByLabel("Description").fill("Small projects for Old Town.");
  await page.getByLabel("Budget in pounds").fill("20000");
  await page.getByRole("button", { name: "Create round" }).click();
  await expect(page.getByRole("heading", { name: "Old Town Small Grants" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Reason (shown in the round's history)").fill("Call for proposals");
  await page.getByRole("button", { name: "Move to open for proposals" }).click();
  await expect(page.getByText("Open for proposals").first()).toBeVisible();

  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  await signIn(resident, "chloe.evans@example.org", DEMO_PASSWORD);
  await resident.goto(`/rounds/${slug}/proposals/new`);
  await expectAccessible(resident);
  await resident.getByRole("button", { name: "Submit proposal" }).click();
  await expect(resident.getByRole("alert").getByRole("link", { name: "Enter a title for your proposal" })).toBeVisible();
  await resident.getByLabel("Title").fill("Planters on the high street");
  await resident.getByLabel("Summary").fill("Flower planters outside the shops.");
  await resident.getByLabel("Description").fill("<b>Twelve</b> planters, looked after by volunteers.");
  await resident.getByLabel("Estimated cost in pounds").fill("3,600");
  await resident.getByLabel("Cost lines (optional)").fill("Planters: 3000\nPlants and soil: 600");
  await resident.getByRole("button", { name: "Submit proposal" }).click();
  await expect(resident.getByRole("heading", { name: "Proposal submitted" })).toBeVisible();
  // Text people type is shown as text, never as markup.
  await expect(resident.getByText("<b>Twelve</b> planters, looked after by volunteers.")).toBeVisible();
  await expectAccessible(resident);
  const proposalUrl = resident.url().replace(/\?.*$/, "");
  await residentContext.close();

  await page.getByLabel("Reason (shown in the round's history)").fill("Proposals closed");
  await page.getByRole("button", { name: "Move to proposals being reviewed" }).click();
  // Wait for the move to land before leaving the page, or the review form may not be there yet.
  await expect(page.getByRole("button", { name: "Move to voting open" })).toBeVisible();
  await page.goto(proposalUrl);
  await page.getByLabel("Feasible: put it on the ballot").check();
  await page.getByLabel("Reason (everyone will see this)").fill("Highways agreed the locations.");
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText("Feasible: on the ballot")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/rounds/${slug}`);
  await page.getByLabel("Reason (shown in the round's history)").fill("Voting opens");
  await page.getByRole("button", { name: "Move to voting open" }).click();
  await expect(page.getByTestId("rules-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByRole("link", { name: "Change the round's details and rules" })).toHaveCount(0);
});

test("a vote in one page updates the tally in another page within 2 seconds", async ({ page, browser }) => {
  const watcherContext = await browser.newContext();
  const watcher = await watcherContext.newPage();
  await watcher.goto(`${ROUND}/tally`);
  await expect(watcher.locator('[data-ws="open"]')).toBeVisible();
  await expectAccessible(watcher);
  const before = Number(await watcher.getByTestId("turnout").textContent());

  await signIn(page, "aisha.khan@example.org", DEMO_PASSWORD);
  await voteFor(page, ["Community fridge"]);
  await expect(watcher.getByTestId("turnout")).toHaveText(String(before + 1), { timeout: 2_000 });
  await watcherContext.close();
});

test("a person votes with a one-time code and no account; the code works once", async ({ page, browser }) => {
  await signIn(page, "officer@northfield.example.org", DEMO_PASSWORD);
  await page.goto(`${ROUND}/codes`);
  await expectAccessible(page);
  await page.getByLabel("How many codes").fill("2");
  await page.getByLabel("Where they will be handed out").fill("Library drop-in");
  await page.getByRole("button", { name: "Make codes" }).click();
  const code = (await page.getByTestId("voting-code").first().textContent())!.trim();
  await expectAccessible(page);

  const voterContext = await browser.newContext();
  const voter = await voterContext.newPage();
  await voter.goto("/vote");
  await expectAccessible(voter);
  await voter.getByLabel("Your voting code").fill(code.toLowerCase());
  await voter.getByRole("button", { name: "Continue" }).click();
  await voter.getByLabel("Youth music studio", { exact: false }).check();
  await voter.getByRole("button", { name: "Check your choices" }).click();
  await expectAccessible(voter);
  await voter.getByRole("button", { name: "Confirm and cast your vote" }).click();
  await expect(voter.getByRole("heading", { name: "Your vote has been counted" })).toBeVisible();
  await expect(voter.getByTestId("receipt")).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(voter).toHaveURL(/\/vote\/done$/);
  await expectAccessible(voter);
  // The receipt is shown once: reloading (or the next person at this computer) does not see it
  // again, and the ballot is never sent twice.
  await voter.reload();
  await expect(voter).toHaveURL(/\/vote$/);
  await expect(voter.getByTestId("receipt")).toHaveCount(0);

  await voter.goto("/vote");
  await voter.getByLabel("Your voting code").fill(code);
  await voter.getByRole("button", { name: "Continue" }).click();
  await expect(voter.getByRole("alert").getByText("This voting code has already been used")).toBeVisible();
  await voterContext.close();
});

test("a ballot over the limits is refused with a specific message and nothing is stored", async ({ page }) => {
  await signIn(page, "jack.robinson@example.org", DEMO_PASSWORD);
  await page.goto(`${ROUND}/vote`);
  for (const title of ["Community fridge", "Youth music studio", "Tree planting on estates", "Free holiday lunch club"]) await page.getByLabel(title, { exact: false }).check();
  await page.getByRole("button", { name: "Check your choices" }).click();
  await expect(page.getByRole("alert").getByText("Choose no more than 3 projects. You have chosen 4")).toBeVisible();
  await expectAccessible(page);
});

test("keyboard-only voting", async ({ page }) => {
  await signIn(page, "emily.wright@example.org", DEMO_PASSWORD);
  await page.goto(`${ROUND}/vote`);
  const box = page.getByLabel("Benches and shade in Riverside Park", { exact: false });
  await box.focus();
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
  await page.getByRole("button", { name: "Check your choices" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your choices" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm and cast your vote" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your vote has been counted" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a resident votes and the tally page shows the counts at load time", async ({ page }) => {
    await signIn(page, "harry.thompson@example.org", DEMO_PASSWORD);
    await page.goto(`${ROUND}/tally`);
    const before = Number(await page.getByTestId("turnout").textContent());
    await voteFor(page, ["Safer crossing on Old Town Road", "Community fridge"]);
    await expectAccessibleWithoutJs(page);
    await page.goto(`${ROUND}/tally`);
    await expect(page.getByTestId("turnout")).toHaveText(String(before + 1));
    await expectAccessibleWithoutJs(page);
  });
});

test("the public can read proposals and their debate", async ({ page }) => {
  await page.goto(`${ROUND}/proposals`);
  await expectAccessible(page);
  await page.getByLabel("Theme").selectOption("Food");
  await page.getByRole("button", { name: "Filter proposals" }).click();
  await expect(page.getByRole("link", { name: "Community fridge" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Youth music studio" })).toHaveCount(0);
  await page.getByRole("link", { name: "Community fridge" }).click();
  await expectAccessible(page);
  await page.goto(`${ROUND}/proposals?status=not_feasible`);
  await page.getByRole("link", { name: "Swimming pool on the green" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "common land" })).toBeVisible();
});
