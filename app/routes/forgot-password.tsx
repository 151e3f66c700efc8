import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ForgotPasswordSchema } from "../domain/account-rules";
import { formErrors, readForm } from "../http/forms.server";
import { requestPasswordReset } from "../services/accounts.server";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("accounts.forgotPassword.title"));

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
        <h1 className="govuk-heading-l">{t("accounts.forgotPassword.sent.title")}</h1>
        <p className="govuk-body">
          {tr("accounts.forgotPassword.sent.body", { email: <strong>{data.sentTo}</strong> })}
        </p>
        <p className="govuk-body">{t("accounts.forgotPassword.sent.help")}</p>
      </>
    );
  }
  const errors = data && "errors" in data ? data.errors : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("accounts.forgotPassword.title")}</h1>
        <p className="govuk-body">{t("accounts.forgotPassword.intro")}</p>
        <PostForm>
          <TextField name="email" label={t("accounts.field.email")} type="email" autoComplete="email" spellCheck={false} defaultValue={data && "values" in data ? data.values.email : undefined} errors={errors} />
          <SubmitButton>{t("accounts.forgotPassword.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
