import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { LinkNotValid, SetPasswordForm } from "../components/set-password-form";
import { tokenPasswordAction, tokenPasswordLoader } from "../http/token-password.server";

export const meta = () => pageTitle("Choose a new password");
export const loader = tokenPasswordLoader("password_reset");
export const action = tokenPasswordAction("password_reset");

export default function ResetPassword() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.valid) return <LinkNotValid />;
  return <SetPasswordForm heading="Choose a new password" intro="Choose a new password for your Potluck account." errors={actionData?.errors} button="Save new password" />;
}
