import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { LinkNotValid, SetPasswordForm } from "../components/set-password-form";
import { tokenPasswordAction, tokenPasswordLoader } from "../http/token-password.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("accounts.setup.title"));
export const loader = tokenPasswordLoader("account_setup");
export const action = tokenPasswordAction("account_setup");

export default function SetUpAccount() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.valid) return <LinkNotValid />;
  const intro = data.name ? t("accounts.setup.introNamed", { name: data.name }) : t("accounts.setup.intro");
  return <SetPasswordForm heading={t("accounts.setup.title")} intro={intro} errors={actionData?.errors} button={t("accounts.setup.submit")} />;
}
