// What a valid meetings form is: zod schemas with GOV.UK-style messages that say how to fix it.
// Amounts and hours are parsed by the same rules the services use.
import { z } from "zod";
import { isDomainError } from "../errors.js";
import { messageFor } from "../messages.js";
import { t } from "../../i18n/translate.js";
import { parseExchangeHours } from "../timebank/hours.js";
import { ACCESS_REQUIREMENTS, LADDER, MEETING_LIMITS, VENUE_FEATURES, checkInvolvementLevel, isExpenseChoice, isExpenseKind, parsePoundsMinor } from "./rules.js";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `tooLong`: the message when the text is longer than `maximum` characters. */
const requiredText = (maximum: number, missing: string, tooLong: string) =>
  z.string().trim().min(1, missing).max(maximum, tooLong);

const optionalText = (maximum: number, tooLong: string) =>
  z.string().trim().max(maximum, tooLong).optional().default("");

const optionalId = z
  .string()
  .optional()
  .default("")
  .transform((value, context) => {
    if (value === "") return null;
    if (!/^\d{1,9}$/.test(value)) {
      context.addIssue({ code: "custom", message: t("meetings.form.option.notListed") });
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
        context.addIssue({ code: "custom", message: t("meetings.form.checkbox.notListed") });
        return z.NEVER;
      }
      return Object.fromEntries(allowed.map((key) => [key, chosen.includes(key)])) as Record<K, boolean>;
    });
}

function poundsField(maximumMinor: bigint, field: string, optional: boolean) {
  return z
    .string()
    .max(40, t("meetings.form.pounds.tooLong"))
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
    title: requiredText(MEETING_LIMITS.titleChars, t("errors.meeting_title_missing"), t("meetings.form.title.tooLong", { maximum: MEETING_LIMITS.titleChars })),
    organisationId: z.string().regex(/^\d{1,9}$/, t("meetings.form.organisation.missing")).transform(Number),
    roundId: optionalId,
    timebankId: optionalId,
    date: z
      .string()
      .trim()
      .min(1, t("meetings.form.date.missing"))
      .max(10, t("meetings.form.date.notReal"))
      .refine((value) => DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value, t("meetings.form.date.notReal")),
    startTime: z.string().trim().min(1, t("meetings.form.startTime.missing")).max(5, t("meetings.form.startTime.format")).regex(TIME_PATTERN, t("meetings.form.startTime.format")),
    endTime: z.string().trim().min(1, t("meetings.form.endTime.missing")).max(5, t("meetings.form.endTime.format")).regex(TIME_PATTERN, t("meetings.form.endTime.format")),
    venueName: requiredText(MEETING_LIMITS.venueNameChars, t("meetings.form.venueName.missing"), t("meetings.form.venueName.tooLong", { maximum: MEETING_LIMITS.venueNameChars })),
    venueAddress: requiredText(MEETING_LIMITS.venueAddressChars, t("meetings.form.venueAddress.missing"), t("meetings.form.venueAddress.tooLong", { maximum: MEETING_LIMITS.venueAddressChars })),
    venue: checkboxSet(VENUE_KEYS),
    accessNotes: optionalText(MEETING_LIMITS.accessNotesChars, t("meetings.form.accessNotes.tooLong", { maximum: MEETING_LIMITS.accessNotesChars })),
    agenda: requiredText(MEETING_LIMITS.agendaChars, t("errors.meeting_agenda_missing"), t("meetings.form.agenda.tooLong", { maximum: MEETING_LIMITS.agendaChars })),
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
      .max(10, t("meetings.form.creditHours.tooLong"))
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
  .refine((value) => value.startTime < value.endTime, { message: t("errors.meeting_times_order"), path: ["endTime"] });
export type MeetingFormInput = z.output<typeof MeetingSchema>;

export const SignUpSchema = z.object({
  needs: checkboxSet(NEED_KEYS),
  dietaryNeeds: optionalText(MEETING_LIMITS.dietaryChars, t("meetings.form.dietaryNeeds.tooLong", { maximum: MEETING_LIMITS.dietaryChars })),
  otherNeeds: optionalText(MEETING_LIMITS.otherNeedsChars, t("meetings.form.otherNeeds.tooLong", { maximum: MEETING_LIMITS.otherNeedsChars })),
});
export type SignUpFormInput = z.output<typeof SignUpSchema>;

export const ClaimSchema = z
  .object({
    kind: z.string().refine(isExpenseKind, t("errors.meeting_claim_kind_missing")),
    amount: z
      .string()
      .max(40, t("meetings.form.amount.tooLong"))
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
    description: optionalText(MEETING_LIMITS.claimDescriptionChars, t("meetings.form.description.tooLong", { maximum: MEETING_LIMITS.claimDescriptionChars })),
    choice: z.string().refine(isExpenseChoice, t("errors.meeting_claim_choice_missing")),
    charityName: optionalText(MEETING_LIMITS.charityNameChars, t("meetings.form.charityName.tooLong", { maximum: MEETING_LIMITS.charityNameChars })),
  })
  .refine((value) => value.choice !== "donate" || value.charityName.trim() !== "", {
    message: t("errors.meeting_claim_charity_missing"),
    path: ["charityName"],
    // Checked even when other fields have errors, so every problem shows at once.
    when: (payload) => {
      const value = payload.value as { choice?: unknown; charityName?: unknown } | null;
      return typeof value === "object" && value !== null && typeof (value.charityName ?? "") === "string";
    },
  });
export type ClaimFormInput = z.output<typeof ClaimSchema>;

export const WalkInSchema = z.object({
  email: z.string().trim().min(1, t("meetings.form.email.missing")).max(254, t("meetings.form.email.tooLong", { maximum: 254 })),
  declinePayment: z.string().optional().default("").transform((v) => v === "yes"),
});

export { LADDER };
