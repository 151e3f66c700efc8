// The coordinator's dashboard: this week against the pledge for every member, and a kindly
// worded list of who might need a hand. Nothing here penalises anyone.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { formatHours, longDate, pledgeView } from "../domain/timebank/view";
import { requireUser } from "../http/auth.server";
import { coordinatorDashboard } from "../services/timebank/pledges.server";

export const meta = () => pageTitle("Timebank dashboard");

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
      return { id: m.memberId, name: m.name, given: view.thisWeekGiven, expected: view.thisWeekExpected, total: view.totalGiven, arrears: view.hasArrears ? view.arrears : "Nothing", standing: m.progress.standing, exempt: view.exemptToday };
    }),
  });
}

const STANDING_TEXT: Record<string, string> = {
  no_pledge: "No pledge",
  exempt: "Not expected at the moment",
  behind: "Might need a hand",
  on_track: "On track",
  ahead: "Ahead",
};

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">Dashboard</h1>
      <p className="govuk-body">Today is {data.today}.{data.pledge ? ` Members pledge ${data.pledge} a week.` : ""}</p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/timebanks/${data.slug}/members`}>
            {data.pendingApplications === 1 ? "1 request to join" : `${data.pendingApplications} requests to join`}
          </Link>
        </li>
        <li>{data.awaitingConfirmation === 1 ? "1 exchange is" : `${data.awaitingConfirmation} exchanges are`} waiting for the receiver to confirm</li>
        <li>
          <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/record`}>
            Record an exchange for members
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/timebanks/${data.slug}/reports`}>
            Reports for a date range
          </Link>
        </li>
      </ul>

      {data.openDisputes.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Disputes to resolve</h2>
          <ul className="govuk-list">
            {data.openDisputes.map((dispute) => (
              <li key={dispute.exchangeId}>
                <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/${dispute.exchangeId}`}>
                  {dispute.description}
                </Link>
                : {dispute.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Who might need a hand</h2>
      {data.behind.length === 0 ? (
        <p className="govuk-body">Everyone is keeping up with their pledge.</p>
      ) : (
        <>
          <p className="govuk-body">These members gave less than their pledge in earlier weeks. A friendly word might help: life gets in the way, and an exemption can be recorded if something is going on.</p>
          <ul className="govuk-list govuk-list--bullet" data-testid="behind-list">
            {data.behind.map((member) => (
              <li key={member.id}>
                <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}`}>
                  {member.name}
                </Link>{" "}
                has {member.arrears} to catch up on from earlier weeks, and has given {member.thisWeek} so far this week.
              </li>
            ))}
          </ul>
        </>
      )}

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">This week</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Member</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Given this week</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Expected this week</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Given since joining</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">To catch up</th>
            <th scope="col" className="govuk-table__header">How it is going</th>
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
              <td className="govuk-table__cell">{STANDING_TEXT[member.standing]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
