// A person asks to join a timebank, with a short profile a coordinator reads before approving.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ProfileFields } from "../components/timebank/profile-fields";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { MemberProfileSchema } from "../domain/timebank/forms";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { applyToJoin } from "../services/timebank/members.server";
import { requireTimebank } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle(t("timebank.join.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  const timebank = await orErrorPage(requireTimebank(context.db, slugFrom(params)));
  return json({ name: timebank.name, gift: timebank.joiningGiftCentihours > 0n });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, MemberProfileSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await applyToJoin(context.db, user, slug, form.data);
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
  return redirect(`/timebanks/${slug}?notice=applied`);
}

export default function Join() {
  const { name, gift } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const values = data?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">{t("timebank.join.heading")}</h1>
        <p className="govuk-body">{gift ? t("timebank.join.introWithGift") : t("timebank.join.intro")}</p>
        <PostForm>
          <ProfileFields values={values} errors={errors} />
          <SubmitButton>{t("timebank.join.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
