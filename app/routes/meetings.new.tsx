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
import { t } from "../i18n/translate";
import { actorFrom, requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { canOrganiseMeetings } from "../services/meetings/access.server";
import { createMeeting, organiserChoices } from "../services/meetings/meetings.server";

export const meta = () => pageTitle(t("meetings.new.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  if (!canOrganiseMeetings(user)) throw json({ message: t("meetings.new.notAllowed") }, { status: 403 });
  const choices = await organiserChoices(context.db, user);
  const names = new Map(choices.organisations.map((o) => [o.id, o.name]));
  return json({
    organisations: choices.organisations.map((o) => ({ value: String(o.id), label: o.name })),
    rounds: choices.rounds.map((r) => ({ value: String(r.id), label: t("meetings.new.option", { name: r.title, organisation: names.get(r.organisationId) ?? "" }) })),
    timebanks: choices.timebanks.map((tb) => ({ value: String(tb.id), label: t("meetings.new.option", { name: tb.name, organisation: names.get(tb.organisationId) ?? "" }) })),
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
  const levels = LADDER.filter((rung) => !rung.avoid).map((rung) => ({ value: rung.level, label: t(rung.label), hint: t(rung.explanation) }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("meetings.new.title")}</h1>
        <PostForm action="/meetings/new">
          <TextField name="title" label={t("meetings.new.field.title")} hint={t("meetings.new.field.title.hint")} defaultValue={values.title} errors={errors} maxLength={200} />
          <Select name="organisationId" label={t("meetings.new.field.organisation")} options={[...(data.organisations.length > 1 ? [{ value: "", label: t("meetings.new.field.organisation.choose") }] : []), ...data.organisations]} defaultValue={values.organisationId} errors={errors} />
          <Select name="roundId" label={t("meetings.new.field.round")} options={[{ value: "", label: t("meetings.new.field.none") }, ...data.rounds]} defaultValue={values.roundId} errors={errors} />
          <Select name="timebankId" label={t("meetings.new.field.timebank")} options={[{ value: "", label: t("meetings.new.field.none") }, ...data.timebanks]} defaultValue={values.timebankId} errors={errors} />
          <TextField name="date" label={t("meetings.new.field.date")} hint={t("meetings.new.field.date.hint")} defaultValue={values.date} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
          <TextField name="startTime" label={t("meetings.new.field.startTime")} hint={t("meetings.new.field.startTime.hint")} defaultValue={values.startTime} errors={errors} widthClass="govuk-input--width-5" maxLength={5} />
          <TextField name="endTime" label={t("meetings.new.field.endTime")} hint={t("meetings.new.field.endTime.hint")} defaultValue={values.endTime} errors={errors} widthClass="govuk-input--width-5" maxLength={5} />
          <TextField name="venueName" label={t("meetings.new.field.venueName")} hint={t("meetings.new.field.venueName.hint")} defaultValue={values.venueName} errors={errors} maxLength={200} />
          <TextArea name="venueAddress" label={t("meetings.new.field.venueAddress")} values={values} errors={errors} rows={3} />
          <Checkboxes name="venue" legend={t("meetings.new.field.venue")} hint={t("meetings.new.field.venue.hint")} options={VENUE_FEATURES.map((f) => ({ value: f.key, label: t(f.label) }))} checked={values.venue ? values.venue.split("\n") : []} errors={errors} />
          <TextArea name="accessNotes" label={t("meetings.new.field.accessNotes")} hint={t("meetings.new.field.accessNotes.hint")} values={values} errors={errors} rows={3} />
          <TextArea name="agenda" label={t("meetings.new.field.agenda")} hint={t("meetings.new.field.agenda.hint")} values={values} errors={errors} rows={6} />
          <Radios name="involvement" legend={t("meetings.new.field.involvement")} hint={t("meetings.new.field.involvement.hint")} options={levels} defaultValue={values.involvement} errors={errors} />
          <LadderOfParticipation />
          <h2 className="govuk-heading-m">{t("meetings.new.recognition")}</h2>
          <TextField name="creditHours" label={t("meetings.new.field.creditHours")} hint={t("meetings.new.field.creditHours.hint")} defaultValue={values.creditHours} errors={errors} widthClass="govuk-input--width-5" maxLength={10} inputMode="decimal" />
          <TextField name="involvementPayment" label={t("meetings.new.field.involvementPayment")} hint={t("meetings.new.field.involvementPayment.hint")} defaultValue={values.involvementPayment} errors={errors} widthClass="govuk-input--width-5" maxLength={12} inputMode="decimal" />
          <SubmitButton>{t("meetings.new.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
