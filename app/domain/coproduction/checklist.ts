// The co-production checklist: thirteen top tips, each answered yes or no, with what the
// team needs to do now, by which date, and who owns it.
//
// The tips are written in plain English from the UK practice guidance on co-production
// (SCIE's "Co-production in social care: what it is and how to do it" and Think Local Act
// Personal's materials). They follow that guidance's advice in our own words; they are not a
// quotation of any published list.
import { DomainError } from "../errors.js";
import { COPRODUCTION_LIMITS, checkDate, checkText, isOverdue } from "./rules.js";

export const TOP_TIPS: readonly string[] = [
  "Involve people who use services and carers from the very start, before decisions are made",
  "Agree together what co-production means for this work and why you are doing it",
  "Share power: decisions are made jointly and people can see how their views changed things",
  "Value everyone's knowledge and skills, and treat lived experience as expertise",
  "Make meetings accessible: venues, times, formats and support that suit the people taking part",
  "Pay expenses promptly, on the day where possible, and recognise people's time with payment or time credits",
  "Use plain language and explain or avoid jargon",
  "Reach out to people who are seldom heard and reflect the diversity of the community",
  "Give people the information, training and support they need to take part as equals",
  "Build trust and good relationships, and make time for them",
  "Agree ground rules together and respect everyone's contribution",
  "Be open about what can and cannot change, and tell people what happened as a result",
  "Review how well co-production is working, together, and keep improving",
];

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
  const nextStep = attempt(() => checkText(input.nextStep, `tip-${n}-next-step`, `what you need to do now for tip ${n}`, COPRODUCTION_LIMITS.checklistNextStep, false));
  const dueOn = attempt(() => checkDate(input.dueOn, `tip-${n}-due`, `the date for tip ${n}`, false));
  const owner = attempt(() => checkText(input.owner, `tip-${n}-owner`, `the owner for tip ${n}`, COPRODUCTION_LIMITS.owner, false));
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
