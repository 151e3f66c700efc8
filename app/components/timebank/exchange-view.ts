// An exchange line as the page shows it: text only, so it travels as JSON.
import type { ExchangeLine } from "../../services/timebank/exchanges.server";
import { categoryLabel } from "../../domain/timebank/forms";
import { formatHours, shortDate, statusLabel } from "../../domain/timebank/view";
import { t } from "../../i18n/translate";

export interface ExchangeLineView {
  id: number;
  date: string;
  description: string;
  category: string;
  direction: "gave" | "received";
  hours: string;
  /** "Gave 2 hours" or "Received 2 hours". */
  amount: string;
  others: string;
  status: string;
  reversed: boolean;
}

export function exchangeLineView(line: ExchangeLine): ExchangeLineView {
  return {
    id: line.id,
    date: shortDate(line.date),
    description: line.description,
    category: categoryLabel(line.category),
    direction: line.side === "giver" ? "gave" : "received",
    hours: formatHours(line.centihours),
    amount: t(line.side === "giver" ? "timebank.exchangeLine.gave" : "timebank.exchangeLine.received", { hours: formatHours(line.centihours) }),
    others: line.otherNames.join(", "),
    status: statusLabel(line.status, line.reversed),
    reversed: line.reversed,
  };
}
