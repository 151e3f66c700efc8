// A coordinator rewards attendance at a co-production meeting (a budget round's public meeting)
// with hours from a sponsoring organisation, in one entry.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Checkboxes, ErrorSummary, PostForm, Select, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { ParticipationSchema } from "../domain/timebank/forms";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { newRequestKey, rewardParticipation } from "../services/timebank/spending.server";
import { activeMembers, requireCoordinator, requireTimebank } from "../services/timebank/timebanks.server";
import { t, tp } from "../i18n/translate";

export const meta = () => pageTitle(t("timebankAdmin.participation.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  await orErrorPage(Promise.resolve().then(() => requireCoordinator(user, timebank)));
  const members = await activeMembers(context.db, timebank.id);
  return json({
    slug: timebank.slug,
    name: timebank.name,
    requestKey: newRequestKey(),
    sponsors: members.filter((m) => m.isOrganisation).map((m) => ({ value: String(m.memberId), label: m.name })),
    people: members.filter((m) => !m.isOrganisation).map((m) => ({ value: String(m.memberId), label: m.name })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const key = (new URL(request.url).searchParams.get("key") ?? "").replace(/[^a-f0-9]/g, "").slice(0, 24);
  const form = await readForm(request, context, ParticipationSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  if (!key) return formErrors([{ field: "form", message: t("timebankAdmin.form.expired") }], form.values);
  try {
    await rewardParticipation(context.db, user, slug, { sponsorMemberId: form.data.sponsorMemberId, memberIds: form.data.memberIds, centihours: form.data.hours, occasion: form.data.occasion, requestKey: key });
  } catch (error) {
    return domainErrorToForm(error, form.values, "hours");
  }
  return json({ done: { count: form.data.memberIds.length } });
}

export default function Participation() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && "done" in result) {
    return (
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">{t("timebankAdmin.participation.done.title")}</h1>
        <div className="govuk-panel__body">{tp("timebankAdmin.participation.done.thanked", result.done.count)}</div>
      </div>
    );
  }
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.name}</span>
        <h1 className="govuk-heading-l">{t("timebankAdmin.participation.title")}</h1>
        <PostForm action={`/timebanks/${data.slug}/participation?key=${data.requestKey}`}>
          <TextField name="occasion" label={t("timebankAdmin.participation.occasion.label")} hint={t("timebankAdmin.participation.occasion.hint")} defaultValue={values.occasion} errors={errors} maxLength={200} />
          <Select name="sponsorMemberId" label={t("timebankAdmin.participation.sponsor.label")} options={[{ value: "", label: t("timebankAdmin.participation.sponsor.select") }, ...data.sponsors]} defaultValue={values.sponsorMemberId} errors={errors} />
          <Checkboxes name="memberIds" legend={t("timebankAdmin.participation.people.legend")} options={data.people} checked={values.memberIds ? values.memberIds.split("\n") : []} errors={errors} />
          <TextField name="hours" label={t("timebankAdmin.participation.hours.label")} hint={t("timebankAdmin.participation.hours.hint")} defaultValue={values.hours} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
          <SubmitButton>{t("timebankAdmin.participation.button")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
