import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ChangePasswordSchema, LIMITS } from "../domain/account-rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { changePassword } from "../services/accounts.server";

export const meta = () => pageTitle("Change your password");

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
        <h1 className="govuk-heading-l">{mustChange ? "Choose your own password" : "Change your password"}</h1>
        {mustChange ? (
          <div className="govuk-inset-text">
            You signed in with a temporary password. Choose a password of your own before you continue.
          </div>
        ) : null}
        <PostForm>
          <TextField name="currentPassword" label={mustChange ? "Temporary password" : "Current password"} type="password" autoComplete="current-password" errors={errors} />
          <TextField name="password" label="New password" type="password" autoComplete="new-password" errors={errors} hint={`Must be ${LIMITS.passwordMinChars} characters or more`} />
          <TextField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" errors={errors} />
          <SubmitButton>Save password</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
