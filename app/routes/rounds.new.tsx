import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { RoundForm } from "../components/round-form";
import { RoundFormSchema } from "../domain/rounds/forms";
import { actorFrom, requireRole } from "../http/auth.server";
import { formErrors, parseValues, readFormValues } from "../http/forms.server";
import { roundInputFrom } from "../http/round-form.server";
import { pageErrorFrom } from "../http/rounds.server";
import { createRound } from "../services/rounds/rounds.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.new.title"));

function councilsOf(user: { roles: { role: string; organisationId: number | null }[] }) {
  return user.roles.filter((r) => r.role === "officer" && r.organisationId !== null).map((r) => r.organisationId!);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, ["officer"]);
  return json({ councils: councilsOf(user) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireRole(request, context, ["officer"]);
  const values = await readFormValues(request, context);
  const form = parseValues(values, RoundFormSchema);
  if (!form.ok) return formErrors(form.errors, values);
  const councils = councilsOf(user);
  // An officer creates rounds for the council they work for (the first, if several).
  const organisationId = councils[0] ?? 0;
  try {
    const round = await createRound(context.db, actorFrom(context), organisationId, roundInputFrom(form.data));
    return redirect(`/rounds/${round.slug}`);
  } catch (error) {
    return formErrors([pageErrorFrom(error)], values);
  }
}

export default function NewRound() {
  const { councils } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("rounds.new.title")}</h1>
        {councils.length === 0 ? <p className="govuk-body">{t("rounds.new.notOfficer")}</p> : null}
        <RoundForm values={data?.values ?? {}} errors={data?.errors} button={t("rounds.new.button")} />
      </div>
    </div>
  );
}
