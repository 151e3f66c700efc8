import { test, expect, DEMO_PASSWORD, expectAccessibleWithoutJs, signIn } from "./helpers";

test.use({ javaScriptEnabled: false });

test("a member records time given without JavaScript, fixing a mistake first", async ({ page }) => {
  await signIn(page, "sophie.walker@example.org", DEMO_PASSWORD);
  await page.goto("/timebanks/harbour-house/exchanges/new");
  await expect(page.getByRole("heading", { name: "Record time you gave" })).toBeVisible();
  await page.getByLabel("Who did you help?").selectOption({ label: "Megan Davies" });
  await page.getByLabel("Hours").fill("0");
  await page.getByLabel("Kind of help").selectOption("repairs");
  await page.getByLabel("What did you do?").fill("Mended a coat");
  await page.getByRole("button", { name: "Record time" }).click();
  await expect(page.getByRole("link", { name: "Enter hours greater than zero" })).toBeVisible();
  await expectAccessibleWithoutJs(page);
  await page.getByLabel("Hours").fill("30");
  await page.getByRole("button", { name: "Record time" }).click();
  await expect(page.getByRole("link", { name: "Enter 24 hours or fewer" })).toBeVisible();
  await page.getByLabel("Hours").fill("0.75");
  await page.getByRole("button", { name: "Record time" }).click();
  await expect(page.getByTestId("exchange-status")).toHaveText("Waiting for confirmation");
  await expectAccessibleWithoutJs(page);

  await page.goto("/timebanks/harbour-house");
  await expect(page.getByTestId("pledge-sentence")).toBeVisible();
  await expectAccessibleWithoutJs(page);
});
