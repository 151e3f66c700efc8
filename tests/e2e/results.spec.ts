import type { Page } from "@playwright/test";
import { test, expect, DEMO_PASSWORD, expectAccessible, expectAccessibleWithoutJs, signIn, signOut } from "./helpers";

const OFFICER = "officer@northfield.example.org";

// A small closed round: four projects, three voters; budget £100,000.
const PB_FILE = [
  "META",
  "key;value",
  "description;Riverside Green Fund 2024",
  "country;United Kingdom",
  "unit;Northfield",
  "instance;2024",
  "num_projects;4",
  "num_votes;3",
  "budget;100000",
  "vote_type;approval",
  "rule;greedy",
  "PROJECTS",
  "project_id;cost;name",
  "1;40000;Community orchard",
  "2;45000;Riverside path lighting",
  "3;30000;Youth club kit",
  "4;20000;Bee-friendly verges",
  "VOTES",
  "voter_id;vote",
  "1;1,2",
  "2;1,2,4",
  "3;3,1",
].join("\n");

async function importCountAndPublish(page: Page, slug: string, checkAxe: (page: Page) => Promise<void>) {
  await signIn(page, OFFICER, DEMO_PASSWORD);
  await page.goto("/rounds/import");
  await page.getByLabel("Short name for the web address").fill(slug);
  await page.getByLabel("Contents of the .pb file").fill(PB_FILE);
  await page.getByRole("button", { name: "Import the round" }).click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${slug}/results$`));
  await expect(page.getByRole("heading", { name: "Results: Riverside Green Fund 2024" })).toBeVisible();
  await checkAxe(page);

  await page.getByRole("button", { name: "Count votes" }).click();
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Funded projects" })).toBeVisible();
  await checkAxe(page);

  await page.getByRole("button", { name: "Publish results" }).click();
  await expect(page.getByRole("heading", { name: "Preview" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Pabulib file/ })).toBeVisible();
  // The officer imported the projects, so they are the proposer and are told what happened.
  await page.goto("/account/notifications");
  await expect(page.getByRole("heading", { name: "You said, we did: the results of Riverside Green Fund 2024" }).first()).toBeVisible();
  await expect(page.getByText("Community orchard: funded, with £40,000 committed to it").first()).toBeVisible();
  await checkAxe(page);
  await signOut(page);
}

async function expectPublicResults(page: Page, slug: string) {
  await page.goto(`/rounds/${slug}/results`);
  await expect(page.getByRole("button", { name: "Count votes" })).toHaveCount(0);
  // Orchard (3 votes) and path lighting (2 votes) are funded most-votes-first; £15,000 is left.
  const funded = page.getByRole("heading", { name: "Funded projects" }).locator("xpath=following-sibling::ol[1]");
  await expect(funded.getByRole("listitem")).toHaveText(["Community orchard, £40,000", "Riverside path lighting, £45,000"]);
  await expect(page.getByText("Left in the pot")).toBeVisible();
  await expect(page.getByRole("img", { name: "Votes for each project" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Every project/ }).getByRole("row", { name: /Youth club kit/ })).toContainText("did not fit");
  await expect(page.getByTestId("ballots-hash")).toHaveText(/^[0-9a-f]{64}$/);
  const download = await page.request.get(`/rounds/${slug}/results.pb`);
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain("project_id;cost;name;selected");
  const csv = await page.request.get(`/rounds/${slug}/results.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Community orchard,40000.00,3,3,yes,1");
}

test("an officer counts and publishes a closed round, and anyone can read the results", async ({ page }) => {
  await importCountAndPublish(page, "riverside-green-2024", expectAccessible);
  await expectPublicResults(page, "riverside-green-2024");
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("counting, publishing and reading results work without JavaScript", async ({ page }) => {
    await importCountAndPublish(page, "riverside-green-2024-nojs", expectAccessibleWithoutJs);
    await expectPublicResults(page, "riverside-green-2024-nojs");
    await expectAccessibleWithoutJs(page);
  });
});

test("the results of a round are not shown before they are published", async ({ page }) => {
  const response = await page.goto("/rounds/northfield-neighbourhood-fund-2027/results");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("The results will appear here after voting closes")).toBeVisible();
  expect((await page.request.get("/rounds/northfield-neighbourhood-fund-2027/results.pb")).status()).toBe(404);
  await expectAccessible(page);
});

test("an officer records delivery spending and anyone can follow it", async ({ page }) => {
  const slug = "riverside-green-2024-delivery";
  await importCountAndPublish(page, slug, async () => undefined);
  await signIn(page, OFFICER, DEMO_PASSWORD);
  await page.goto(`/rounds/${slug}/delivery`);
  await expect(page.getByRole("heading", { name: "Delivery: Riverside Green Fund 2024" })).toBeVisible();

  const payment = page.locator("form", { has: page.getByRole("button", { name: "Record payment" }) });
  await payment.getByLabel("Project").selectOption({ label: "Community orchard" });
  await payment.getByLabel("Supplier").fill("Orchard Trees Ltd");
  await payment.getByLabel("Amount in pounds").fill("45000");
  await payment.getByLabel("Date paid").fill("2025-03-01");
  await payment.getByLabel("Invoice or payment reference").fill("INV-77");
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("link", { name: /more than the £40,000 left in the project's budget/ })).toBeVisible();
  await expectAccessible(page);

  await payment.getByLabel("Amount in pounds").fill("12500.50");
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("table", { name: "Payments for Community orchard" })).toContainText("Orchard Trees Ltd");

  const progress = page.locator("form", { has: page.getByRole("button", { name: "Record progress" }) });
  await progress.getByLabel("Project").selectOption({ label: "Community orchard" });
  await progress.getByLabel("In progress").check();
  await progress.getByLabel("Date").fill("2025-03-02");
  await progress.getByLabel("Note (shown to everyone)").fill("Trees planted along the east path");
  await progress.getByRole("button", { name: "Record progress" }).click();
  await expect(page.getByText("Trees planted along the east path")).toBeVisible();
  await signOut(page);

  await page.goto(`/rounds/${slug}/delivery`);
  const orchard = page.getByRole("table", { name: "Money for each funded project" }).getByRole("row", { name: /Community orchard/ });
  await expect(orchard).toContainText("In progress");
  await expect(orchard).toContainText("£12,500.50");
  await expect(orchard).toContainText("£27,499.50");
  await expect(page.getByRole("img", { name: "Share of each project's committed money spent so far" })).toContainText("Community orchard31% spent");
  await expect(page.getByRole("button", { name: "Record payment" })).toHaveCount(0);
  await expectAccessible(page);
});
