import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrors, readForm } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { generateVotingCodes, MAX_CODES_PER_BATCH } from "../services/rounds/voting.server";

export const meta = () => pageTitle("Voting codes");

async function officerRound(request: Request, params: { slug?: string }, context: Parameters<typeof roundForPage>[0]) {
  requireUser(request, context);
  const found = await roundForPage(context, params.slug);
  if (!found.isOfficer) throw json({ message: "You do not have permission to see this page" }, { status: 403 });
  return found.round;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const round = await officerRound(request, params, context);
  return json({ title: round.title, slug: round.slug });
}

const CodesSchema = z.object({
  count: z.string().trim().regex(/^\d{1,5}$/, "Enter how many codes to make, as a whole number").transform(Number),
  batchLabel: z.string().trim().min(1, "Enter where the codes will be handed out, like Library drop-in").max(100, "Name must be 100 characters or fewer"),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const round = await officerRound(request, params, context);
  const form = await readForm(request, context, CodesSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    const codes = await generateVotingCodes(context.db, actorFrom(context), round.id, form.data.count, form.data.batchLabel);
    return json({ codes, batchLabel: form.data.batchLabel });
  } catch (error) {
    return formErrors([pageErrorFrom(error)], form.values);
  }
}

export default function Codes() {
  const { title, slug } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (data && "codes" in data) {
    return (
      <>
        <h1 className="govuk-heading-l">{data.codes.length} voting codes for {data.batchLabel}</h1>
        <p className="govuk-body">Print this page now: the codes are shown only once. Each code works once, at {"/vote"} on this site.</p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{title}: voting codes</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Number</th><th scope="col" className="govuk-table__header">Code</th></tr></thead>
          <tbody className="govuk-table__body">
            {data.codes.map((code, i) => (
              <tr className="govuk-table__row" key={code}><td className="govuk-table__cell">{i + 1}</td><td className="govuk-table__cell potluck-code" data-testid="voting-code">{code}</td></tr>
            ))}
          </tbody>
        </table>
        <p className="govuk-body"><Link className="govuk-link" to={`/rounds/${slug}`}>Back to the round</Link></p>
      </>
    );
  }
  const errors = data?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">Make voting codes</h1>
        <p className="govuk-body">Codes let people vote without an account. Hand them out at drop-ins, libraries and community centres.</p>
        <PostForm>
          <TextField name="count" label="How many codes" hint={`Up to ${MAX_CODES_PER_BATCH} at a time`} inputMode="numeric" widthClass="govuk-input--width-5" defaultValue={data?.values?.count} errors={errors} />
          <TextField name="batchLabel" label="Where they will be handed out" defaultValue={data?.values?.batchLabel} errors={errors} />
          <SubmitButton>Make codes</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
