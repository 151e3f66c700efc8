// A coordinator enrols someone straight away, for example a resident who is not online.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ProfileFields } from "../components/timebank/profile-fields";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { EnrolSchema } from "../domain/timebank/forms";
import { formatHours } from "../domain/timebank/view";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { enrolPerson } from "../services/timebank/members.server";
import { requireCoordinator, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle("Enrol a member");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  await orErrorPage(Promise.resolve().then(() => requireCoordinator(user, timebank)));
  return json({ slug: timebank.slug, name: timebank.name, pledge: timebank.pledgeCentihoursPerWeek === null ? null : formatHours(timebank.pledgeCentihoursPerWeek) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, EnrolSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    const { email, pledge, ...profile } = form.data;
    const memberId = await enrolPerson(context.db, user, slug, { email, profile, pledgeCentihoursPerWeek: pledge });
    return json({ enrolled: { memberId, email } });
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
}

export default function Enrol() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && "enrolled" in result) {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Member enrolled</h1>
          <div className="govuk-panel__body">{result.enrolled.email} is now a member of {data.name}</div>
        </div>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/record`}>
              Record an exchange for them
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${result.enrolled.memberId}`}>
              See their page
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/timebanks/${data.slug}/members/new`}>
              Enrol someone else
            </Link>
          </li>
        </ul>
      </>
    );
  }
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.name}</span>
        <h1 className="govuk-heading-l">Enrol a member</h1>
        <p className="govuk-body">
          The person needs a Potluck account first. If they are not online,{" "}
          <Link className="govuk-link" to="/people/new">
            add them
          </Link>{" "}
          and then enrol them here.
        </p>
        <PostForm>
          <TextField name="email" label="Email address of their account" type="email" spellCheck={false} defaultValue={values.email} errors={errors} maxLength={254} />
          <ProfileFields values={values} errors={errors} />
          <TextField
            name="pledge"
            label="Their own pledge in hours a week (optional)"
            hint={data.pledge ? `Leave empty to use the timebank's pledge of ${data.pledge} a week` : "Leave empty for no pledge"}
            defaultValue={values.pledge}
            errors={errors}
            inputMode="decimal"
            widthClass="govuk-input--width-5"
            maxLength={10}
          />
          <SubmitButton>Enrol member</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
