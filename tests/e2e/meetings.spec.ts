import type { Page } from "@playwright/test";
import { test, expect, DEMO_PASSWORD, expectAccessible, expectAccessibleWithoutJs, signIn } from "./helpers";

const ORGANISER = "coordinator@millbrook.example.org";
// A member of the Millbrook timebank in the demo, not used by other journeys.
const RESIDENT = "hannah.lewis@example.org";

function todayInLondon(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

function longToday(): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" }).format(new Date());
}

async function timebankBalance(page: Page): Promise<number> {
  await page.goto("/timebanks/millbrook");
  const text = await page.getByRole("heading", { name: /Your balance/ }).innerText();
  return Number(/(-?[\d.]+) hours?/.exec(text)![1]);
}

test("an organiser runs a meeting: a resident signs up with access needs, attends, claims bus fare, is paid on the day and earns an hour", async ({ page, browser }) => {
  // The whole journey, two people and an accessibility check on every page: more than one page's worth of time.
  test.slow();
  const title = `Steering group ${Date.now()}`;
  // The organiser and the resident each have their own browser, signed in once.
  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  const organiser = page;

  // The organiser creates the meeting, fixing a mistake first.
  await signIn(organiser, ORGANISER, DEMO_PASSWORD);
  await organiser.goto("/meetings");
  await expect(organiser.getByRole("heading", { name: "Meetings", level: 1 })).toBeVisible();
  await expectAccessible(organiser);
  await organiser.getByRole("button", { name: "Create a meeting" }).click();
  await expect(organiser.getByRole("heading", { name: "Create a meeting" })).toBeVisible();
  await expectAccessible(organiser);
  await organiser.getByRole("button", { name: "Create the meeting" }).click();
  await expect(organiser.getByRole("link", { name: "Enter the meeting's title" })).toBeVisible();
  await expect(organiser.getByRole("link", { name: "Select the level of involvement the meeting offers" })).toBeVisible();
  await expectAccessible(organiser);
  await organiser.getByLabel("Title").fill(title);
  await organiser.getByLabel("Timebank (optional, needed to give hours)").selectOption({ index: 1 });
  await organiser.getByLabel("Date").fill(todayInLondon());
  await organiser.getByLabel("Start time").fill("09:00");
  await organiser.getByLabel("End time").fill("23:00");
  await organiser.getByLabel("Venue", { exact: true }).fill("Millbrook Community Centre, small hall");
  await organiser.getByLabel("Venue address").fill("12 Mill Lane, Millbrook");
  await organiser.getByLabel("Step-free access").check();
  await organiser.getByLabel("Hearing loop").check();
  await organiser.getByLabel("Agenda").fill("Welcome\nWhat is working and what is not\nNext steps");
  await organiser.getByLabel("Co-production").check();
  await organiser.getByLabel("Hours credit for each person who attends (optional)").fill("1");
  await organiser.getByRole("button", { name: "Create the meeting" }).click();
  await expect(organiser.getByRole("heading", { name: `Organise: ${title}` })).toBeVisible();
  const organiseUrl = organiser.url();
  const meetingUrl = organiseUrl.replace(/\/organise$/, "");

  // The resident signs up with access needs.
  await signIn(resident, RESIDENT, DEMO_PASSWORD);
  const hoursBefore = await timebankBalance(resident);
  await resident.goto("/meetings");
  await resident.getByRole("link", { name: title }).click();
  await expect(resident.getByText("Level of involvement: Co-production")).toBeVisible();
  await expect(resident.locator(".govuk-inset-text").getByText("We share power")).toBeVisible();
  await expectAccessible(resident);
  await resident.getByRole("link", { name: "Sign up for this meeting" }).click();
  await resident.getByLabel("British Sign Language (BSL) interpreter").check();
  await resident.getByLabel("A carer or supporter is coming with me").check();
  await resident.getByLabel("Dietary needs (optional)").fill("Vegetarian");
  await expectAccessible(resident);
  await resident.getByRole("button", { name: "Sign up" }).click();
  await expect(resident.getByText("You are signed up")).toBeVisible();
  await expect(resident.getByText("You asked for: British Sign Language (BSL) interpreter, A carer or supporter is coming with me.")).toBeVisible();

  // The organiser sees the summary and records that she attended.
  await organiser.goto(organiseUrl);
  await expect(organiser.getByRole("row", { name: "British Sign Language (BSL) interpreter 1" })).toBeVisible();
  await expect(organiser.getByRole("row", { name: "Large print 0" })).toBeVisible();
  await expect(organiser.getByText("1 carer or supporter is coming too")).toBeVisible();
  await expect(organiser.getByText("Hannah Lewis: Vegetarian")).toBeVisible();
  await expectAccessible(organiser);
  await organiser.getByRole("button", { name: "Record Hannah Lewis as attended" }).click();
  await expect(organiser.getByText("Hannah Lewis recorded as attending; earned 1 hour")).toBeVisible();
  await expectAccessible(organiser);

  // She claims her bus fare: over the maximum first, then the right amount, to be paid.
  await resident.goto(meetingUrl);
  await expect(resident.getByText("The organiser recorded that you attended.")).toBeVisible();
  await resident.getByRole("link", { name: "Claim expenses" }).click();
  await expect(resident.getByText("Payments, including expenses, may affect your benefits")).toBeVisible();
  await expect(resident.getByRole("link", { name: /benefits calculator on GOV.UK/ })).toHaveAttribute("href", "https://www.gov.uk/benefits-calculators");
  await expectAccessible(resident);
  await resident.getByLabel("Travel").check();
  await resident.getByLabel("Amount in pounds").fill("250");
  await resident.getByLabel("Pay me").check();
  await resident.getByRole("button", { name: "Send claim" }).click();
  await expect(resident.getByRole("link", { name: "Enter an amount of £200.00 or less. For more, talk to the organiser" })).toBeVisible();
  await expectAccessible(resident);
  await resident.getByLabel("Amount in pounds").fill("4.60");
  await resident.getByLabel("What was it for? (optional)").fill("Bus fare");
  await resident.getByRole("button", { name: "Send claim" }).click();
  await expect(resident.getByText("Travel, £4.60: Waiting for the organiser to approve £4.60")).toBeVisible();

  // The organiser approves it on the spot.
  await organiser.goto(organiseUrl);
  await organiser.getByRole("button", { name: "Approve Hannah Lewis's travel claim", exact: true }).click();
  await expect(organiser.getByText("Claim approved and paid today")).toBeVisible();
  await expect(organiser.getByRole("cell", { name: `Paid £4.60 on ${longToday()}` })).toBeVisible();
  await expectAccessible(organiser);

  // She sees she was paid today, in her statement from the ledger, and has an hour more.
  await resident.goto("/meetings/payments");
  await expect(resident.getByRole("cell", { name: `Paid £4.60 on ${longToday()}` })).toBeVisible();
  await expect(resident.getByRole("row", { name: new RegExp(`Travel expenses paid on the day: ${title}`) })).toContainText("£4.60");
  await expect(resident.getByText("earned 1 hour")).toBeVisible();
  await expectAccessible(resident);
  expect(await timebankBalance(resident)).toBe(hoursBefore + 1);
  await resident.goto("/account/notifications");
  await expect(resident.getByText(`Paid £4.60 on ${longToday()}`).first()).toBeVisible();
  await residentContext.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a resident signs up for the demo meeting and claims childcare for a charity, fixing a mistake first", async ({ page }) => {
    await signIn(page, "bethany.hall@example.org", DEMO_PASSWORD);
    await page.goto("/meetings");
    await page.getByRole("link", { name: "Designing the new community garden" }).click();
    await expect(page.getByText("Level of involvement: Co-design")).toBeVisible();
    await expectAccessibleWithoutJs(page);
    await page.getByRole("link", { name: "Sign up for this meeting" }).click();
    await page.getByLabel("Easy Read").check();
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.getByText("You asked for: Easy Read.")).toBeVisible();
    await page.getByRole("link", { name: "Claim expenses" }).click();
    await page.getByLabel("Childcare").check();
    await page.getByLabel("Give it to a charity instead").check();
    await page.getByRole("button", { name: "Send claim" }).click();
    await expect(page.getByRole("link", { name: "Enter the amount in pounds, like 4.60" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enter the name of the charity" })).toBeVisible();
    await expectAccessibleWithoutJs(page);
    await page.getByLabel("Amount in pounds").fill("12.50");
    await page.getByLabel("If you are giving it to a charity, which one?").fill("Millbrook Food Bank");
    await page.getByRole("button", { name: "Send claim" }).click();
    await expect(page.getByText("Childcare, £12.50: Waiting for the organiser to approve £12.50")).toBeVisible();
    await expectAccessibleWithoutJs(page);
  });
});
