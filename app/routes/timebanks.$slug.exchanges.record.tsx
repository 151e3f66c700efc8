// A coordinator records an exchange on behalf of the members in it (many are not online). It is
// confirmed and posted at once. Several receivers: a class. Several givers: a clean-up day.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary, PostForm, Select, SubmitButton, TextArea, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { todayInLondon } from "../domain/timebank/dates";
import { CoordinatorRecordSchema, TIMEBANK_LIMITS, categoryOptions } from "../domain/timebank/forms";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { recordOnBehalf } from "../services/timebank/exchanges.server";
import { activeMembers, requireCoordinator, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle(t("timebank.exchangeRecord.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  await orErrorPage(Promise.resolve().then(() => requireCoordinator(user, timebank)));
  const members = await activeMembers(context.db, timebank.id);
  return json({
    slug: timebank.slug,
    name: timebank.name,
    today: todayInLondon(),
    members: members.map((m) => ({ value: String(m.memberId), label: m.isOrganisation ? t("timebank.exchangeRecord.organisation", { name: m.name }) : m.name })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, CoordinatorRecordSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  let exchangeId: number;
  try {
    const { hours, ...rest } = form.data;
    ({ exchangeId } = await recordOnBehalf(context.db, user, slug, { ...rest, centihours: hours }));
  } catch (error) {
    return domainErrorToForm(error, form.values, "hours");
  }
  return redirect(`/timebanks/${slug}/exchanges/${exchangeId}?notice=recorded`);
}

export default function RecordExchange() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  const split = (value: string | undefined) => (value ? value.split("\n") : []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.name}</span>
        <h1 className="govuk-heading-l">{t("timebank.exchangeRecord.title")}</h1>
        <p className="govuk-body">
          {t("timebank.exchangeRecord.intro")}
        </p>
        <PostForm>
          <Checkboxes
            name="giverIds"
            legend={t("timebank.exchangeRecord.givers.legend")}
            hint={t("timebank.exchangeRecord.givers.hint")}
            options={data.members}
            checked={split(values.giverIds)}
            errors={errors}
          />
          <Checkboxes
            name="receiverIds"
            legend={t("timebank.exchangeRecord.receivers.legend")}
            hint={t("timebank.exchangeRecord.receivers.hint")}
            options={data.members}
            checked={split(values.receiverIds)}
            errors={errors}
          />
          <TextField
            name="hours"
            label={t("timebank.exchangeRecord.hours.label")}
            hint={t("timebank.exchangeRecord.hours.hint")}
            defaultValue={values.hours}
            errors={errors}
            inputMode="decimal"
            widthClass="govuk-input--width-5"
            maxLength={TIMEBANK_LIMITS.hoursChars}
          />
          <TextField name="date" label={t("timebank.exchangeRecord.date.label")} hint={t("timebank.exchangeRecord.date.hint")} defaultValue={values.date ?? data.today} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
          <Select name="category" label={t("timebank.exchangeRecord.category.label")} options={[{ value: "", label: t("timebank.exchangeRecord.category.select") }, ...categoryOptions()]} defaultValue={values.category} errors={errors} />
          <TextArea name="description" label={t("timebank.exchangeRecord.description.label")} defaultValue={values.description} errors={errors} maxLength={TIMEBANK_LIMITS.descriptionChars} />
          <SubmitButton>{t("timebank.exchangeRecord.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
