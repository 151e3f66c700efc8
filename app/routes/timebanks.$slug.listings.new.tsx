import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, Radios, Select, SubmitButton, TextArea, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { ListingSchema, categoryOptions } from "../domain/timebank/forms";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { createListing } from "../services/timebank/listings.server";
import { requireActiveMember, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle(t("timebank.listingNew.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  await orErrorPage(requireActiveMember(context.db, user, timebank));
  return json({ name: timebank.name });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, ListingSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  let id: number;
  try {
    id = await createListing(context.db, user, slug, form.data);
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
  return redirect(`/timebanks/${slug}/listings/${id}`);
}

export default function NewListing() {
  const { name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">{t("timebank.listingNew.title")}</h1>
        <PostForm>
          <Radios
            name="kind"
            legend={t("timebank.listingNew.kind.legend")}
            defaultValue={values.kind}
            errors={errors}
            options={[
              { value: "offer", label: t("timebank.listingNew.kind.offer") },
              { value: "request", label: t("timebank.listingNew.kind.request") },
            ]}
          />
          <Select name="category" label={t("timebank.listingNew.category.label")} options={[{ value: "", label: t("timebank.listingNew.category.select") }, ...categoryOptions()]} defaultValue={values.category} errors={errors} />
          <TextField name="title" label={t("timebank.listingNew.titleField.label")} hint={t("timebank.listingNew.titleField.hint")} defaultValue={values.title} errors={errors} maxLength={120} />
          <TextArea name="description" label={t("timebank.listingNew.description.label")} hint={t("timebank.listingNew.description.hint")} defaultValue={values.description} errors={errors} maxLength={2000} />
          <SubmitButton>{t("timebank.listingNew.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
