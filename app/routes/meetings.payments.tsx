// A person's own payments and expenses from meetings: every claim with what happened to it, the
// hours and payments for attending, and the statement of their ledger account.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../components/summary-list";
import { displayAmount } from "../domain/ledger/amount";
import { expenseKindLabel, meetingDay } from "../domain/meetings/rules";
import { formatHours } from "../domain/timebank/hours";
import { requireUser } from "../http/auth.server";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";
import { myPayments } from "../services/meetings/expenses.server";

export const meta = () => pageTitle(t("meetings.payments.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const mine = await myPayments(context.db, user);
  return json({
    received: displayAmount(mine.receivedMinor, "GBP"),
    claims: mine.claims.map((c) => ({ id: c.id, meetingId: c.meetingId, meetingTitle: c.meetingTitle, kind: expenseKindLabel(c.kind), amount: displayAmount(c.amountMinor, "GBP"), outcome: c.outcome })),
    attendance: mine.attendance.map((a) => ({
      meetingId: a.meetingId,
      meetingTitle: a.meetingTitle,
      day: meetingDay(a.date),
      hours: a.creditCentihours !== null ? formatHours(a.creditCentihours) : null,
      payment: a.paymentMinor !== null ? displayAmount(a.paymentMinor, "GBP") : null,
      declined: a.paymentDeclined,
    })),
    statement: mine.statement.map((line) => ({ entryId: line.entryId.toString(), at: formatDateTime(line.createdAt), memo: line.memo, amount: displayAmount(line.amountMinor, "GBP"), balance: displayAmount(line.balanceAfterMinor, "GBP") })),
  });
}

/** What a person got for attending one meeting, with the meeting's link inside the sentence. */
function attendedLine(a: { meetingId: number; meetingTitle: string; day: string; hours: string | null; payment: string | null; declined: boolean }) {
  const meeting = <Link className="govuk-link" to={`/meetings/${a.meetingId}`}>{a.meetingTitle}</Link>;
  const { day, hours, payment } = a;
  if (payment) return hours ? tr("meetings.payments.attended.earnedAndPaid", { meeting, day, hours, payment }) : tr("meetings.payments.attended.paid", { meeting, day, payment });
  if (a.declined) return hours ? tr("meetings.payments.attended.earnedAndDeclined", { meeting, day, hours }) : tr("meetings.payments.attended.declined", { meeting, day });
  return hours ? tr("meetings.payments.attended.earned", { meeting, day, hours }) : tr("meetings.payments.attended.item", { meeting, day });
}

export default function Payments() {
  const { received, claims, attendance, statement } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("meetings.payments.title")}</h1>
      <p className="govuk-body-l">{t("meetings.payments.received", { amount: received })}</p>
      <h2 className="govuk-heading-m">{t("meetings.payments.claims")}</h2>
      {claims.length === 0 ? <p className="govuk-body">{t("meetings.payments.claims.none")}</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("meetings.payments.claims.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("meetings.payments.claims.meeting")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.payments.claims.claim")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.payments.claims.outcome")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {claims.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={`/meetings/${c.meetingId}`}>{c.meetingTitle}</Link></td>
                <td className="govuk-table__cell">{c.kind}, {c.amount}</td>
                <td className="govuk-table__cell">{c.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">{t("meetings.payments.attended")}</h2>
      {attendance.length === 0 ? <p className="govuk-body">{t("meetings.payments.attended.none")}</p> : (
        <ul className="govuk-list">
          {attendance.map((a) => (
            <li key={a.meetingId}>
              {attendedLine(a)}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">{t("meetings.payments.statement")}</h2>
      {statement.length === 0 ? <p className="govuk-body">{t("meetings.payments.statement.none")}</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("meetings.payments.statement.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("meetings.payments.statement.when")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.payments.statement.entry")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.payments.statement.memo")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("meetings.payments.statement.amount")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("meetings.payments.statement.balance")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {statement.map((line) => (
              <tr className="govuk-table__row" key={line.entryId}>
                <td className="govuk-table__cell">{line.at}</td>
                <td className="govuk-table__cell">{line.entryId}</td>
                <td className="govuk-table__cell">{line.memo}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{line.amount}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{line.balance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
