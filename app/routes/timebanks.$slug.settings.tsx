// A coordinator changes the joining gift, the credit limits and the weekly pledge. New limits
// apply to every member's account at once (they are the ledger's bounds), or not at all.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { SuccessNotice } from "../components/notice";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { formatHoursNumber } from "../domain/timebank/hours";
import { SettingsSchema, settingsFromForm } from "../domain/timebank/settings";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { updateTimebankSettings } from "../services/timebank/admin.server";
import { requireCoordinator, requireTimebank } from "../services/timebank/timebanks.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("timebankAdmin.settings.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  await orErrorPage(Promise.resolve().then(() => requireCoordinator(user, timebank)));
  return json({
    slug: timebank.slug,
    name: timebank.name,
    current: {
      gift: formatHoursNumber(timebank.joiningGiftCentihours),
      below: formatHoursNumber(-timebank.minBalanceCentihours),
      above: formatHoursNumber(timebank.maxBalanceCentihours),
      pledge: timebank.pledgeCentihoursPerWeek === null ? "" : formatHoursNumber(timebank.pledgeCentihoursPerWeek),
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, SettingsSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await updateTimebankSettings(context.db, user, slug, settingsFromForm(form.data));
  } catch (error) {
    return domainErrorToForm(error, form.values, "below");
  }
  return redirect(`/timebanks/${slug}/settings?saved=1`);
}

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  const values = result?.values ?? data.current;
  return (
    <>
      <ErrorSummary errors={errors} />
      {params.get("saved") && !errors ? <SuccessNotice>{t("timebankAdmin.settings.saved")}</SuccessNotice> : null}
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebankAdmin.settings.heading")}</h1>
      <PostForm>
        <TextField name="gift" label={t("timebankAdmin.settings.gift.label")} hint={t("timebankAdmin.settings.gift.hint")} defaultValue={values.gift} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <TextField name="below" label={t("timebankAdmin.settings.below.label")} hint={t("timebankAdmin.settings.below.hint")} defaultValue={values.below} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <TextField name="above" label={t("timebankAdmin.settings.above.label")} hint={t("timebankAdmin.settings.above.hint")} defaultValue={values.above} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <div className="govuk-inset-text">
          {t("timebankAdmin.settings.limitsInset")}
        </div>
        <TextField name="pledge" label={t("timebankAdmin.settings.pledge.label")} hint={t("timebankAdmin.settings.pledge.hint")} defaultValue={values.pledge} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
        <SubmitButton>{t("timebankAdmin.settings.button")}</SubmitButton>
      </PostForm>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>{t("timebankAdmin.backTo", { name: data.name })}</Link>
      </p>
    </>
  );
}
