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

export const meta = () => pageTitle("Add a person");

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
          <h1 className="govuk-panel__title">Account opened for {created.name}</h1>
        </div>
        {created.temporaryPassword ? (
          <>
            <h2 className="govuk-heading-m">Give {created.name} this temporary password</h2>
            <p className="govuk-body potluck-temporary-password" data-testid="temporary-password">
              {created.temporaryPassword}
            </p>
            <p className="govuk-body">
              They sign in with <strong>{created.email}</strong> and this password, then choose their own. It is shown
              only once: write it down for them now.
            </p>
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">Give {created.name} this set-up link</h2>
            <p className="govuk-body potluck-code" data-testid="setup-link">
              {created.setupLink}
            </p>
            <p className="govuk-body">
              We have also emailed it to <strong>{created.email}</strong>. It works once, for 7 days.
            </p>
          </>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to="/people/new">
            Add another person
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
        <h1 className="govuk-heading-l">Add a person</h1>
        <p className="govuk-body">Open an account for someone who is not online. They become a resident.</p>
        <PostForm>
          <TextField name="name" label="Full name" defaultValue={values.name} errors={errors} spellCheck={false} maxLength={LIMITS.nameChars} />
          <TextField name="email" label="Email address" type="email" defaultValue={values.email} errors={errors} spellCheck={false} hint="They will use this to sign in" />
          <TextField name="area" label="Area they live in (optional)" defaultValue={values.area} errors={errors} widthClass="govuk-!-width-one-half" />
          <Radios
            name="method"
            legend="How will they set their password?"
            defaultValue={values.method}
            errors={errors}
            options={[
              { value: "setup_link", label: "Send a set-up link", hint: "They choose a password using a link that works once" },
              { value: "temporary_password", label: "Give a temporary password", hint: "They must change it the first time they sign in" },
            ]}
          />
          <SubmitButton>Open account</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
