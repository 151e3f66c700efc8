// Confirmation after voting with a code: the receipt, shown once.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DoneStep } from "../components/ballot";
import { pageTitle } from "../components/page-title";
import { ballotDone } from "../http/ballot-done.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.vote.done.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  return ballotDone(request, null, "/vote");
}

export default function VoteWithCodeDone() {
  const { receipt, roundSlug } = useLoaderData<typeof loader>();
  return <DoneStep receipt={receipt} replaced={false} roundSlug={roundSlug} />;
}
