import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { formErrors, readForm } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { checkReceipt, publishedBallots } from "../services/rounds/voting.server";

export const meta = () => pageTitle("Check your ballot was counted");

const PAGE_SIZE = 100;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const after = (new URL(request.url).searchParams.get("after") ?? "").replace(/[^0-9a-f]/g, "").slice(0, 64);
  const ballots = round.phase === "closed" ? await publishedBallots(context.db, round.id, { afterReceiptHash: after, limit: PAGE_SIZE }) : null;
  return json({ title: round.title, slug: round.slug, ballots, next: ballots && ballots.length === PAGE_SIZE ? ballots[ballots.length - 1]!.receiptHash : null });
}

const ReceiptSchema = z.object({ receipt: z.string().trim().min(1, "Enter your receipt code").max(40, "Enter the receipt code exactly as it was shown, like ABCD-EFGH-JKLM") });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const form = await readForm(request, context, ReceiptSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  if (round.phase !== "closed") return formErrors([{ field: "receipt", message: "You can check your receipt when voting has closed" }], form.values, 409);
  try {
    return json({ found: await checkReceipt(context.db, round.id, form.data.receipt) });
  } catch (error) {
    return formErrors([pageErrorFrom(error)], form.values, 404);
  }
}

export default function Ballots() {
  const { title, slug, ballots, next } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "errors" in data ? data.errors : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l"><Link className="govuk-link" to={`/rounds/${slug}`}>{title}</Link></span>
      <h1 className="govuk-heading-l">Check your ballot was counted</h1>
      {data && "found" in data ? (
        <div className="govuk-inset-text" data-testid="receipt-result">
          {data.found.counted ? "Your ballot was counted as you cast it." : "This ballot was replaced by a later vote, which is the one counted."} Its fingerprint is <span className="potluck-code">{data.found.receiptHash}</span>.
        </div>
      ) : null}
      <PostForm>
        <TextField name="receipt" label="Your receipt code" hint="The code shown when you voted, like ABCD-EFGH-JKLM" errors={errors} widthClass="govuk-input--width-20" />
        <SubmitButton>Check</SubmitButton>
      </PostForm>
      <h2 className="govuk-heading-m">Every counted ballot</h2>
      {ballots === null ? (
        <p className="govuk-body">The list of ballots is published when voting closes.</p>
      ) : (
        <>
          <p className="govuk-body">Each line is one counted ballot: the fingerprint (sha256) of its receipt code and the project numbers it chose. Nothing here says who voted or when.</p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Counted ballots</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Receipt fingerprint</th><th scope="col" className="govuk-table__header">How</th><th scope="col" className="govuk-table__header">Choices (project numbers)</th></tr></thead>
            <tbody className="govuk-table__body">
              {ballots.map((b) => (
                <tr className="govuk-table__row" key={b.receiptHash}>
                  <td className="govuk-table__cell potluck-code">{b.receiptHash}</td>
                  <td className="govuk-table__cell">{b.channel}</td>
                  <td className="govuk-table__cell">{b.choices.map((c) => (c.points > 1 ? `${c.proposalId} (${c.points})` : String(c.proposalId))).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {next ? <p className="govuk-body"><Link className="govuk-link" to={`?after=${next}`}>Next page</Link></p> : null}
        </>
      )}
    </>
  );
}
