// Words for counting, results and delivery errors.
import type { ErrorValues } from "./errors.js";
import { formatPounds } from "./format.js";
import { PHASE_LABELS } from "./rounds/phases.js";

type MessageFor = (values: ErrorValues) => string;

const pounds = (value: unknown) => formatPounds(BigInt(String(value)));
const phase = (value: unknown) => PHASE_LABELS[value as keyof typeof PHASE_LABELS] ?? String(value);

const DELIVERY_FIELD_LABELS: Record<string, string> = { note: "note", supplier: "supplier's name", reference: "payment reference", reason: "reason for the increase" };

export const RESULTS_MESSAGES: Record<string, MessageFor> = {
  results_round_not_closed: (v) => `Votes can only be counted and published after voting closes. The round is at the stage "${phase(v.phase)}"`,
  results_not_counted: () => "Count the votes before publishing the results",
  results_already_published: () => "The results of this round have already been published and cannot change",
  results_count_stale: () => "Ballots have changed since the votes were counted (for example a paper batch was accepted). Count the votes again, then publish",
  results_not_published: () => "The results of this round have not been published yet",
  results_no_frozen_rules: () => "This round never opened for voting, so there is nothing to count",
  results_import_invalid: (v) => `The Pabulib file cannot be imported: ${v.detail}`,
  results_import_no_author: () => "The organisation has no officer or administrator to record as the author of imported projects. Add an officer first",
  results_slug_taken: () => "Another round already uses this web address. Choose a different short name",
  delivery_project_not_funded: () => "This project was not funded in the published results, so nothing can be recorded against it",
  delivery_overspend: (v) => `This payment of ${pounds(v.amountMinor)} is more than the ${pounds(v.remainingMinor)} left in the project's budget. Record a budget increase with a reason first`,
  delivery_source_short: (v) => `There is not enough in the ${v.source === "pot" ? "round's unspent pot" : "council's budget"} for this increase (${pounds(v.availableMinor)} available). Enter a smaller amount or choose the other source`,
  delivery_status_invalid: () => "Select how the project is going",
  delivery_text_invalid: (v) => {
    const label = DELIVERY_FIELD_LABELS[String(v.field)] ?? String(v.field);
    return v.required ? `Enter the ${label}, in ${v.maximum} characters or fewer` : `The ${label} must be ${v.maximum} characters or fewer`;
  },
  delivery_date_invalid: (v) => `Enter ${v.label} as a real date, like 2027-06-30`,
  delivery_date_future: (v) => `${v.label} must be today or in the past`,
};
