// What a valid timebank form is. zod schemas with GOV.UK-style messages that say how to fix it;
// hours and dates are parsed by the same rules the services use, so a page and a service agree.
import { z } from "zod";
import type { MessageKey } from "../../i18n/en.js";
import { t } from "../../i18n/translate.js";
import { isDomainError } from "../errors.js";
import { messageFor } from "../messages.js";
import { dayNumber } from "./dates.js";
import { MAX_DESCRIPTION_CHARS } from "./exchange.js";
import { MAX_EXCHANGE_CENTIHOURS, parseExchangeHours, parseHoursSetting } from "./hours.js";
import { MAX_PLEDGE_CENTIHOURS_PER_WEEK } from "./pledge.js";

export const TIMEBANK_LIMITS = {
  skillsChars: 1000,
  availabilityChars: 500,
  areaChars: 100,
  accessNeedsChars: 1000,
  descriptionChars: MAX_DESCRIPTION_CHARS,
  categoryChars: 40,
  reasonChars: 200,
  hoursChars: 10,
  emailChars: 254,
} as const;

/** Kinds of help: each value with the catalogue key of its words (categoryOptions() gives the words). */
export const CATEGORIES = [
  { value: "childcare", label: "timebank.category.childcare" },
  { value: "cleaning", label: "timebank.category.cleaning" },
  { value: "cooking", label: "timebank.category.cooking" },
  { value: "gardening", label: "timebank.category.gardening" },
  { value: "repairs", label: "timebank.category.repairs" },
  { value: "learning", label: "timebank.category.learning" },
  { value: "company", label: "timebank.category.company" },
  { value: "transport", label: "timebank.category.transport" },
  { value: "admin", label: "timebank.category.admin" },
  { value: "community", label: "timebank.category.community" },
  { value: "other", label: "timebank.category.somethingElse" },
] as const satisfies readonly { value: string; label: MessageKey }[];

export type Category = (typeof CATEGORIES)[number]["value"];
const CATEGORY_VALUES = CATEGORIES.map((category) => category.value) as [Category, ...Category[]];

export function categoryLabel(value: string): string {
  const category = CATEGORIES.find((candidate) => candidate.value === value);
  return category ? t(category.label) : value;
}

/** The kinds of help as options for a select: value and words. */
export function categoryOptions(): { value: string; label: string }[] {
  return CATEGORIES.map((category) => ({ value: category.value, label: t(category.label) }));
}

/** Keys of the "must be {maximum} characters or fewer" messages. */
type TooLongKey = Extract<MessageKey, `timebank.form.${string}.tooLong`>;

const optionalText = (maximum: number, tooLong: TooLongKey) =>
  z.string().trim().max(maximum, t(tooLong, { maximum })).optional().default("");

export const MemberProfileSchema = z.object({
  skillsOffered: optionalText(TIMEBANK_LIMITS.skillsChars, "timebank.form.skillsOffered.tooLong"),
  skillsWanted: optionalText(TIMEBANK_LIMITS.skillsChars, "timebank.form.skillsWanted.tooLong"),
  availability: optionalText(TIMEBANK_LIMITS.availabilityChars, "timebank.form.availability.tooLong"),
  area: optionalText(TIMEBANK_LIMITS.areaChars, "timebank.form.area.tooLong"),
  accessNeeds: optionalText(TIMEBANK_LIMITS.accessNeedsChars, "timebank.form.accessNeeds.tooLong"),
});
export type MemberProfile = z.output<typeof MemberProfileSchema>;

/** Hours in quarter steps, as a bigint of centihours; the error is the same words a service would give. */
export function hoursField(maximumCentihours: bigint = MAX_EXCHANGE_CENTIHOURS) {
  return z
    .string()
    .max(TIMEBANK_LIMITS.hoursChars, t("errors.timebank_hours_not_a_number"))
    .transform((value, context) => {
      try {
        return parseExchangeHours(value, "hours", maximumCentihours);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        context.addIssue({ code: "custom", message: messageFor(error) });
        return z.NEVER;
      }
    });
}

/** Like hoursField, but empty means "none" (null) and zero is allowed. */
export function optionalHoursSettingField(maximumCentihours: bigint) {
  return z
    .string()
    .max(TIMEBANK_LIMITS.hoursChars, t("timebank.form.hoursSetting.notANumber"))
    .transform((value, context) => {
      if (value.trim() === "") return null;
      try {
        return parseHoursSetting(value, "hours", maximumCentihours);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        context.addIssue({ code: "custom", message: messageFor(error) });
        return z.NEVER;
      }
    });
}

/** The date fields, each with its own three messages (missing, too long, not a real date). */
export type DateFieldName = "dateGiven" | "firstDay" | "lastDay" | "meetDate";

export const dateField = (field: DateFieldName) =>
  z
    .string()
    .trim()
    .min(1, t(`timebank.form.${field}.missing`))
    .max(10, t(`timebank.form.${field}.tooLong`))
    .refine((value) => {
      try {
        dayNumber(value);
        return true;
      } catch {
        return false;
      }
    }, t(`timebank.form.${field}.invalid`));

const memberIdField = (message: string) =>
  z.string().regex(/^\d{1,9}$/, message).transform(Number);

export const EnrolSchema = MemberProfileSchema.extend({
  email: z
    .string()
    .trim()
    .min(1, t("timebank.form.email.missing"))
    .max(TIMEBANK_LIMITS.emailChars, t("timebank.form.email.tooLong", { maximum: TIMEBANK_LIMITS.emailChars }))
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, t("timebank.form.email.invalid")),
  pledge: optionalHoursSettingField(MAX_PLEDGE_CENTIHOURS_PER_WEEK).optional().default(null),
});

const descriptionField = z
  .string()
  .trim()
  .min(1, t("timebank.form.description.missing"))
  .max(TIMEBANK_LIMITS.descriptionChars, t("timebank.form.description.tooLong", { maximum: TIMEBANK_LIMITS.descriptionChars }));

const categoryField = z.enum(CATEGORY_VALUES, { message: t("timebank.form.category.missing") });

/** A member records time they gave; the receiver confirms it. */
export const GiverRecordSchema = z.object({
  receiverId: memberIdField(t("timebank.form.receiver.missing")),
  hours: hoursField(),
  date: dateField("dateGiven"),
  category: categoryField,
  description: descriptionField,
});

const tooManyPeople = t("timebank.form.people.tooMany", { maximum: 50 });

/**
 * A coordinator records an exchange on behalf of everyone in it. One giver and several
 * receivers, or several givers and one receiver (each giver then gives the same hours).
 */
export const CoordinatorRecordSchema = z.object({
  giverIds: z
    .string()
    .min(1, t("timebank.form.giver.missing"))
    .max(600, tooManyPeople)
    .transform((value) => value.split("\n").filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,9}$/, t("timebank.form.giver.missing")).transform(Number)).min(1, t("timebank.form.giver.missing")).max(50, tooManyPeople)),
  receiverIds: z
    .string()
    .min(1, t("timebank.form.receiver.missing"))
    .max(600, tooManyPeople)
    .transform((value) => value.split("\n").filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,9}$/, t("timebank.form.receiver.missing")).transform(Number)).min(1, t("timebank.form.receiver.missing")).max(50, tooManyPeople)),
  hours: hoursField(),
  date: dateField("dateGiven"),
  category: categoryField,
  description: descriptionField,
});

export const ExemptionSchema = z.object({
  memberId: memberIdField(t("timebank.form.member.missing")),
  startsOn: dateField("firstDay"),
  endsOn: dateField("lastDay"),
  reason: z
    .string()
    .trim()
    .min(1, t("timebank.form.exemptionReason.missing"))
    .max(TIMEBANK_LIMITS.reasonChars, t("timebank.form.reason.tooLong", { maximum: TIMEBANK_LIMITS.reasonChars })),
});

export const ListingSchema = z.object({
  kind: z.enum(["offer", "request"], { message: t("timebank.form.listingKind.missing") }),
  category: categoryField,
  title: z.string().trim().min(1, t("timebank.form.listingTitle.missing")).max(120, t("timebank.form.listingTitle.tooLong", { maximum: 120 })),
  description: optionalText(2000, "timebank.form.listingDescription.tooLong"),
});

export const RespondSchema = z.object({
  hours: hoursField(),
  date: dateField("meetDate"),
});

const reasonText = (missing: string) =>
  z.string().trim().min(1, missing).max(500, t("timebank.form.reason.tooLong", { maximum: 500 }));

export const DisputeSchema = z.object({ reason: reasonText(t("timebank.form.disputeReason.missing")) });

export const ResolveSchema = z.object({
  outcome: z.enum(["reversed", "stands"], { message: t("timebank.form.outcome.missing") }),
  resolutionReason: reasonText(t("timebank.form.resolutionReason.missing")),
});

export const RedeemSchema = z.object({ rewardId: memberIdField(t("timebank.form.reward.missing")) });
export const DonateSchema = z.object({ hours: hoursField() });
export const UseCodeSchema = z.object({
  code: z.string().trim().min(1, t("timebank.form.code.missing")).max(20, t("timebank.form.code.tooLong")),
});
export const GrantSchema = z.object({
  memberId: memberIdField(t("timebank.form.member.missing")),
  grantHours: hoursField(),
  reason: z.string().trim().min(1, t("errors.timebank_reason_missing")).max(200, t("timebank.form.reason.tooLong", { maximum: 200 })),
});
export const SettleSchema = z.object({ partnerId: memberIdField(t("timebank.form.partner.missing")) });

/** A coordinator thanks the people who came to a co-production meeting with hours from a sponsor. */
export const ParticipationSchema = z.object({
  sponsorMemberId: memberIdField(t("timebank.form.sponsor.missing")),
  memberIds: z
    .string()
    .min(1, t("timebank.form.participants.missing"))
    .max(600, tooManyPeople)
    .transform((value) => value.split("\n").filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,9}$/, t("timebank.form.participants.missing")).transform(Number)).min(1, t("timebank.form.participants.missing")).max(50, tooManyPeople)),
  hours: hoursField(),
  occasion: z.string().trim().min(1, t("timebank.form.occasion.missing")).max(200, t("timebank.form.occasion.tooLong", { maximum: 200 })),
});
