import { describe, expect, it } from "vitest";
import { ChangePasswordSchema, CreatePersonSchema, LIMITS, RegisterSchema, SignInSchema, normaliseEmail } from "../../app/domain/account-rules.js";
import { parseValues } from "../../app/http/forms.server.js";

function errorsOf(result: ReturnType<typeof parseValues>) {
  return result.ok ? [] : result.errors;
}

describe("registration form rules", () => {
  it("accepts a complete form and trims what people type", () => {
    const result = parseValues({ name: "  Ada Lovelace ", email: " ada@example.org ", password: "a long password", area: "" }, RegisterSchema);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data).toEqual({ name: "Ada Lovelace", email: "ada@example.org", password: "a long password", area: null });
  });

  it("says what to enter for each empty field, in the order of the form", () => {
    expect(errorsOf(parseValues({ name: "", email: "", password: "" }, RegisterSchema))).toEqual([
      { field: "name", message: "Enter your full name" },
      { field: "email", message: "Enter your email address" },
      { field: "password", message: "Enter a password" },
    ]);
  });

  it("refuses a malformed email address with an example of the right format", () => {
    for (const email of ["ada", "ada@", "@example.org", "ada@example", "ada @example.org"]) {
      expect(errorsOf(parseValues({ name: "Ada", email, password: "a long password" }, RegisterSchema))).toEqual([
        { field: "email", message: "Enter an email address in the correct format, like name@example.com" },
      ]);
    }
  });

  it("puts a limit on every field", () => {
    const tooLong = (n: number) => "x".repeat(n + 1);
    const errors = errorsOf(
      parseValues({ name: tooLong(LIMITS.nameChars), email: `${tooLong(LIMITS.emailChars)}@example.org`, password: tooLong(LIMITS.passwordMaxChars), area: tooLong(LIMITS.areaChars) }, RegisterSchema),
    );
    expect(errors.map((e) => e.field)).toEqual(["name", "email", "password", "area"]);
    expect(errors[0]!.message).toBe("Full name must be 200 characters or fewer");
  });

  it("asks for a password of at least 10 characters", () => {
    expect(errorsOf(parseValues({ name: "Ada", email: "ada@example.org", password: "123456789" }, RegisterSchema))).toEqual([
      { field: "password", message: "Password must be 10 characters or more" },
    ]);
  });
});

describe("other account forms", () => {
  it("sign-in asks for both fields", () => {
    expect(errorsOf(parseValues({ email: "", password: "" }, SignInSchema)).map((e) => e.message)).toEqual(["Enter your email address", "Enter your password"]);
  });

  it("changing a password needs the two new passwords to match", () => {
    expect(errorsOf(parseValues({ currentPassword: "old one here", password: "new password 1", confirmPassword: "new password 2" }, ChangePasswordSchema))).toEqual([
      { field: "confirmPassword", message: "Passwords must match" },
    ]);
  });

  it("staff must choose how the person sets their password, and messages speak of the person", () => {
    expect(errorsOf(parseValues({ name: "", email: "", method: "" }, CreatePersonSchema))).toEqual([
      { field: "name", message: "Enter the person's full name" },
      { field: "email", message: "Enter the person's email address" },
      { field: "method", message: "Select how the person will set their password" },
    ]);
  });

  it("compares email addresses without case or surrounding spaces", () => {
    expect(normaliseEmail("  Ada.Lovelace@Example.ORG ")).toBe("ada.lovelace@example.org");
  });
});
