// A signed-in person signs up for a meeting with their access requirements, changes them, or cancels.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary, PostForm, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { TextArea } from "../components/round-form";
import { idFrom, orErrorPage } from "../components/timebank/route-helpers.server";
import { SignUpSchema } from "../domain/meetings/forms";
import { ACCESS_REQUIREMENTS, meetingDay } from "../domain/meetings/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { t } from "../i18n/translate";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { cancelSignUp, requireMeeting, signUp, signUpOf } from "../services/meetings/meetings.server";

export const meta = () => pageTitle(t("meetings.signUp.pageTitle"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const meetingId = idFrom(params.meetingId);
  const meeting = await orErrorPage(requireMeeting(context.db, meetingId));
  const mine = await signUpOf(context.db, meetingId, user.id);
  return json({
    meeting: { id: meeting.id, title: meeting.title, when: t("meetings.when", { day: meetingDay(meeting.date), startTime: meeting.startTime, endTime: meeting.endTime }) },
    signedUp: mine?.status === "signed_up",
    saved: mine
      ? { needs: ACCESS_REQUIREMENTS.filter((r) => mine.requirements[r.key]).map((r) => r.key).join("\n"), dietaryNeeds: mine.dietaryNeeds, otherNeeds: mine.otherNeeds }
      : { needs: "", dietaryNeeds: "", otherNeeds: "" },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const meetingId = idFrom(params.meetingId);
  const values = await readFormValues(request, context);
  try {
    if (values.intent === "cancel") {
      await cancelSignUp(context.db, actorFrom(context), meetingId);
      return redirect(`/meetings/${meetingId}`);
    }
    const form = parseValues(values, SignUpSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    await signUp(context.db, actorFrom(context), meetingId, { requirements: form.data.needs, dietaryNeeds: form.data.dietaryNeeds, otherNeeds: form.data.otherNeeds });
  } catch (error) {
    return domainErrorToForm(error, values);
  }
  return redirect(`/meetings/${meetingId}`);
}

export default function SignUp() {
  const { meeting, signedUp, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values: Record<string, string> = result && "values" in result ? result.values : saved;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{meeting.title}</span>
        <h1 className="govuk-heading-l">{t(signedUp ? "meetings.signUp.titleChange" : "meetings.signUp.title")}</h1>
        <p className="govuk-body">{meeting.when}</p>
        <p className="govuk-body">{t("meetings.signUp.intro")}</p>
        <PostForm action={`/meetings/${meeting.id}/sign-up`}>
          <Checkboxes name="needs" legend={t("meetings.signUp.needs")} hint={t("meetings.signUp.needs.hint")} options={ACCESS_REQUIREMENTS.map((r) => ({ value: r.key, label: t(r.label) }))} checked={values.needs ? values.needs.split("\n") : []} errors={errors} />
          <TextArea name="dietaryNeeds" label={t("meetings.signUp.dietaryNeeds")} hint={t("meetings.signUp.dietaryNeeds.hint")} values={values} errors={errors} rows={2} />
          <TextArea name="otherNeeds" label={t("meetings.signUp.otherNeeds")} values={values} errors={errors} rows={3} />
          <SubmitButton>{t(signedUp ? "meetings.signUp.save" : "meetings.signUp.submit")}</SubmitButton>
        </PostForm>
        {signedUp ? (
          <PostForm action={`/meetings/${meeting.id}/sign-up`}>
            <input type="hidden" name="intent" value="cancel" />
            <SubmitButton secondary>{t("meetings.signUp.cancel")}</SubmitButton>
          </PostForm>
        ) : null}
      </div>
    </div>
  );
}
