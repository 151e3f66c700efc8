import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { LinkNotValid, SetPasswordForm } from "../components/set-password-form";
import { tokenPasswordAction, tokenPasswordLoader } from "../http/token-password.server";

export const meta = () => pageTitle("Set up your account");
export const loader = tokenPasswordLoader("account_setup");
export const action = tokenPasswordAction("account_setup");

export default function SetUpAccount() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.valid) return <LinkNotValid />;
  const greeting = data.name ? `Hello ${data.name}. ` : "";
  return <SetPasswordForm heading="Set up your account" intro={`${greeting}Choose a password. You will use it with your email address to sign in.`} errors={actionData?.errors} button="Set password" />;
}
