// Words for counting, results and delivery errors.
import type { ErrorValues } from "./errors.js";
import { formatPounds } from "./format.js";
import { phaseLabelOf } from "./rounds/phases.js";
import type { MessageKey } from "../i18n/en.js";
import { t } from "../i18n/translate.js";

type MessageFor = (values: ErrorValues) => string;

const pounds = (value: unknown) => formatPounds(BigInt(String(value)));

/** Each delivery text field's message when it is missing (required) and when it is too long. */
type DeliveryTextKey = Extract<MessageKey, `errors.delivery_text_invalid.${string}.${string}`>;
const DELIVERY_TEXT_MESSAGES: Record<string, { required: DeliveryTextKey; tooLong: DeliveryTextKey }> = {
  note: { required: "errors.delivery_text_invalid.note.required", tooLong: "errors.delivery_text_invalid.note.tooLong" },
  supplier: { required: "errors.delivery_text_invalid.supplier.required", tooLong: "errors.delivery_text_invalid.supplier.tooLong" },
  reference: { required: "errors.delivery_text_invalid.reference.required", tooLong: "errors.delivery_text_invalid.reference.tooLong" },
  reason: { required: "errors.delivery_text_invalid.reason.required", tooLong: "errors.delivery_text_invalid.reason.tooLong" },
};

export const RESULTS_MESSAGES: Record<string, MessageFor> = {
  results_round_not_closed: (v) => t("errors.results_round_not_closed", { phase: phaseLabelOf(v.phase) }),
  results_import_invalid: (v) => t("errors.results_import_invalid", { detail: String(v.detail) }),
  delivery_overspend: (v) => t("errors.delivery_overspend", { amount: pounds(v.amountMinor), remaining: pounds(v.remainingMinor) }),
  delivery_source_short: (v) =>
    t(v.source === "pot" ? "errors.delivery_source_short.pot" : "errors.delivery_source_short.council", { available: pounds(v.availableMinor) }),
  delivery_text_invalid: (v) => {
    const messages = DELIVERY_TEXT_MESSAGES[String(v.field)];
    const maximum = String(v.maximum);
    if (messages === undefined) {
      return t(v.required ? "errors.delivery_text_invalid.required" : "errors.delivery_text_invalid.tooLong", { field: String(v.field), maximum });
    }
    return t(v.required ? messages.required : messages.tooLong, { maximum });
  },
  delivery_date_invalid: (v) => t(v.which === "paid" ? "errors.delivery_date_invalid.paid" : "errors.delivery_date_invalid.happened"),
  delivery_date_future: (v) => t(v.which === "paid" ? "errors.delivery_date_future.paid" : "errors.delivery_date_future.happened"),
};
