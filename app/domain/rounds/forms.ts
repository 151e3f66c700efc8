// Form rules for rounds and proposals, with GOV.UK-style messages.
import { z } from "zod";
import { DomainError } from "../errors.js";
import { messageFor } from "../messages.js";
import { parseAmountMinor } from "../ledger/amount.js";

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
      ctx.addIssue({ code: "custom", message: messageFor(error).replace("Enter an amount", "Enter an amount in pounds") });
      return z.NEVER;
    }
  });
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));

const dateTimeField = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = new Date(value.length === 16 ? `${value}:00Z` : value);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `${label} must be a real date and time, like 2027-03-31 18:00` });
        return z.NEVER;
      }
      return date;
    });

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, `Enter ${label} as a whole number, like ${min}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label[0]!.toUpperCase()}${label.slice(1)} must be between ${min} and ${max}`);

const checkbox = z.string().optional().transform((v) => v === "yes");

export const RoundFormSchema = z.object({
  title: z.string().trim().min(1, "Enter a title for the round").max(200, "Title must be 200 characters or fewer"),
  slug: z
    .string()
    .trim()
    .min(1, "Enter a short name for the web address")
    .max(63, "Short name must be 63 characters or fewer")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "Short name must use only lower-case letters, numbers and dashes, like riverside-2027"),
  description: z.string().trim().min(1, "Enter a description of the round").max(5000, "Description must be 5000 characters or fewer"),
  area: optionalText(100, "Area"),
  theme: optionalText(100, "Theme"),
  budget: poundsField("Enter the budget in pounds, like 150000"),
  proposalsOpenAt: dateTimeField("The date proposals open"),
  reviewStartsAt: dateTimeField("The date review starts"),
  votingOpensAt: dateTimeField("The date voting opens"),
  votingClosesAt: dateTimeField("The date voting closes"),
  ballotType: z.enum(["approval", "knapsack", "cumulative", "ranked"], { error: "Select a type of ballot" }),
  minChoices: wholeNumber("the least number of choices", 0, 100),
  maxChoices: wholeNumber("the most number of choices", 1, 100),
  pointsTotal: wholeNumber("the number of points", 1, 1000),
  countingRule: z.enum(["greedy", "equal_shares"], { error: "Select how votes are counted" }),
  tieBreakSeed: z.string().trim().max(64, "Tie-break seed must be 64 characters or fewer"),
  liveCounts: z.enum(["public", "hidden"], { error: "Select whether live counts are public" }),
  allowAccountVotes: checkbox,
  allowCodeVotes: checkbox,
  allowPaperVotes: checkbox,
  areaOnly: checkbox,
});

export const ProposalFormSchema = z.object({
  title: z.string().trim().min(1, "Enter a title for your proposal").max(120, "Title must be 120 characters or fewer"),
  summary: z.string().trim().min(1, "Enter a one-line summary").max(300, "Summary must be 300 characters or fewer"),
  description: z.string().trim().min(1, "Describe your proposal").max(5000, "Description must be 5000 characters or fewer"),
  cost: poundsField("Enter the estimated cost in pounds, like 12500"),
  costLines: z
    .string()
    .max(4000, "Cost lines must be 4000 characters or fewer")
    .optional()
    .transform((text, ctx) => {
      const lines: { description: string; amountMinor: bigint }[] = [];
      for (const [index, raw] of (text ?? "").split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (!line) continue;
        const match = /^(.{1,200}?)\s*[:;,]\s*£?\s*([\d,]+(?:\.\d{1,2})?)$/.exec(line);
        if (!match) {
          ctx.addIssue({ code: "custom", message: `Write cost line ${index + 1} as a description then the amount, like "Benches: 2400"` });
          return z.NEVER;
        }
        lines.push({ description: match[1]!.trim(), amountMinor: parseAmountMinor(match[2]!, "GBP") });
      }
      if (lines.length > 20) {
        ctx.addIssue({ code: "custom", message: "Enter 20 cost lines or fewer" });
        return z.NEVER;
      }
      return lines;
    }),
  area: optionalText(100, "Area"),
  theme: optionalText(100, "Theme"),
  coauthors: z
    .string()
    .max(1500, "Co-authors must be 1500 characters or fewer")
    .optional()
    .transform((text) => (text ?? "").split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean)),
});

export const ReviewFormSchema = z.object({
  decision: z.enum(["feasible", "not_feasible"], { error: "Select whether the proposal is feasible" }),
  reason: z.string().trim().min(1, "Enter the reason, which everyone will see").max(2000, "Reason must be 2000 characters or fewer"),
  adjustedCost: z.string().optional(),
  costReason: optionalText(2000, "Reason for the cost change"),
});

export const CommentFormSchema = z.object({
  body: z.string().trim().min(1, "Enter your comment").max(2000, "Comment must be 2000 characters or fewer"),
  parentId: z.string().regex(/^\d{0,9}$/, "Reply to a comment on this page").optional().transform((v) => (v ? Number(v) : null)),
});

export const HideFormSchema = z.object({
  reason: z.string().trim().min(1, "Enter the reason, which everyone will see").max(500, "Reason must be 500 characters or fewer"),
});
