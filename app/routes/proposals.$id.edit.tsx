import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ProposalFields } from "../components/proposal-fields";
import { formatMinor } from "../domain/ledger/amount";
import { ProposalFormSchema } from "../domain/rounds/forms";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrors, readForm } from "../http/forms.server";
import { pageErrorFrom, positiveId } from "../http/rounds.server";
import { editProposal, getProposal } from "../services/rounds/proposals.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.proposalEdit.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const view = await getProposal(context.db, positiveId(params.id), user).catch((error: unknown) => {
    pageErrorFrom(error);
    throw error;
  });
  if (!view.viewer.isAuthor) throw json({ message: t("rounds.proposalEdit.notAuthor") }, { status: 403 });
  const p = view.proposal;
  return json({
    editable: p.round_phase === "proposals" && p.status === "submitted",
    values: {
      title: p.title, summary: p.summary, description: p.description, cost: formatMinor(p.cost_minor, "GBP"), area: p.area ?? "", theme: p.theme ?? "",
      costLines: view.costLines.map((l) => `${l.description}: ${formatMinor(l.amount_minor, "GBP")}`).join("\n"),
      coauthors: view.coauthors.map((c) => c.email).join(", "),
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const id = positiveId(params.id);
  const form = await readForm(request, context, ProposalFormSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await editProposal(context.db, actorFrom(context), id, { ...form.data, costMinor: form.data.cost, coauthorEmails: form.data.coauthors });
  } catch (error) {
    return formErrors([pageErrorFrom(error)], form.values, 409);
  }
  return redirect(`/proposals/${id}`);
}

export default function EditProposal() {
  const { editable, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (!editable) {
    return (
      <>
        <h1 className="govuk-heading-l">{t("rounds.proposalEdit.closed")}</h1>
        <p className="govuk-body">{t("rounds.proposalEdit.closed.body")}</p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={data?.errors} />
        <h1 className="govuk-heading-l">{t("rounds.proposalEdit.title")}</h1>
        <PostForm>
          <ProposalFields values={data?.values ?? values} errors={data?.errors} defaultArea="" />
          <SubmitButton>{t("rounds.proposalEdit.button")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
