import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, Radios, Select, SubmitButton, TextArea, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { CATEGORIES, ListingSchema } from "../domain/timebank/forms";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { createListing } from "../services/timebank/listings.server";
import { requireActiveMember, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle("Offer help or ask for it");

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
        <h1 className="govuk-heading-l">Offer help or ask for it</h1>
        <PostForm>
          <Radios
            name="kind"
            legend="Are you offering help or asking for it?"
            defaultValue={values.kind}
            errors={errors}
            options={[
              { value: "offer", label: "Offering help" },
              { value: "request", label: "Asking for help" },
            ]}
          />
          <Select name="category" label="Kind of help" options={[{ value: "", label: "Select the kind of help" }, ...CATEGORIES]} defaultValue={values.category} errors={errors} />
          <TextField name="title" label="Title" hint="For example: After-school childcare" defaultValue={values.title} errors={errors} maxLength={120} />
          <TextArea name="description" label="More about it (optional)" hint="When, where, anything people should know" defaultValue={values.description} errors={errors} maxLength={2000} />
          <SubmitButton>Publish</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
