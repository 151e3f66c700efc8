import { t } from "../i18n";

/** A page's <title>: what the page is, then the service name (GOV.UK pattern). */
export function pageTitle(title: string) {
  return [{ title: t("layout.pageTitle", { title }) }];
}
