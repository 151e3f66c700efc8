import { test, expect, DEMO_PASSWORD, expectAccessible, expectAccessibleWithoutJs, signIn, signOut } from "./helpers";

// The Millbrook demo has three confirmed exchanges in the last week (a lift, gardening, computer
// help); these journeys add their own partners and payments and never change those.

test("a coordinator opens reports for a date range, sees a chart with its table, fixes a wrong range and downloads a CSV", async ({ page }) => {
  await signIn(page, "coordinator@millbrook.example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook");
  await page.getByRole("link", { name: "Reports for a date range" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  // The last four weeks by default.
  await expect(page.getByRole("img", { name: "Hours exchanged by category" })).toBeVisible();
  const categories = page.getByRole("table", { name: "Hours exchanged by category" });
  await expect(categories.getByRole("row", { name: /Gardening/ }).getByRole("cell", { name: "2 hours" })).toBeVisible();
  await expect(page.getByRole("img", { name: "People who gave, received, or both" })).toBeVisible();
  await expect(page.getByRole("table", { name: "People who gave, received, or both" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Start date").fill("");
  await page.getByLabel("End date").fill("2026-01-01");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter a start date" })).toHaveAttribute("href", "#from");
  await page.getByLabel("Start date").fill("2026-02-01");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "The end date must be on or after the start date" })).toHaveAttribute("href", "#to");
  await expectAccessible(page);

  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Start date").fill(from);
  await page.getByLabel("End date").fill(today);
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByTestId("hours-exchanged")).toBeVisible();
  const href = await page.getByRole("link", { name: "Download the categories as a spreadsheet (CSV)" }).getAttribute("href");
  expect(href).toContain(`from=${from}`);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const csv = await response.text();
  expect(csv.split("\r\n")[0]).toBe('"category","hours","exchanges"');
  expect(csv).toContain('"Gardening","2.00","1"');
});

test("a coordinator adds a partner and a reward, then records a course paid in pounds and hours", async ({ page }) => {
  await signIn(page, "coordinator@millbrook.example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook");
  await page.getByRole("link", { name: "Partners and rewards" }).click();
  await expect(page.getByRole("heading", { name: "Partners and rewards" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the partner's name, like \"Harbour Cinema\"" })).toBeVisible();
  await page.getByLabel("Partner's name").fill("Millbrook Leisure Centre");
  await page.getByLabel("Sponsoring organisation").selectOption({ label: "Millbrook Community Centre" });
  await page.getByRole("button", { name: "Add partner" }).click();
  await expect(page.getByText("The partner is added.")).toBeVisible();
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Millbrook Leisure Centre" });
  await page.getByLabel("Reward").fill("One swim session");
  await page.getByLabel("Price in hours").fill("1.3");
  await page.getByRole("button", { name: "Add reward" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter hours in quarter hours, like 0.25, 0.5, 0.75 or 1.25" })).toHaveAttribute("href", "#price");
  await page.getByLabel("Price in hours").fill("1.5");
  await page.getByRole("button", { name: "Add reward" }).click();
  await expect(page.getByRole("row", { name: /One swim session/ }).getByRole("cell", { name: "1.5 hours" })).toBeVisible();
  await expectAccessible(page);

  // Hannah's personal budget: top it up, then pay for a course with pounds and an hour.
  await page.goto("/timebanks/millbrook/members");
  await page.getByRole("row", { name: /Hannah Lewis/ }).getByRole("link", { name: "Hannah Lewis" }).click();
  await page.getByRole("link", { name: "Personal budget and mixed payments for Hannah Lewis" }).click();
  await expect(page.getByRole("heading", { name: "Personal budget for Hannah Lewis" })).toBeVisible();
  await expect(page.getByTestId("budget-balance")).toHaveText("None yet");
  await expectAccessible(page);
  await page.getByLabel("Pounds to add").fill("20");
  await page.getByRole("button", { name: "Add to the budget" }).click();
  await expect(page.getByTestId("budget-balance")).toHaveText("£20");
  await page.getByLabel("Activity").fill("Sewing course at the community centre");
  await page.getByLabel("Pounds from the personal budget").fill("25");
  await page.getByLabel("Hours", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "The personal budget only holds £20. Enter a smaller amount in pounds" })).toHaveAttribute("href", "#pounds");
  await expect(page.getByTestId("budget-balance")).toHaveText("£20");
  await expectAccessible(page);
  await page.getByLabel("Pounds from the personal budget").fill("10");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("The activity is paid: the pounds and the hours are both recorded.")).toBeVisible();
  await expect(page.getByTestId("budget-balance")).toHaveText("£10");
  await expect(page.getByRole("cell", { name: "Sewing course at the community centre" })).toBeVisible();
});

test("settings refuse limits that exclude a balance; starting a timebank, a pledge and removal say what to fix; a member sees what leaving would do", async ({ page }) => {
  await signIn(page, "coordinator@millbrook.example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook");
  await page.getByRole("link", { name: "Settings: joining gift, credit limits and pledge" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByLabel("Highest balance allowed, in hours")).toHaveValue("100");
  await expectAccessible(page);
  await page.getByLabel("Highest balance allowed, in hours").fill("1");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /members? (has|have) a balance outside these limits/ })).toHaveAttribute("href", "#above");
  await expectAccessible(page);
  await page.goto("/timebanks/millbrook/settings");
  await expect(page.getByLabel("Highest balance allowed, in hours")).toHaveValue("100");

  // Starting a timebank: the errors say what to fix (nothing is created here).
  await page.goto("/timebanks");
  await page.getByRole("link", { name: "Start a timebank" }).click();
  await page.getByLabel("Web address name").fill("new");
  await page.getByRole("button", { name: "Start the timebank" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Select the organisation that runs the timebank" })).toBeVisible();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter a different web address name: new is used by Potluck" })).toHaveAttribute("href", "#slug");
  await expectAccessible(page);

  // A member's own pledge and removal pages, as the coordinator sees them.
  await page.goto("/timebanks/millbrook/members");
  await page.getByRole("row", { name: /George Wilson/ }).getByRole("link", { name: "George Wilson" }).click();
  await page.getByRole("link", { name: "Change George Wilson's pledge" }).click();
  await page.getByRole("radio", { name: "Their own pledge" }).check();
  await page.getByRole("button", { name: "Save pledge" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the hours this member pledges a week, like 3, or 0 for none" })).toHaveAttribute("href", "#pledge");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to George Wilson" }).click();
  await page.getByRole("link", { name: "Remove George Wilson from the timebank" }).click();
  await expect(page.getByText("will be written off from the timebank's own hours")).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
  await signIn(page, "megan.davies@example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/millbrook");
  await page.getByRole("link", { name: "Your profile, week and exchanges" }).click();
  await page.getByRole("link", { name: "Leave this timebank" }).click();
  await expect(page.getByRole("heading", { name: "Leave the timebank" })).toBeVisible();
  await expect(page.getByRole("group", { name: "What should happen to your hours?" })).toBeVisible();
  await page.getByRole("button", { name: "Leave the timebank" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Confirm that you want to leave the timebank" })).toHaveAttribute("href", "#confirm");
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a coordinator reads a report for a range typed in", async ({ page }) => {
    await signIn(page, "coordinator@millbrook.example.org", DEMO_PASSWORD);
    await page.goto("/timebanks/millbrook/reports");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
    await page.getByLabel("Start date").fill(new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel("End date").fill(today);
    await page.getByRole("button", { name: "Show report" }).click();
    await expect(page).toHaveURL(/from=/);
    await expect(page.getByRole("img", { name: "Hours exchanged by category" })).toBeVisible();
    await expectAccessibleWithoutJs(page);
  });
});
