import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { LinkNotValid, SetPasswordForm } from "../components/set-password-form";
import { tokenPasswordAction, tokenPasswordLoader } from "../http/token-password.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("accounts.resetPassword.title"));
export const loader = tokenPasswordLoader("password_reset");
export const action = tokenPasswordAction("password_reset");

export default function ResetPassword() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.valid) return <LinkNotValid />;
  return <SetPasswordForm heading={t("accounts.resetPassword.title")} intro={t("accounts.resetPassword.intro")} errors={actionData?.errors} button={t("accounts.resetPassword.submit")} />;
}
