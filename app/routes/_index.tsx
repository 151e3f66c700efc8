import { Link, useRouteLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { t } from "../i18n/translate";
import type { RootLoaderData } from "../root";

export const meta = () => pageTitle(t("accounts.home.title"));

export default function Home() {
  const root = useRouteLoaderData<RootLoaderData>("root");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("service.name")}</h1>
        <p className="govuk-body-l">
          {t("accounts.home.intro")}
        </p>
        <h2 className="govuk-heading-m">{t("accounts.home.rounds.heading")}</h2>
        <p className="govuk-body">
          {t("accounts.home.rounds.body")}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/rounds">
            {t("accounts.home.rounds.link")}
          </Link>
        </p>
        <h2 className="govuk-heading-m">{t("accounts.home.timebank.heading")}</h2>
        <p className="govuk-body">
          {t("accounts.home.timebank.body")}
        </p>
        {root?.user ? (
          <p className="govuk-body">
            {t("accounts.home.signedInAs", { name: root.user.name })}{" "}
            <Link className="govuk-link" to="/account">
              {t("accounts.home.accountLink")}
            </Link>
          </p>
        ) : (
          <Link to="/register" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            {t("accounts.home.start")}
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </Link>
        )}
      </div>
    </div>
  );
}
