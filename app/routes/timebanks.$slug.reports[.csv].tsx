// One section of a timebank report as CSV (coordinators): hours as decimal text, never floats;
// text a spreadsheet would run as a formula is made inert.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { reportRangeFrom } from "../components/timebank/report-range.server";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { categoryLabel } from "../domain/timebank/forms";
import { isReportCsvSection, reportCsvRows } from "../domain/timebank/reports";
import { requireUser } from "../http/auth.server";
import { timebankReport } from "../services/timebank/reports.server";
import { csvCell } from "../services/timebank/statements.server";
import { t } from "../i18n/translate";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const url = new URL(request.url);
  const section = url.searchParams.get("section") ?? "summary";
  if (!isReportCsvSection(section)) throw json({ message: t("timebankAdmin.reports.csv.chooseSection") }, { status: 400 });
  const { range, errors } = reportRangeFrom(url);
  if (!range) throw json({ message: errors.map((error) => error.message).join(". ") }, { status: 400 });
  const { report } = await orErrorPage(timebankReport(context.db, user, slug, range));
  const rows = reportCsvRows(report, section, categoryLabel);
  const fileName = t("timebankAdmin.reports.csv.fileName", { slug, section, from: range.from, to: range.to });
  return new Response(`${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8", // i18n-exempt: HTTP header value
      "Content-Disposition": `attachment; filename="${fileName}"`, // i18n-exempt: HTTP header value (the file name is from the catalogue)
      "Cache-Control": "private, no-store", // i18n-exempt: HTTP header value
    },
  });
}
