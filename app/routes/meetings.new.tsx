// An organiser creates a meeting: when and where, access details, agenda, the level of
// involvement on the ladder of participation, and what people get for taking part.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary, PostForm, Radios, Select, SubmitButton, TextField } from "../components/form";
import { LadderOfParticipation } from "../components/meetings/meeting-bits";
import { pageTitle } from "../components/page-title";
import { TextArea } from "../components/round-form";
import { MeetingSchema } from "../domain/meetings/forms";
import { LADDER, VENUE_FEATURES } from "../domain/meetings/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { canOrganiseMeetings } from "../services/meetings/access.server";
import { createMeeting, organiserChoices } from "../services/meetings/meetings.server";

export const meta = () => pageTitle("Create a meeting");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  if (!canOrganiseMeetings(user)) throw json({ message: "Only council officers, timebank coordinators and administrators can create meetings" }, { status: 403 });
  const choices = await organiserChoices(context.db, user);
  const names = new Map(choices.organisations.map((o) => [o.id, o.name]));
  return json({
    organisations: choices.organisations.map((o) => ({ value: String(o.id), label: o.name })),
    rounds: choices.rounds.map((r) => ({ value: String(r.id), label: `${r.title} (${names.get(r.organisationId) ?? ""})` })),
    timebanks: choices.timebanks.map((t) => ({ value: String(t.id), label: `${t.name} (${names.get(t.organisationId) ?? ""})` })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const values = await readFormValues(request, context);
  const form = parseValues(values, MeetingSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  let meetingId: number;
  try {
    const { creditHours, involvementPayment, ...rest } = form.data;
    meetingId = await createMeeting(context.db, actorFrom(context), { ...rest, creditCentihours: creditHours, involvementPaymentMinor: involvementPayment });
  } catch (error) {
    return domainErrorToForm(error, values);
  }
  return redirect(`/meetings/${meetingId}/organise`);
}

export default function NewMeeting() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values: Record<string, string> = result && "values" in result ? result.values : {};
  const levels = LADDER.filter((rung) => !rung.avoid).map((rung) => ({ value: rung.level, label: rung.label, hint: rung.explanation }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Create a meeting</h1>
        <PostForm action="/meetings/new">
          <TextField name="title" label="Title" hint="For example: Northfield budget round public meeting" defaultValue={values.title} errors={errors} maxLength={200} />
          <Select name="organisationId" label="Organisation running the meeting" options={[...(data.organisations.length > 1 ? [{ value: "", label: "Select an organisation" }] : []), ...data.organisations]} defaultValue={values.organisationId} errors={errors} />
          <Select name="roundId" label="Budget round (optional)" options={[{ value: "", label: "None" }, ...data.rounds]} defaultValue={values.roundId} errors={errors} />
          <Select name="timebankId" label="Timebank (optional, needed to give hours)" options={[{ value: "", label: "None" }, ...data.timebanks]} defaultValue={values.timebankId} errors={errors} />
          <TextField name="date" label="Date" hint="For example, 2026-12-03" defaultValue={values.date} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
          <TextField name="startTime" label="Start time" hint="In 24-hour time, for example 18:30" defaultValue={values.startTime} errors={errors} widthClass="govuk-input--width-5" maxLength={5} />
          <TextField name="endTime" label="End time" hint="In 24-hour time, for example 20:00" defaultValue={values.endTime} errors={errors} widthClass="govuk-input--width-5" maxLength={5} />
          <TextField name="venueName" label="Venue" hint="For example: Millbrook Community Centre, main hall" defaultValue={values.venueName} errors={errors} maxLength={200} />
          <TextArea name="venueAddress" label="Venue address" values={values} errors={errors} rows={3} />
          <Checkboxes name="venue" legend="Accessibility at the venue" hint="Select all that apply" options={VENUE_FEATURES.map((f) => ({ value: f.key, label: f.label }))} checked={values.venue ? values.venue.split("\n") : []} errors={errors} />
          <TextArea name="accessNotes" label="Access details (optional)" hint="For example: nearest bus stop, parking, where the quiet room is" values={values} errors={errors} rows={3} />
          <TextArea name="agenda" label="Agenda" hint="One item per line" values={values} errors={errors} rows={6} />
          <Radios name="involvement" legend="Level of involvement the meeting offers" hint="This is shown to people with what it means for them. Coercion and educating are on the ladder as what to avoid, so they cannot be chosen." options={levels} defaultValue={values.involvement} errors={errors} />
          <LadderOfParticipation />
          <h2 className="govuk-heading-m">Recognition for taking part</h2>
          <TextField name="creditHours" label="Hours credit for each person who attends (optional)" hint="Given through the timebank to its members, in quarter hours, like 1 or 1.5" defaultValue={values.creditHours} errors={errors} widthClass="govuk-input--width-5" maxLength={10} inputMode="decimal" />
          <TextField name="involvementPayment" label="Payment for involvement for each person who attends (optional)" hint="In pounds, like 20.00. Up to £200. Paid from the organisation's account on the day" defaultValue={values.involvementPayment} errors={errors} widthClass="govuk-input--width-5" maxLength={12} inputMode="decimal" />
          <SubmitButton>Create the meeting</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
