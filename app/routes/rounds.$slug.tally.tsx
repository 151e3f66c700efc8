import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatPounds } from "../domain/format";
import { roundForPage } from "../http/rounds.server";
import { useLiveChannel } from "../live/use-live-channel";
import { audienceFor, roundTally, type Tally } from "../services/rounds/tally.server";
import { pluralKey, t } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t("layout.pageTitle", { title: t("rounds.tally.pageTitle", { round: data?.title ?? "" }) }) }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const tally = await roundTally(context.db, round.id, audienceFor(context.currentUser, round.organisation_id));
  return json({ title: round.title, slug: round.slug, ballotType: round.ballot_type, tally });
}

export default function TallyPage() {
  const data = useLoaderData<typeof loader>();
  const { state: tally, status } = useLiveChannel<Tally>(`round:${data.tally.roundId}`, data.tally as Tally);
  const showPoints = data.ballotType === "cumulative";
  return (
    <div data-ws={status}>
      <span className="govuk-caption-l"><Link className="govuk-link" to={`/rounds/${data.slug}`}>{data.title}</Link></span>
      <h1 className="govuk-heading-l">{t("rounds.tally.title")}</h1>
      <p className="govuk-body" aria-live="polite">
        {tr(pluralKey("rounds.tally.turnout", tally.turnout.total), { count: <span data-testid="turnout">{tally.turnout.total}</span>, online: tally.turnout.online, code: tally.turnout.code, paper: tally.turnout.paper })}
      </p>
      <p className="govuk-body-s">{status === "open" ? t("rounds.tally.live") : t("rounds.tally.refresh")}</p>
      {tally.projects === null ? (
        <div className="govuk-inset-text">{t("rounds.tally.hidden")}</div>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("rounds.tally.table.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("rounds.tally.table.project")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("rounds.tally.table.cost")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("rounds.tally.table.votes")}</th>
              {showPoints ? <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("rounds.tally.table.points")}</th> : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {tally.projects.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <th scope="row" className="govuk-table__header">{p.title}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(BigInt(p.costMinor))}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric" data-testid={`votes-${p.id}`}>{p.votes}</td>
                {showPoints ? <td className="govuk-table__cell govuk-table__cell--numeric">{p.points}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
