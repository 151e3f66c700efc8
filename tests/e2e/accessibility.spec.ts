import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, expectAccessibleWithoutJs, uniqueEmail } from "./helpers";

const ROUND = "/rounds/northfield-neighbourhood-fund-2027";

async function register(page: Page, name: string): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(uniqueEmail(name.split(" ")[0]!.toLowerCase()));
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/account");
}

/** The font size the browser computed for an element, in CSS pixels. */
async function fontSizePx(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

async function chooseLargePrint(page: Page, answer: "Yes, use large print" | "No, use the standard size"): Promise<void> {
  await page.goto("/account");
  await page.getByRole("link", { name: "Change large print" }).click();
  await expect(page.getByRole("heading", { name: "Large print" })).toBeVisible();
  await page.getByLabel(answer).check();
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL((url) => url.pathname === "/account");
}

test("a person turns on large print and text is larger on every page, until they turn it off", async ({ page }) => {
  await register(page, "Iris Large");
  await page.goto("/timebanks");
  const bodyBefore = await fontSizePx(page, "main .govuk-body");
  const headingBefore = await fontSizePx(page, "main h1");

  // Saving with neither answer chosen says what to do, and changes nothing.
  await page.goto("/account/large-print");
  await page.locator("input[name=largePrint]").evaluateAll((radios) => radios.forEach((radio) => ((radio as HTMLInputElement).checked = false)));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Select yes if you want large print" })).toHaveAttribute("href", "#largePrint");
  await expectAccessible(page);

  await chooseLargePrint(page, "Yes, use large print");
  await expect(page.getByText("Large print is on")).toBeVisible();
  await expect(page.locator("dl").getByText("On", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/timebanks");
  const bodyAfter = await fontSizePx(page, "main .govuk-body");
  const headingAfter = await fontSizePx(page, "main h1");
  expect(bodyAfter).toBeCloseTo(bodyBefore * 1.375, 1);
  expect(headingAfter).toBeCloseTo(headingBefore * 1.375, 1);
  expect(await fontSizePx(page, ".govuk-service-navigation__link")).toBeGreaterThan(19);
  await expectAccessible(page);

  await chooseLargePrint(page, "No, use the standard size");
  await expect(page.getByText("Large print is off")).toBeVisible();
  await page.goto("/timebanks");
  expect(await fontSizePx(page, "main .govuk-body")).toBeCloseTo(bodyBefore, 1);
});

test("a voter prints a large-print ballot paper with boxes to mark, without the navigation", async ({ page }) => {
  await page.goto(ROUND);
  await page.getByRole("link", { name: "Ballot paper to print (large print)" }).click();
  await expect(page.getByRole("heading", { name: "Ballot paper", exact: true })).toBeVisible();
  await expect(page.getByText("Put a cross (X) in the box next to each project you choose. Choose between 1 and 3 projects.")).toBeVisible();
  const boxes = page.getByRole("img", { name: /^Box for / });
  expect(await boxes.count()).toBeGreaterThan(3);
  await expectAccessible(page);
  const largeCell = await fontSizePx(page, "main .govuk-table__header");

  await page.getByRole("link", { name: "Standard size" }).click();
  await expect(page).toHaveURL(/ballot-paper$/);
  expect(largeCell).toBeCloseTo((await fontSizePx(page, "main .govuk-table__header")) * 1.375, 1);

  await page.goto(`${ROUND}/ballot-paper?print=large`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();
  await expect(page.locator(".govuk-footer")).toBeHidden();
  await expect(page.getByRole("link", { name: "Standard size" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Ballot paper", exact: true })).toBeVisible();
  // GOV.UK prints body text at 14pt; large print prints it at 18pt (24px).
  expect(await fontSizePx(page, "main .govuk-list")).toBeCloseTo(24, 0);
});

test("Easy Read pages and the jargon buster are reachable from the pages they explain, and pass axe", async ({ page }) => {
  await page.goto(ROUND);
  await page.getByRole("link", { name: "How to vote: Easy Read" }).click();
  await expect(page.getByRole("heading", { name: "How to vote" })).toBeVisible();
  await expect(page.getByText("Your vote is secret.")).toBeVisible();
  const pictures = page.locator("main img");
  expect(await pictures.count()).toBe(12);
  await expect(pictures.first()).toHaveAttribute("alt", "");
  expect(await pictures.first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(page);

  await page.getByRole("contentinfo").getByRole("link", { name: "Easy Read" }).click();
  for (const title of ["How the timebank works", "Your rights about payments"]) {
    await page.goto("/easy-read");
    await expectAccessible(page);
    await page.getByRole("main").getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expectAccessible(page);
  }

  // The round page links the first appearance of a term to its entry in the jargon buster.
  await page.goto(ROUND);
  const equalShares = page.getByRole("main").getByRole("link", { name: "Method of Equal Shares" });
  await expect(equalShares).toHaveCount(1);
  await expect(equalShares).toHaveAttribute("href", "/glossary#equal-shares");
  await equalShares.click();
  await expect(page).toHaveURL(/\/glossary#equal-shares$/);
  await expect(page.locator("#equal-shares")).toHaveText("Method of Equal Shares");
  await expect(page.getByText(/gives every voter an equal share of the budget/)).toBeVisible();
  await expectAccessible(page);

  await page.goto("/timebanks/millbrook");
  await expect(page.getByRole("main").getByRole("link", { name: "How the timebank works: Easy Read" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "time credit" })).toHaveAttribute("href", "/glossary#time-credit");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a person turns on large print with a plain form", async ({ page }) => {
    await register(page, "Olu Plain");
    await page.goto("/account/large-print");
    await expect(page.getByLabel("No, use the standard size")).toBeChecked();
    await expectAccessibleWithoutJs(page);
    await page.getByLabel("Yes, use large print").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Large print is on")).toBeVisible();
    await expect(page.locator("html")).toHaveClass(/potluck-large-print/);
    await page.goto("/glossary");
    await expect(page.locator("html")).toHaveClass(/potluck-large-print/);
    await expectAccessibleWithoutJs(page);
  });
});

test("the accessibility check itself finds a real failure (it is not a check that cannot fail)", async ({ page }) => {
  await page.goto("/glossary");
  await expectAccessible(page);
  // An image with no text alternative and a form field with no label: two WCAG A failures.
  await page.getByRole("main").evaluate((main) => {
    main.insertAdjacentHTML("beforeend", '<img src="/easy-read/bus.svg"><input type="text" name="unlabelled">');
  });
  const failure = await expectAccessible(page).then(() => null, (error: Error) => error.message);
  expect(failure).toContain("image-alt");
  expect(failure).toContain("label");
});
