import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ChangePasswordSchema, LIMITS } from "../domain/account-rules";
import { t } from "../i18n/translate";
import { actorFrom, requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { changePassword } from "../services/accounts.server";

export const meta = () => pageTitle(t("accounts.changePassword.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return json({ mustChange: user.mustChangePassword });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const form = await readForm(request, context, ChangePasswordSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await changePassword(context.db, user, form.data, actorFrom(context));
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
  return redirect("/account?passwordChanged=1");
}

export default function ChangePassword() {
  const { mustChange } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t(mustChange ? "accounts.changePassword.mustChange.title" : "accounts.changePassword.title")}</h1>
        {mustChange ? (
          <div className="govuk-inset-text">
            {t("accounts.changePassword.mustChange.body")}
          </div>
        ) : null}
        <PostForm>
          <TextField name="currentPassword" label={t(mustChange ? "accounts.changePassword.temporary" : "accounts.changePassword.current")} type="password" autoComplete="current-password" errors={errors} />
          <TextField name="password" label={t("accounts.field.newPassword")} type="password" autoComplete="new-password" errors={errors} hint={t("accounts.field.newPasswordHint", { minimum: LIMITS.passwordMinChars })} />
          <TextField name="confirmPassword" label={t("accounts.field.confirmNewPassword")} type="password" autoComplete="new-password" errors={errors} />
          <SubmitButton>{t("accounts.changePassword.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
