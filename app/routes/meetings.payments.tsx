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
import { myPayments } from "../services/meetings/expenses.server";

export const meta = () => pageTitle("Your payments and expenses");

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

export default function Payments() {
  const { received, claims, attendance, statement } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Your payments and expenses</h1>
      <p className="govuk-body-l">Paid to you for taking part in meetings: {received}.</p>
      <h2 className="govuk-heading-m">Expense claims</h2>
      {claims.length === 0 ? <p className="govuk-body">You have not claimed any expenses.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Your expense claims</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Meeting</th>
              <th scope="col" className="govuk-table__header">Claim</th>
              <th scope="col" className="govuk-table__header">What happened</th>
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
      <h2 className="govuk-heading-m">Meetings you attended</h2>
      {attendance.length === 0 ? <p className="govuk-body">No attendance recorded yet.</p> : (
        <ul className="govuk-list">
          {attendance.map((a) => (
            <li key={a.meetingId}>
              <Link className="govuk-link" to={`/meetings/${a.meetingId}`}>{a.meetingTitle}</Link>, {a.day}
              {a.hours ? `: earned ${a.hours}` : ""}
              {a.payment ? `${a.hours ? " and" : ":"} paid ${a.payment} for your involvement` : ""}
              {a.declined ? ": you chose not to be paid for your involvement" : ""}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Statement</h2>
      {statement.length === 0 ? <p className="govuk-body">Nothing has been paid to you yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Ledger statement of payments to you, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">When</th>
              <th scope="col" className="govuk-table__header">Ledger entry</th>
              <th scope="col" className="govuk-table__header">What for</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Amount</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Total paid to you</th>
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
