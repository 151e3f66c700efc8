// The whole statement as CSV: one row per posting, newest first, hours as decimal text (never floats).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { centihoursToLedgerText } from "../domain/timebank/hours";
import { requireUser } from "../http/auth.server";
import { t } from "../i18n/translate";
import { csvCell, fullMemberStatement, kindLabel } from "../services/timebank/statements.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const memberId = idFrom(params.memberId);
  const statement = await orErrorPage(fullMemberStatement(context.db, user, slug, memberId));
  const rows = [
    ["entry", "when", "kind", "description", "hours", "balance_after"].map(csvCell).join(","),
    ...statement.lines.map((line) =>
      [line.entryId.toString(), line.createdAt.toISOString(), kindLabel(line.kind), line.memo, centihoursToLedgerText(line.amountMinor), centihoursToLedgerText(line.balanceAfterMinor)].map(csvCell).join(","),
    ),
    // A statement longer than the download's limit says so, rather than ending silently.
    ...(statement.complete ? [] : [["", "", "", t("timebank.statement.csvIncomplete"), "", ""].map(csvCell).join(",")]),
  ];
  return new Response(`${rows.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8", // i18n-exempt: HTTP header value
      "Content-Disposition": `attachment; filename="statement-${slug}-${memberId}.csv"`, // i18n-exempt: HTTP header value
      "Cache-Control": "private, no-store", // i18n-exempt: HTTP header value
    },
  });
}
