// Officers key paper ballots sheet by sheet, in batches; with double keying a second officer
// keys the batch again and differences are listed for reconciliation before it counts.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ChooseStep } from "../components/ballot";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ballotFromForm } from "../domain/rounds/ballot";
import { actorFrom, requireUser } from "../http/auth.server";
import { ballotPage } from "../http/ballot-page.server";
import { formErrors, parseValues, readFormValues, type FormValues } from "../http/forms.server";
import { pageErrorFrom } from "../http/rounds.server";
import { acceptBatch, createPaperBatch, keyPaperSheet, listBatches, reconcileBatch } from "../services/rounds/paper.server";
import { BallotRejected } from "../services/rounds/voting.server";
import { isOfficerFor } from "../services/rounds/access.server";

export const meta = () => pageTitle("Paper ballots");

async function officerPage(request: Request, slug: string | undefined, context: Parameters<typeof ballotPage>[0]) {
  requireUser(request, context);
  const page = await ballotPage(context, slug);
  if (!isOfficerFor(context.currentUser, page.round.organisation_id)) throw json({ message: "You do not have permission to see this page" }, { status: 403 });
  return page;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { round, view } = await officerPage(request, params.slug, context);
  const batches = await listBatches(context.db, round.id);
  const batchId = Number(new URL(request.url).searchParams.get("batch") ?? "0");
  const selected = batches.find((b) => b.id === batchId) ?? null;
  const reconciliation = selected?.double_keying ? await reconcileBatch(context.db, selected.id) : null;
  return json({
    round: view,
    batches: batches.map((b) => ({ id: b.id, label: b.label, doubleKeying: b.double_keying, status: b.status, first: Number(b.first_pass_sheets ?? 0n), second: Number(b.second_pass_sheets ?? 0n) })),
    selectedId: selected?.id ?? null,
    mismatches: reconciliation?.mismatches.map((m) => m.sheetNumber) ?? [],
  });
}

const BatchSchema = z.object({
  label: z.string().trim().min(1, "Enter a name for the batch, like Town hall box 1").max(100, "Name must be 100 characters or fewer"),
  doubleKeying: z.enum(["yes", "no"], { error: "Select whether a second officer will key this batch" }),
});
const SheetSchema = z.object({
  batchId: z.string().regex(/^\d{1,9}$/).transform(Number),
  pass: z.enum(["1", "2"], { error: "Select which keying this is" }).transform((v) => Number(v) as 1 | 2),
  sheetNumber: z.string().trim().regex(/^\d{1,6}$/, "Enter the sheet number written on the ballot paper").transform(Number),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round } = await officerPage(request, params.slug, context);
  const values = await readFormValues(request, context);
  const actor = actorFrom(context);
  try {
    if (values.intent === "create-batch") {
      const form = parseValues(values, BatchSchema);
      if (!form.ok) return formErrors(form.errors, values);
      const id = await createPaperBatch(context.db, actor, round.id, { label: form.data.label, doubleKeying: form.data.doubleKeying === "yes" });
      return redirect(`/rounds/${round.slug}/paper?batch=${id}`);
    }
    if (values.intent === "accept") {
      const batchId = Number(values.batchId);
      const result = await acceptBatch(context.db, actor, batchId);
      return redirect(`/rounds/${round.slug}/paper?batch=${batchId}&accepted=${result.ballots}`);
    }
    const form = parseValues(values, SheetSchema);
    if (!form.ok) return formErrors(form.errors, values);
    const parsed = ballotFromForm(round.ballot_type, values);
    if (parsed.problems.length > 0) throw new BallotRejected(parsed.problems);
    await keyPaperSheet(context.db, actor, form.data.batchId, { pass: form.data.pass, sheetNumber: form.data.sheetNumber, choices: parsed.choices });
    return redirect(`/rounds/${round.slug}/paper?batch=${form.data.batchId}&keyed=${form.data.sheetNumber}`);
  } catch (error) {
    const problem = pageErrorFrom(error);
    return formErrors([{ field: problem.field === "sheetNumber" ? "sheetNumber" : problem.field === "ballot" ? "ballot" : "form", message: problem.message }], values, 409);
  }
}

export default function Paper() {
  const { round, batches, selectedId, mismatches } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = data?.errors;
  const selected = batches.find((b) => b.id === selectedId);
  return (
    <>
      <span className="govuk-caption-l"><Link className="govuk-link" to={`/rounds/${round.slug}`}>{round.title}</Link></span>
      <h1 className="govuk-heading-l">Paper ballots</h1>
      {params.get("keyed") ? <div className="govuk-inset-text" role="status">Sheet {params.get("keyed")} keyed.</div> : null}
      {params.get("accepted") ? <div className="govuk-inset-text" role="status">Batch accepted: {params.get("accepted")} ballots counted.</div> : null}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Batches</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Batch</th><th scope="col" className="govuk-table__header">Keying</th><th scope="col" className="govuk-table__header">Sheets keyed</th><th scope="col" className="govuk-table__header">Status</th></tr></thead>
        <tbody className="govuk-table__body">
          {batches.map((b) => (
            <tr className="govuk-table__row" key={b.id}>
              <td className="govuk-table__cell"><Link className="govuk-link" to={`?batch=${b.id}`}>{b.label}</Link></td>
              <td className="govuk-table__cell">{b.doubleKeying ? "Keyed twice" : "Keyed once"}</td>
              <td className="govuk-table__cell">{b.first}{b.doubleKeying ? ` and ${b.second}` : ""}</td>
              <td className="govuk-table__cell">{b.status === "accepted" ? "Accepted and counted" : "Being keyed"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && selected.status !== "accepted" ? (
        <section aria-labelledby="key-heading">
          <h2 className="govuk-heading-m" id="key-heading">Key a sheet in {selected.label}</h2>
          {mismatches.length > 0 ? <div className="govuk-warning-text"><span className="govuk-warning-text__icon" aria-hidden="true">!</span><strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>The two keyings differ on sheets {mismatches.join(", ")}. Look at those papers again.</strong></div> : null}
          <ErrorSummary errors={errors?.filter((e) => e.field !== "ballot")} />
          <ChooseStep
            type={round.ballotType}
            projects={round.projects}
            instructions="Enter exactly what the voter marked on the paper."
            values={data?.values ?? {}}
            errors={errors?.filter((e) => e.field === "ballot")}
            hidden={{ batchId: String(selected.id), intent: "key" }}
            submitLabel="Save this sheet"
            extraFields={
              <>
                <TextField name="sheetNumber" label="Sheet number" hint="The number printed on the ballot paper" inputMode="numeric" widthClass="govuk-input--width-5" errors={errors} />
                {selected.doubleKeying ? (
                  <Radios name="pass" legend="Which keying is this?" errors={errors} options={[{ value: "1", label: "First keying" }, { value: "2", label: "Second keying (a different officer)" }]} />
                ) : (
                  <input type="hidden" name="pass" value="1" />
                )}
              </>
            }
          />
          <PostForm>
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="batchId" value={selected.id} />
            <button type="submit" className="govuk-button govuk-button--secondary">Accept this batch and count it</button>
          </PostForm>
        </section>
      ) : null}
      <h2 className="govuk-heading-m">Start a batch</h2>
      <PostForm>
        <input type="hidden" name="intent" value="create-batch" />
        <TextField name="label" label="Batch name" hint="For example, Town hall box 1" errors={errors} />
        <Radios name="doubleKeying" legend="Will a second officer key this batch too?" errors={errors} options={[{ value: "yes", label: "Yes, key it twice and compare" }, { value: "no", label: "No, key it once" }]} />
        <SubmitButton>Start batch</SubmitButton>
      </PostForm>
    </>
  );
}
