// A coordinator records an exchange on behalf of the members in it (many are not online). It is
// confirmed and posted at once. Several receivers: a class. Several givers: a clean-up day.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary, PostForm, Select, SubmitButton, TextArea, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { todayInLondon } from "../domain/timebank/dates";
import { CATEGORIES, CoordinatorRecordSchema, TIMEBANK_LIMITS } from "../domain/timebank/forms";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { recordOnBehalf } from "../services/timebank/exchanges.server";
import { activeMembers, requireCoordinator, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle("Record an exchange for members");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  await orErrorPage(Promise.resolve().then(() => requireCoordinator(user, timebank)));
  const members = await activeMembers(context.db, timebank.id);
  return json({
    slug: timebank.slug,
    name: timebank.name,
    today: todayInLondon(),
    members: members.map((m) => ({ value: String(m.memberId), label: m.isOrganisation ? `${m.name} (organisation)` : m.name })),
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
        <h1 className="govuk-heading-l">Record an exchange for members</h1>
        <p className="govuk-body">
          You are recording this on behalf of everyone in it, so it is confirmed straight away. Check the details with them first.
        </p>
        <PostForm>
          <Checkboxes
            name="giverIds"
            legend="Who gave the time?"
            hint="Select one person, or several for a group such as a clean-up day"
            options={data.members}
            checked={split(values.giverIds)}
            errors={errors}
          />
          <Checkboxes
            name="receiverIds"
            legend="Who received it?"
            hint="Select one person or organisation, or several people for a class (they share the giver's hours)"
            options={data.members}
            checked={split(values.receiverIds)}
            errors={errors}
          />
          <TextField
            name="hours"
            label="Hours given"
            hint="By each giver, in quarter hours, like 1, 1.5 or 0.75"
            defaultValue={values.hours}
            errors={errors}
            inputMode="decimal"
            widthClass="govuk-input--width-5"
            maxLength={TIMEBANK_LIMITS.hoursChars}
          />
          <TextField name="date" label="Date" hint="Year-month-day, like 2026-11-23" defaultValue={values.date ?? data.today} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
          <Select name="category" label="Kind of help" options={[{ value: "", label: "Select the kind of help" }, ...CATEGORIES]} defaultValue={values.category} errors={errors} />
          <TextArea name="description" label="What was done?" defaultValue={values.description} errors={errors} maxLength={TIMEBANK_LIMITS.descriptionChars} />
          <SubmitButton>Record exchange</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
