// A coordinator enrols someone straight away, for example a resident who is not online.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ProfileFields } from "../components/timebank/profile-fields";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { EnrolSchema } from "../domain/timebank/forms";
import { formatHours } from "../domain/timebank/view";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { enrolPerson } from "../services/timebank/members.server";
import { requireCoordinator, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle(t("timebank.enrol.title"));

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
          <h1 className="govuk-panel__title">{t("timebank.enrol.done")}</h1>
          <div className="govuk-panel__body">{t("timebank.enrol.done.body", { email: result.enrolled.email, timebank: data.name })}</div>
        </div>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/record`}>
              {t("timebank.enrol.recordExchange")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${result.enrolled.memberId}`}>
              {t("timebank.enrol.seePage")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/timebanks/${data.slug}/members/new`}>
              {t("timebank.enrol.another")}
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
        <h1 className="govuk-heading-l">{t("timebank.enrol.title")}</h1>
        <p className="govuk-body">
          {tr("timebank.enrol.intro", {
            addThem: (
              <Link className="govuk-link" to="/people/new">
                {t("timebank.enrol.intro.addThem")}
              </Link>
            ),
          })}
        </p>
        <PostForm>
          <TextField name="email" label={t("timebank.enrol.email.label")} type="email" spellCheck={false} defaultValue={values.email} errors={errors} maxLength={254} />
          <ProfileFields values={values} errors={errors} />
          <TextField
            name="pledge"
            label={t("timebank.enrol.pledge.label")}
            hint={data.pledge ? t("timebank.enrol.pledge.hintTimebank", { pledge: data.pledge }) : t("timebank.enrol.pledge.hintNone")}
            defaultValue={values.pledge}
            errors={errors}
            inputMode="decimal"
            widthClass="govuk-input--width-5"
            maxLength={10}
          />
          <SubmitButton>{t("timebank.enrol.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
