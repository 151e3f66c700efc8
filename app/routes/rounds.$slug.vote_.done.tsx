// Confirmation after voting online: the receipt, shown once.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DoneStep } from "../components/ballot";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../http/auth.server";
import { ballotDone } from "../http/ballot-done.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.vote.done.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  const slug = params.slug ?? "";
  return ballotDone(request, slug, `/rounds/${encodeURIComponent(slug)}`);
}

export default function VoteDone() {
  const { receipt, replaced, roundSlug } = useLoaderData<typeof loader>();
  return <DoneStep receipt={receipt} replaced={replaced} roundSlug={roundSlug} />;
}
