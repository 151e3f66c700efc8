import { test, expect, DEMO_PASSWORD, expectAccessible, signIn, signOut, uniqueEmail } from "./helpers";

test("a resident registers, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("amara");
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create an account" }).first().click();
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Amara Okoye");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByLabel("Area you live in (optional)").fill("Riverside");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Account created" })).toBeVisible();
  await expect(page.getByText("Welcome to Potluck, Amara Okoye")).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, email, "a long enough password");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);
});

test("registration errors appear in the error summary, linked to their fields", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  const summary = page.getByRole("alert");
  await expect(summary.getByText("There is a problem")).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter your full name" })).toHaveAttribute("href", "#name");
  await expect(summary.getByRole("link", { name: "Enter an email address in the correct format, like name@example.com" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Password must be 10 characters or more" })).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password shows the error summary", async ({ page }) => {
  await signIn(page, "amelia.clarke@example.org", "not the password", "failure");
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter a correct email address and password" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});

test("a coordinator opens an account with a set-up link and the person completes set-up", async ({ page, browser }) => {
  await signIn(page, "coordinator@harbourhouse.example.org", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Add a person" }).click();
  await expectAccessible(page);

  const email = uniqueEmail("janet");
  await page.getByLabel("Full name").fill("Janet Mills");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Send a set-up link").check();
  await page.getByRole("button", { name: "Open account" }).click();
  await expect(page.getByRole("heading", { name: "Account opened for Janet Mills" })).toBeVisible();
  await expectAccessible(page);
  const link = (await page.getByTestId("setup-link").textContent())!.trim();
  expect(link).toMatch(/\/setup\/[A-Za-z0-9_-]{20,}$/);

  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "Set up your account" })).toBeVisible();
  await expect(person.getByText("Hello Janet Mills.")).toBeVisible();
  await expectAccessible(person);
  await person.getByLabel("New password", { exact: true }).fill("janet's own password");
  await person.getByLabel("Confirm new password").fill("janet's own password");
  await person.getByRole("button", { name: "Set password" }).click();
  await expect(person.getByText("Your password has been set")).toBeVisible();

  await signIn(person, email, "janet's own password");
  await expect(person.getByRole("heading", { name: "Your account" })).toBeVisible();

  // The link worked once.
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "This link has expired or has already been used" })).toBeVisible();
  await personContext.close();
});

test("a person given a temporary password must choose their own at first sign-in", async ({ page, browser }) => {
  await signIn(page, "officer@northfield.example.org", DEMO_PASSWORD);
  await page.goto("/people/new");
  const email = uniqueEmail("derek");
  await page.getByLabel("Full name").fill("Derek Shaw");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Give a temporary password").check();
  await page.getByRole("button", { name: "Open account" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await signIn(person, email, temporary);
  await expect(person.getByRole("heading", { name: "Choose your own password" })).toBeVisible();
  await expectAccessible(person);
  // Any other page sends them back until the password is changed.
  await person.goto("/account");
  await expect(person).toHaveURL(/\/account\/change-password$/);

  await person.getByLabel("Temporary password").fill(temporary);
  await person.getByLabel("New password", { exact: true }).fill("derek's new password");
  await person.getByLabel("Confirm new password").fill("derek's new password");
  await person.getByRole("button", { name: "Save password" }).click();
  await expect(person.getByRole("heading", { name: "Your account" })).toBeVisible();
  await personContext.close();
});

test("a resident cannot open the staff page", async ({ page }) => {
  await signIn(page, "oliver.bennett@example.org", DEMO_PASSWORD);
  const response = await page.goto("/people/new");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have permission to see this page" })).toBeVisible();
  await expectAccessible(page);
});

test("an administrator gives a person a role", async ({ page }) => {
  await signIn(page, "admin@potluck.example.org", DEMO_PASSWORD);
  await page.getByRole("link", { name: "People and roles" }).click();
  await expectAccessible(page);
  await page.getByLabel("Search by name or email address").fill("Hannah Lewis");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Hannah Lewis" }).click();
  await expectAccessible(page);
  await page.getByLabel("Role").selectOption("moderator");
  await page.getByLabel("Organisation").selectOption({ label: "Millbrook Community Centre" });
  await page.getByRole("button", { name: "Give role" }).click();
  await expect(page.getByRole("cell", { name: "Moderator", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Millbrook Community Centre" })).toBeVisible();

  // A staff role without an organisation is refused with a specific message.
  await page.getByLabel("Role").selectOption("officer");
  await page.getByLabel("Organisation").selectOption({ label: "No organisation (residents and administrators)" });
  await page.getByRole("button", { name: "Give role" }).click();
  await expect(page.getByRole("alert").getByText("Select the organisation this role belongs to")).toBeVisible();
  await expectAccessible(page);
});

test("an unknown address shows the page not found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
