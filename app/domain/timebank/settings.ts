// A timebank's settings: joining gift, credit limits and weekly pledge, as a form and as rules.
// Limits are typed as positive hours ("how far below zero", "how far above zero") so nobody has
// to type a minus sign; the rules turn them into signed centihours for the ledger.
import { z } from "zod";
import { DomainError, isDomainError } from "../errors.js";
import { parseAmountMinor } from "../ledger/amount.js";
import { messageFor } from "../messages.js";
import { hoursField, optionalHoursSettingField } from "./forms.js";
import { MAX_PLEDGE_CENTIHOURS_PER_WEEK } from "./pledge.js";

/** The database's own limits on a timebank's settings (migration 0004). */
export const MAX_JOINING_GIFT_CENTIHOURS = 2_000n;
export const MAX_CREDIT_BELOW_ZERO_CENTIHOURS = 100_000n;
export const MAX_BALANCE_CENTIHOURS = 1_000_000n;

export interface TimebankSettings {
  joiningGiftCentihours: bigint;
  /** Zero or negative. */
  minBalanceCentihours: bigint;
  /** Zero or positive. */
  maxBalanceCentihours: bigint;
  pledgeCentihoursPerWeek: bigint | null;
}

const requiredHours = (maximum: bigint, missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .pipe(optionalHoursSettingField(maximum))
    .transform((value) => value ?? 0n);

export const SettingsSchema = z.object({
  gift: requiredHours(MAX_JOINING_GIFT_CENTIHOURS, "Enter the hours a new member starts with, or 0"),
  below: requiredHours(MAX_CREDIT_BELOW_ZERO_CENTIHOURS, "Enter how far below zero a balance may go, or 0"),
  above: requiredHours(MAX_BALANCE_CENTIHOURS, "Enter the highest balance allowed, like 100"),
  pledge: optionalHoursSettingField(MAX_PLEDGE_CENTIHOURS_PER_WEEK).optional().default(null),
});

export function settingsFromForm(form: z.output<typeof SettingsSchema>): TimebankSettings {
  return { joiningGiftCentihours: form.gift, minBalanceCentihours: -form.below, maxBalanceCentihours: form.above, pledgeCentihoursPerWeek: form.pledge };
}

/** Rules the form alone cannot see: the gift must fit under the highest balance. */
export function checkSettings(settings: TimebankSettings): void {
  if (settings.minBalanceCentihours > 0n || -settings.minBalanceCentihours > MAX_CREDIT_BELOW_ZERO_CENTIHOURS) throw new DomainError("timebank_settings_below_invalid", { field: "below" });
  if (settings.maxBalanceCentihours < 0n || settings.maxBalanceCentihours > MAX_BALANCE_CENTIHOURS) throw new DomainError("timebank_settings_above_invalid", { field: "above" });
  if (settings.joiningGiftCentihours < 0n || settings.joiningGiftCentihours > MAX_JOINING_GIFT_CENTIHOURS) throw new DomainError("timebank_settings_gift_invalid", { field: "gift" });
  if (settings.joiningGiftCentihours > settings.maxBalanceCentihours) throw new DomainError("timebank_settings_gift_over_limit", { field: "gift" });
  if (settings.pledgeCentihoursPerWeek !== null && (settings.pledgeCentihoursPerWeek < 0n || settings.pledgeCentihoursPerWeek > MAX_PLEDGE_CENTIHOURS_PER_WEEK)) {
    throw new DomainError("timebank_settings_pledge_invalid", { field: "pledge" });
  }
}

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const NewTimebankSchema = SettingsSchema.extend({
  organisationId: z.string().regex(/^\d{1,9}$/, "Select the organisation that runs the timebank").transform(Number),
  name: z.string().trim().min(1, "Enter the timebank's name, like \"Harbour House timebank\"").max(200, "The name must be 200 characters or fewer"),
  slug: z
    .string()
    .trim()
    .min(1, "Enter a web address name, like harbour-house")
    .max(63, "The web address name must be 63 characters or fewer")
    .regex(SLUG_PATTERN, "Enter a web address name using lower-case letters, numbers and dashes, like harbour-house")
    // "/timebanks/new" is the page for starting a timebank.
    .refine((value) => value !== "new", "Enter a different web address name: new is used by Potluck"),
  description: z.string().trim().max(2000, "The description must be 2000 characters or fewer").optional().default(""),
});

/** What happens to a positive balance when a member leaves. */
export const LeaveSchema = z.object({
  balance: z.enum(["donate", "keep"], { message: "Select what should happen to your hours" }).optional(),
  confirm: z.literal("yes", { message: "Confirm that you want to leave the timebank" }),
});

export const RemoveMemberSchema = z.object({
  reason: z.string().trim().min(1, "Enter the reason, which will show on the member's statement").max(200, "The reason must be 200 characters or fewer"),
});

export const MemberPledgeSchema = z.object({
  choice: z.enum(["timebank", "own"], { message: "Select whether this member follows the timebank's pledge or has their own" }),
  pledge: optionalHoursSettingField(MAX_PLEDGE_CENTIHOURS_PER_WEEK).optional().default(null),
});

export const PartnerSchema = z.object({
  partnerName: z.string().trim().min(1, "Enter the partner's name, like \"Harbour Cinema\"").max(200, "The partner's name must be 200 characters or fewer"),
  partnerDescription: z.string().trim().max(1000, "The description must be 1000 characters or fewer").optional().default(""),
  sponsorMemberId: z.string().regex(/^\d{1,9}$/, "Select the organisation that sponsors the partner").transform(Number),
});

export const RewardSchema = z.object({
  partnerId: z.string().regex(/^\d{1,9}$/, "Select the partner offering the reward").transform(Number),
  title: z.string().trim().min(1, "Enter what the member gets, like \"One cinema ticket\"").max(120, "The reward must be 120 characters or fewer"),
  price: hoursField(10_000n),
});

/** The most one personal-budget payment or top-up moves: £10,000. */
export const MAX_BUDGET_PAYMENT_PENCE = 1_000_000n;

/** Pounds as typed ("10", "12.50", "£1,000") in, bigint pence out; never a float. */
export const poundsField = z
  .string()
  .max(20, "Enter an amount in pounds, like 10 or 12.50")
  .transform((value, context) => {
    try {
      return parseAmountMinor(value, "GBP", { maximumMinor: MAX_BUDGET_PAYMENT_PENCE });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      context.addIssue({ code: "custom", message: error.code === "ledger_amount_too_large" ? "Enter £10,000 or less" : error.code === "ledger_amount_missing" ? "Enter an amount in pounds, like 10 or 12.50" : messageFor(error) });
      return z.NEVER;
    }
  });

export const FundBudgetSchema = z.object({ amount: poundsField });

export const MixedPaymentSchema = z.object({
  description: z.string().trim().min(1, "Enter the activity, like \"Sewing course at the community centre\"").max(500, "The activity must be 500 characters or fewer"),
  pounds: poundsField,
  hours: hoursField(),
});
