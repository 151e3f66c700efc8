// A member's week against their pledge: a sentence, a bar drawn as inline SVG (colours are SVG
// attributes, not inline styles, so the CSP allows them) and the same numbers as a table.
import type { PledgeView } from "../../domain/timebank/view";
import { t } from "../../i18n/translate";

export function PledgeWeek({ pledge, headingLevel = 2 }: { pledge: PledgeView; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const width = 300;
  const filled = Math.round((pledge.percentOfWeek * width) / 100);
  return (
    <section aria-labelledby="pledge-week-heading" className="govuk-!-margin-bottom-6">
      <Heading className={headingLevel === 2 ? "govuk-heading-m" : "govuk-heading-s"} id="pledge-week-heading">
        {t("timebank.pledgeWeek.heading")}
      </Heading>
      <p className="govuk-body govuk-!-margin-bottom-1">{pledge.weekLabel}</p>
      <p className="govuk-body-l" data-testid="pledge-sentence">
        {pledge.sentence}
      </p>
      {pledge.hasPledge ? (
        <>
          <svg width={width} height="24" viewBox={`0 0 ${width} 24`} role="img" aria-label={t("timebank.pledgeWeek.barLabel", { given: pledge.thisWeekGiven, expected: pledge.thisWeekExpected })} focusable="false">
            <rect x="0" y="0" width={width} height="24" fill="#f3f2f1" stroke="#0b0c0c" strokeWidth="1" />
            <rect x="0" y="0" width={filled} height="24" fill="#00703c" />
          </svg>
          <table className="govuk-table govuk-!-margin-top-4">
            <caption className="govuk-table__caption govuk-table__caption--s">{t("timebank.pledgeWeek.caption", { pledge: pledge.pledge })}</caption>
            <tbody className="govuk-table__body">
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{t("timebank.pledgeWeek.givenThisWeek")}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{pledge.thisWeekGiven}</td>
              </tr>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{t("timebank.pledgeWeek.expectedThisWeek")}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{pledge.thisWeekExpected}</td>
              </tr>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{t("timebank.pledgeWeek.givenSinceJoining")}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{pledge.totalGiven}</td>
              </tr>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{t("timebank.pledgeWeek.expectedSinceJoining")}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{pledge.totalExpected}</td>
              </tr>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{t("timebank.pledgeWeek.arrears")}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{pledge.hasArrears ? pledge.arrears : t("timebank.pledgeWeek.noArrears")}</td>
              </tr>
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
