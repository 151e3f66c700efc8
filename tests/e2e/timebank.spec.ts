import type { Page } from "@playwright/test";
import { test, expect, DEMO_PASSWORD, expectAccessible, signIn, signOut, uniqueEmail } from "./helpers";

async function openHostelTimebank(page: Page) {
  await page.getByRole("link", { name: "Timebanks" }).click();
  await expect(page.getByRole("heading", { name: "Timebanks" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Harbour House Timebank" }).click();
  await expect(page.getByRole("heading", { name: "Harbour House Timebank", level: 1 })).toBeVisible();
}

test("a coordinator enrols a member who is not online and records an exchange for them", async ({ page }) => {
  await signIn(page, "coordinator@harbourhouse.example.org", DEMO_PASSWORD);
  const email = uniqueEmail("maureen");
  await page.getByRole("link", { name: "Add a person" }).click();
  await page.getByLabel("Full name").fill("Maureen Doyle");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Give a temporary password").check();
  await page.getByRole("button", { name: "Open account" }).click();
  await expect(page.getByRole("heading", { name: "Account opened for Maureen Doyle" })).toBeVisible();

  await openHostelTimebank(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Enrol a member" }).click();
  await expect(page.getByRole("heading", { name: "Enrol a member" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email address of their account").fill(email);
  await page.getByLabel("What can you offer? (optional)").fill("Cleaning, ironing");
  await page.getByRole("button", { name: "Enrol member" }).click();
  await expect(page.getByRole("heading", { name: "Member enrolled" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Record an exchange for them" }).click();
  await expect(page.getByRole("heading", { name: "Record an exchange for members" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("group", { name: "Who gave the time?" }).getByLabel("Maureen Doyle").check();
  await page.getByRole("group", { name: "Who received it?" }).getByLabel("Harbour House Women's Hostel (organisation)").check();
  // Not a quarter hour: refused with a specific message, nothing recorded.
  await page.getByLabel("Hours given").fill("1.3");
  await page.getByLabel("Kind of help").selectOption("cleaning");
  await page.getByLabel("What was done?").fill("Cleaned the shared kitchen");
  await page.getByRole("button", { name: "Record exchange" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter hours in quarter hours, like 0.25, 0.5, 0.75 or 1.25" })).toHaveAttribute("href", "#hours");
  await expectAccessible(page);

  await page.getByLabel("Hours given").fill("1.5");
  await page.getByRole("button", { name: "Record exchange" }).click();
  await expect(page.getByText("Exchange recorded and confirmed. The hours have moved.")).toBeVisible();
  await expect(page.getByTestId("exchange-status")).toHaveText("Confirmed");
  await expect(page.getByText("Maureen Doyle (1.5 hours)")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Back to Harbour House Timebank" }).click();
  await page.getByRole("link", { name: "Members and requests to join" }).click();
  await expectAccessible(page);
  const row = page.getByRole("row", { name: /Maureen Doyle/ });
  // 2 hours to start with and 1.5 earned.
  await expect(row.getByRole("cell", { name: "3.5 hours" })).toBeVisible();
  const memberPage = await row.getByRole("link", { name: "Maureen Doyle" }).getAttribute("href");
  expect(memberPage).toMatch(/^\/timebanks\/harbour-house\/members\/\d+$/);
  await page.goto(memberPage!);
  await expect(page.getByRole("heading", { name: "Maureen Doyle" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Cleaned the shared kitchen" })).toBeVisible();
  await expectAccessible(page);
});

test("a member records childcare she gave, the receiver confirms it, and both pages show it", async ({ page }) => {
  await signIn(page, "aisha.khan@example.org", DEMO_PASSWORD);
  await openHostelTimebank(page);
  await page.getByRole("link", { name: "Record time you gave" }).click();
  await expectAccessible(page);
  await page.getByLabel("Who did you help?").selectOption({ label: "Chloe Evans" });
  await page.getByLabel("Hours").fill("1.75");
  await page.getByLabel("Kind of help").selectOption("childcare");
  await page.getByLabel("What did you do?").fill("Looked after Chloe's children during her exam");
  await page.getByRole("button", { name: "Record time" }).click();
  await expect(page.getByTestId("exchange-status")).toHaveText("Waiting for confirmation");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "chloe.evans@example.org", DEMO_PASSWORD);
  await openHostelTimebank(page);
  await page.getByRole("link", { name: /Aisha Khan gave you 1.75 hours: Looked after Chloe's children during her exam/ }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm this exchange" }).click();
  await expect(page.getByText("Thank you. The exchange is confirmed and the hours have moved.")).toBeVisible();
  await expect(page.getByTestId("exchange-status")).toHaveText("Confirmed");
  await page.getByRole("link", { name: "Back to Harbour House Timebank" }).click();
  const chloeRow = page.getByRole("row", { name: /Looked after Chloe's children during her exam/ });
  await expect(chloeRow).toContainText("Received 1.75 hours");
  await expect(chloeRow).toContainText("Confirmed");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "aisha.khan@example.org", DEMO_PASSWORD);
  await openHostelTimebank(page);
  const aishaRow = page.getByRole("row", { name: /Looked after Chloe's children during her exam/ });
  await expect(aishaRow).toContainText("Gave 1.75 hours");
  await expect(aishaRow).toContainText("Confirmed");
});

test("a hostel member sees her week against the 5-hour pledge", async ({ page }) => {
  await signIn(page, "amelia.clarke@example.org", DEMO_PASSWORD);
  await openHostelTimebank(page);
  await expect(page.getByRole("heading", { name: "This week" })).toBeVisible();
  await expect(page.getByTestId("pledge-sentence")).toHaveText("You have given 2.5 of 5 hours this week. 2.5 hours to go.");
  const table = page.getByRole("table", { name: "Hours against the 5 hours a week pledge" });
  await expect(table.getByRole("row", { name: "Given this week 2.5 hours" })).toBeVisible();
  await expect(table.getByRole("row", { name: "Expected this week 5 hours" })).toBeVisible();
  await expect(page.getByRole("img", { name: "2.5 hours given of 5 hours this week" })).toBeVisible();
  await expectAccessible(page);
});

test("the coordinator's dashboard lists who might need a hand, kindly", async ({ page }) => {
  await signIn(page, "coordinator@harbourhouse.example.org", DEMO_PASSWORD);
  await openHostelTimebank(page);
  await page.getByRole("link", { name: /Dashboard/ }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who might need a hand" })).toBeVisible();
  // Zainab has a new baby: exempt, so never listed as behind.
  await expect(page.getByTestId("behind-list")).toContainText("Chloe Evans has 4 hours to catch up on from earlier weeks");
  await expect(page.getByTestId("behind-list")).toContainText("Sophie Walker has 3 hours to catch up on from earlier weeks");
  await expect(page.getByTestId("behind-list")).not.toContainText("Amelia Clarke");
  await expect(page.getByTestId("behind-list")).not.toContainText("Zainab Hussain");
  await expect(page.getByRole("row", { name: /Zainab Hussain/ })).toContainText("Not expected at the moment");
  await expectAccessible(page);
});

test("a receiver confirms an exchange with the keyboard only", async ({ page }) => {
  await signIn(page, "chloe.evans@example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/harbour-house");
  const link = page.getByRole("link", { name: /Aisha Khan gave you 2 hours: Childcare after school/ });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Confirm this exchange" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm this exchange" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("exchange-status")).toHaveText("Confirmed");
  await expectAccessible(page);
});

test("a member offers childcare, another asks for it, they exchange and both statements show it", async ({ page }) => {
  await signIn(page, "aisha.khan@example.org", DEMO_PASSWORD);
  await openHostelTimebank(page);
  await page.getByRole("link", { name: "Offers and requests" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Offer help or ask for it" }).click();
  await expectAccessible(page);
  await page.getByLabel("Offering help").check();
  await page.getByLabel("Kind of help").selectOption("childcare");
  await page.getByLabel("Title").fill("Saturday morning childcare");
  await page.getByLabel("More about it (optional)").fill("In the hostel playroom, 9 to 12");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("heading", { name: "Saturday morning childcare" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "megan.davies@example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/harbour-house/listings");
  await page.getByLabel("Skill or words").fill("playroom");
  await page.getByLabel("Kind of help").selectOption("childcare");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "1 listing" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Saturday morning childcare" }).click();
  await page.getByLabel("How many hours?").fill("3");
  await page.getByRole("button", { name: "Ask for this help" }).click();
  await expect(page.getByTestId("exchange-status")).toHaveText("Agreed");
  await expectAccessible(page);
  const exchangeUrl = page.url();
  await signOut(page);

  await signIn(page, "aisha.khan@example.org", DEMO_PASSWORD);
  await page.goto(exchangeUrl);
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(page.getByTestId("exchange-status")).toHaveText("Waiting for confirmation");
  await signOut(page);

  await signIn(page, "megan.davies@example.org", DEMO_PASSWORD);
  await page.goto(exchangeUrl);
  await page.getByRole("button", { name: "Confirm this exchange" }).click();
  await expect(page.getByTestId("exchange-status")).toHaveText("Confirmed");
  await page.goto("/timebanks/harbour-house");
  await page.getByRole("link", { name: "Your profile, week and exchanges" }).click();
  await page.getByRole("link", { name: "Your statement" }).click();
  await expect(page.getByRole("row", { name: /Exchange: Exchange \d+: Saturday morning childcare -3 hours/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Large print version to print" }).click();
  await expect(page.getByRole("row", { name: /Saturday morning childcare/ })).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get(page.url().replace(/\?print=large$/, "").concat(".csv"));
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toMatch(/Saturday morning childcare","-3.00"/);
  await signOut(page);

  await signIn(page, "aisha.khan@example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/harbour-house");
  await page.getByRole("link", { name: "Your profile, week and exchanges" }).click();
  await page.getByRole("link", { name: "Your statement" }).click();
  await expect(page.getByRole("row", { name: /Exchange: Exchange \d+: Saturday morning childcare \+3 hours/ })).toBeVisible();
});

test("a resident asks to join the community timebank and the coordinator approves", async ({ page }) => {
  await signIn(page, "jack.robinson@example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ask to join" }).click();
  await expect(page.getByRole("heading", { name: "Ask to join" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("What can you offer? (optional)").fill("Plumbing, fixing taps");
  await page.getByLabel("When are you free? (optional)").fill("Evenings");
  await page.getByRole("button", { name: "Ask to join" }).click();
  await expect(page.getByText("You have asked to join. A coordinator will look at your request soon.").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "coordinator@millbrook.example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook/members");
  await expect(page.getByRole("heading", { name: "Jack Robinson" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Approve Jack Robinson" }).click();
  const row = page.getByRole("row", { name: /Jack Robinson/ });
  // The joining gift: 1 hour.
  await expect(row.getByRole("cell", { name: "1 hour", exact: true })).toBeVisible();
});

test("a member disputes an exchange and the coordinator reverses it with a reason both see", async ({ page }) => {
  await signIn(page, "coordinator@millbrook.example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook/exchanges/record");
  await page.getByRole("group", { name: "Who gave the time?" }).getByLabel("Oliver Bennett").check();
  await page.getByRole("group", { name: "Who received it?" }).getByLabel("George Wilson").check();
  await page.getByLabel("Hours given").fill("2");
  await page.getByLabel("Kind of help").selectOption("repairs");
  await page.getByLabel("What was done?").fill("Fixed the garden gate");
  await page.getByRole("button", { name: "Record exchange" }).click();
  await expect(page.getByTestId("exchange-status")).toHaveText("Confirmed");
  const exchangeUrl = page.url().replace(/\?.*$/, "");
  await signOut(page);

  await signIn(page, "george.wilson@example.org", DEMO_PASSWORD);
  await page.goto(exchangeUrl);
  await page.getByText("Something wrong with this exchange?").click();
  await expectAccessible(page);
  await page.getByLabel("What is wrong?").fill("The gate was not fixed: it still swings open");
  await page.getByRole("button", { name: "Dispute this exchange" }).click();
  await expect(page.getByText("Your dispute has been sent to a coordinator.")).toBeVisible();
  await signOut(page);

  await signIn(page, "coordinator@millbrook.example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook/dashboard");
  await page.getByRole("link", { name: "Fixed the garden gate" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Resolve dispute" }).click();
  await expect(page.getByRole("link", { name: "Select whether to reverse the exchange or let it stand" })).toBeVisible();
  await page.getByLabel("Reverse the exchange").check();
  await page.getByLabel("Reason").fill("Oliver agreed the repair did not hold");
  await page.getByRole("button", { name: "Resolve dispute" }).click();
  await expect(page.getByTestId("exchange-status")).toHaveText("Reversed");
  await expect(page.getByTestId("dispute-outcome")).toContainText("Oliver agreed the repair did not hold");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "oliver.bennett@example.org", DEMO_PASSWORD);
  await page.goto(exchangeUrl);
  await expect(page.getByTestId("dispute-outcome")).toContainText("A coordinator reversed this exchange: the hours went back. Reason: Oliver agreed the repair did not hold");
});

test("a member redeems a cinema ticket and the code works once", async ({ page }) => {
  await signIn(page, "sophie.walker@example.org", DEMO_PASSWORD);
  await openHostelTimebank(page);
  await page.getByRole("link", { name: /Spend hours/ }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Redeem One cinema ticket for 2 hours" }).click();
  const code = (await page.getByTestId("redemption-code").textContent())!.trim();
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  await expect(page.getByRole("row", { name: new RegExp(`One cinema ticket.*${code}.*Not used yet`) })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "coordinator@harbourhouse.example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/harbour-house/rewards");
  await expectAccessible(page);
  await page.getByLabel("Code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Mark as used" }).click();
  await expect(page.getByText("The code is marked as used.")).toBeVisible();
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Mark as used" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "This code has already been used" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Settle with Harbour Cinema" }).click();
  await expect(page.getByText("Settled: the hours have moved from the partner to the sponsoring organisation.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Harbour Cinema/ })).toContainText("0 hours2 hours");
  await expectAccessible(page);
});

test("a coordinator thanks people for coming to a public meeting with hours", async ({ page }) => {
  await signIn(page, "coordinator@millbrook.example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook");
  await page.getByRole("link", { name: "Thank people for taking part in a meeting" }).click();
  await expectAccessible(page);
  await page.getByLabel("Meeting").fill("Northfield budget round public meeting");
  await page.getByLabel("Hours given by").selectOption({ label: "Millbrook Community Centre" });
  await page.getByLabel("Hannah Lewis").check();
  await page.getByLabel("Mohammed Ali").check();
  await page.getByLabel("Hours for each person").fill("1");
  await page.getByRole("button", { name: "Give thank-you hours" }).click();
  await expect(page.getByRole("heading", { name: "Thank-you hours given" })).toBeVisible();
  await expectAccessible(page);
});
