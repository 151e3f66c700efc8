import type { LoaderFunctionArgs } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { roleLabel } from "../domain/roles";
import { requireUser } from "../http/auth.server";
import { t } from "../i18n";

export const meta = () => pageTitle(t("account.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return json({ name: user.name, email: user.email, area: user.area, roles: user.roles.map((r) => roleLabel(r.role)), largePrint: user.largePrint });
}

export default function Account() {
  const user = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const largePrintSaved = params.get("largePrint");
  return (
    <>
      {largePrintSaved === "on" || largePrintSaved === "off" ? (
        <SuccessNotice>{t(largePrintSaved === "on" ? "account.largePrint.saved.on" : "account.largePrint.saved.off")}</SuccessNotice>
      ) : null}
      {params.get("welcome") === "1" ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("account.created.title")}</h1>
          <div className="govuk-panel__body">{t("account.created.welcome", { name: user.name })}</div>
        </div>
      ) : (
        <h1 className="govuk-heading-l">{t("account.title")}</h1>
      )}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt className="govuk-summary-list__key">{t("account.name")}</dt>
          <dd className="govuk-summary-list__value">{user.name}</dd>
        </div>
        <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt className="govuk-summary-list__key">{t("account.email")}</dt>
          <dd className="govuk-summary-list__value">{user.email}</dd>
        </div>
        <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt className="govuk-summary-list__key">{t("account.area")}</dt>
          <dd className="govuk-summary-list__value">{user.area ?? t("account.area.notGiven")}</dd>
        </div>
        <div className="govuk-summary-list__row govuk-summary-list__row--no-actions">
          <dt className="govuk-summary-list__key">{t("account.roles")}</dt>
          <dd className="govuk-summary-list__value">{user.roles.join(", ")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("account.largePrint.summary")}</dt>
          <dd className="govuk-summary-list__value">{t(user.largePrint ? "account.largePrint.on" : "account.largePrint.off")}</dd>
          <dd className="govuk-summary-list__actions">
            <Link className="govuk-link" to="/account/large-print">
              {t("common.change")}<span className="govuk-visually-hidden"> {t("account.largePrint.summary").toLowerCase()}</span>
            </Link>
          </dd>
        </div>
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account/notifications">{t("account.messages")}</Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account/change-password">
          {t("account.changePassword")}
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-out">
          {t("layout.footer.signOut")}
        </Link>
      </p>
    </>
  );
}
