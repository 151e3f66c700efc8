// The round as a Pabulib file, for anyone to recount once the results are published.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "../domain/errors";
import { messageFor } from "../domain/messages";
import { roundForPage } from "../http/rounds.server";
import { exportRoundPabulib } from "../services/results/export.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  try {
    const text = await exportRoundPabulib(context.db, round.id, "public");
    return new Response(text, {
      headers: {
        "Content-Type": "text/plain; charset=utf-8", // i18n-exempt: HTTP header values (this line and the next)
        "Content-Disposition": `attachment; filename="${round.slug}.pb"`,
      },
    });
  } catch (error) {
    if (isDomainError(error)) throw json({ message: messageFor(error) }, { status: 404 });
    throw error;
  }
}
