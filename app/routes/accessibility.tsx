import { pageTitle } from "../components/page-title";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("accessibility.title"));

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("accessibility.title")}</h1>
        <p className="govuk-body">
          {t("accessibility.intro")}
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t("accessibility.point.javascript")}</li>
          <li>{t("accessibility.point.keyboard")}</li>
          <li>{t("accessibility.point.screenReaders")}</li>
          <li>{t("accessibility.point.colour")}</li>
        </ul>
        <p className="govuk-body">
          {t("accessibility.testing")}
        </p>
      </div>
    </div>
  );
}
