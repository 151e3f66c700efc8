// Staff open an account for a person who is not online, and hand them a link or a temporary password.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { CreatePersonSchema, LIMITS } from "../domain/account-rules";
import { ACCOUNT_CREATOR_ROLES } from "../domain/roles";
import { actorFrom, requireRole } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { createAccountForPerson } from "../services/accounts.server";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("accounts.addPerson.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, ACCOUNT_CREATOR_ROLES);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireRole(request, context, ACCOUNT_CREATOR_ROLES);
  const form = await readForm(request, context, CreatePersonSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    const result = await createAccountForPerson(context.db, actorFrom(context), form.data, { appUrl: context.config.appUrl });
    return json({
      created: {
        name: form.data.name,
        email: form.data.email,
        setupLink: result.method === "setup_link" ? `${context.config.appUrl}/setup/${result.setupToken}` : null,
        temporaryPassword: result.method === "temporary_password" ? result.temporaryPassword : null,
      },
    });
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
}

export default function AddPerson() {
  const data = useActionData<typeof action>();
  if (data && "created" in data && data.created) {
    const created = data.created;
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("accounts.addPerson.opened", { name: created.name })}</h1>
        </div>
        {created.temporaryPassword ? (
          <>
            <h2 className="govuk-heading-m">{t("accounts.addPerson.givePassword", { name: created.name })}</h2>
            <p className="govuk-body potluck-temporary-password" data-testid="temporary-password">
              {created.temporaryPassword}
            </p>
            <p className="govuk-body">
              {tr("accounts.addPerson.passwordHelp", { email: <strong>{created.email}</strong> })}
            </p>
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">{t("accounts.addPerson.giveLink", { name: created.name })}</h2>
            <p className="govuk-body potluck-code" data-testid="setup-link">
              {created.setupLink}
            </p>
            <p className="govuk-body">
              {tr("accounts.addPerson.linkHelp", { email: <strong>{created.email}</strong> })}
            </p>
          </>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to="/people/new">
            {t("accounts.addPerson.another")}
          </Link>
        </p>
      </>
    );
  }
  const errors = data && "errors" in data ? data.errors : undefined;
  const values = data && "values" in data ? data.values : {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("accounts.addPerson.title")}</h1>
        <p className="govuk-body">{t("accounts.addPerson.intro")}</p>
        <PostForm>
          <TextField name="name" label={t("accounts.field.fullName")} defaultValue={values.name} errors={errors} spellCheck={false} maxLength={LIMITS.nameChars} />
          <TextField name="email" label={t("accounts.field.email")} type="email" defaultValue={values.email} errors={errors} spellCheck={false} hint={t("accounts.addPerson.emailHint")} />
          <TextField name="area" label={t("accounts.addPerson.area")} defaultValue={values.area} errors={errors} widthClass="govuk-!-width-one-half" />
          <Radios
            name="method"
            legend={t("accounts.addPerson.method")}
            defaultValue={values.method}
            errors={errors}
            options={[
              { value: "setup_link", label: t("accounts.addPerson.method.setupLink"), hint: t("accounts.addPerson.method.setupLinkHint") },
              { value: "temporary_password", label: t("accounts.addPerson.method.temporaryPassword"), hint: t("accounts.addPerson.method.temporaryPasswordHint") },
            ]}
          />
          <SubmitButton>{t("accounts.addPerson.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
