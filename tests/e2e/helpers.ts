import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

/**
 * Playwright's test, where a script error in the page fails the test: a page can look right
 * from the server and still break once the browser runs it (for example a value that only
 * exists on the server). Pages opened in extra contexts watch themselves with watchForErrors.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors = watchForErrors(page);
    await use(page);
    expect(errors, `script errors on ${page.url()}`).toEqual([]);
  },
});

/** Collects uncaught script errors from a page, to check at the end. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export const DEMO_PASSWORD = "potluck-demo-2026";

/** Zero axe violations (WCAG 2.2 A and AA rules) on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    // axe.run in the page itself. The default (runPartial per frame, then finishRun in a new
    // blank page) exists for cross-origin frames, which Potluck's pages never have, and costs
    // twice the time: 0.65-0.85 s per check here instead of 1.1-1.4 s, same rules, same results.
    .setLegacyMode()
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** Signs in and waits until the sign-in page has been left (or, for a failure, the error shows). */
export async function signIn(page: Page, email: string, password: string, expect_: "success" | "failure" = "success"): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (expect_ === "success") {
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  } else {
    await expect(page.getByText("There is a problem")).toBeVisible();
  }
}

/**
 * axe needs JavaScript, so a page seen with JavaScript off is checked by loading the same
 * address, with the same cookies, in a context that has it.
 */
export async function expectAccessibleWithoutJs(page: Page): Promise<void> {
  const browser = page.context().browser()!;
  const context = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
  try {
    const twin = await context.newPage();
    await twin.goto(page.url());
    await expectAccessible(twin);
  } finally {
    await context.close();
  }
}

/**
 * Signs out and waits for the redirect that clears the session cookie: a page opened before
 * that arrives would still be sent with the old cookie and be seen signed in.
 */
export async function signOut(page: Page): Promise<void> {
  await page.goto("/sign-out");
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.searchParams.get("signedOut") === "1");
}
