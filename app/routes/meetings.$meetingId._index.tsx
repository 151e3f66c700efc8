// A meeting's page: public details, the level of involvement in plain English, and for a
// signed-in person their sign-up and what happened to their expense claims.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InvolvementLevel, LadderOfParticipation, Paragraphs, VenueAccess } from "../components/meetings/meeting-bits";
import { pageTitle } from "../components/page-title";
import { SummaryList } from "../components/summary-list";
import { idFrom, orErrorPage } from "../components/timebank/route-helpers.server";
import { displayAmount } from "../domain/ledger/amount";
import { ACCESS_REQUIREMENTS, claimOutcome, expenseKindLabel, meetingDay } from "../domain/meetings/rules";
import { formatHours } from "../domain/timebank/hours";
import { todayInLondon } from "../domain/timebank/dates";
import { isOrganiserFor } from "../services/meetings/access.server";
import { myClaimsFor } from "../services/meetings/expenses.server";
import { hasAttended, requireMeeting, signUpOf } from "../services/meetings/meetings.server";

export const meta = ({ data }: { data?: { meeting: { title: string } } }) => pageTitle(data?.meeting.title ?? "Meeting");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const meetingId = idFrom(params.meetingId);
  const meeting = await orErrorPage(requireMeeting(context.db, meetingId));
  const user = context.currentUser;
  const mySignUp = user ? await signUpOf(context.db, meetingId, user.id) : null;
  const attended = user ? await hasAttended(context.db, meetingId, user.id) : false;
  const claims = user ? await myClaimsFor(context.db, user, meetingId) : [];
  return json({
    signedIn: user !== null,
    isOrganiser: isOrganiserFor(user, meeting.organisationId),
    isOver: meeting.date < todayInLondon(),
    meeting: {
      id: meeting.id,
      title: meeting.title,
      organisationName: meeting.organisationName,
      when: `${meetingDay(meeting.date)}, ${meeting.startTime} to ${meeting.endTime}`,
      venueName: meeting.venueName,
      venueAddress: meeting.venueAddress,
      venue: meeting.venue,
      accessNotes: meeting.accessNotes,
      agenda: meeting.agenda,
      involvement: meeting.involvement,
      round: meeting.roundSlug ? { slug: meeting.roundSlug, title: meeting.roundTitle ?? "" } : null,
      timebank: meeting.timebankSlug ? { slug: meeting.timebankSlug, name: meeting.timebankName ?? "" } : null,
      credit: meeting.creditCentihours !== null ? formatHours(meeting.creditCentihours) : null,
      payment: meeting.involvementPaymentMinor !== null ? displayAmount(meeting.involvementPaymentMinor, "GBP") : null,
    },
    mySignUp: mySignUp
      ? {
          status: mySignUp.status,
          needs: ACCESS_REQUIREMENTS.filter((r) => mySignUp.requirements[r.key]).map((r) => r.label),
          dietaryNeeds: mySignUp.dietaryNeeds,
        }
      : null,
    attended,
    claims: claims.map((c) => ({ id: c.id, kind: expenseKindLabel(c.kind), amount: displayAmount(c.amountMinor, "GBP"), outcome: claimOutcome(c) })),
  });
}

export default function MeetingPage() {
  const { meeting, signedIn, isOrganiser, isOver, mySignUp, attended, claims } = useLoaderData<typeof loader>();
  const signedUp = mySignUp?.status === "signed_up";
  const recognition = [meeting.credit && meeting.timebank ? `${meeting.credit} credit in ${meeting.timebank.name} (for its members)` : null, meeting.payment ? `${meeting.payment} payment for involvement` : null].filter(Boolean);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{meeting.organisationName}</span>
        <h1 className="govuk-heading-l">{meeting.title}</h1>
        <InvolvementLevel level={meeting.involvement} />
        <LadderOfParticipation current={meeting.involvement} />
        {isOrganiser ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/meetings/${meeting.id}/organise`}>
              Organise this meeting: sign-ups, attendance and expenses
            </Link>
          </p>
        ) : null}
        <SummaryList
          rows={[
            ["When", meeting.when],
            ["Where", <>{meeting.venueName}<br />{meeting.venueAddress}</>],
            ["Access", <VenueAccess venue={meeting.venue} notes={meeting.accessNotes} />],
            ["For taking part", recognition.length > 0 ? recognition.join(", and ") : "Expenses paid on the day"],
            ...(meeting.round ? [["Budget round", <Link className="govuk-link" to={`/rounds/${meeting.round.slug}`}>{meeting.round.title}</Link>] as [string, JSX.Element]] : []),
          ]}
        />
        <h2 className="govuk-heading-m">Agenda</h2>
        <Paragraphs text={meeting.agenda} />

        <h2 className="govuk-heading-m">Taking part</h2>
        {!signedIn ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/sign-in?redirectTo=${encodeURIComponent(`/meetings/${meeting.id}`)}`}>
              Sign in to sign up
            </Link>{" "}
            and tell the organisers what you need to take part.
          </p>
        ) : (
          <>
            {signedUp ? (
              <>
                <p className="govuk-body">
                  <strong className="govuk-tag govuk-tag--green">You are signed up</strong>
                </p>
                <p className="govuk-body">{mySignUp.needs.length > 0 ? `You asked for: ${mySignUp.needs.join(", ")}.` : "You did not ask for any access support."}{mySignUp.dietaryNeeds ? ` Dietary needs: ${mySignUp.dietaryNeeds}.` : ""}</p>
              </>
            ) : mySignUp?.status === "cancelled" ? (
              <p className="govuk-body">You cancelled your sign-up.</p>
            ) : null}
            {attended ? <p className="govuk-body">The organiser recorded that you attended.</p> : null}
            {!isOver ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/meetings/${meeting.id}/sign-up`}>
                  {signedUp ? "Change or cancel your sign-up" : "Sign up for this meeting"}
                </Link>
              </p>
            ) : null}
            {signedUp || attended ? (
              <>
                <h2 className="govuk-heading-m">Expenses</h2>
                <p className="govuk-body">Travel, childcare and care cover are paid on the day, up to £200 for each.</p>
                {claims.length > 0 ? (
                  <ul className="govuk-list">
                    {claims.map((c) => (
                      <li key={c.id}>
                        {c.kind}, {c.amount}: {c.outcome}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/meetings/${meeting.id}/claim`}>
                    Claim expenses
                  </Link>
                </p>
              </>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
