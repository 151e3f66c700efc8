// The coordinator's dashboard: this week against the pledge for every member, and a kindly
// worded list of who might need a hand. Nothing here penalises anyone.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import type { PledgeStanding } from "../domain/timebank/pledge";
import { formatHours, longDate, pledgeView } from "../domain/timebank/view";
import { requireUser } from "../http/auth.server";
import { coordinatorDashboard } from "../services/timebank/pledges.server";
import { type MessageKey } from "../i18n/en";
import { tr } from "../i18n/rich";
import { t, tp } from "../i18n/translate";

export const meta = () => pageTitle(t("timebankAdmin.dashboard.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const dashboard = await orErrorPage(coordinatorDashboard(context.db, user, slugFrom(params)));
  const { timebank } = dashboard;
  return json({
    slug: timebank.slug,
    name: timebank.name,
    today: longDate(dashboard.today),
    pledge: timebank.pledgeCentihoursPerWeek === null ? null : formatHours(timebank.pledgeCentihoursPerWeek),
    pendingApplications: dashboard.pendingApplications,
    awaitingConfirmation: dashboard.awaitingConfirmation,
    openDisputes: dashboard.openDisputes,
    behind: dashboard.behind.map((m) => ({ id: m.memberId, name: m.name, arrears: formatHours(m.progress.arrearsCentihours), thisWeek: formatHours(m.progress.thisWeekGivenCentihours) })),
    members: dashboard.members.map((m) => {
      const view = pledgeView(m.progress, m.name);
      return { id: m.memberId, name: m.name, given: view.thisWeekGiven, expected: view.thisWeekExpected, total: view.totalGiven, arrears: view.hasArrears ? view.arrears : t("timebankAdmin.dashboard.arrears.none"), standing: m.progress.standing, exempt: view.exemptToday };
    }),
  });
}

const STANDING_TEXT = {
  no_pledge: "timebankAdmin.dashboard.standing.no_pledge",
  exempt: "timebankAdmin.dashboard.standing.exempt",
  behind: "timebankAdmin.dashboard.standing.behind",
  on_track: "timebankAdmin.dashboard.standing.on_track",
  ahead: "timebankAdmin.dashboard.standing.ahead",
} as const satisfies Record<PledgeStanding, MessageKey>;

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebankAdmin.dashboard.heading")}</h1>
      <p className="govuk-body">{data.pledge ? t("timebankAdmin.dashboard.todayWithPledge", { date: data.today, pledge: data.pledge }) : t("timebankAdmin.dashboard.today", { date: data.today })}</p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/timebanks/${data.slug}/members`}>
            {tp("timebankAdmin.dashboard.requests", data.pendingApplications)}
          </Link>
        </li>
        <li>{tp("timebankAdmin.dashboard.awaiting", data.awaitingConfirmation)}</li>
        <li>
          <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/record`}>
            {t("timebankAdmin.dashboard.recordExchange")}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/timebanks/${data.slug}/reports`}>
            {t("timebankAdmin.dashboard.reports")}
          </Link>
        </li>
      </ul>

      {data.openDisputes.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t("timebankAdmin.dashboard.disputes")}</h2>
          <ul className="govuk-list">
            {data.openDisputes.map((dispute) => (
              <li key={dispute.exchangeId}>
                {tr("timebankAdmin.dashboard.dispute", {
                  exchange: (
                    <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/${dispute.exchangeId}`}>
                      {dispute.description}
                    </Link>
                  ),
                  reason: dispute.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t("timebankAdmin.dashboard.behind.heading")}</h2>
      {data.behind.length === 0 ? (
        <p className="govuk-body">{t("timebankAdmin.dashboard.behind.none")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("timebankAdmin.dashboard.behind.intro")}</p>
          <ul className="govuk-list govuk-list--bullet" data-testid="behind-list">
            {data.behind.map((member) => (
              <li key={member.id}>
                {tr("timebankAdmin.dashboard.behind.member", {
                  name: (
                    <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}`}>
                      {member.name}
                    </Link>
                  ),
                  arrears: member.arrears,
                  thisWeek: member.thisWeek,
                })}
              </li>
            ))}
          </ul>
        </>
      )}

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("timebankAdmin.dashboard.table.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("timebankAdmin.dashboard.table.member")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.dashboard.table.given")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.dashboard.table.expected")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.dashboard.table.total")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.dashboard.table.arrears")}</th>
            <th scope="col" className="govuk-table__header">{t("timebankAdmin.dashboard.table.standing")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.members.map((member) => (
            <tr className="govuk-table__row" key={member.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}`}>
                  {member.name}
                </Link>
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{member.given}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{member.expected}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{member.total}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{member.arrears}</td>
              <td className="govuk-table__cell">{t(STANDING_TEXT[member.standing])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
