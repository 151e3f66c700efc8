// An exchange line as the page shows it: text only, so it travels as JSON.
import type { ExchangeLine } from "../../services/timebank/exchanges.server";
import { categoryLabel } from "../../domain/timebank/forms";
import { formatHours, shortDate, STATUS_LABELS } from "../../domain/timebank/view";

export interface ExchangeLineView {
  id: number;
  date: string;
  description: string;
  category: string;
  direction: "Gave" | "Received";
  hours: string;
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
    direction: line.side === "giver" ? "Gave" : "Received",
    hours: formatHours(line.centihours),
    others: line.otherNames.join(", "),
    status: line.reversed ? "Reversed" : (STATUS_LABELS[line.status] ?? line.status),
    reversed: line.reversed,
  };
}
