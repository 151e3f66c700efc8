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
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { cancelSignUp, requireMeeting, signUp, signUpOf } from "../services/meetings/meetings.server";

export const meta = () => pageTitle("Sign up for a meeting");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const meetingId = idFrom(params.meetingId);
  const meeting = await orErrorPage(requireMeeting(context.db, meetingId));
  const mine = await signUpOf(context.db, meetingId, user.id);
  return json({
    meeting: { id: meeting.id, title: meeting.title, when: `${meetingDay(meeting.date)}, ${meeting.startTime} to ${meeting.endTime}` },
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
        <h1 className="govuk-heading-l">{signedUp ? "Change your sign-up" : "Sign up for this meeting"}</h1>
        <p className="govuk-body">{meeting.when}</p>
        <p className="govuk-body">Tell the organisers what you need so you can take part fully. Only the organisers see this.</p>
        <PostForm action={`/meetings/${meeting.id}/sign-up`}>
          <Checkboxes name="needs" legend="What do you need?" hint="Select all that apply" options={ACCESS_REQUIREMENTS.map((r) => ({ value: r.key, label: r.label }))} checked={values.needs ? values.needs.split("\n") : []} errors={errors} />
          <TextArea name="dietaryNeeds" label="Dietary needs (optional)" hint="For example: vegetarian, halal, nut allergy" values={values} errors={errors} rows={2} />
          <TextArea name="otherNeeds" label="Anything else we should know (optional)" values={values} errors={errors} rows={3} />
          <SubmitButton>{signedUp ? "Save changes" : "Sign up"}</SubmitButton>
        </PostForm>
        {signedUp ? (
          <PostForm action={`/meetings/${meeting.id}/sign-up`}>
            <input type="hidden" name="intent" value="cancel" />
            <SubmitButton secondary>Cancel my sign-up</SubmitButton>
          </PostForm>
        ) : null}
      </div>
    </div>
  );
}
