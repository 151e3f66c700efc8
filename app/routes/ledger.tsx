import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { Term } from "../components/term";
import { displayAmount } from "../domain/ledger/amount";
import { getPublicLedger } from "../services/ledger/reports.server";
import { t } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta = () => pageTitle(t("ledger.page.title"));

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
      <h1 className="govuk-heading-l">{t("ledger.page.title")}</h1>
      <p className="govuk-body-l">
        {tr("ledger.page.intro", {
          ledger: <Term id="ledger">{t("ledger.page.intro.ledger")}</Term>,
          doubleEntry: <Term id="double-entry">{t("ledger.page.intro.doubleEntry")}</Term>,
        })}
      </p>

      <h2 className="govuk-heading-m">{t("ledger.checkpoint.heading")}</h2>
      {checkpoint ? (
        <>
          <p className="govuk-body">
            {tr("ledger.checkpoint.intro", { checkpoint: <Term id="checkpoint">{t("ledger.checkpoint.intro.checkpoint")}</Term> })}
          </p>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("ledger.checkpoint.label")}</dt>
              <dd className="govuk-summary-list__value">{t("ledger.checkpoint.number", { id: checkpoint.id, createdAt: checkpoint.createdAt })}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("ledger.checkpoint.rootHash")}</dt>
              <dd className="govuk-summary-list__value">
                <code className="potluck-code">{checkpoint.rootHashHex}</code>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("ledger.checkpoint.covers")}</dt>
              <dd className="govuk-summary-list__value">
                {t("ledger.checkpoint.coversValue", { accounts: checkpoint.accountCount, postings: checkpoint.postingCount })}
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="govuk-body">{t("ledger.checkpoint.none")}</p>
      )}

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("ledger.accounts.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("ledger.accounts.account")}</th>
            <th scope="col" className="govuk-table__header">{t("ledger.accounts.code")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("ledger.accounts.balance")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {accounts.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={3}>{t("ledger.accounts.none")}</td>
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
        <caption className="govuk-table__caption govuk-table__caption--m">{t("ledger.entries.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("ledger.entries.entry")}</th>
            <th scope="col" className="govuk-table__header">{t("ledger.entries.when")}</th>
            <th scope="col" className="govuk-table__header">{t("ledger.entries.what")}</th>
            <th scope="col" className="govuk-table__header">{t("ledger.entries.account")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("ledger.entries.amount")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={5}>{t("ledger.entries.none")}</td>
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
