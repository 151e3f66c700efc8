import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { RoundForm } from "../components/round-form";
import { formatMinor } from "../domain/ledger/amount";
import { RoundFormSchema } from "../domain/rounds/forms";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrors, parseValues, readFormValues } from "../http/forms.server";
import { roundInputFrom } from "../http/round-form.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { updateRound } from "../services/rounds/rounds.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.edit.title"));

const local = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  const { round, isOfficer } = await roundForPage(context, params.slug);
  if (!isOfficer) throw json({ message: t("error.forbidden.title") }, { status: 403 });
  const yes = (b: boolean) => (b ? "yes" : "no");
  return json({
    slug: round.slug,
    values: {
      title: round.title, slug: round.slug, description: round.description, area: round.area ?? "", theme: round.theme ?? "",
      budget: formatMinor(round.budget_minor, "GBP"), proposalsOpenAt: local(round.proposals_open_at), reviewStartsAt: local(round.review_starts_at),
      votingOpensAt: local(round.voting_opens_at), votingClosesAt: local(round.voting_closes_at), ballotType: round.ballot_type,
      minChoices: String(round.min_choices), maxChoices: String(round.max_choices), pointsTotal: String(round.points_total),
      countingRule: round.counting_rule, tieBreakSeed: round.tie_break_seed, liveCounts: round.live_counts,
      allowAccountVotes: yes(round.allow_account_votes), allowCodeVotes: yes(round.allow_code_votes), allowPaperVotes: yes(round.allow_paper_votes), areaOnly: yes(round.area_only),
    } as Record<string, string>,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const { round } = await roundForPage(context, params.slug);
  const values = await readFormValues(request, context);
  const form = parseValues(values, RoundFormSchema);
  if (!form.ok) return formErrors(form.errors, values);
  try {
    await updateRound(context.db, actorFrom(context), round.id, roundInputFrom(form.data));
  } catch (error) {
    return formErrors([pageErrorFrom(error)], values);
  }
  return redirect(`/rounds/${form.data.slug}`);
}

export default function EditRound() {
  const { values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("rounds.edit.heading")}</h1>
        <RoundForm values={data?.values ?? values} errors={data?.errors} button={t("rounds.edit.button")} />
      </div>
    </div>
  );
}
