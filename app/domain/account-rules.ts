// What a valid account detail is. zod schemas with GOV.UK-style messages: each says how to fix it.
import { z } from "zod";

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
  .min(1, "Enter your email address")
  .max(LIMITS.emailChars, `Email address must be ${LIMITS.emailChars} characters or fewer`)
  .regex(EMAIL_PATTERN, "Enter an email address in the correct format, like name@example.com");

export const fullNameField = z
  .string()
  .trim()
  .min(1, "Enter your full name")
  .max(LIMITS.nameChars, `Full name must be ${LIMITS.nameChars} characters or fewer`);

export const areaField = z
  .string()
  .trim()
  .max(LIMITS.areaChars, `Area must be ${LIMITS.areaChars} characters or fewer`)
  .transform((value) => (value === "" ? null : value));

export const newPasswordField = z
  .string()
  .min(1, "Enter a password")
  .min(LIMITS.passwordMinChars, `Password must be ${LIMITS.passwordMinChars} characters or more`)
  .max(LIMITS.passwordMaxChars, `Password must be ${LIMITS.passwordMaxChars} characters or fewer`);

export const RegisterSchema = z.object({
  name: fullNameField,
  email: emailField,
  password: newPasswordField,
  area: areaField.optional().default(""),
});
export type RegisterInput = z.output<typeof RegisterSchema>;

export const SignInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password").max(LIMITS.passwordMaxChars, "Enter your password"),
});
export type SignInInput = z.output<typeof SignInSchema>;

export const ForgotPasswordSchema = z.object({ email: emailField });

export const SetPasswordSchema = z
  .object({
    password: newPasswordField,
    confirmPassword: z.string().min(1, "Confirm your password").max(LIMITS.passwordMaxChars, "Confirm your password"),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: "Passwords must match",
    path: ["confirmPassword"],
  });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(LIMITS.passwordMaxChars, "Enter your current password"),
    password: newPasswordField,
    confirmPassword: z.string().min(1, "Confirm your new password").max(LIMITS.passwordMaxChars, "Confirm your new password"),
  })
  .refine((value) => value.password === value.confirmPassword, {
    message: "Passwords must match",
    path: ["confirmPassword"],
  });

export const CreatePersonSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the person's full name")
    .max(LIMITS.nameChars, `Full name must be ${LIMITS.nameChars} characters or fewer`),
  email: z
    .string()
    .trim()
    .min(1, "Enter the person's email address")
    .max(LIMITS.emailChars, `Email address must be ${LIMITS.emailChars} characters or fewer`)
    .regex(EMAIL_PATTERN, "Enter an email address in the correct format, like name@example.com"),
  area: areaField.optional().default(""),
  method: z.enum(["setup_link", "temporary_password"], { error: "Select how the person will set their password" }),
});
export type CreatePersonInput = z.output<typeof CreatePersonSchema>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
