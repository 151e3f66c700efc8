import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { LIMITS, RegisterSchema } from "../domain/account-rules";
import { actorFrom } from "../http/auth.server";
import { serialiseSessionToken } from "../http/cookies.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { registerResident } from "../services/accounts.server";
import { signIn } from "../services/sign-in.server";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("accounts.register.title"));

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.currentUser) throw redirect("/account");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context, RegisterSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await registerResident(context.db, form.data, actorFrom(context));
    const session = await signIn(context.db, { email: form.data.email, password: form.data.password }, { ip: context.clientIp });
    return redirect("/account?welcome=1", { headers: { "Set-Cookie": await serialiseSessionToken(request, session.sessionToken) } });
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
}

export default function Register() {
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const values = data?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("accounts.register.title")}</h1>
        <p className="govuk-body">
          {tr("accounts.register.haveAccount", {
            link: (
              <Link className="govuk-link" to="/sign-in">
                {t("accounts.register.signInLink")}
              </Link>
            ),
          })}
        </p>
        <PostForm>
          <TextField name="name" label={t("accounts.field.fullName")} autoComplete="name" spellCheck={false} defaultValue={values.name} errors={errors} maxLength={LIMITS.nameChars} />
          <TextField name="email" label={t("accounts.field.email")} type="email" autoComplete="email" spellCheck={false} defaultValue={values.email} errors={errors} hint={t("accounts.register.emailHint")} />
          <TextField name="password" label={t("accounts.field.password")} type="password" autoComplete="new-password" errors={errors} hint={t("accounts.register.passwordHint", { minimum: LIMITS.passwordMinChars })} />
          <TextField name="area" label={t("accounts.register.area")} autoComplete="address-level2" defaultValue={values.area} errors={errors} hint={t("accounts.register.areaHint")} widthClass="govuk-!-width-one-half" />
          <SubmitButton>{t("accounts.register.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
