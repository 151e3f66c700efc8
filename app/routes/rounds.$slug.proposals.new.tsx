import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ProposalFields } from "../components/proposal-fields";
import { ProposalFormSchema } from "../domain/rounds/forms";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrors, readForm } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { submitProposal } from "../services/rounds/proposals.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.proposalNew.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  const { round } = await roundForPage(context, params.slug);
  return json({ round: { title: round.title, phase: round.phase, area: round.area } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const { round } = await roundForPage(context, params.slug);
  const form = await readForm(request, context, ProposalFormSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    const id = await submitProposal(context.db, actorFrom(context), round.id, {
      ...form.data,
      costMinor: form.data.cost,
      costLines: form.data.costLines,
      coauthorEmails: form.data.coauthors,
    });
    return redirect(`/proposals/${id}?submitted=1`);
  } catch (error) {
    return formErrors([pageErrorFrom(error)], form.values);
  }
}

export default function NewProposal() {
  const { round } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const values = data?.values ?? {};
  const errors = data?.errors;
  if (round.phase !== "proposals") {
    return (
      <>
        <h1 className="govuk-heading-l">{t("rounds.proposalNew.closed")}</h1>
        <p className="govuk-body">{t("rounds.proposalNew.closed.body", { round: round.title })}</p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{round.title}</span>
        <h1 className="govuk-heading-l">{t("rounds.proposalNew.title")}</h1>
        <PostForm>
          <ProposalFields values={values} errors={errors} defaultArea={round.area ?? ""} />
          <SubmitButton>{t("rounds.proposalNew.button")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
