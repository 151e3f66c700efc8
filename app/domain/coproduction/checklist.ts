// The co-production checklist: thirteen top tips, each answered yes or no, with what the
// team needs to do now, by which date, and who owns it.
//
// The tips are written in plain English from the UK practice guidance on co-production
// (SCIE's "Co-production in social care: what it is and how to do it" and Think Local Act
// Personal's materials). They follow that guidance's advice in our own words; they are not a
// quotation of any published list. Their words live in the catalogue (coproduction.tip.1 to 13);
// this list says which key is which tip.
import type { MessageKey } from "../../i18n/en.js";
import { t } from "../../i18n/translate.js";
import { DomainError } from "../errors.js";
import { COPRODUCTION_LIMITS, checkDate, checkText, isOverdue } from "./rules.js";

export const TOP_TIPS = [
  "coproduction.tip.1",
  "coproduction.tip.2",
  "coproduction.tip.3",
  "coproduction.tip.4",
  "coproduction.tip.5",
  "coproduction.tip.6",
  "coproduction.tip.7",
  "coproduction.tip.8",
  "coproduction.tip.9",
  "coproduction.tip.10",
  "coproduction.tip.11",
  "coproduction.tip.12",
  "coproduction.tip.13",
] as const satisfies readonly MessageKey[];

/** A tip's words, by its number (1 to 13). */
export function topTip(tipNumber: number): string {
  const key = TOP_TIPS[tipNumber - 1];
  if (key === undefined) throw new Error(`Invariant failed: no top tip ${tipNumber}`);
  return t(key);
}

export const TIP_COUNT = 13;

export interface ChecklistAnswer {
  tipNumber: number;
  /** null = not answered yet. */
  inPlace: boolean | null;
  nextStep: string;
  dueOn: string | null;
  owner: string;
  actionDone: boolean;
}

export interface ChecklistFormInput {
  tipNumber: number;
  inPlace: string;
  nextStep: string;
  dueOn: string;
  owner: string;
  actionDone: string;
}

/**
 * Checks one tip's answer. An action needs a date and an owner; a date or owner needs an
 * action. Every problem is returned (not just the first), so the page lists them all.
 */
export function checkChecklistRow(input: ChecklistFormInput): { answer: ChecklistAnswer | null; errors: DomainError[] } {
  const errors: DomainError[] = [];
  const n = input.tipNumber;
  if (!Number.isInteger(n) || n < 1 || n > TIP_COUNT) throw new DomainError("checklist_tip_unknown", { values: { tipNumber: String(n) } });
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (error instanceof DomainError) errors.push(error);
      else throw error;
      return undefined;
    }
  };
  let inPlace: boolean | null = null;
  if (input.inPlace === "yes") inPlace = true;
  else if (input.inPlace === "no") inPlace = false;
  else if (input.inPlace !== "") errors.push(new DomainError("checklist_answer_invalid", { values: { tipNumber: n }, field: `tip-${n}-in-place` }));
  const nextStep = attempt(() => checkText(input.nextStep, `tip-${n}-next-step`, t("coproduction.field.checklistNextStep", { number: n }), COPRODUCTION_LIMITS.checklistNextStep, false));
  const dueOn = attempt(() => checkDate(input.dueOn, `tip-${n}-due`, t("coproduction.field.checklistDueOn", { number: n }), false));
  const owner = attempt(() => checkText(input.owner, `tip-${n}-owner`, t("coproduction.field.checklistOwner", { number: n }), COPRODUCTION_LIMITS.owner, false));
  if (nextStep !== undefined && dueOn !== undefined && owner !== undefined) {
    if (nextStep && dueOn === null) errors.push(new DomainError("checklist_action_needs_date", { values: { tipNumber: n }, field: `tip-${n}-due` }));
    if (nextStep && owner === "") errors.push(new DomainError("checklist_action_needs_owner", { values: { tipNumber: n }, field: `tip-${n}-owner` }));
    if (!nextStep && (dueOn !== null || owner !== "")) errors.push(new DomainError("checklist_action_missing", { values: { tipNumber: n }, field: `tip-${n}-next-step` }));
  }
  const actionDone = input.actionDone === "yes";
  if (errors.length > 0) return { answer: null, errors };
  return { answer: { tipNumber: n, inPlace, nextStep: nextStep!, dueOn: dueOn ?? null, owner: owner!, actionDone: actionDone && !!nextStep }, errors };
}

/**
 * A checklist action is overdue when it has a date before today and is not done. A tip
 * answered "yes" still counts its open action: the action is marked done separately.
 */
export function checklistActionOverdue(answer: Pick<ChecklistAnswer, "nextStep" | "dueOn" | "actionDone">, today: string): boolean {
  return answer.nextStep !== "" && isOverdue({ dueOn: answer.dueOn, done: answer.actionDone }, today);
}
