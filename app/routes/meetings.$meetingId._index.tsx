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
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";
import { isOrganiserFor } from "../services/meetings/access.server";
import { myClaimsFor } from "../services/meetings/expenses.server";
import { hasAttended, requireMeeting, signUpOf } from "../services/meetings/meetings.server";

export const meta = ({ data }: { data?: { meeting: { title: string } } }) => pageTitle(data?.meeting.title ?? t("meetings.meeting.title"));

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
      when: t("meetings.when", { day: meetingDay(meeting.date), startTime: meeting.startTime, endTime: meeting.endTime }),
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
          needs: ACCESS_REQUIREMENTS.filter((r) => mySignUp.requirements[r.key]).map((r) => t(r.label)),
          dietaryNeeds: mySignUp.dietaryNeeds,
        }
      : null,
    attended,
    claims: claims.map((c) => ({ id: c.id, kind: expenseKindLabel(c.kind), amount: displayAmount(c.amountMinor, "GBP"), outcome: claimOutcome(c) })),
  });
}

/** What people get for taking part: hours credit (for the timebank's members), a payment, or expenses only. */
function recognitionFor(meeting: { credit: string | null; timebank: { name: string } | null; payment: string | null }): string {
  const credit = meeting.credit && meeting.timebank ? { credit: meeting.credit, timebank: meeting.timebank.name } : null;
  if (credit && meeting.payment) return t("meetings.meeting.recognition.creditAndPayment", { ...credit, payment: meeting.payment });
  if (credit) return t("meetings.meeting.recognition.credit", credit);
  if (meeting.payment) return t("meetings.meeting.recognition.payment", { payment: meeting.payment });
  return t("meetings.meeting.recognition.expensesOnly");
}

/** What the person asked for when they signed up, and their dietary needs if they gave any. */
function askedFor(needs: string[], dietaryNeeds: string): string {
  if (needs.length > 0) {
    return dietaryNeeds ? t("meetings.meeting.askedForWithDiet", { needs: needs.join(", "), dietaryNeeds }) : t("meetings.meeting.askedFor", { needs: needs.join(", ") });
  }
  return dietaryNeeds ? t("meetings.meeting.askedForNothingWithDiet", { dietaryNeeds }) : t("meetings.meeting.askedForNothing");
}

export default function MeetingPage() {
  const { meeting, signedIn, isOrganiser, isOver, mySignUp, attended, claims } = useLoaderData<typeof loader>();
  const signedUp = mySignUp?.status === "signed_up";
  const recognition = recognitionFor(meeting);
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
              {t("meetings.meeting.organise")}
            </Link>
          </p>
        ) : null}
        <SummaryList
          rows={[
            [t("meetings.meeting.when"), meeting.when],
            [t("meetings.meeting.where"), <>{meeting.venueName}<br />{meeting.venueAddress}</>],
            [t("meetings.meeting.access"), <VenueAccess venue={meeting.venue} notes={meeting.accessNotes} />],
            [t("meetings.meeting.forTakingPart"), recognition],
            ...(meeting.round ? [[t("meetings.meeting.budgetRound"), <Link className="govuk-link" to={`/rounds/${meeting.round.slug}`}>{meeting.round.title}</Link>] as [string, JSX.Element]] : []),
          ]}
        />
        <h2 className="govuk-heading-m">{t("meetings.meeting.agenda")}</h2>
        <Paragraphs text={meeting.agenda} />

        <h2 className="govuk-heading-m">{t("meetings.meeting.takingPart")}</h2>
        {!signedIn ? (
          <p className="govuk-body">
            {tr("meetings.meeting.signInToSignUp", {
              link: (
                <Link className="govuk-link" to={`/sign-in?redirectTo=${encodeURIComponent(`/meetings/${meeting.id}`)}`}>
                  {t("meetings.meeting.signInToSignUp.link")}
                </Link>
              ),
            })}
          </p>
        ) : (
          <>
            {signedUp ? (
              <>
                <p className="govuk-body">
                  <strong className="govuk-tag govuk-tag--green">{t("meetings.meeting.signedUp")}</strong>
                </p>
                <p className="govuk-body">{askedFor(mySignUp.needs, mySignUp.dietaryNeeds)}</p>
              </>
            ) : mySignUp?.status === "cancelled" ? (
              <p className="govuk-body">{t("meetings.meeting.cancelled")}</p>
            ) : null}
            {attended ? <p className="govuk-body">{t("meetings.meeting.attended")}</p> : null}
            {!isOver ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/meetings/${meeting.id}/sign-up`}>
                  {t(signedUp ? "meetings.meeting.changeSignUp" : "meetings.meeting.signUp")}
                </Link>
              </p>
            ) : null}
            {signedUp || attended ? (
              <>
                <h2 className="govuk-heading-m">{t("meetings.meeting.expenses")}</h2>
                <p className="govuk-body">{t("meetings.meeting.expenses.intro")}</p>
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
                    {t("meetings.meeting.claim")}
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
