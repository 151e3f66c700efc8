// What a valid timebank form is. zod schemas with GOV.UK-style messages that say how to fix it;
// hours and dates are parsed by the same rules the services use, so a page and a service agree.
import { z } from "zod";
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

export const CATEGORIES = [
  { value: "childcare", label: "Childcare" },
  { value: "cleaning", label: "Cleaning and tidying" },
  { value: "cooking", label: "Cooking and food" },
  { value: "gardening", label: "Gardening" },
  { value: "repairs", label: "Repairs and DIY" },
  { value: "learning", label: "Teaching and learning" },
  { value: "company", label: "Company and befriending" },
  { value: "transport", label: "Lifts and errands" },
  { value: "admin", label: "Forms, letters and computers" },
  { value: "community", label: "Community work" },
  { value: "other", label: "Something else" },
] as const;

export type Category = (typeof CATEGORIES)[number]["value"];
const CATEGORY_VALUES = CATEGORIES.map((category) => category.value) as [Category, ...Category[]];

export function categoryLabel(value: string): string {
  return CATEGORIES.find((category) => category.value === value)?.label ?? value;
}

const optionalText = (maximum: number, what: string) =>
  z.string().trim().max(maximum, `${what} must be ${maximum} characters or fewer`).optional().default("");

export const MemberProfileSchema = z.object({
  skillsOffered: optionalText(TIMEBANK_LIMITS.skillsChars, "Skills you can offer"),
  skillsWanted: optionalText(TIMEBANK_LIMITS.skillsChars, "Help you would like"),
  availability: optionalText(TIMEBANK_LIMITS.availabilityChars, "When you are free"),
  area: optionalText(TIMEBANK_LIMITS.areaChars, "Area"),
  accessNeeds: optionalText(TIMEBANK_LIMITS.accessNeedsChars, "Access needs"),
});
export type MemberProfile = z.output<typeof MemberProfileSchema>;

/** Hours in quarter steps, as a bigint of centihours; the error is the same words a service would give. */
export function hoursField(maximumCentihours: bigint = MAX_EXCHANGE_CENTIHOURS) {
  return z
    .string()
    .max(TIMEBANK_LIMITS.hoursChars, "Enter the hours as a number, like 1.5 or 0.75")
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
    .max(TIMEBANK_LIMITS.hoursChars, "Enter the hours as a number, like 5 or 2.5")
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

export const dateField = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}, like 2026-11-23`)
    .max(10, `Enter the ${what} as year-month-day, like 2026-11-23`)
    .refine((value) => {
      try {
        dayNumber(value);
        return true;
      } catch {
        return false;
      }
    }, `Enter the ${what} as a real date, like 2026-11-23`);

const memberIdField = (message: string) =>
  z.string().regex(/^\d{1,9}$/, message).transform(Number);

export const EnrolSchema = MemberProfileSchema.extend({
  email: z
    .string()
    .trim()
    .min(1, "Enter the email address of the person's account")
    .max(TIMEBANK_LIMITS.emailChars, `Email address must be ${TIMEBANK_LIMITS.emailChars} characters or fewer`)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter an email address in the correct format, like name@example.com"),
  pledge: optionalHoursSettingField(MAX_PLEDGE_CENTIHOURS_PER_WEEK).optional().default(null),
});

const descriptionField = z
  .string()
  .trim()
  .min(1, "Enter what was done, like \"Looked after two children for the afternoon\"")
  .max(TIMEBANK_LIMITS.descriptionChars, `What was done must be ${TIMEBANK_LIMITS.descriptionChars} characters or fewer`);

const categoryField = z.enum(CATEGORY_VALUES, { message: "Select the kind of help" });

/** A member records time they gave; the receiver confirms it. */
export const GiverRecordSchema = z.object({
  receiverId: memberIdField("Select who received the time"),
  hours: hoursField(),
  date: dateField("date the time was given"),
  category: categoryField,
  description: descriptionField,
});

/**
 * A coordinator records an exchange on behalf of everyone in it. One giver and several
 * receivers, or several givers and one receiver (each giver then gives the same hours).
 */
export const CoordinatorRecordSchema = z.object({
  giverIds: z
    .string()
    .min(1, "Select who gave the time")
    .max(600, "Select 50 people or fewer")
    .transform((value) => value.split("\n").filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,9}$/, "Select who gave the time").transform(Number)).min(1, "Select who gave the time").max(50, "Select 50 people or fewer")),
  receiverIds: z
    .string()
    .min(1, "Select who received the time")
    .max(600, "Select 50 people or fewer")
    .transform((value) => value.split("\n").filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,9}$/, "Select who received the time").transform(Number)).min(1, "Select who received the time").max(50, "Select 50 people or fewer")),
  hours: hoursField(),
  date: dateField("date the time was given"),
  category: categoryField,
  description: descriptionField,
});

export const ExemptionSchema = z.object({
  memberId: memberIdField("Select the member"),
  startsOn: dateField("first day"),
  endsOn: dateField("last day"),
  reason: z
    .string()
    .trim()
    .min(1, "Enter the reason, like \"In hospital\" or \"New baby\"")
    .max(TIMEBANK_LIMITS.reasonChars, `The reason must be ${TIMEBANK_LIMITS.reasonChars} characters or fewer`),
});

export const ListingSchema = z.object({
  kind: z.enum(["offer", "request"], { message: "Select whether you are offering help or asking for it" }),
  category: categoryField,
  title: z.string().trim().min(1, "Enter a short title, like \"After-school childcare\"").max(120, "The title must be 120 characters or fewer"),
  description: optionalText(2000, "The description"),
});

export const RespondSchema = z.object({
  hours: hoursField(),
  date: dateField("date you plan to meet"),
});

const reasonText = (what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(500, "The reason must be 500 characters or fewer");

export const DisputeSchema = z.object({ reason: reasonText("what is wrong with this exchange") });

export const ResolveSchema = z.object({
  outcome: z.enum(["reversed", "stands"], { message: "Select whether to reverse the exchange or let it stand" }),
  resolutionReason: reasonText("the reason for your decision, which both members will see"),
});

export const RedeemSchema = z.object({ rewardId: memberIdField("Select a reward") });
export const DonateSchema = z.object({ hours: hoursField() });
export const UseCodeSchema = z.object({
  code: z.string().trim().min(1, "Enter the code from the member, like K7QM2XH9PA").max(20, "Enter the 10-character code from the member, like K7QM2XH9PA"),
});
export const GrantSchema = z.object({
  memberId: memberIdField("Select the member"),
  grantHours: hoursField(),
  reason: z.string().trim().min(1, "Enter the reason, which will show in the timebank's reports").max(200, "The reason must be 200 characters or fewer"),
});
export const SettleSchema = z.object({ partnerId: memberIdField("Select a partner") });

/** A coordinator thanks the people who came to a co-production meeting with hours from a sponsor. */
export const ParticipationSchema = z.object({
  sponsorMemberId: memberIdField("Select the organisation giving the hours"),
  memberIds: z
    .string()
    .min(1, "Select who took part")
    .max(600, "Select 50 people or fewer")
    .transform((value) => value.split("\n").filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,9}$/, "Select who took part").transform(Number)).min(1, "Select who took part").max(50, "Select 50 people or fewer")),
  hours: hoursField(),
  occasion: z.string().trim().min(1, "Enter the meeting, like \"Northfield budget round public meeting\"").max(200, "The meeting must be 200 characters or fewer"),
});
