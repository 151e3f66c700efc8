import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ForgotPasswordSchema } from "../domain/account-rules";
import { formErrors, readForm } from "../http/forms.server";
import { requestPasswordReset } from "../services/accounts.server";

export const meta = () => pageTitle("Reset your password");

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context, ForgotPasswordSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  await requestPasswordReset(context.db, form.data.email, { ip: context.clientIp, appUrl: context.config.appUrl });
  return json({ sentTo: form.data.email });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  if (data && "sentTo" in data) {
    return (
      <>
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">
          If <strong>{data.sentTo}</strong> has a Potluck account, we have sent it a link to reset your password. The
          link works once, for 1 hour.
        </p>
        <p className="govuk-body">If nothing arrives, a coordinator or officer can help you set a new password.</p>
      </>
    );
  }
  const errors = data && "errors" in data ? data.errors : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">We will email you a link to choose a new password.</p>
        <PostForm>
          <TextField name="email" label="Email address" type="email" autoComplete="email" spellCheck={false} defaultValue={data && "values" in data ? data.values.email : undefined} errors={errors} />
          <SubmitButton>Send reset link</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
