// The Easy Read pages: Potluck explained in short sentences with pictures.
import { Link } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { t } from "../i18n";
import { EASY_READ_PAGES } from "../i18n/easy-read";

export const meta = () => pageTitle(t("easyRead.title"));

export default function EasyReadIndex() {
  return (
    <>
      <h1 className="govuk-heading-xl">{t("easyRead.title")}</h1>
      <p className="govuk-body-l">{t("easyRead.intro")}</p>
      <ul className="govuk-list govuk-list--spaced">
        {Object.entries(EASY_READ_PAGES).map(([slug, page]) => (
          <li key={slug}>
            <Link className="govuk-link govuk-!-font-size-24" to={`/easy-read/${slug}`}>
              {t(page.title)}
            </Link>
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        {t("easyRead.moreHelp")} <Link className="govuk-link" to="/glossary">{t("easyRead.moreHelpLink")}</Link>
      </p>
    </>
  );
}
