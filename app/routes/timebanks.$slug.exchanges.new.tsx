// A member records time they gave to another member; the receiver then confirms it.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, Select, SubmitButton, TextArea, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { todayInLondon } from "../domain/timebank/dates";
import { GiverRecordSchema, TIMEBANK_LIMITS, categoryOptions } from "../domain/timebank/forms";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { recordAsGiver } from "../services/timebank/exchanges.server";
import { activeMembers, requireActiveMember, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle(t("timebank.exchangeNew.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  const me = await orErrorPage(requireActiveMember(context.db, user, timebank));
  const members = await activeMembers(context.db, timebank.id);
  return json({
    slug: timebank.slug,
    name: timebank.name,
    today: todayInLondon(),
    members: members.filter((m) => m.memberId !== me.memberId).map((m) => ({ value: String(m.memberId), label: m.name })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, GiverRecordSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  let id: number;
  try {
    const { hours, receiverId, ...details } = form.data;
    id = await recordAsGiver(context.db, user, slug, { ...details, receiverId, centihours: hours });
  } catch (error) {
    return domainErrorToForm(error, form.values, "hours");
  }
  return redirect(`/timebanks/${slug}/exchanges/${id}`);
}

export default function NewExchange() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.name}</span>
        <h1 className="govuk-heading-l">{t("timebank.exchangeNew.title")}</h1>
        <p className="govuk-body">{t("timebank.exchangeNew.intro")}</p>
        <PostForm>
          <Select name="receiverId" label={t("timebank.exchangeNew.receiver.label")} options={[{ value: "", label: t("timebank.exchangeNew.receiver.select") }, ...data.members]} defaultValue={values.receiverId} errors={errors} />
          <TextField name="hours" label={t("timebank.exchangeNew.hours.label")} hint={t("timebank.exchangeNew.hours.hint")} defaultValue={values.hours} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={TIMEBANK_LIMITS.hoursChars} />
          <TextField name="date" label={t("timebank.exchangeNew.date.label")} hint={t("timebank.exchangeNew.date.hint")} defaultValue={values.date ?? data.today} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
          <Select name="category" label={t("timebank.exchangeNew.category.label")} options={[{ value: "", label: t("timebank.exchangeNew.category.select") }, ...categoryOptions()]} defaultValue={values.category} errors={errors} />
          <TextArea name="description" label={t("timebank.exchangeNew.description.label")} defaultValue={values.description} errors={errors} maxLength={TIMEBANK_LIMITS.descriptionChars} />
          <SubmitButton>{t("timebank.exchangeNew.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
