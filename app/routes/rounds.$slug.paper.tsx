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
import { BallotRejected } from "../domain/rounds/ballot";
import { isOfficerFor } from "../services/rounds/access.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.paper.title"));

async function officerPage(request: Request, slug: string | undefined, context: Parameters<typeof ballotPage>[0]) {
  requireUser(request, context);
  const page = await ballotPage(context, slug);
  if (!isOfficerFor(context.currentUser, page.round.organisation_id)) throw json({ message: t("error.forbidden.title") }, { status: 403 });
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
  label: z.string().trim().min(1, t("rounds.paper.batch.label.missing")).max(100, t("rounds.paper.batch.label.tooLong", { maximum: 100 })),
  doubleKeying: z.enum(["yes", "no"], { error: t("rounds.paper.batch.doubleKeying.missing") }),
});
const SheetSchema = z.object({
  batchId: z.string().regex(/^\d{1,9}$/).transform(Number),
  pass: z.enum(["1", "2"], { error: t("rounds.paper.sheet.pass.missing") }).transform((v) => Number(v) as 1 | 2),
  sheetNumber: z.string().trim().regex(/^\d{1,6}$/, t("rounds.paper.sheet.number.invalid")).transform(Number),
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
      <h1 className="govuk-heading-l">{t("rounds.paper.title")}</h1>
      {params.get("keyed") ? <div className="govuk-inset-text" role="status">{t("rounds.paper.keyed", { sheet: params.get("keyed") ?? "" })}</div> : null}
      {params.get("accepted") ? <div className="govuk-inset-text" role="status">{t("rounds.paper.accepted", { ballots: params.get("accepted") ?? "" })}</div> : null}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("rounds.paper.batches")}</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">{t("rounds.paper.batches.batch")}</th><th scope="col" className="govuk-table__header">{t("rounds.paper.batches.keying")}</th><th scope="col" className="govuk-table__header">{t("rounds.paper.batches.sheets")}</th><th scope="col" className="govuk-table__header">{t("rounds.paper.batches.status")}</th></tr></thead>
        <tbody className="govuk-table__body">
          {batches.map((b) => (
            <tr className="govuk-table__row" key={b.id}>
              <td className="govuk-table__cell"><Link className="govuk-link" to={`?batch=${b.id}`}>{b.label}</Link></td>
              <td className="govuk-table__cell">{b.doubleKeying ? t("rounds.paper.batches.keyedTwice") : t("rounds.paper.batches.keyedOnce")}</td>
              <td className="govuk-table__cell">{b.doubleKeying ? t("rounds.paper.batches.sheetsTwice", { first: b.first, second: b.second }) : b.first}</td>
              <td className="govuk-table__cell">{b.status === "accepted" ? t("rounds.paper.batches.accepted") : t("rounds.paper.batches.keying.inProgress")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && selected.status !== "accepted" ? (
        <section aria-labelledby="key-heading">
          <h2 className="govuk-heading-m" id="key-heading">{t("rounds.paper.key.heading", { batch: selected.label })}</h2>
          {mismatches.length > 0 ? <div className="govuk-warning-text"><span className="govuk-warning-text__icon" aria-hidden="true">!</span><strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">{t("rounds.warning")}</span>{t("rounds.paper.key.mismatches", { sheets: mismatches.join(", ") })}</strong></div> : null}
          <ErrorSummary errors={errors?.filter((e) => e.field !== "ballot")} />
          <ChooseStep
            type={round.ballotType}
            projects={round.projects}
            instructions={t("rounds.paper.key.instructions")}
            values={data?.values ?? {}}
            errors={errors?.filter((e) => e.field === "ballot")}
            hidden={{ batchId: String(selected.id), intent: "key" }}
            submitLabel={t("rounds.paper.key.button")}
            extraFields={
              <>
                <TextField name="sheetNumber" label={t("rounds.paper.sheet.number")} hint={t("rounds.paper.sheet.number.hint")} inputMode="numeric" widthClass="govuk-input--width-5" errors={errors} />
                {selected.doubleKeying ? (
                  <Radios name="pass" legend={t("rounds.paper.sheet.pass")} errors={errors} options={[{ value: "1", label: t("rounds.paper.sheet.pass.first") }, { value: "2", label: t("rounds.paper.sheet.pass.second") }]} />
                ) : (
                  <input type="hidden" name="pass" value="1" />
                )}
              </>
            }
          />
          <PostForm>
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="batchId" value={selected.id} />
            <button type="submit" className="govuk-button govuk-button--secondary">{t("rounds.paper.accept")}</button>
          </PostForm>
        </section>
      ) : null}
      <h2 className="govuk-heading-m">{t("rounds.paper.batch.heading")}</h2>
      <PostForm>
        <input type="hidden" name="intent" value="create-batch" />
        <TextField name="label" label={t("rounds.paper.batch.label")} hint={t("rounds.paper.batch.label.hint")} errors={errors} />
        <Radios name="doubleKeying" legend={t("rounds.paper.batch.doubleKeying")} errors={errors} options={[{ value: "yes", label: t("rounds.paper.batch.doubleKeying.yes") }, { value: "no", label: t("rounds.paper.batch.doubleKeying.no") }]} />
        <SubmitButton>{t("rounds.paper.batch.button")}</SubmitButton>
      </PostForm>
    </>
  );
}
