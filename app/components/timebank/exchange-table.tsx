import { Link } from "@remix-run/react";
import { t } from "../../i18n/translate";
import type { ExchangeLineView } from "./exchange-view";

export function ExchangeTable({ slug, lines, caption }: { slug: string; lines: ExchangeLineView[]; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{t("timebank.exchangeTable.date")}</th>
          <th scope="col" className="govuk-table__header">{t("timebank.exchangeTable.what")}</th>
          <th scope="col" className="govuk-table__header">{t("timebank.exchangeTable.with")}</th>
          <th scope="col" className="govuk-table__header">{t("timebank.exchangeTable.status")}</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebank.exchangeTable.hours")}</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {lines.length === 0 ? (
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" colSpan={5}>{t("timebank.exchangeTable.none")}</td>
          </tr>
        ) : (
          lines.map((line) => (
            <tr className="govuk-table__row" key={line.id}>
              <td className="govuk-table__cell">{line.date}</td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/timebanks/${slug}/exchanges/${line.id}`}>
                  {line.description}
                </Link>
              </td>
              <td className="govuk-table__cell">{line.others}</td>
              <td className="govuk-table__cell">{line.status}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {line.amount}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
