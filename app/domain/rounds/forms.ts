// Form rules for rounds and proposals, with GOV.UK-style messages.
import { z } from "zod";
import { DomainError } from "../errors.js";
import { messageFor } from "../messages.js";
import { parseAmountMinor } from "../ledger/amount.js";
import { t } from "../../i18n/translate.js";

const MAX_BUDGET_MINOR = 100_000_000_00n; // £100 million: far above any neighbourhood round

/** "£1,250.50" or "1250" -> pence; a clear message otherwise. */
export function poundsField(emptyMessage: string, maximumMinor: bigint = MAX_BUDGET_MINOR) {
  return z.string().transform((text, ctx) => {
    if (text.trim() === "") {
      ctx.addIssue({ code: "custom", message: emptyMessage });
      return z.NEVER;
    }
    try {
      return parseAmountMinor(text, "GBP", { maximumMinor });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      ctx.addIssue({ code: "custom", message: poundsMessage(error) });
      return z.NEVER;
    }
  });
}

/** An amount's error, saying that the amount is in pounds. */
function poundsMessage(error: DomainError): string {
  const v = error.values;
  switch (error.code) {
    case "ledger_amount_missing":
      return t("rounds.form.pounds.missing");
    case "ledger_amount_too_precise":
      return t("rounds.form.pounds.tooPrecise", { scale: String(v.scale) });
    case "ledger_amount_zero":
      return t("rounds.form.pounds.zero");
    case "ledger_amount_negative":
      return t("rounds.form.pounds.negative");
    case "ledger_amount_too_large":
      return t("rounds.form.pounds.tooLarge", { maximum: String(v.maximum) });
    default:
      return messageFor(error);
  }
}

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

const dateTimeField = (notADate: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = new Date(value.length === 16 ? `${value}:00Z` : value);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: notADate });
        return z.NEVER;
      }
      return date;
    });

const wholeNumber = (min: number, max: number, notWhole: string, outOfRange: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, notWhole)
    .transform(Number)
    .refine((n) => n >= min && n <= max, outOfRange);

const checkbox = z.string().optional().transform((v) => v === "yes");

export const RoundFormSchema = z.object({
  title: z.string().trim().min(1, t("rounds.roundForm.title.missing")).max(200, t("rounds.roundForm.title.tooLong", { maximum: 200 })),
  slug: z
    .string()
    .trim()
    .min(1, t("rounds.roundForm.slug.missing"))
    .max(63, t("rounds.roundForm.slug.tooLong", { maximum: 63 }))
    .regex(/^[a-z0-9][a-z0-9-]*$/, t("rounds.roundForm.slug.invalid")),
  description: z.string().trim().min(1, t("rounds.roundForm.description.missing")).max(5000, t("rounds.roundForm.description.tooLong", { maximum: 5000 })),
  area: optionalText(100, t("rounds.roundForm.area.tooLong", { maximum: 100 })),
  theme: optionalText(100, t("rounds.roundForm.theme.tooLong", { maximum: 100 })),
  budget: poundsField(t("rounds.roundForm.budget.missing")),
  proposalsOpenAt: dateTimeField(t("rounds.roundForm.proposalsOpenAt.invalid")),
  reviewStartsAt: dateTimeField(t("rounds.roundForm.reviewStartsAt.invalid")),
  votingOpensAt: dateTimeField(t("rounds.roundForm.votingOpensAt.invalid")),
  votingClosesAt: dateTimeField(t("rounds.roundForm.votingClosesAt.invalid")),
  ballotType: z.enum(["approval", "knapsack", "cumulative", "ranked"], { error: t("rounds.roundForm.ballotType.missing") }),
  minChoices: wholeNumber(0, 100, t("rounds.roundForm.minChoices.notWhole", { example: 0 }), t("rounds.roundForm.minChoices.outOfRange", { minimum: 0, maximum: 100 })),
  maxChoices: wholeNumber(1, 100, t("rounds.roundForm.maxChoices.notWhole", { example: 1 }), t("rounds.roundForm.maxChoices.outOfRange", { minimum: 1, maximum: 100 })),
  pointsTotal: wholeNumber(1, 1000, t("rounds.roundForm.pointsTotal.notWhole", { example: 1 }), t("rounds.roundForm.pointsTotal.outOfRange", { minimum: 1, maximum: 1000 })),
  countingRule: z.enum(["greedy", "equal_shares"], { error: t("rounds.roundForm.countingRule.missing") }),
  tieBreakSeed: z.string().trim().max(64, t("rounds.roundForm.tieBreakSeed.tooLong", { maximum: 64 })),
  liveCounts: z.enum(["public", "hidden"], { error: t("rounds.roundForm.liveCounts.missing") }),
  allowAccountVotes: checkbox,
  allowCodeVotes: checkbox,
  allowPaperVotes: checkbox,
  areaOnly: checkbox,
});

export const ProposalFormSchema = z.object({
  title: z.string().trim().min(1, t("rounds.proposalForm.title.missing")).max(120, t("rounds.proposalForm.title.tooLong", { maximum: 120 })),
  summary: z.string().trim().min(1, t("rounds.proposalForm.summary.missing")).max(300, t("rounds.proposalForm.summary.tooLong", { maximum: 300 })),
  description: z.string().trim().min(1, t("rounds.proposalForm.description.missing")).max(5000, t("rounds.proposalForm.description.tooLong", { maximum: 5000 })),
  cost: poundsField(t("rounds.proposalForm.cost.missing")),
  costLines: z
    .string()
    .max(4000, t("rounds.proposalForm.costLines.tooLong", { maximum: 4000 }))
    .optional()
    .transform((text, ctx) => {
      const lines: { description: string; amountMinor: bigint }[] = [];
      for (const [index, raw] of (text ?? "").split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (!line) continue;
        const match = /^(.{1,200}?)\s*[:;,]\s*£?\s*([\d,]+(?:\.\d{1,2})?)$/.exec(line);
        if (!match) {
          ctx.addIssue({ code: "custom", message: t("rounds.proposalForm.costLines.invalid", { line: index + 1 }) });
          return z.NEVER;
        }
        lines.push({ description: match[1]!.trim(), amountMinor: parseAmountMinor(match[2]!, "GBP") });
      }
      if (lines.length > 20) {
        ctx.addIssue({ code: "custom", message: t("rounds.proposalForm.costLines.tooMany", { maximum: 20 }) });
        return z.NEVER;
      }
      return lines;
    }),
  area: optionalText(100, t("rounds.proposalForm.area.tooLong", { maximum: 100 })),
  theme: optionalText(100, t("rounds.proposalForm.theme.tooLong", { maximum: 100 })),
  coauthors: z
    .string()
    .max(1500, t("rounds.proposalForm.coauthors.tooLong", { maximum: 1500 }))
    .optional()
    .transform((text) => (text ?? "").split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean)),
});

export const ReviewFormSchema = z.object({
  decision: z.enum(["feasible", "not_feasible"], { error: t("rounds.reviewForm.decision.missing") }),
  reason: z.string().trim().min(1, t("rounds.reviewForm.reason.missing")).max(2000, t("rounds.reviewForm.reason.tooLong", { maximum: 2000 })),
  adjustedCost: z.string().optional(),
  costReason: optionalText(2000, t("rounds.reviewForm.costReason.tooLong", { maximum: 2000 })),
});

export const CommentFormSchema = z.object({
  body: z.string().trim().min(1, t("rounds.commentForm.body.missing")).max(2000, t("rounds.commentForm.body.tooLong", { maximum: 2000 })),
  parentId: z.string().regex(/^\d{0,9}$/, t("rounds.commentForm.parentId.invalid")).optional().transform((v) => (v ? Number(v) : null)),
});

export const HideFormSchema = z.object({
  reason: z.string().trim().min(1, t("rounds.hideForm.reason.missing")).max(500, t("rounds.hideForm.reason.tooLong", { maximum: 500 })),
});
