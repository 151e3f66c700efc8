// An admin, or a coordinator of an organisation, starts a timebank for it: name, web address,
// joining gift, credit limits and pledge. The organisation becomes its first member.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, Select, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { TextArea } from "../components/round-form";
import { NewTimebankSchema, settingsFromForm } from "../domain/timebank/settings";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { createTimebankAs, organisationsForNewTimebank } from "../services/timebank/admin.server";

export const meta = () => pageTitle("Start a timebank");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const organisations = await organisationsForNewTimebank(context.db, user);
  if (organisations.length === 0) throw json({ message: "Only an administrator or a coordinator of an organisation can start a timebank" }, { status: 403 });
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
      <h1 className="govuk-heading-l">Start a timebank</h1>
      <PostForm>
        <Select name="organisationId" label="Organisation that runs it" options={[{ value: "", label: "Select an organisation" }, ...data.organisations]} defaultValue={values.organisationId} errors={errors} />
        <TextField name="name" label="Name" hint="Like Harbour House timebank" defaultValue={values.name} errors={errors} maxLength={200} />
        <TextField name="slug" label="Web address name" hint="Lower-case letters, numbers and dashes, like harbour-house. It cannot be changed later." defaultValue={values.slug} errors={errors} maxLength={63} spellCheck={false} widthClass="govuk-input--width-20" />
        <TextArea name="description" label="Description (optional)" values={values} errors={errors} rows={3} />
        <TextField name="gift" label="Hours a new member starts with" hint="In quarter hours, like 2. Enter 0 for none." defaultValue={values.gift} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <TextField name="below" label="How far below zero a member's balance may go, in hours" hint="Like 10. Enter 0 if balances may not go below zero." defaultValue={values.below} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <TextField name="above" label="Highest balance allowed, in hours" hint="Like 100" defaultValue={values.above} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <TextField name="pledge" label="Hours each member pledges a week (optional)" hint="Like 5. Leave empty for no pledge." defaultValue={values.pledge} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <SubmitButton>Start the timebank</SubmitButton>
      </PostForm>
      <p className="govuk-body">
        <Link className="govuk-link" to="/timebanks">Back to timebanks</Link>
      </p>
    </>
  );
}
