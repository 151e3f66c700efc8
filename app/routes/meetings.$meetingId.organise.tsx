// The organiser's page for one meeting: before it, a summary of access requirements and the
// sign-up list; on the day, recording who attended (also people who walked in) and approving
// expense claims, which are paid on the spot.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { idFrom, orErrorPage } from "../components/timebank/route-helpers.server";
import { displayAmount } from "../domain/ledger/amount";
import { WalkInSchema } from "../domain/meetings/forms";
import { ACCESS_REQUIREMENTS, claimOutcome, expenseKindLabel, meetingDay } from "../domain/meetings/rules";
import { formatHours } from "../domain/timebank/hours";
import { todayInLondon } from "../domain/timebank/dates";
import { actorFrom, requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { recordAttendance } from "../services/meetings/attendance.server";
import { approveClaim, claimsForMeeting, rejectClaim } from "../services/meetings/expenses.server";
import { organiserView } from "../services/meetings/meetings.server";

export const meta = () => pageTitle("Organise a meeting");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  const meetingId = idFrom(params.meetingId);
  const actor = actorFrom(context);
  const view = await orErrorPage(organiserView(context.db, actor, meetingId));
  const claims = await claimsForMeeting(context.db, actor, meetingId);
  const { meeting, summary } = view;
  return json({
    meeting: {
      id: meeting.id,
      title: meeting.title,
      when: `${meetingDay(meeting.date)}, ${meeting.startTime} to ${meeting.endTime}`,
      started: meeting.date <= todayInLondon(),
      payment: meeting.involvementPaymentMinor !== null ? displayAmount(meeting.involvementPaymentMinor, "GBP") : null,
      credit: meeting.creditCentihours !== null ? formatHours(meeting.creditCentihours) : null,
    },
    summary,
    signUps: view.signUps.map((s) => ({
      userId: s.userId,
      name: s.name,
      email: s.email,
      needs: ACCESS_REQUIREMENTS.filter((r) => s.requirements[r.key]).map((r) => r.label),
      dietaryNeeds: s.dietaryNeeds,
      otherNeeds: s.otherNeeds,
      attended: s.attended,
    })),
    attendance: view.attendance.map((a) => ({
      userId: a.userId,
      name: a.name,
      walkedIn: a.walkedIn,
      hours: a.creditCentihours !== null ? formatHours(a.creditCentihours) : null,
      payment: a.paymentMinor !== null ? displayAmount(a.paymentMinor, "GBP") : null,
      declined: a.paymentDeclined,
    })),
    claims: claims.map((c) => ({
      id: c.id,
      name: c.name,
      kind: expenseKindLabel(c.kind),
      amount: displayAmount(c.amountMinor, "GBP"),
      description: c.description,
      choice: c.choice === "pay" ? "Wants to be paid" : c.choice === "decline" ? "Does not want to be paid" : `Give it to ${c.charityName ?? "a charity"}`,
      pending: c.status === "pending",
      attended: c.attended,
      outcome: claimOutcome(c).replace(/^You chose/, "Chose"),
    })),
  });
}

function positiveId(value: string | undefined): number | null {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const meetingId = idFrom(params.meetingId);
  const actor = actorFrom(context);
  const values = await readFormValues(request, context);
  try {
    switch (values.intent) {
      case "attended": {
        const userId = positiveId(values.userId);
        if (userId === null) return formErrors([{ field: "form", message: "Select who attended" }], values);
        const result = await recordAttendance(context.db, actor, meetingId, { userId }, { declinePayment: values.declinePayment === "yes" });
        return json({ done: attendanceMessage(result) });
      }
      case "walk-in": {
        const form = parseValues(values, WalkInSchema);
        if (!form.ok) return formErrors(form.errors, form.values);
        const result = await recordAttendance(context.db, actor, meetingId, { email: form.data.email }, { declinePayment: form.data.declinePayment });
        return json({ done: attendanceMessage(result) });
      }
      case "approve":
      case "reject": {
        const claimId = positiveId(values.claimId);
        if (claimId === null) return formErrors([{ field: "form", message: "Select a claim" }], values);
        const result = values.intent === "approve" ? await approveClaim(context.db, actor, meetingId, claimId) : await rejectClaim(context.db, actor, meetingId, claimId);
        const words = { paid: "Claim approved and paid today", donated: "Claim approved and given to the charity today", declined: "Claim recorded: they chose not to be paid, so nothing was paid", rejected: "Claim not approved: nothing was paid", pending: "Claim still waiting" } as const;
        return json({ done: result.created ? words[result.status] : "This claim had already been dealt with: nothing more was paid" });
      }
      default:
        return formErrors([{ field: "form", message: "Choose what to do" }], values);
    }
  } catch (error) {
    return domainErrorToForm(error, values, values.intent === "walk-in" ? "email" : "form");
  }
}

function attendanceMessage(result: Awaited<ReturnType<typeof recordAttendance>>): string {
  if (!result.created) return `${result.name} was already recorded as attending: nothing more was given or paid`;
  const parts = [`${result.name} recorded as attending${result.walkedIn ? " (walked in)" : ""}`];
  if (result.creditCentihours !== null) parts.push(`earned ${formatHours(result.creditCentihours)}`);
  if (result.noCreditReason === "not_member") parts.push("no hours: not a member of the timebank");
  if (result.paymentMinor !== null) parts.push(`paid ${displayAmount(result.paymentMinor, "GBP")} for involvement`);
  return parts.join("; ");
}

export default function Organise() {
  const { meeting, summary, signUps, attendance, claims } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values: Record<string, string> = result && "values" in result ? result.values : {};
  return (
    <>
      <ErrorSummary errors={errors} />
      {result && "done" in result ? (
        <SuccessNotice title="Done">{result.done}</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{meeting.when}</span>
      <h1 className="govuk-heading-l">Organise: {meeting.title}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/meetings/${meeting.id}`}>See the meeting's public page</Link>
      </p>

      <h2 className="govuk-heading-m">Summary of access requirements</h2>
      <p className="govuk-body">{summary.signedUp === 1 ? "1 person has" : `${summary.signedUp} people have`} signed up. {summary.supportersComing === 1 ? "1 carer or supporter is" : `${summary.supportersComing} carers or supporters are`} coming too.</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">People who need each kind of support</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Requirement</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">People</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {summary.counts.map((c) => (
            <tr className="govuk-table__row" key={c.key}>
              <th scope="row" className="govuk-table__header">{c.label}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="govuk-heading-s">Dietary needs</h3>
      {summary.dietaryNotes.length === 0 ? <p className="govuk-body">None given.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {summary.dietaryNotes.map((n, i) => <li key={i}>{n.name}: {n.note}</li>)}
        </ul>
      )}
      {summary.otherNotes.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Other notes</h3>
          <ul className="govuk-list govuk-list--bullet">
            {summary.otherNotes.map((n, i) => <li key={i}>{n.name}: {n.note}</li>)}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">People signed up</h2>
      {meeting.credit || meeting.payment ? (
        <p className="govuk-body">Recording someone as attending {[meeting.credit ? `gives ${meeting.credit} to timebank members` : null, meeting.payment ? `pays ${meeting.payment} for involvement (unless they say no)` : null].filter(Boolean).join(" and ")}.</p>
      ) : null}
      {signUps.length === 0 ? <p className="govuk-body">Nobody has signed up yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">People signed up and their access requirements</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Needs</th>
              <th scope="col" className="govuk-table__header">Attendance</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {signUps.map((s) => (
              <tr className="govuk-table__row" key={s.userId}>
                <td className="govuk-table__cell">{s.name}<br /><span className="govuk-body-s">{s.email}</span></td>
                <td className="govuk-table__cell">
                  {s.needs.length > 0 ? s.needs.join(", ") : "None"}
                  {s.dietaryNeeds ? <><br />Diet: {s.dietaryNeeds}</> : null}
                  {s.otherNeeds ? <><br />{s.otherNeeds}</> : null}
                </td>
                <td className="govuk-table__cell">
                  {s.attended ? <strong className="govuk-tag govuk-tag--green">Attended</strong> : meeting.started ? (
                    <PostForm action={`/meetings/${meeting.id}/organise`}>
                      <input type="hidden" name="intent" value="attended" />
                      <input type="hidden" name="userId" value={s.userId} />
                      {meeting.payment ? (
                        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-2" data-module="govuk-checkboxes">
                          <div className="govuk-checkboxes__item">
                            <input className="govuk-checkboxes__input" id={`declinePayment-${s.userId}`} name="declinePayment" type="checkbox" value="yes" />
                            <label className="govuk-label govuk-checkboxes__label" htmlFor={`declinePayment-${s.userId}`}>Does not want the payment</label>
                          </div>
                        </div>
                      ) : null}
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                        Record {s.name} as attended
                      </button>
                    </PostForm>
                  ) : "From the day of the meeting"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {meeting.started ? (
        <>
          <h2 className="govuk-heading-m">Someone who walked in</h2>
          <PostForm action={`/meetings/${meeting.id}/organise`}>
            <input type="hidden" name="intent" value="walk-in" />
            <TextField name="email" label="Their email address" hint="They need a Potluck account. If they do not have one, add the person first" type="email" defaultValue={values.intent === "walk-in" ? values.email : undefined} errors={errors} maxLength={254} autoComplete="off" spellCheck={false} />
            {meeting.payment ? (
              <div className="govuk-form-group">
                <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  <div className="govuk-checkboxes__item">
                    <input className="govuk-checkboxes__input" id="declinePayment" name="declinePayment" type="checkbox" value="yes" />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor="declinePayment">Does not want the payment for involvement</label>
                  </div>
                </div>
              </div>
            ) : null}
            <SubmitButton secondary>Record attendance</SubmitButton>
          </PostForm>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Attended</h2>
      {attendance.length === 0 ? <p className="govuk-body">No attendance recorded yet.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {attendance.map((a) => (
            <li key={a.userId}>
              {a.name}{a.walkedIn ? " (walked in)" : ""}
              {a.hours ? `: earned ${a.hours}` : ""}
              {a.payment ? `; paid ${a.payment}` : ""}
              {a.declined ? "; did not want the payment" : ""}
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">Expense claims</h2>
      <p className="govuk-body">Approving pays the claim from the organisation's account straight away, as the person chose: to them, to their charity, or not at all.</p>
      {claims.length === 0 ? <p className="govuk-body">No claims yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Expense claims for this meeting</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Person</th>
              <th scope="col" className="govuk-table__header">Claim</th>
              <th scope="col" className="govuk-table__header">Their choice</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {claims.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell">{c.name}</td>
                <td className="govuk-table__cell">{c.kind}, {c.amount}{c.description ? ` (${c.description})` : ""}</td>
                <td className="govuk-table__cell">{c.choice}</td>
                <td className="govuk-table__cell">
                  {c.pending ? (
                    <>
                      {!c.attended ? <p className="govuk-body-s">Record them as attended first.</p> : null}
                      <PostForm action={`/meetings/${meeting.id}/organise`}>
                        <input type="hidden" name="intent" value="approve" />
                        <input type="hidden" name="claimId" value={c.id} />
                        <button type="submit" className="govuk-button govuk-!-margin-bottom-2" data-module="govuk-button">
                          Approve {c.name}'s {c.kind.toLowerCase()} claim
                        </button>
                      </PostForm>
                      <PostForm action={`/meetings/${meeting.id}/organise`}>
                        <input type="hidden" name="intent" value="reject" />
                        <input type="hidden" name="claimId" value={c.id} />
                        <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                          Do not approve {c.name}'s {c.kind.toLowerCase()} claim
                        </button>
                      </PostForm>
                    </>
                  ) : c.outcome}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
