// A coordinator takes a member off the timebank (someone who has moved out) and settles their
// balance: hours below zero are written off by the timebank, hours above zero go to the pot.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { RemoveMemberSchema } from "../domain/timebank/settings";
import { formatHours } from "../domain/timebank/view";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { removeMember } from "../services/timebank/admin.server";
import { getMember } from "../services/timebank/members.server";
import { requireCoordinator, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle(t("timebank.remove.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  await orErrorPage(Promise.resolve().then(() => requireCoordinator(user, timebank)));
  const member = await orErrorPage(getMember(context.db, user, timebank, idFrom(params.memberId)));
  const balance = member.balanceCentihours ?? 0n;
  return json({
    slug: timebank.slug,
    name: timebank.name,
    memberId: member.memberId,
    memberName: member.name,
    balance: formatHours(balance),
    what: balance < 0n ? t("timebank.remove.writtenOff", { hours: formatHours(-balance) }) : balance > 0n ? t("timebank.remove.toPot", { hours: formatHours(balance) }) : t("timebank.remove.nothing"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, RemoveMemberSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await removeMember(context.db, user, slug, idFrom(params.memberId), form.data.reason);
  } catch (error) {
    return domainErrorToForm(error, form.values, "reason");
  }
  return redirect(`/timebanks/${slug}/members`);
}

export default function RemoveMember() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values: Record<string, string> = result?.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebank.remove.heading", { name: data.memberName })}</h1>
      <p className="govuk-body">{tr("timebank.remove.balance", { balance: <strong>{data.balance}</strong>, what: data.what })}</p>
      <p className="govuk-body">{t("timebank.remove.whatHappens")}</p>
      <PostForm>
        <TextField name="reason" label={t("timebank.remove.reason.label")} hint={t("timebank.remove.reason.hint")} defaultValue={values.reason} errors={errors} maxLength={200} />
        <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">{t("timebank.remove.submit")}</button>
      </PostForm>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${data.memberId}`}>{t("timebank.remove.back", { name: data.memberName })}</Link>
      </p>
    </>
  );
}
