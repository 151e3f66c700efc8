import { test, expect, DEMO_PASSWORD, expectAccessibleWithoutJs, signIn, signOut } from "./helpers";

test.use({ javaScriptEnabled: false });

test("signing in and out works without JavaScript", async ({ page }) => {
  await signIn(page, "amelia.clarke@example.org", "wrong password here", "failure");
  await expect(page.getByRole("link", { name: "Enter a correct email address and password" })).toBeVisible();

  await signIn(page, "amelia.clarke@example.org", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("Amelia Clarke").first()).toBeVisible();
  await expectAccessibleWithoutJs(page);

  await signOut(page);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Faccount$/);
});

test("a form posted with a wrong CSRF token is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  // The browser holds a real CSRF cookie from the page; the posted token does not match it.
  const response = await page.request.post("/sign-in", {
    form: { _csrf: "tampered-token-value-123456", email: "amelia.clarke@example.org", password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("Your form expired");
});

test("a tampered session cookie is treated as signed out, never an error", async ({ page, context }) => {
  await context.addCookies([{ name: "potluck_session", value: "eyJmb3JnZWQiOnRydWV9.c2lnbmF0dXJl", url: test.info().project.use.baseURL! }]);
  const response = await page.goto("/account");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
