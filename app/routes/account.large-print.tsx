// Large print: a person's setting that enlarges every page while they are signed in.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, Radios, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { t } from "../i18n";
import { actorFrom, requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { setLargePrint } from "../services/preferences.server";

export const meta = () => pageTitle(t("account.largePrint.title"));

const LargePrintSchema = z.object({
  largePrint: z.enum(["yes", "no"], { error: t("account.largePrint.missing") }),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return json({ largePrint: user.largePrint });
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const form = await readForm(request, context, LargePrintSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  const largePrint = form.data.largePrint === "yes";
  try {
    await setLargePrint(context.db, actorFrom(context), largePrint);
  } catch (error) {
    return domainErrorToForm(error, form.values, "largePrint");
  }
  return redirect(`/account?largePrint=${largePrint ? "on" : "off"}`);
}

export default function LargePrint() {
  const { largePrint } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("account.largePrint.title")}</h1>
        <PostForm>
          <Radios
            name="largePrint"
            legend={t("account.largePrint.legend")}
            hint={t("account.largePrint.hint")}
            options={[
              { value: "yes", label: t("account.largePrint.yes") },
              { value: "no", label: t("account.largePrint.no") },
            ]}
            defaultValue={data?.values?.largePrint ?? (largePrint ? "yes" : "no")}
            errors={errors}
          />
          <SubmitButton>{t("common.save")}</SubmitButton>
        </PostForm>
        <p className="govuk-body">
          {t("account.largePrint.printHint")}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/account">
            {t("account.largePrint.back")}
          </Link>
        </p>
      </div>
    </div>
  );
}
