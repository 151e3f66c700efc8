import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, expectAccessibleWithoutJs, signIn, signOut } from "./helpers";

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

test("an organiser runs a meeting: a resident signs up with access needs, attends, claims bus fare, is paid on the day and earns an hour", async ({ page }) => {
  const title = `Steering group ${Date.now()}`;

  // The organiser creates the meeting, fixing a mistake first.
  await signIn(page, ORGANISER, DEMO_PASSWORD);
  await page.goto("/meetings");
  await expect(page.getByRole("heading", { name: "Meetings", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create a meeting" }).click();
  await expect(page.getByRole("heading", { name: "Create a meeting" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create the meeting" }).click();
  await expect(page.getByRole("link", { name: "Enter the meeting's title" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Select the level of involvement the meeting offers" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Timebank (optional, needed to give hours)").selectOption({ index: 1 });
  await page.getByLabel("Date").fill(todayInLondon());
  await page.getByLabel("Start time").fill("09:00");
  await page.getByLabel("End time").fill("23:00");
  await page.getByLabel("Venue", { exact: true }).fill("Millbrook Community Centre, small hall");
  await page.getByLabel("Venue address").fill("12 Mill Lane, Millbrook");
  await page.getByLabel("Step-free access").check();
  await page.getByLabel("Hearing loop").check();
  await page.getByLabel("Agenda").fill("Welcome\nWhat is working and what is not\nNext steps");
  await page.getByLabel("Co-production").check();
  await page.getByLabel("Hours credit for each person who attends (optional)").fill("1");
  await page.getByRole("button", { name: "Create the meeting" }).click();
  await expect(page.getByRole("heading", { name: `Organise: ${title}` })).toBeVisible();
  const organiseUrl = page.url();
  const meetingUrl = organiseUrl.replace(/\/organise$/, "");
  await signOut(page);

  // The resident signs up with access needs.
  await signIn(page, RESIDENT, DEMO_PASSWORD);
  const hoursBefore = await timebankBalance(page);
  await page.goto("/meetings");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("Level of involvement: Co-production")).toBeVisible();
  await expect(page.locator(".govuk-inset-text").getByText("We share power")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign up for this meeting" }).click();
  await page.getByLabel("British Sign Language (BSL) interpreter").check();
  await page.getByLabel("A carer or supporter is coming with me").check();
  await page.getByLabel("Dietary needs (optional)").fill("Vegetarian");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("You are signed up")).toBeVisible();
  await expect(page.getByText("You asked for: British Sign Language (BSL) interpreter, A carer or supporter is coming with me.")).toBeVisible();
  await signOut(page);

  // The organiser sees the summary and records that she attended.
  await signIn(page, ORGANISER, DEMO_PASSWORD);
  await page.goto(organiseUrl);
  await expect(page.getByRole("row", { name: "British Sign Language (BSL) interpreter 1" })).toBeVisible();
  await expect(page.getByRole("row", { name: "Large print 0" })).toBeVisible();
  await expect(page.getByText("1 carer or supporter is coming too")).toBeVisible();
  await expect(page.getByText("Hannah Lewis: Vegetarian")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Record Hannah Lewis as attended" }).click();
  await expect(page.getByText("Hannah Lewis recorded as attending; earned 1 hour")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // She claims her bus fare: over the maximum first, then the right amount, to be paid.
  await signIn(page, RESIDENT, DEMO_PASSWORD);
  await page.goto(meetingUrl);
  await expect(page.getByText("The organiser recorded that you attended.")).toBeVisible();
  await page.getByRole("link", { name: "Claim expenses" }).click();
  await expect(page.getByText("Payments, including expenses, may affect your benefits")).toBeVisible();
  await expect(page.getByRole("link", { name: /benefits calculator on GOV.UK/ })).toHaveAttribute("href", "https://www.gov.uk/benefits-calculators");
  await expectAccessible(page);
  await page.getByLabel("Travel").check();
  await page.getByLabel("Amount in pounds").fill("250");
  await page.getByLabel("Pay me").check();
  await page.getByRole("button", { name: "Send claim" }).click();
  await expect(page.getByRole("link", { name: "Enter an amount of £200.00 or less. For more, talk to the organiser" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Amount in pounds").fill("4.60");
  await page.getByLabel("What was it for? (optional)").fill("Bus fare");
  await page.getByRole("button", { name: "Send claim" }).click();
  await expect(page.getByText("Travel, £4.60: Waiting for the organiser to approve £4.60")).toBeVisible();
  await signOut(page);

  // The organiser approves it on the spot.
  await signIn(page, ORGANISER, DEMO_PASSWORD);
  await page.goto(organiseUrl);
  await page.getByRole("button", { name: "Approve Hannah Lewis's travel claim" }).click();
  await expect(page.getByText("Claim approved and paid today")).toBeVisible();
  await expect(page.getByRole("cell", { name: `Paid £4.60 on ${longToday()}` })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // She sees she was paid today, in her statement from the ledger, and has an hour more.
  await signIn(page, RESIDENT, DEMO_PASSWORD);
  await page.goto("/meetings/payments");
  await expect(page.getByRole("cell", { name: `Paid £4.60 on ${longToday()}` })).toBeVisible();
  const statementLine = page.getByRole("row", { name: new RegExp(`Travel expenses paid on the day: ${title}`) });
  await expect(statementLine).toContainText("£4.60");
  await expect(page.getByText(`${title}`).first()).toBeVisible();
  await expect(page.getByText("earned 1 hour")).toBeVisible();
  await expectAccessible(page);
  expect(await timebankBalance(page)).toBe(hoursBefore + 1);
  await page.goto("/account/notifications");
  await expect(page.getByText(`Paid £4.60 on ${longToday()}`).first()).toBeVisible();
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
