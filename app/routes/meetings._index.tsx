// Upcoming co-production meetings: public.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { ladderRung, meetingDay } from "../domain/meetings/rules";
import { canOrganiseMeetings } from "../services/meetings/access.server";
import { listUpcomingMeetings } from "../services/meetings/meetings.server";

export const meta = () => pageTitle("Meetings");

export async function loader({ context }: LoaderFunctionArgs) {
  const meetings = await listUpcomingMeetings(context.db);
  return json({
    signedIn: context.currentUser !== null,
    canOrganise: canOrganiseMeetings(context.currentUser),
    meetings: meetings.map((m) => ({ ...m, day: meetingDay(m.date), level: ladderRung(m.involvement)?.label ?? m.involvement })),
  });
}

export default function Meetings() {
  const { meetings, canOrganise, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Meetings</h1>
      <p className="govuk-body-l">Public meetings, steering groups and design workshops where residents and organisations work together as equal partners.</p>
      <p className="govuk-body">Each meeting says how much say you will have, what access support there is, and whether you earn hours or a payment for taking part. Expenses are paid on the day.</p>
      {canOrganise ? (
        <Link to="/meetings/new" className="govuk-button" role="button" data-module="govuk-button">
          Create a meeting
        </Link>
      ) : null}
      {signedIn ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/meetings/payments">
            Your payments and expenses
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Upcoming meetings</h2>
      {meetings.length === 0 ? <p className="govuk-body">There are no upcoming meetings.</p> : null}
      <ul className="govuk-list">
        {meetings.map((m) => (
          <li key={m.id} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={`/meetings/${m.id}`}>
                {m.title}
              </Link>
            </h3>
            <p className="govuk-body govuk-!-margin-bottom-1">
              {m.day}, {m.startTime} to {m.endTime}, at {m.venueName}. Run by {m.organisationName}.
            </p>
            <p className="govuk-body govuk-!-margin-bottom-1">
              Level of involvement: {m.level}. {m.signedUp === 1 ? "1 person has" : `${m.signedUp} people have`} signed up.
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
