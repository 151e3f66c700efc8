// Words for the meetings DomainError codes, in the GOV.UK voice: what happened, how to fix it.
import type { ErrorValues } from "./errors.js";

type MessageFor = (values: ErrorValues) => string;

export const MEETING_MESSAGES: Record<string, MessageFor> = {
  meeting_not_found: () => "There is no such meeting",
  meeting_not_organiser: () => "Only staff of the organisation running this meeting can do that",
  meeting_level_missing: () => "Select the level of involvement the meeting offers",
  meeting_level_to_avoid: (v) =>
    `${v.level} is on the ladder of participation as something to avoid: people have no real say. Select informing, consultation, engagement, co-design or co-production`,
  meeting_date_in_past: () => "Enter a date that is today or in the future",
  meeting_date_too_far: (v) => `Enter a date within the next ${v.days} days`,
  meeting_round_not_found: () => "Select a budget round run by the same organisation, or none",
  meeting_timebank_not_found: () => "Select a timebank run by the same organisation, or none",
  meeting_credit_needs_timebank: () => "Select the timebank the hours come from, or leave the hours empty",
  meeting_is_over: () => "This meeting has already happened, so you cannot sign up or change your sign-up",
  meeting_not_signed_up: () => "You are not signed up for this meeting",
  meeting_person_not_found: () => "There is no account with that email address. Add the person first, then record them",
  meeting_not_started: () => "You can record attendance from the day of the meeting",
  meeting_not_coordinator: () => "Only a coordinator of the meeting's timebank can give its hours. Ask them to record attendance",
  meeting_claim_kind_missing: () => "Select what the claim is for: travel, childcare or care cover",
  meeting_claim_amount_missing: () => "Enter the amount in pounds, like 4.60",
  meeting_claim_amount_not_a_number: () => "Enter the amount in pounds and pence, like 4.60",
  meeting_claim_amount_zero: () => "Enter an amount greater than zero, like 4.60",
  meeting_claim_over_maximum: (v) => `Enter an amount of ${v.maximum} or less. For more, talk to the organiser`,
  meeting_claim_duplicate: (v) => `You have already claimed for ${String(v.kind).toLowerCase()} at this meeting. You can make one claim of each type per meeting`,
  meeting_claim_charity_missing: () => "Enter the name of the charity",
  meeting_claim_not_attending: () => "Only people who signed up for or attended this meeting can claim expenses",
  meeting_claim_not_found: () => "There is no such claim for this meeting",
  meeting_claim_decided: () => "This claim has already been dealt with",
  meeting_claim_choice_missing: () => "Select whether you want to be paid, do not want to be paid, or want it given to a charity",
  meeting_title_missing: () => "Enter the meeting's title",
  meeting_venue_missing: () => "Enter the venue's name and address",
  meeting_agenda_missing: () => "Enter the agenda",
  meeting_times_order: () => "Enter an end time after the start time",
  meeting_claim_not_attended: (v) => `Record that ${v.name} attended before approving their claim`,
};
