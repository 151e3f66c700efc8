// Words for the timebank's DomainError codes, in the GOV.UK voice: what happened, how to fix it.
import type { ErrorValues } from "./errors.js";

type MessageFor = (values: ErrorValues) => string;

export const TIMEBANK_MESSAGES: Record<string, MessageFor> = {
  timebank_not_found: () => "There is no timebank at this address",
  timebank_not_coordinator: () => "Only a coordinator of this timebank can do that",
  timebank_not_member: () => "You need to be a member of this timebank to do that. Ask to join first",
  timebank_already_member: () => "This person is already a member of this timebank",
  timebank_already_applied: () => "You have already asked to join this timebank. A coordinator will look at it soon",
  timebank_person_not_found: () => "There is no account with that email address. Add the person first, then enrol them",
  timebank_member_not_found: () => "Select a member of this timebank",
  timebank_member_not_active: (v) => `${v.name ?? "This member"} is not an active member of this timebank yet`,
  timebank_application_not_found: () => "This application has already been dealt with",
  timebank_hours_missing: () => "Enter the hours, like 1.5 or 0.75",
  timebank_hours_not_a_number: () => "Enter the hours as a number, like 1.5 or 0.75",
  timebank_hours_zero: () => "Enter hours greater than zero",
  timebank_hours_negative: () => "Enter hours greater than zero, without a minus sign",
  timebank_hours_too_large: (v) => `Enter ${v.maximum} hours or fewer`,
  timebank_hours_not_quarter: () => "Enter hours in quarter hours, like 0.25, 0.5, 0.75 or 1.25",
  timebank_date_invalid: () => "Enter a real date, like 2026-11-23",
  timebank_date_in_future: () => "Enter a date that is today or in the past",
  timebank_date_too_old: () => "Enter a date in the last year",
  timebank_giver_missing: () => "Select who gave the time",
  timebank_receiver_missing: () => "Select who received the time",
  timebank_group_shape: () => "A group exchange has one giver and several receivers, or several givers and one receiver",
  timebank_group_too_big: (v) => `Select ${v.maximum} people or fewer`,
  timebank_exchange_with_self: () => "Select someone other than the giver: you cannot exchange time with yourself",
  timebank_member_repeated: () => "Select each person only once",
  timebank_share_too_small: () => "Enter more hours: each receiver's share must be more than zero",
  timebank_blocked: () => "You cannot send this member requests",
  timebank_exchange_not_found: () => "There is no such exchange in this timebank",
  timebank_exchange_not_yours: () => "Only the people in this exchange, or a coordinator, can do that",
  timebank_exchange_wrong_status: (v) => `This exchange is ${v.status}, so it cannot be ${v.action}`,
  timebank_only_giver: () => "Only the person who gave the time can mark it as done",
  timebank_only_receiver: () => "Only the person who received the time can confirm it",
  timebank_limit_below: (v) =>
    `${v.name} cannot spend ${v.hours}: their balance is ${v.balance} and this timebank's lowest allowed balance is ${v.limit}, ` +
    `so this would take them ${v.overBy} below the limit. ${v.mostPossible === "0 hours" ? `${v.name} needs to give some time first` : `Record ${v.mostPossible} or fewer`}`,
  timebank_limit_above: (v) =>
    `${v.name} cannot receive ${v.hours}: their balance is ${v.balance} and this timebank's highest allowed balance is ${v.limit}, ` +
    `so this would take them ${v.overBy} over the limit. ${v.mostPossible === "0 hours" ? `${v.name} needs to spend or give away some hours first` : `Record ${v.mostPossible} or fewer`}`,
  timebank_text_too_long: (v) => `Enter ${v.maximum} characters or fewer`,
  timebank_exemption_order: () => "Enter an end date that is the same as or after the start date",
  timebank_exemption_too_long: (v) => `An exemption can last ${v.maximum} days at most. Record a longer one in parts`,
  timebank_dispute_too_late: (v) => `This exchange can no longer be disputed: disputes must be raised within ${v.days} days`,
  timebank_dispute_exists: () => "This exchange has already been disputed",
  timebank_dispute_not_found: () => "There is no open dispute for this exchange",
  timebank_listing_not_found: () => "This listing is no longer available",
  timebank_too_few_hours: (v) => `You need ${v.needed} for this, and you have ${v.available} you can spend. Give some time first, or choose something smaller`,
  timebank_pot_too_small: (v) => `The community pot only holds ${v.available}. Enter a smaller number of hours`,
  timebank_reason_missing: () => "Enter the reason, which will show in the timebank's reports",
  timebank_partner_not_found: () => "There is no such partner in this timebank",
  timebank_reward_not_found: () => "This reward is no longer available",
  timebank_code_invalid: () => "Enter the 10-character code from the member, like K7QM2XH9PA",
  timebank_code_used: () => "This code has already been used",
  timebank_listing_own: () => "This is your own listing: you cannot respond to it",
};
