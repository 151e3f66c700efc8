// A coordinator sets one member's own weekly pledge (agreed with them), or puts them back on the
// timebank's pledge.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { formatHoursNumber } from "../domain/timebank/hours";
import { MemberPledgeSchema } from "../domain/timebank/settings";
import { formatHours } from "../domain/timebank/view";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { setMemberPledge } from "../services/timebank/admin.server";
import { getMember } from "../services/timebank/members.server";
import { requireCoordinator, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle(t("timebank.memberPledge.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  await orErrorPage(Promise.resolve().then(() => requireCoordinator(user, timebank)));
  const member = await orErrorPage(getMember(context.db, user, timebank, idFrom(params.memberId)));
  return json({
    slug: timebank.slug,
    name: timebank.name,
    memberId: member.memberId,
    memberName: member.name,
    timebankPledge: timebank.pledgeCentihoursPerWeek === null ? t("timebank.memberPledge.timebankPledge.none") : t("timebank.memberPledge.timebankPledge.weekly", { pledge: formatHours(timebank.pledgeCentihoursPerWeek) }),
    choice: member.pledgeCentihoursPerWeek === null ? "timebank" : "own",
    own: member.pledgeCentihoursPerWeek === null ? "" : formatHoursNumber(member.pledgeCentihoursPerWeek),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const memberId = idFrom(params.memberId);
  const form = await readForm(request, context, MemberPledgeSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  if (form.data.choice === "own" && form.data.pledge === null) return formErrors([{ field: "pledge", message: t("timebank.memberPledge.ownMissing") }], form.values);
  try {
    await setMemberPledge(context.db, user, slug, memberId, form.data.choice === "own" ? form.data.pledge : null);
  } catch (error) {
    return domainErrorToForm(error, form.values, "pledge");
  }
  return redirect(`/timebanks/${slug}/members/${memberId}`);
}

export default function MemberPledge() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values: Record<string, string> = result?.values ?? { choice: data.choice, pledge: data.own };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebank.memberPledge.heading", { name: data.memberName })}</h1>
      <PostForm>
        <Radios
          name="choice"
          legend={t("timebank.memberPledge.choice.legend")}
          options={[
            { value: "timebank", label: t("timebank.memberPledge.choice.timebank", { pledge: data.timebankPledge }) },
            { value: "own", label: t("timebank.memberPledge.choice.own"), hint: t("timebank.memberPledge.choice.own.hint") },
          ]}
          defaultValue={values.choice}
          errors={errors}
        />
        <TextField name="pledge" label={t("timebank.memberPledge.pledge.label")} hint={t("timebank.memberPledge.pledge.hint")} defaultValue={values.pledge} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <SubmitButton>{t("timebank.memberPledge.submit")}</SubmitButton>
      </PostForm>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${data.memberId}`}>{t("timebank.memberPledge.back", { name: data.memberName })}</Link>
      </p>
    </>
  );
}
