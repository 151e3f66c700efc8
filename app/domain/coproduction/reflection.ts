// The self-reflection tool: four principles of co-production, each rated at one of four
// stages. Pure rules: stage validation, red/amber/green mapping, the disagreement rule and
// how several people's views (and several rounds) are summarised.
import type { MessageKey } from "../../i18n/en.js";
import { t } from "../../i18n/translate.js";
import { DomainError } from "../errors.js";
import { checkText, collectErrors } from "./rules.js";

export const PRINCIPLES = ["assets", "valuing_work", "reciprocity", "social_networks"] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const PRINCIPLE_LABELS = {
  assets: "coproduction.principle.assets",
  valuing_work: "coproduction.principle.valuing_work",
  reciprocity: "coproduction.principle.reciprocity",
  social_networks: "coproduction.principle.social_networks",
} as const satisfies Record<Principle, MessageKey>;

export const PRINCIPLE_HINTS = {
  assets: "coproduction.principleHint.assets",
  valuing_work: "coproduction.principleHint.valuing_work",
  reciprocity: "coproduction.principleHint.reciprocity",
  social_networks: "coproduction.principleHint.social_networks",
} as const satisfies Record<Principle, MessageKey>;

export function principleLabel(principle: Principle): string {
  return t(PRINCIPLE_LABELS[principle]);
}

export function principleHint(principle: Principle): string {
  return t(PRINCIPLE_HINTS[principle]);
}

/** The four stages, from 1 (lowest) to 4 (highest). Stored as the number. */
export const STAGES = [1, 2, 3, 4] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_KEYS: Record<Stage, string> = { 1: "not_yet", 2: "basics", 3: "getting_there", 4: "doing_well" };

export const STAGE_LABELS = {
  1: "coproduction.stage.not_yet",
  2: "coproduction.stage.basics",
  3: "coproduction.stage.getting_there",
  4: "coproduction.stage.doing_well",
} as const satisfies Record<Stage, MessageKey>;

export function stageLabel(stage: Stage): string {
  return t(STAGE_LABELS[stage]);
}

export type Rag = "red" | "amber" | "green";

/**
 * Red/amber/green for a stage: not yet = red; the basics and getting there = amber; doing
 * really well = green. Pages always show the stage's words next to the colour.
 */
export function ragFor(stage: Stage): Rag {
  if (stage === 1) return "red";
  if (stage === 4) return "green";
  return "amber";
}

export const RAG_LABELS = { red: "coproduction.rag.red", amber: "coproduction.rag.amber", green: "coproduction.rag.green" } as const satisfies Record<Rag, MessageKey>;

export function ragLabel(rag: Rag): string {
  return t(RAG_LABELS[rag]);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === "number" && (STAGES as readonly number[]).includes(value);
}

/** A stage from a form's value ("not_yet", ... or "1".."4"); anything else is refused. */
export function parseStage(value: unknown, principle: Principle): Stage {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  for (const stage of STAGES) {
    if (text === STAGE_KEYS[stage] || text === String(stage)) return stage;
  }
  throw new DomainError("reflection_stage_invalid", { values: { principle: principleLabel(principle) }, field: `stage-${principle}` });
}

export const PERSPECTIVES = ["staff", "resident", "partner"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export const PERSPECTIVE_LABELS = { staff: "coproduction.perspective.staff", resident: "coproduction.perspective.resident", partner: "coproduction.perspective.partner" } as const satisfies Record<Perspective, MessageKey>;

export function perspectiveLabel(perspective: Perspective): string {
  return t(PERSPECTIVE_LABELS[perspective]);
}

export function isPerspective(value: unknown): value is Perspective {
  return typeof value === "string" && (PERSPECTIVES as readonly string[]).includes(value);
}

/**
 * The disagreement rule: respondents disagree about a principle when the highest and lowest
 * stages given are two or more stages apart (for example "got the basics" and "doing really
 * well"). One stage apart is ordinary difference of view.
 */
export const DISAGREEMENT_SPREAD = 2;

export function spreadOf(stages: readonly Stage[]): number {
  if (stages.length === 0) return 0;
  return Math.max(...stages) - Math.min(...stages);
}

export function disagree(stages: readonly Stage[]): boolean {
  return stages.length >= 2 && spreadOf(stages) >= DISAGREEMENT_SPREAD;
}

/**
 * The median stage of several views. With an even number of views the lower of the two middle
 * stages is taken, so the median is always one of the four stages (and never flatters).
 */
export function medianStage(stages: readonly Stage[]): Stage | null {
  if (stages.length === 0) return null;
  const sorted = [...stages].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export interface RatingView {
  respondentId: number;
  principle: Principle;
  stage: Stage;
}

export interface PrincipleSummary {
  principle: Principle;
  /** One entry per respondent, in the order given, null when they skipped it (never, today). */
  stages: (Stage | null)[];
  median: Stage | null;
  spread: number;
  disagreement: boolean;
}

/** Side-by-side comparison of several respondents, per principle. */
export function summarise(respondentIds: readonly number[], ratings: readonly RatingView[]): PrincipleSummary[] {
  return PRINCIPLES.map((principle) => {
    const stages = respondentIds.map((id) => ratings.find((r) => r.respondentId === id && r.principle === principle)?.stage ?? null);
    const given = stages.filter((s): s is Stage => s !== null);
    return { principle, stages, median: medianStage(given), spread: spreadOf(given), disagreement: disagree(given) };
  });
}

export interface RoundRatings {
  assessmentId: number;
  title: string;
  heldOn: string;
  ratings: readonly { principle: Principle; stage: Stage }[];
}

export interface ChangeOverTime {
  rounds: { assessmentId: number; title: string; heldOn: string; respondents: number; medians: Record<Principle, Stage | null> }[];
  /** Per principle: the latest median minus the first (both rounds with answers); null if fewer than two. */
  change: Record<Principle, number | null>;
}

/** Repeat assessments of one team: the median stage per principle in each round, oldest first. */
export function changeOverTime(rounds: readonly (RoundRatings & { respondents: number })[]): ChangeOverTime {
  const ordered = [...rounds].sort((a, b) => (a.heldOn === b.heldOn ? a.assessmentId - b.assessmentId : a.heldOn < b.heldOn ? -1 : 1));
  const rows = ordered.map((round) => {
    const medians = {} as Record<Principle, Stage | null>;
    for (const principle of PRINCIPLES) medians[principle] = medianStage(round.ratings.filter((r) => r.principle === principle).map((r) => r.stage));
    return { assessmentId: round.assessmentId, title: round.title, heldOn: round.heldOn, respondents: round.respondents, medians };
  });
  const change = {} as Record<Principle, number | null>;
  for (const principle of PRINCIPLES) {
    const known = rows.map((r) => r.medians[principle]).filter((m): m is Stage => m !== null);
    change[principle] = known.length >= 2 ? known[known.length - 1]! - known[0]! : null;
  }
  return { rounds: rows, change };
}

export const ACTION_PROGRESS = ["not_started", "in_progress", "done"] as const;
export type ActionProgress = (typeof ACTION_PROGRESS)[number];
export const ACTION_PROGRESS_LABELS = { not_started: "coproduction.progress.not_started", in_progress: "coproduction.progress.in_progress", done: "coproduction.progress.done" } as const satisfies Record<ActionProgress, MessageKey>;

export function actionProgressLabel(progress: ActionProgress): string {
  return t(ACTION_PROGRESS_LABELS[progress]);
}

export function isPrinciple(value: unknown): value is Principle {
  return typeof value === "string" && (PRINCIPLES as readonly string[]).includes(value);
}

export function isActionProgress(value: unknown): value is ActionProgress {
  return typeof value === "string" && (ACTION_PROGRESS as readonly string[]).includes(value);
}

export interface RatingInput {
  stage: string;
  evidence: string;
}

/**
 * Checks a whole response: every principle needs one of the four stages and evidence. All
 * problems are reported together.
 */
export function checkResponse(input: Partial<Record<Principle, RatingInput>>, evidenceMaximum: number): Record<Principle, { stage: Stage; evidence: string }> {
  const checks: Record<string, () => unknown> = {};
  for (const principle of PRINCIPLES) {
    checks[`${principle}-stage`] = () => parseStage(input[principle]?.stage, principle);
    checks[`${principle}-evidence`] = () =>
      checkText(input[principle]?.evidence, `evidence-${principle}`, t("coproduction.field.evidence", { principle: principleLabel(principle) }), evidenceMaximum, true);
  }
  const checked = collectErrors(checks) as Record<string, unknown>;
  const out = {} as Record<Principle, { stage: Stage; evidence: string }>;
  for (const principle of PRINCIPLES) out[principle] = { stage: checked[`${principle}-stage`] as Stage, evidence: checked[`${principle}-evidence`] as string };
  return out;
}
