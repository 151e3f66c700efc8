import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChooseStep, ReviewStep, ballotInstructions } from "../components/ballot";
import { actorFrom, requireUser } from "../http/auth.server";
import { ballotPage, ballotRound } from "../http/ballot-page.server";
import { ballotStep } from "../http/ballot-steps.server";
import { readFormValues } from "../http/forms.server";
import { castOnlineBallot, currentBallotOf } from "../services/rounds/voting.server";
import { t } from "../i18n/translate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t("layout.pageTitle", { title: t("rounds.vote.pageTitle", { round: data?.round.title ?? "" }) }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const { round, view } = await ballotPage(context, params.slug);
  const existing = await currentBallotOf(context.db, round.id, user.id);
  return json({ round: view, alreadyVoted: existing !== undefined });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const round = await ballotRound(context, params.slug);
  const values = await readFormValues(request, context);
  return ballotStep(
    request,
    round,
    values,
    async (choices) => {
      const result = await castOnlineBallot(context.db, actorFrom(context), round.id, choices);
      return { receipt: result.receipt, replaced: result.replacedEarlierBallot };
    },
    `/rounds/${round.slug}/vote/done`,
  );
}

export default function Vote() {
  const { round, alreadyVoted } = useLoaderData<typeof loader>();
  const step = useActionData<typeof action>();
  if (round.phase !== "voting") {
    return (
      <>
        <h1 className="govuk-heading-l">{t("rounds.vote.closed")}</h1>
        <p className="govuk-body"><Link className="govuk-link" to={`/rounds/${round.slug}`}>{t("rounds.vote.closed.back", { round: round.title })}</Link></p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{round.title}</span>
        <h1 className="govuk-heading-l">{t("rounds.vote.title")}</h1>
        {alreadyVoted ? <div className="govuk-inset-text">{t("rounds.vote.alreadyVoted")}</div> : null}
        {step?.step === "review" ? (
          <ReviewStep projects={round.projects} choices={step.choices} values={step.values} type={round.ballotType} />
        ) : (
          <ChooseStep type={round.ballotType} projects={round.projects} instructions={ballotInstructions(round.ballotType, round.rules)} values={step?.values ?? {}} errors={step?.step === "choose" ? step.errors : undefined} />
        )}
      </div>
    </div>
  );
}
