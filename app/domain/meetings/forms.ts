// What a valid meetings form is: zod schemas with GOV.UK-style messages that say how to fix it.
// Amounts and hours are parsed by the same rules the services use.
import { z } from "zod";
import { isDomainError } from "../errors.js";
import { messageFor } from "../messages.js";
import { parseExchangeHours } from "../timebank/hours.js";
import { ACCESS_REQUIREMENTS, LADDER, MEETING_LIMITS, VENUE_FEATURES, checkInvolvementLevel, isExpenseChoice, isExpenseKind, parsePoundsMinor } from "./rules.js";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const requiredText = (maximum: number, missing: string, what: string) =>
  z.string().trim().min(1, missing).max(maximum, `${what} must be ${maximum} characters or fewer`);

const optionalText = (maximum: number, what: string) =>
  z.string().trim().max(maximum, `${what} must be ${maximum} characters or fewer`).optional().default("");

const optionalId = z
  .string()
  .optional()
  .default("")
  .transform((value, context) => {
    if (value === "") return null;
    if (!/^\d{1,9}$/.test(value)) {
      context.addIssue({ code: "custom", message: "Select an option from the list" });
      return z.NEVER;
    }
    return Number(value);
  });

/** A set of checkbox values (joined with newlines by readFormValues), limited to the allowed keys. */
function checkboxSet<K extends string>(allowed: readonly K[]) {
  return z
    .string()
    .max(400)
    .optional()
    .default("")
    .transform((value, context) => {
      const chosen = value.split("\n").filter(Boolean);
      if (chosen.some((key) => !(allowed as readonly string[]).includes(key))) {
        context.addIssue({ code: "custom", message: "Select from the options given" });
        return z.NEVER;
      }
      return Object.fromEntries(allowed.map((key) => [key, chosen.includes(key)])) as Record<K, boolean>;
    });
}

function poundsField(maximumMinor: bigint, field: string, optional: boolean) {
  return z
    .string()
    .max(40, "Enter an amount in pounds, like 4.60")
    .optional()
    .default("")
    .transform((value, context) => {
      if (optional && value.trim() === "") return null;
      try {
        return parsePoundsMinor(value, field, maximumMinor);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        context.addIssue({ code: "custom", message: messageFor(error) });
        return z.NEVER;
      }
    });
}

const VENUE_KEYS = VENUE_FEATURES.map((f) => f.key);
const NEED_KEYS = ACCESS_REQUIREMENTS.map((r) => r.key);

export const MeetingSchema = z
  .object({
    title: requiredText(MEETING_LIMITS.titleChars, "Enter the meeting's title", "Title"),
    organisationId: z.string().regex(/^\d{1,9}$/, "Select the organisation running the meeting").transform(Number),
    roundId: optionalId,
    timebankId: optionalId,
    date: z
      .string()
      .trim()
      .min(1, "Enter the date of the meeting, like 2026-12-03")
      .max(10, "Enter a real date, like 2026-12-03")
      .refine((value) => DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value, "Enter a real date, like 2026-12-03"),
    startTime: z.string().trim().min(1, "Enter the start time, like 18:30").max(5, "Enter the start time in 24-hour time, like 18:30").regex(TIME_PATTERN, "Enter the start time in 24-hour time, like 18:30"),
    endTime: z.string().trim().min(1, "Enter the end time, like 20:00").max(5, "Enter the end time in 24-hour time, like 20:00").regex(TIME_PATTERN, "Enter the end time in 24-hour time, like 20:00"),
    venueName: requiredText(MEETING_LIMITS.venueNameChars, "Enter the name of the venue", "Venue name"),
    venueAddress: requiredText(MEETING_LIMITS.venueAddressChars, "Enter the venue's address", "Venue address"),
    venue: checkboxSet(VENUE_KEYS),
    accessNotes: optionalText(MEETING_LIMITS.accessNotesChars, "Access details"),
    agenda: requiredText(MEETING_LIMITS.agendaChars, "Enter the agenda", "Agenda"),
    involvement: z
      .string()
      .optional()
      .default("")
      .transform((value, context) => {
        try {
          return checkInvolvementLevel(value);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          context.addIssue({ code: "custom", message: messageFor(error) });
          return z.NEVER;
        }
      }),
    creditHours: z
      .string()
      .max(10, "Enter the hours as a number, like 1 or 1.5")
      .optional()
      .default("")
      .transform((value, context) => {
        if (value.trim() === "") return null;
        try {
          return parseExchangeHours(value, "creditHours", MEETING_LIMITS.maxCreditCentihours);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          context.addIssue({ code: "custom", message: messageFor(error) });
          return z.NEVER;
        }
      }),
    involvementPayment: poundsField(MEETING_LIMITS.maxInvolvementPaymentMinor, "involvementPayment", true),
  })
  .refine((value) => value.startTime < value.endTime, { message: "Enter an end time after the start time", path: ["endTime"] });
export type MeetingFormInput = z.output<typeof MeetingSchema>;

export const SignUpSchema = z.object({
  needs: checkboxSet(NEED_KEYS),
  dietaryNeeds: optionalText(MEETING_LIMITS.dietaryChars, "Dietary needs"),
  otherNeeds: optionalText(MEETING_LIMITS.otherNeedsChars, "Anything else"),
});
export type SignUpFormInput = z.output<typeof SignUpSchema>;

export const ClaimSchema = z
  .object({
    kind: z.string().refine(isExpenseKind, "Select what the claim is for: travel, childcare or care cover"),
    amount: z
      .string()
      .max(40, "Enter the amount in pounds, like 4.60")
      .optional()
      .default("")
      .transform((value, context) => {
        try {
          return parsePoundsMinor(value, "amount", MEETING_LIMITS.maxClaimMinor);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          context.addIssue({ code: "custom", message: messageFor(error) });
          return z.NEVER;
        }
      }),
    description: optionalText(MEETING_LIMITS.claimDescriptionChars, "What it was for"),
    choice: z.string().refine(isExpenseChoice, "Select whether you want to be paid, do not want to be paid, or want it given to a charity"),
    charityName: optionalText(MEETING_LIMITS.charityNameChars, "The charity's name"),
  })
  .refine((value) => value.choice !== "donate" || value.charityName.trim() !== "", {
    message: "Enter the name of the charity",
    path: ["charityName"],
    // Checked even when other fields have errors, so every problem shows at once.
    when: (payload) => {
      const value = payload.value as { choice?: unknown; charityName?: unknown } | null;
      return typeof value === "object" && value !== null && typeof (value.charityName ?? "") === "string";
    },
  });
export type ClaimFormInput = z.output<typeof ClaimSchema>;

export const WalkInSchema = z.object({
  email: z.string().trim().min(1, "Enter the email address of the person who came").max(254, "Email address must be 254 characters or fewer"),
  declinePayment: z.string().optional().default("").transform((v) => v === "yes"),
});

export { LADDER };
