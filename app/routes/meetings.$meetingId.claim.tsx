// A participant claims travel, childcare or care cover, after a warning that payments may affect
// benefits; they choose to be paid, not to be paid, or to give it to a named charity.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextField } from "../components/form";
import { BenefitsWarning } from "../components/meetings/meeting-bits";
import { pageTitle } from "../components/page-title";
import { idFrom, orErrorPage } from "../components/timebank/route-helpers.server";
import { ClaimSchema } from "../domain/meetings/forms";
import { EXPENSE_CHOICES, EXPENSE_KINDS } from "../domain/meetings/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { t } from "../i18n/translate";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { claimExpense } from "../services/meetings/expenses.server";
import { requireMeeting } from "../services/meetings/meetings.server";

export const meta = () => pageTitle(t("meetings.claim.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  const meeting = await orErrorPage(requireMeeting(context.db, idFrom(params.meetingId)));
  return json({ meeting: { id: meeting.id, title: meeting.title, organisationName: meeting.organisationName } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const meetingId = idFrom(params.meetingId);
  const values = await readFormValues(request, context);
  const form = parseValues(values, ClaimSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await claimExpense(context.db, actorFrom(context), meetingId, { kind: form.data.kind, amountMinor: form.data.amount, description: form.data.description, choice: form.data.choice, charityName: form.data.charityName });
  } catch (error) {
    return domainErrorToForm(error, values);
  }
  return redirect(`/meetings/${meetingId}`);
}

export default function Claim() {
  const { meeting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values: Record<string, string> = result && "values" in result ? result.values : {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{meeting.title}</span>
        <h1 className="govuk-heading-l">{t("meetings.claim.title")}</h1>
        <p className="govuk-body">{t("meetings.claim.intro", { organisation: meeting.organisationName })}</p>
        <PostForm action={`/meetings/${meeting.id}/claim`}>
          <Radios name="kind" legend={t("meetings.claim.kind")} options={EXPENSE_KINDS.map((k) => ({ value: k.kind, label: t(k.label), hint: t(k.hint) }))} defaultValue={values.kind} errors={errors} />
          <TextField name="amount" label={t("meetings.claim.amount")} hint={t("meetings.claim.amount.hint")} defaultValue={values.amount} errors={errors} widthClass="govuk-input--width-5" maxLength={12} inputMode="decimal" />
          <TextField name="description" label={t("meetings.claim.description")} hint={t("meetings.claim.description.hint")} defaultValue={values.description} errors={errors} maxLength={200} />
          <h2 className="govuk-heading-m">{t("meetings.claim.wantPaid")}</h2>
          <BenefitsWarning />
          <Radios name="choice" legend={t("meetings.claim.choice")} options={EXPENSE_CHOICES.map((c) => ({ value: c.choice, label: t(c.label) }))} defaultValue={values.choice} errors={errors} />
          <TextField name="charityName" label={t("meetings.claim.charityName")} hint={t("meetings.claim.charityName.hint")} defaultValue={values.charityName} errors={errors} maxLength={200} />
          <SubmitButton>{t("meetings.claim.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
