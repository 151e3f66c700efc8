// A printable ballot paper for voting on paper: instructions, the projects on the ballot and a
// box beside each to mark by hand. ?print=large gives the large-print version.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDateTime } from "../components/summary-list";
import { ballotPage } from "../http/ballot-page.server";
import { t } from "../i18n";
import { tr } from "../i18n/rich";
import { glossaryDefinition, glossaryTerm } from "../i18n/glossary";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t("layout.pageTitle", { title: t("rounds.ballotPaper.pageTitle", { round: data?.round.title ?? "" }) }) },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { round, view } = await ballotPage(context, params.slug);
  if (!round.allow_paper_votes) throw json({ message: t("rounds.ballotPaper.notTaken") }, { status: 404 });
  return json({ round: view, ready: round.frozen_rules !== null, votingCloses: formatDateTime(round.voting_closes_at) });
}

type View = ReturnType<typeof useLoaderData<typeof loader>>["round"];

function markInstruction(round: View): string {
  switch (round.ballotType) {
    case "approval":
      return `${t("ballotPaper.approval.mark")} ${
        round.rules.minChoices === round.rules.maxChoices
          ? round.rules.maxChoices === 1
            ? t("ballotPaper.approval.single")
            : t("ballotPaper.approval.exact", { count: round.rules.maxChoices })
          : t("ballotPaper.approval.between", { minimum: round.rules.minChoices, maximum: round.rules.maxChoices })
      }`;
    case "knapsack":
      return t("ballotPaper.knapsack.mark", { budget: round.rules.budget });
    case "cumulative":
      return t("ballotPaper.cumulative.mark", { points: round.rules.pointsTotal });
    case "ranked":
      return t("ballotPaper.ranked.mark", { maximum: round.rules.maxChoices });
  }
}

const BALLOT_TERMS = { approval: "approval-ballot", knapsack: "knapsack-ballot", cumulative: "cumulative-ballot", ranked: "ranked-ballot" } as const;

export default function BallotPaper() {
  const { round, ready, votingCloses } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const large = params.get("print") === "large";
  const base = `/rounds/${round.slug}/ballot-paper`;
  return (
    <>
      <span className="govuk-caption-l">{round.title}</span>
      <h1 className="govuk-heading-xl">{t("ballotPaper.title")}</h1>
      <p className="govuk-body potluck-no-print">
        {large ? (
          <Link className="govuk-link" to={base}>{t("ballotPaper.standardSizeLink")}</Link>
        ) : (
          <Link className="govuk-link" to={`${base}?print=large`}>{t("ballotPaper.largeLink")}</Link>
        )}
        {" · "}
        <Link className="govuk-link" to={`/rounds/${round.slug}`}>{t("ballotPaper.backToRound", { title: round.title })}</Link>
      </p>
      {!ready ? (
        <p className="govuk-body">{t("ballotPaper.notYet")}</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">{t("ballotPaper.howTo")}</h2>
          {/* Printed, so the type of ballot is explained in words rather than linked. */}
          <p className="govuk-body">
            {tr("rounds.ballotPaper.type", { type: <strong>{glossaryTerm(BALLOT_TERMS[round.ballotType])}</strong>, definition: glossaryDefinition(BALLOT_TERMS[round.ballotType]) })}
          </p>
          <p className="govuk-body">{t("ballotPaper.budget", { budget: round.rules.budget })}</p>
          <ol className="govuk-list govuk-list--number">
            <li>{markInstruction(round)}</li>
            <li>{t("ballotPaper.spoilt")}</li>
            <li>{t("ballotPaper.return")}</li>
            <li>{t("ballotPaper.closes", { date: votingCloses })}</li>
          </ol>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("ballotPaper.table.caption")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("ballotPaper.table.project")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("ballotPaper.table.cost")}</th>
                <th scope="col" className="govuk-table__header">{t("ballotPaper.table.mark")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {round.projects.map((project) => (
                <tr className="govuk-table__row potluck-ballot-paper__row" key={project.id}>
                  <th scope="row" className="govuk-table__header">{project.title}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{project.cost}</td>
                  <td className="govuk-table__cell">
                    <span className="potluck-ballot-paper__box" role="img" aria-label={t("ballotPaper.table.box", { title: project.title })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body-s">{t("ballotPaper.officeUse")}: ____________</p>
        </>
      )}
    </>
  );
}
