// A timebank's settings: joining gift, credit limits and weekly pledge, as a form and as rules.
// Limits are typed as positive hours ("how far below zero", "how far above zero") so nobody has
// to type a minus sign; the rules turn them into signed centihours for the ledger.
import { z } from "zod";
import { t } from "../../i18n/translate.js";
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
  gift: requiredHours(MAX_JOINING_GIFT_CENTIHOURS, t("timebankAdmin.settings.errors.giftMissing")),
  below: requiredHours(MAX_CREDIT_BELOW_ZERO_CENTIHOURS, t("timebankAdmin.settings.errors.belowMissing")),
  above: requiredHours(MAX_BALANCE_CENTIHOURS, t("timebankAdmin.settings.errors.aboveMissing")),
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
  organisationId: z.string().regex(/^\d{1,9}$/, t("timebankAdmin.newTimebank.errors.organisationMissing")).transform(Number),
  name: z.string().trim().min(1, t("timebankAdmin.newTimebank.errors.nameMissing")).max(200, t("timebankAdmin.newTimebank.errors.nameTooLong")),
  slug: z
    .string()
    .trim()
    .min(1, t("timebankAdmin.newTimebank.errors.slugMissing"))
    .max(63, t("timebankAdmin.newTimebank.errors.slugTooLong"))
    .regex(SLUG_PATTERN, t("timebankAdmin.newTimebank.errors.slugInvalid"))
    // "/timebanks/new" is the page for starting a timebank.
    .refine((value) => value !== "new", t("timebankAdmin.newTimebank.errors.slugReserved")),
  description: z.string().trim().max(2000, t("timebankAdmin.newTimebank.errors.descriptionTooLong")).optional().default(""),
});

/** What happens to a positive balance when a member leaves. */
export const LeaveSchema = z.object({
  balance: z.enum(["donate", "keep"], { message: t("timebankAdmin.leave.errors.balanceMissing") }).optional(),
  confirm: z.literal("yes", { message: t("timebankAdmin.leave.errors.confirmMissing") }),
});

export const RemoveMemberSchema = z.object({
  reason: z.string().trim().min(1, t("timebankAdmin.removeMember.errors.reasonMissing")).max(200, t("timebankAdmin.removeMember.errors.reasonTooLong")),
});

export const MemberPledgeSchema = z.object({
  choice: z.enum(["timebank", "own"], { message: t("timebankAdmin.memberPledge.errors.choiceMissing") }),
  pledge: optionalHoursSettingField(MAX_PLEDGE_CENTIHOURS_PER_WEEK).optional().default(null),
});

export const PartnerSchema = z.object({
  partnerName: z.string().trim().min(1, t("timebankAdmin.partners.errors.nameMissing")).max(200, t("timebankAdmin.partners.errors.nameTooLong")),
  partnerDescription: z.string().trim().max(1000, t("timebankAdmin.partners.errors.descriptionTooLong")).optional().default(""),
  sponsorMemberId: z.string().regex(/^\d{1,9}$/, t("timebankAdmin.partners.errors.sponsorMissing")).transform(Number),
});

export const RewardSchema = z.object({
  partnerId: z.string().regex(/^\d{1,9}$/, t("timebankAdmin.partners.errors.partnerMissing")).transform(Number),
  title: z.string().trim().min(1, t("timebankAdmin.partners.errors.rewardMissing")).max(120, t("timebankAdmin.partners.errors.rewardTooLong")),
  price: hoursField(10_000n),
});

/** The most one personal-budget payment or top-up moves: £10,000. */
export const MAX_BUDGET_PAYMENT_PENCE = 1_000_000n;

/** Pounds as typed ("10", "12.50", "£1,000") in, bigint pence out; never a float. */
export const poundsField = z
  .string()
  .max(20, t("timebankAdmin.budget.errors.amountInvalid"))
  .transform((value, context) => {
    try {
      return parseAmountMinor(value, "GBP", { maximumMinor: MAX_BUDGET_PAYMENT_PENCE });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      context.addIssue({ code: "custom", message: error.code === "ledger_amount_too_large" ? t("timebankAdmin.budget.errors.amountTooLarge") : error.code === "ledger_amount_missing" ? t("timebankAdmin.budget.errors.amountInvalid") : messageFor(error) });
      return z.NEVER;
    }
  });

export const FundBudgetSchema = z.object({ amount: poundsField });

export const MixedPaymentSchema = z.object({
  description: z.string().trim().min(1, t("timebankAdmin.budget.errors.activityMissing")).max(500, t("timebankAdmin.budget.errors.activityTooLong")),
  pounds: poundsField,
  hours: hoursField(),
});
