// The jargon buster: every term Potluck uses, in plain English, each with its own anchor so a
// <Term> elsewhere links straight to it.
import { Link } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { t } from "../i18n";
import { glossaryEntries } from "../i18n/glossary";

export const meta = () => pageTitle(t("glossary.title"));

export default function Glossary() {
  const entries = glossaryEntries();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("glossary.title")}</h1>
        <p className="govuk-body-l">{t("glossary.intro")}</p>
        <dl className="govuk-body">
          {entries.map((entry) => (
            <div key={entry.id} className="govuk-!-margin-bottom-6">
              <dt id={entry.id} className="govuk-heading-s govuk-!-margin-bottom-1 potluck-glossary__term" tabIndex={-1}>
                {entry.term}
              </dt>
              <dd className="govuk-!-margin-left-0">{entry.definition}</dd>
            </div>
          ))}
        </dl>
        <p className="govuk-body">
          <Link className="govuk-link" to="/easy-read">{t("glossary.easyReadLink")}</Link>
        </p>
      </div>
    </div>
  );
}
