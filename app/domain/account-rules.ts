// What a valid account detail is. zod schemas with GOV.UK-style messages: each says how to fix it.
import { z } from "zod";
import { t } from "../i18n/translate.js";

export const LIMITS = {
  nameChars: 200,
  emailChars: 254,
  areaChars: 100,
  passwordMinChars: 10,
  passwordMaxChars: 128,
} as const;

// A pragmatic address check: something@something.tld, no spaces. Full RFC 5322 is not useful here.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailField = z
  .string()
  .trim()
  .min(1, t("accounts.validation.email.missing"))
  .max(LIMITS.emailChars, t("accounts.validation.email.tooLong", { maximum: LIMITS.emailChars }))
  .regex(EMAIL_PATTERN, t("accounts.validation.email.format"));

export const fullNameField = z
  .string()
  .trim()
  .min(1, t("accounts.validation.name.missing"))
  .max(LIMITS.nameChars, t("accounts.validation.name.tooLong", { maximum: LIMITS.nameChars }));

export const areaField = z
  .string()
  .trim()
  .max(LIMITS.areaChars, t("accounts.validation.area.tooLong", { maximum: LIMITS.areaChars }))
  .transform((value) => (value === "" ? null : value));

export const newPasswordField = z
  .string()
  .min(1, t("accounts.validation.password.missing"))
  .min(LIMITS.passwordMinChars, t("accounts.validation.password.tooShort", { minimum: LIMITS.passwordMinChars }))
  .max(LIMITS.passwordMaxChars, t("accounts.validation.password.tooLong", { maximum: LIMITS.passwordMaxChars }));

export const RegisterSchema = z.object({
  name: fullNameField,
  email: emailField,
  password: newPasswordField,
  area: areaField.optional().default(""),
});
export type RegisterInput = z.output<typeof RegisterSchema>;

export const SignInSchema = z.object({
  email: emailField,
  password: z.string().min(1, t("accounts.validation.signInPassword.missing")).max(LIMITS.passwordMaxChars, t("accounts.validation.signInPassword.missing")),
});
export type SignInInput = z.output<typeof SignInSchema>;

export const ForgotPasswordSchema = z.object({ email: emailField });

export const SetPasswordSchema = z
  .object({
    password: newPasswordField,
    confirmPassword: z.string().min(1, t("accounts.validation.confirmPassword.missing")).max(LIMITS.passwordMaxChars, t("accounts.validation.confirmPassword.missing")),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: t("accounts.validation.passwordsMatch"),
    path: ["confirmPassword"],
  });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, t("accounts.validation.currentPassword.missing")).max(LIMITS.passwordMaxChars, t("accounts.validation.currentPassword.missing")),
    password: newPasswordField,
    confirmPassword: z.string().min(1, t("accounts.validation.confirmNewPassword.missing")).max(LIMITS.passwordMaxChars, t("accounts.validation.confirmNewPassword.missing")),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: t("accounts.validation.passwordsMatch"),
    path: ["confirmPassword"],
  });

export const CreatePersonSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, t("accounts.validation.person.nameMissing"))
    .max(LIMITS.nameChars, t("accounts.validation.name.tooLong", { maximum: LIMITS.nameChars })),
  email: z
    .string()
    .trim()
    .min(1, t("accounts.validation.person.emailMissing"))
    .max(LIMITS.emailChars, t("accounts.validation.email.tooLong", { maximum: LIMITS.emailChars }))
    .regex(EMAIL_PATTERN, t("accounts.validation.email.format")),
  area: areaField.optional().default(""),
  method: z.enum(["setup_link", "temporary_password"], { error: t("accounts.validation.person.methodMissing") }),
});
export type CreatePersonInput = z.output<typeof CreatePersonSchema>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
