// A member leaves the timebank. Hours left over can go to the community pot or stay on their
// account for if they come back; a balance below zero is settled by a coordinator first.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FieldErrorMessage, PostForm, Radios, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { LeaveSchema } from "../domain/timebank/settings";
import { formatHours } from "../domain/timebank/view";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { leaveTimebank } from "../services/timebank/admin.server";
import { getMember } from "../services/timebank/members.server";
import { requireActiveMember, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle(t("timebank.leave.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  const membership = await orErrorPage(requireActiveMember(context.db, user, timebank));
  const member = await orErrorPage(getMember(context.db, user, timebank, membership.memberId));
  const balance = member.balanceCentihours ?? 0n;
  return json({ slug: timebank.slug, name: timebank.name, balance: formatHours(balance), sign: balance > 0n ? "positive" : balance < 0n ? "negative" : "zero" });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, LeaveSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await leaveTimebank(context.db, user, slug, form.data.balance);
  } catch (error) {
    return domainErrorToForm(error, form.values, "confirm");
  }
  return redirect(`/timebanks/${slug}?notice=left`);
}

export default function Leave() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values: Record<string, string> = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebank.leave.title")}</h1>
      <p className="govuk-body">{tr("timebank.leave.balance", { balance: <strong>{data.balance}</strong> })}</p>
      {data.sign === "negative" ? (
        <p className="govuk-inset-text">
          {t("timebank.leave.negative")}
        </p>
      ) : (
        <PostForm>
          {data.sign === "positive" ? (
            <Radios
              name="balance"
              legend={t("timebank.leave.choice.legend")}
              options={[
                { value: "donate", label: t("timebank.leave.choice.donate"), hint: t("timebank.leave.choice.donate.hint") },
                { value: "keep", label: t("timebank.leave.choice.keep"), hint: t("timebank.leave.choice.keep.hint") },
              ]}
              defaultValue={values.balance}
              errors={errors}
            />
          ) : null}
          <p className="govuk-body">{t("timebank.leave.whatHappens")}</p>
          <div className={`govuk-form-group${errors?.some((e) => e.field === "confirm") ? " govuk-form-group--error" : ""}`}>
            {errors?.filter((e) => e.field === "confirm").map((e) => (
              <FieldErrorMessage key={e.message} id="confirm-error" message={e.message} />
            ))}
            <div className="govuk-checkboxes" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="confirm" name="confirm" type="checkbox" value="yes" />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="confirm">{t("timebank.leave.confirm", { name: data.name })}</label>
              </div>
            </div>
          </div>
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">{t("timebank.leave.submit")}</button>
        </PostForm>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>{t("timebank.leave.back", { name: data.name })}</Link>
      </p>
    </>
  );
}
