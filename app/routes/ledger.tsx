import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { Term } from "../components/term";
import { displayAmount } from "../domain/ledger/amount";
import { getPublicLedger } from "../services/ledger/reports.server";

export const meta = () => pageTitle("The ledger");

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export async function loader({ context }: LoaderFunctionArgs) {
  const ledger = await getPublicLedger(context.db, { recentLimit: 20 });
  // bigint cannot travel as JSON: everything leaves the loader as display text.
  return json({
    checkpoint: ledger.checkpoint
      ? {
          id: ledger.checkpoint.id.toString(),
          createdAt: dateTime.format(ledger.checkpoint.createdAt),
          rootHashHex: ledger.checkpoint.rootHashHex,
          accountCount: ledger.checkpoint.accountCount,
          postingCount: ledger.checkpoint.postingCount.toString(),
        }
      : null,
    accounts: ledger.accounts.map((account) => ({
      code: account.code,
      name: account.name,
      balance: displayAmount(account.balanceMinor, account.unit),
    })),
    entries: ledger.recentEntries.map((entry) => ({
      id: entry.entryId.toString(),
      createdAt: dateTime.format(entry.createdAt),
      kind: entry.kind.replace(/_/g, " "),
      memo: entry.memo,
      postings: entry.postings.map((posting) => ({
        key: posting.accountCode,
        accountName: posting.accountName,
        amount: displayAmount(posting.amountMinor, posting.unit),
      })),
    })),
  });
}

export default function Ledger() {
  const { checkpoint, accounts, entries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">The ledger</h1>
      <p className="govuk-body-l">
        Every pound allocated and every hour given is recorded in this <Term id="ledger">ledger</Term> as an entry that balances (<Term id="double-entry">double entry</Term>). Nothing is edited or deleted:
        mistakes are corrected by a new entry that reverses the old one.
      </p>

      <h2 className="govuk-heading-m">Latest checkpoint</h2>
      {checkpoint ? (
        <>
          <p className="govuk-body">
            A <Term id="checkpoint">checkpoint</Term> is a fingerprint of the whole ledger. Anyone with a copy of the ledger can recompute it and check
            that nothing has been changed since.
          </p>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Checkpoint</dt>
              <dd className="govuk-summary-list__value">Number {checkpoint.id}, made {checkpoint.createdAt}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Root hash</dt>
              <dd className="govuk-summary-list__value">
                <code className="potluck-code">{checkpoint.rootHashHex}</code>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Covers</dt>
              <dd className="govuk-summary-list__value">
                {checkpoint.accountCount} accounts and {checkpoint.postingCount} postings
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="govuk-body">No checkpoint has been published yet.</p>
      )}

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Public account balances</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Account</th>
            <th scope="col" className="govuk-table__header">Code</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Balance</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {accounts.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={3}>There are no public accounts yet.</td>
            </tr>
          ) : (
            accounts.map((account) => (
              <tr className="govuk-table__row" key={account.code}>
                <th scope="row" className="govuk-table__header">{account.name}</th>
                <td className="govuk-table__cell"><code className="potluck-code">{account.code}</code></td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{account.balance}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Recent entries on public accounts</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Entry</th>
            <th scope="col" className="govuk-table__header">When</th>
            <th scope="col" className="govuk-table__header">What</th>
            <th scope="col" className="govuk-table__header">Account</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Amount</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={5}>There are no entries on public accounts yet.</td>
            </tr>
          ) : (
            entries.flatMap((entry) =>
              entry.postings.map((posting, index) => (
                <tr className="govuk-table__row" key={`${entry.id}:${posting.key}`}>
                  <td className="govuk-table__cell">{index === 0 ? entry.id : ""}</td>
                  <td className="govuk-table__cell">{index === 0 ? entry.createdAt : ""}</td>
                  <td className="govuk-table__cell">
                    {index === 0 ? (
                      <>
                        <span className="govuk-!-font-weight-bold">{entry.kind}</span>
                        {entry.memo ? <>: {entry.memo}</> : null}
                      </>
                    ) : (
                      ""
                    )}
                  </td>
                  <td className="govuk-table__cell">{posting.accountName}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{posting.amount}</td>
                </tr>
              )),
            )
          )}
        </tbody>
      </table>
    </>
  );
}
