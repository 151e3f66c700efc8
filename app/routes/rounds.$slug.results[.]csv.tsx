// The published result as CSV: one row per project, with the reason it was or was not funded.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "../domain/errors";
import { messageFor } from "../domain/messages";
import { roundForPage } from "../http/rounds.server";
import { exportResultCsv } from "../services/results/export.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  try {
    const text = await exportResultCsv(context.db, round.id);
    return new Response(text, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8", // i18n-exempt: HTTP header values (this line and the next)
        "Content-Disposition": `attachment; filename="${round.slug}-results.csv"`,
      },
    });
  } catch (error) {
    if (isDomainError(error)) throw json({ message: messageFor(error) }, { status: 404 });
    throw error;
  }
}
