// An admin, or a coordinator of an organisation, starts a timebank for it: name, web address,
// joining gift, credit limits and pledge. The organisation becomes its first member.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, Select, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { TextArea } from "../components/round-form";
import { t } from "../i18n/translate";
import { NewTimebankSchema, settingsFromForm } from "../domain/timebank/settings";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { createTimebankAs, organisationsForNewTimebank } from "../services/timebank/admin.server";

export const meta = () => pageTitle(t("timebank.new.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const organisations = await organisationsForNewTimebank(context.db, user);
  if (organisations.length === 0) throw json({ message: t("timebank.new.forbidden") }, { status: 403 });
  return json({ organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const form = await readForm(request, context, NewTimebankSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    const { slug } = await createTimebankAs(context.db, user, { ...settingsFromForm(form.data), organisationId: form.data.organisationId, slug: form.data.slug, name: form.data.name, description: form.data.description });
    return redirect(`/timebanks/${slug}`);
  } catch (error) {
    return domainErrorToForm(error, form.values, "slug");
  }
}

export default function NewTimebank() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values: Record<string, string> = result?.values ?? { gift: "2", below: "10", above: "100" };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("timebank.new.title")}</h1>
      <PostForm>
        <Select name="organisationId" label={t("timebank.new.organisation.label")} options={[{ value: "", label: t("timebank.new.organisation.select") }, ...data.organisations]} defaultValue={values.organisationId} errors={errors} />
        <TextField name="name" label={t("timebank.new.name.label")} hint={t("timebank.new.name.hint")} defaultValue={values.name} errors={errors} maxLength={200} />
        <TextField name="slug" label={t("timebank.new.slug.label")} hint={t("timebank.new.slug.hint")} defaultValue={values.slug} errors={errors} maxLength={63} spellCheck={false} widthClass="govuk-input--width-20" />
        <TextArea name="description" label={t("timebank.new.description.label")} values={values} errors={errors} rows={3} />
        <TextField name="gift" label={t("timebank.new.gift.label")} hint={t("timebank.new.gift.hint")} defaultValue={values.gift} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <TextField name="below" label={t("timebank.new.below.label")} hint={t("timebank.new.below.hint")} defaultValue={values.below} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <TextField name="above" label={t("timebank.new.above.label")} hint={t("timebank.new.above.hint")} defaultValue={values.above} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <TextField name="pledge" label={t("timebank.new.pledge.label")} hint={t("timebank.new.pledge.hint")} defaultValue={values.pledge} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <SubmitButton>{t("timebank.new.submit")}</SubmitButton>
      </PostForm>
      <p className="govuk-body">
        <Link className="govuk-link" to="/timebanks">{t("timebank.new.back")}</Link>
      </p>
    </>
  );
}
