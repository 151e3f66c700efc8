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
import { t, tp } from "../i18n/translate";
import { recordAttendance } from "../services/meetings/attendance.server";
import { approveClaim, claimsForMeeting, rejectClaim } from "../services/meetings/expenses.server";
import { organiserView } from "../services/meetings/meetings.server";

export const meta = () => pageTitle(t("meetings.organise.pageTitle"));

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
      when: t("meetings.when", { day: meetingDay(meeting.date), startTime: meeting.startTime, endTime: meeting.endTime }),
      started: meeting.date <= todayInLondon(),
      payment: meeting.involvementPaymentMinor !== null ? displayAmount(meeting.involvementPaymentMinor, "GBP") : null,
      credit: meeting.creditCentihours !== null ? formatHours(meeting.creditCentihours) : null,
    },
    summary,
    signUps: view.signUps.map((s) => ({
      userId: s.userId,
      name: s.name,
      email: s.email,
      needs: ACCESS_REQUIREMENTS.filter((r) => s.requirements[r.key]).map((r) => t(r.label)),
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
      choice: c.choice === "pay" ? t("meetings.organise.choice.pay") : c.choice === "decline" ? t("meetings.organise.choice.decline") : c.charityName !== null ? t("meetings.organise.choice.donate", { charity: c.charityName }) : t("meetings.organise.choice.donateToACharity"),
      pending: c.status === "pending",
      attended: c.attended,
      outcome: claimOutcome(c, "organiser"),
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
        if (userId === null) return formErrors([{ field: "form", message: t("meetings.organise.error.selectPerson") }], values);
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
        if (claimId === null) return formErrors([{ field: "form", message: t("meetings.organise.error.selectClaim") }], values);
        const result = values.intent === "approve" ? await approveClaim(context.db, actor, meetingId, claimId) : await rejectClaim(context.db, actor, meetingId, claimId);
        const words = { paid: "meetings.organise.decided.paid", donated: "meetings.organise.decided.donated", declined: "meetings.organise.decided.declined", rejected: "meetings.organise.decided.rejected", pending: "meetings.organise.decided.pending" } as const;
        return json({ done: t(result.created ? words[result.status] : "meetings.organise.decided.already") });
      }
      default:
        return formErrors([{ field: "form", message: t("meetings.organise.error.chooseAction") }], values);
    }
  } catch (error) {
    return domainErrorToForm(error, values, values.intent === "walk-in" ? "email" : "form");
  }
}

function attendanceMessage(result: Awaited<ReturnType<typeof recordAttendance>>): string {
  const name = result.name;
  if (!result.created) return t("meetings.organise.recorded.already", { name });
  const amount = result.paymentMinor !== null ? displayAmount(result.paymentMinor, "GBP") : null;
  // Hours given, or none because the person is not a member of the timebank (never both).
  if (result.creditCentihours !== null) {
    const hours = formatHours(result.creditCentihours);
    if (result.walkedIn) return amount !== null ? t("meetings.organise.recorded.walkedIn.earned.paid", { name, hours, amount }) : t("meetings.organise.recorded.walkedIn.earned", { name, hours });
    return amount !== null ? t("meetings.organise.recorded.earned.paid", { name, hours, amount }) : t("meetings.organise.recorded.earned", { name, hours });
  }
  if (result.noCreditReason === "not_member") {
    if (result.walkedIn) return amount !== null ? t("meetings.organise.recorded.walkedIn.notMember.paid", { name, amount }) : t("meetings.organise.recorded.walkedIn.notMember", { name });
    return amount !== null ? t("meetings.organise.recorded.notMember.paid", { name, amount }) : t("meetings.organise.recorded.notMember", { name });
  }
  if (result.walkedIn) return amount !== null ? t("meetings.organise.recorded.walkedIn.paid", { name, amount }) : t("meetings.organise.recorded.walkedIn", { name });
  return amount !== null ? t("meetings.organise.recorded.paid", { name, amount }) : t("meetings.organise.recorded", { name });
}

/** What an attendee got: hours, a payment, or that they did not want the payment. */
function attendedLine(a: { name: string; walkedIn: boolean; hours: string | null; payment: string | null; declined: boolean }): string {
  const name = a.walkedIn ? t("meetings.organise.attended.walkedIn", { name: a.name }) : a.name;
  const { hours, payment } = a;
  if (payment) return hours ? t("meetings.organise.attended.earnedAndPaid", { name, hours, payment }) : t("meetings.organise.attended.paid", { name, payment });
  if (a.declined) return hours ? t("meetings.organise.attended.earnedAndDeclined", { name, hours }) : t("meetings.organise.attended.declined", { name });
  return hours ? t("meetings.organise.attended.earned", { name, hours }) : name;
}

/** What recording someone as attending gives: hours to timebank members, a payment, or both. */
function recordingGives(credit: string | null, payment: string | null): string {
  if (credit && payment) return t("meetings.organise.recordingGives.creditAndPayment", { credit, payment });
  return credit ? t("meetings.organise.recordingGives.credit", { credit }) : t("meetings.organise.recordingGives.payment", { payment: payment ?? "" });
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
        <SuccessNotice title={t("meetings.organise.done")}>{result.done}</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{meeting.when}</span>
      <h1 className="govuk-heading-l">{t("meetings.organise.title", { title: meeting.title })}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/meetings/${meeting.id}`}>{t("meetings.organise.publicPage")}</Link>
      </p>

      <h2 className="govuk-heading-m">{t("meetings.organise.summary")}</h2>
      <p className="govuk-body">{tp("meetings.organise.summary.signedUp", summary.signedUp)} {tp("meetings.organise.summary.supporters", summary.supportersComing)}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{t("meetings.organise.summary.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("meetings.organise.summary.requirement")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("meetings.organise.summary.people")}</th>
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
      <h3 className="govuk-heading-s">{t("meetings.organise.dietaryNeeds")}</h3>
      {summary.dietaryNotes.length === 0 ? <p className="govuk-body">{t("meetings.organise.dietaryNeeds.none")}</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {summary.dietaryNotes.map((n, i) => <li key={i}>{t("meetings.organise.note", { name: n.name, note: n.note })}</li>)}
        </ul>
      )}
      {summary.otherNotes.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">{t("meetings.organise.otherNotes")}</h3>
          <ul className="govuk-list govuk-list--bullet">
            {summary.otherNotes.map((n, i) => <li key={i}>{t("meetings.organise.note", { name: n.name, note: n.note })}</li>)}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t("meetings.organise.signUps")}</h2>
      {meeting.credit || meeting.payment ? (
        <p className="govuk-body">{recordingGives(meeting.credit, meeting.payment)}</p>
      ) : null}
      {signUps.length === 0 ? <p className="govuk-body">{t("meetings.organise.signUps.none")}</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("meetings.organise.signUps.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("meetings.organise.signUps.name")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.organise.signUps.needs")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.organise.signUps.attendance")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {signUps.map((s) => (
              <tr className="govuk-table__row" key={s.userId}>
                <td className="govuk-table__cell">{s.name}<br /><span className="govuk-body-s">{s.email}</span></td>
                <td className="govuk-table__cell">
                  {s.needs.length > 0 ? s.needs.join(", ") : t("meetings.organise.signUps.noNeeds")}
                  {s.dietaryNeeds ? <><br />{t("meetings.organise.signUps.diet", { dietaryNeeds: s.dietaryNeeds })}</> : null}
                  {s.otherNeeds ? <><br />{s.otherNeeds}</> : null}
                </td>
                <td className="govuk-table__cell">
                  {s.attended ? <strong className="govuk-tag govuk-tag--green">{t("meetings.organise.signUps.attended")}</strong> : meeting.started ? (
                    <PostForm action={`/meetings/${meeting.id}/organise`}>
                      <input type="hidden" name="intent" value="attended" />
                      <input type="hidden" name="userId" value={s.userId} />
                      {meeting.payment ? (
                        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-2" data-module="govuk-checkboxes">
                          <div className="govuk-checkboxes__item">
                            <input className="govuk-checkboxes__input" id={`declinePayment-${s.userId}`} name="declinePayment" type="checkbox" value="yes" />
                            <label className="govuk-label govuk-checkboxes__label" htmlFor={`declinePayment-${s.userId}`}>{t("meetings.organise.signUps.declinePayment")}</label>
                          </div>
                        </div>
                      ) : null}
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                        {t("meetings.organise.signUps.record", { name: s.name })}
                      </button>
                    </PostForm>
                  ) : t("meetings.organise.signUps.fromTheDay")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {meeting.started ? (
        <>
          <h2 className="govuk-heading-m">{t("meetings.organise.walkIn")}</h2>
          <PostForm action={`/meetings/${meeting.id}/organise`}>
            <input type="hidden" name="intent" value="walk-in" />
            <TextField name="email" label={t("meetings.organise.walkIn.email")} hint={t("meetings.organise.walkIn.email.hint")} type="email" defaultValue={values.intent === "walk-in" ? values.email : undefined} errors={errors} maxLength={254} autoComplete="off" spellCheck={false} />
            {meeting.payment ? (
              <div className="govuk-form-group">
                <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  <div className="govuk-checkboxes__item">
                    <input className="govuk-checkboxes__input" id="declinePayment" name="declinePayment" type="checkbox" value="yes" />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor="declinePayment">{t("meetings.organise.walkIn.declinePayment")}</label>
                  </div>
                </div>
              </div>
            ) : null}
            <SubmitButton secondary>{t("meetings.organise.walkIn.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t("meetings.organise.attended")}</h2>
      {attendance.length === 0 ? <p className="govuk-body">{t("meetings.organise.attended.none")}</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {attendance.map((a) => (
            <li key={a.userId}>
              {attendedLine(a)}
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">{t("meetings.organise.claims")}</h2>
      <p className="govuk-body">{t("meetings.organise.claims.intro")}</p>
      {claims.length === 0 ? <p className="govuk-body">{t("meetings.organise.claims.none")}</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("meetings.organise.claims.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("meetings.organise.claims.person")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.organise.claims.claim")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.organise.claims.choice")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.organise.claims.status")}</th>
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
                      {!c.attended ? <p className="govuk-body-s">{t("meetings.organise.claims.attendFirst")}</p> : null}
                      <PostForm action={`/meetings/${meeting.id}/organise`}>
                        <input type="hidden" name="intent" value="approve" />
                        <input type="hidden" name="claimId" value={c.id} />
                        <button type="submit" className="govuk-button govuk-!-margin-bottom-2" data-module="govuk-button">
                          {t("meetings.organise.claims.approve", { name: c.name, kind: c.kind.toLowerCase() })}
                        </button>
                      </PostForm>
                      <PostForm action={`/meetings/${meeting.id}/organise`}>
                        <input type="hidden" name="intent" value="reject" />
                        <input type="hidden" name="claimId" value={c.id} />
                        <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                          {t("meetings.organise.claims.reject", { name: c.name, kind: c.kind.toLowerCase() })}
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
