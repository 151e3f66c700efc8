import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { SignInSchema } from "../domain/account-rules";
import { CHANGE_PASSWORD_PATH, safeRedirectPath } from "../http/auth.server";
import { serialiseSessionToken } from "../http/cookies.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { signIn } from "../services/sign-in.server";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("accounts.signIn.title"));

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.currentUser) throw redirect("/account");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  const form = await readForm(request, context, SignInSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    const result = await signIn(context.db, form.data, { ip: context.clientIp });
    return redirect(result.mustChangePassword ? CHANGE_PASSWORD_PATH : redirectTo, {
      headers: { "Set-Cookie": await serialiseSessionToken(request, result.sessionToken) },
    });
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
}

export default function SignIn() {
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = data?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {params.get("reset") === "1" ? (
          <SuccessNotice>{t("accounts.signIn.passwordSet")}</SuccessNotice>
        ) : null}
        <h1 className="govuk-heading-l">{t("accounts.signIn.title")}</h1>
        <PostForm>
          <TextField name="email" label={t("accounts.field.email")} type="email" autoComplete="email" spellCheck={false} defaultValue={data?.values?.email} errors={errors} />
          <TextField name="password" label={t("accounts.field.password")} type="password" autoComplete="current-password" errors={errors} />
          <SubmitButton>{t("accounts.signIn.submit")}</SubmitButton>
        </PostForm>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            {t("accounts.signIn.forgotten")}
          </Link>
        </p>
        <p className="govuk-body">
          {tr("accounts.signIn.noAccount", {
            link: (
              <Link className="govuk-link" to="/register">
                {t("accounts.signIn.registerLink")}
              </Link>
            ),
          })}
        </p>
      </div>
    </div>
  );
}
