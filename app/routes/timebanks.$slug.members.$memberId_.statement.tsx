// A member's statement on screen, with a CSV download and a large-print version for printing.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { formatHours } from "../domain/timebank/view";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { STATEMENT_LINES, kindLabel, memberStatement, statementCursor } from "../services/timebank/statements.server";

export const meta = () => pageTitle(t("timebank.statement.title"));

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const memberId = idFrom(params.memberId);
  const url = new URL(request.url);
  const before = statementCursor(url.searchParams.get("before"));
  const statement = await orErrorPage(memberStatement(context.db, user, slug, memberId, before));
  return json({
    slug,
    memberId,
    largePrint: url.searchParams.get("print") === "large",
    before: before === null ? null : before.toString(),
    timebankName: statement.timebank.name,
    memberName: statement.memberName,
    balance: formatHours(statement.balanceCentihours),
    olderBefore: statement.olderBefore,
    pageSize: STATEMENT_LINES,
    isNewest: statement.isNewest,
    lines: statement.lines.map((line) => ({
      id: line.entryId.toString(),
      when: dateTime.format(line.createdAt),
      kind: kindLabel(line.kind),
      memo: line.memo,
      amount: `${line.amountMinor > 0n ? "+" : ""}${formatHours(line.amountMinor)}`,
      balance: formatHours(line.balanceAfterMinor),
    })),
  });
}

export default function Statement() {
  const data = useLoaderData<typeof loader>();
  const base = `/timebanks/${data.slug}/members/${data.memberId}/statement`;
  return (
    <div className={data.largePrint ? "potluck-large-print" : undefined}>
      <span className="govuk-caption-l">{data.timebankName}</span>
      <h1 className="govuk-heading-l">{t("timebank.statement.heading", { name: data.memberName })}</h1>
      <p className="govuk-body-l">
        {tr("timebank.statement.balance", { balance: <strong>{data.balance}</strong> })}
      </p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`${base}.csv`} download>
            {t("timebank.statement.csv")}
          </a>
        </li>
        <li>
          {data.largePrint ? (
            <Link className="govuk-link" to={base}>
              {t("timebank.statement.standardSize")}
            </Link>
          ) : (
            <Link className="govuk-link" to={`${base}?print=large`}>
              {t("timebank.statement.largePrint")}
            </Link>
          )}
        </li>
      </ul>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{data.isNewest ? t("timebank.statement.caption.newest") : t("timebank.statement.caption.older")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("timebank.statement.when")}</th>
            <th scope="col" className="govuk-table__header">{t("timebank.statement.what")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebank.statement.hours")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebank.statement.balanceAfter")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.lines.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={4}>{t("timebank.statement.none")}</td>
            </tr>
          ) : (
            data.lines.map((line) => (
              <tr className="govuk-table__row" key={line.id}>
                <td className="govuk-table__cell">{line.when}</td>
                <td className="govuk-table__cell">
                  {t("timebank.statement.line", { kind: line.kind, memo: line.memo })}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{line.amount}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{line.balance}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {data.olderBefore || !data.isNewest ? (
        <nav className="govuk-pagination govuk-pagination--block" aria-label={t("timebank.statement.pages")}>
          {!data.isNewest ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`${base}${data.largePrint ? "?print=large" : ""}`} rel="prev">
                <span className="govuk-pagination__link-title">{t("timebank.statement.newest")}</span>
              </Link>
            </div>
          ) : null}
          {data.olderBefore ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={`${base}?${new URLSearchParams({ ...(data.largePrint ? { print: "large" } : {}), before: data.olderBefore }).toString()}`} rel="next">
                <span className="govuk-pagination__link-title">{t("timebank.statement.older")}</span>
                <span className="govuk-visually-hidden">:</span>
                <span className="govuk-pagination__link-label">{t("timebank.statement.olderLabel", { count: data.pageSize })}</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${data.memberId}`}>
          {t("timebank.statement.back")}
        </Link>
      </p>
    </div>
  );
}
