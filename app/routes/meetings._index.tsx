// Upcoming co-production meetings: public.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { ladderRung, meetingDay } from "../domain/meetings/rules";
import { t, tp } from "../i18n/translate";
import { canOrganiseMeetings } from "../services/meetings/access.server";
import { listUpcomingMeetings } from "../services/meetings/meetings.server";

export const meta = () => pageTitle(t("meetings.list.title"));

export async function loader({ context }: LoaderFunctionArgs) {
  const meetings = await listUpcomingMeetings(context.db);
  return json({
    signedIn: context.currentUser !== null,
    canOrganise: canOrganiseMeetings(context.currentUser),
    meetings: meetings.map((m) => ({ ...m, day: meetingDay(m.date), level: levelLabel(m.involvement) })),
  });
}

function levelLabel(level: string): string {
  const rung = ladderRung(level);
  return rung ? t(rung.label) : level;
}

export default function Meetings() {
  const { meetings, canOrganise, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("meetings.list.title")}</h1>
      <p className="govuk-body-l">{t("meetings.list.lead")}</p>
      <p className="govuk-body">{t("meetings.list.intro")}</p>
      {canOrganise ? (
        <Link to="/meetings/new" className="govuk-button" role="button" data-module="govuk-button">
          {t("meetings.list.create")}
        </Link>
      ) : null}
      {signedIn ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/meetings/payments">
            {t("meetings.list.payments")}
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">{t("meetings.list.upcoming")}</h2>
      {meetings.length === 0 ? <p className="govuk-body">{t("meetings.list.none")}</p> : null}
      <ul className="govuk-list">
        {meetings.map((m) => (
          <li key={m.id} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={`/meetings/${m.id}`}>
                {m.title}
              </Link>
            </h3>
            <p className="govuk-body govuk-!-margin-bottom-1">
              {t("meetings.list.whenWhere", { day: m.day, startTime: m.startTime, endTime: m.endTime, venue: m.venueName, organisation: m.organisationName })}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-1">
              {tp("meetings.list.levelAndSignUps", m.signedUp, { level: m.level })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
