import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, Radios, Select, SubmitButton, TextField, type FieldError } from "../components/form";
import { formatDateTime } from "../components/summary-list";
import { isDomainError } from "../domain/errors";
import { formatPounds } from "../domain/format";
import { messageFor } from "../domain/messages";
import { poundsField } from "../domain/rounds/forms";
import { actorFrom } from "../http/auth.server";
import { formErrors, parseValues, readFormData, type FormValues } from "../http/forms.server";
import { roundForPage } from "../http/rounds.server";
import { DELIVERY_LIMITS } from "../domain/results/labels";
import { deliveryReport, increaseProjectBudget, newFormKey, recordDeliveryUpdate, recordSpending } from "../services/results/delivery.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Delivery: ${data?.round.title ?? "Budget round"} - Potluck` }];

const STATUS_LABELS = { not_started: "Not started", in_progress: "In progress", delivered: "Delivered", cancelled: "Cancelled" } as const;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { round, isOfficer } = await roundForPage(context, params.slug);
  let report;
  try {
    report = await deliveryReport(context.db, round.id);
  } catch (error) {
    if (isDomainError(error) && error.code === "results_not_published") report = null;
    else throw error;
  }
  const money = (minor: bigint) => formatPounds(minor);
  return json({
    round: { slug: round.slug, title: round.title, organisation: round.organisation_name },
    isOfficer,
    formKey: newFormKey(),
    report: report
      ? {
          potRemaining: money(report.potRemainingMinor),
          totals: { budgeted: money(report.totals.budgetedMinor), committed: money(report.totals.committedMinor), spent: money(report.totals.spentMinor), remaining: money(report.totals.remainingMinor) },
          projects: report.projects.map((p) => ({
            id: p.id,
            title: p.title,
            status: p.status,
            budgeted: money(p.budgetedMinor),
            committed: money(p.committedMinor),
            spent: money(p.spentMinor),
            remaining: money(p.remainingMinor),
            // Whole percent, in bigint arithmetic: money never passes through a float.
            spentPercent: p.committedMinor > 0n ? Number((p.spentMinor * 100n) / p.committedMinor) : 0,
            updates: p.updates.map((u) => ({ ...u, recordedAt: u.recordedAt })),
            payments: p.payments.map((x) => ({ id: x.entryId.toString(), supplier: x.supplier, reference: x.reference, spentOn: x.spentOn, amount: money(x.amountMinor) })),
            increases: p.increases.map((x) => ({ id: x.entryId.toString(), reason: x.reason, source: x.source, amount: money(x.amountMinor) })),
          })),
        }
      : null,
  });
}

const projectField = z.string().regex(/^\d{1,9}$/, "Select a project").transform(Number);
const dateField = (label: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} like 2027-06-30`);
const key = z.string().regex(/^[0-9a-f-]{36}$/).optional();

const UpdateSchema = z.object({
  "update-project": projectField,
  "update-status": z.enum(["not_started", "in_progress", "delivered", "cancelled"], { error: "Select how the project is going" }),
  "update-date": dateField("the date"),
  "update-note": z.string().trim().max(DELIVERY_LIMITS.note, `The note must be ${DELIVERY_LIMITS.note} characters or fewer`),
});
const SpendSchema = z.object({
  "spend-project": projectField,
  "spend-supplier": z.string().trim().min(1, "Enter the supplier's name").max(DELIVERY_LIMITS.supplier, `The supplier's name must be ${DELIVERY_LIMITS.supplier} characters or fewer`),
  "spend-amount": poundsField("Enter the amount paid in pounds, like 1250.50"),
  "spend-date": dateField("the date of the payment"),
  "spend-reference": z.string().trim().min(1, "Enter the invoice or payment reference").max(DELIVERY_LIMITS.reference, `The reference must be ${DELIVERY_LIMITS.reference} characters or fewer`),
  key,
});
const IncreaseSchema = z.object({
  "increase-project": projectField,
  "increase-amount": poundsField("Enter the increase in pounds, like 500"),
  "increase-source": z.enum(["pot", "council"], { error: "Select where the money comes from" }),
  "increase-reason": z.string().trim().min(1, "Enter the reason for the increase, which everyone will see").max(DELIVERY_LIMITS.reason, `The reason must be ${DELIVERY_LIMITS.reason} characters or fewer`),
  key,
});

/** A DomainError as a form error on the field of the form it came from. */
function errorFor(error: unknown, prefix: string, values: FormValues) {
  if (!isDomainError(error)) throw error;
  if (error.status === 403 || error.status === 404) throw json({ message: messageFor(error) }, { status: error.status });
  const field = error.field && ["amount", "date", "supplier", "reference", "reason", "note", "status"].includes(error.field) ? `${prefix}-${error.field}` : "form";
  return formErrors([{ field, message: messageFor(error) }], values, error.status);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const formData = await readFormData(request, context);
  const intent = formData.get("intent");
  const values: FormValues = {};
  for (const [name, value] of [...formData.entries()].slice(0, 20)) {
    if (name !== "_csrf" && name !== "intent" && typeof value === "string") values[name] = value;
  }
  const actor = actorFrom(context);
  const done = redirect(`/rounds/${round.slug}/delivery`);
  if (intent === "update") {
    const form = parseValues(values, UpdateSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await recordDeliveryUpdate(context.db, actor, form.data["update-project"], { status: form.data["update-status"], note: form.data["update-note"], happenedOn: form.data["update-date"] });
    } catch (error) {
      return errorFor(error, "update", values);
    }
    return done;
  }
  if (intent === "spend") {
    const form = parseValues(values, SpendSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await recordSpending(context.db, actor, form.data["spend-project"], { supplier: form.data["spend-supplier"], amountMinor: form.data["spend-amount"], spentOn: form.data["spend-date"], reference: form.data["spend-reference"], idempotencyKey: form.data.key });
    } catch (error) {
      return errorFor(error, "spend", values);
    }
    return done;
  }
  if (intent === "increase") {
    const form = parseValues(values, IncreaseSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await increaseProjectBudget(context.db, actor, form.data["increase-project"], { amountMinor: form.data["increase-amount"], source: form.data["increase-source"], reason: form.data["increase-reason"], idempotencyKey: form.data.key });
    } catch (error) {
      return errorFor(error, "increase", values);
    }
    return done;
  }
  return formErrors([{ field: "form", message: "Choose what to record" }], {}, 400);
}

/** How much of each project's committed money has been spent; the table below has the same figures. */
function SpendingChart({ projects }: { projects: { id: number; title: string; spent: string; committed: string; spentPercent: number }[] }) {
  if (projects.length === 0) return null;
  const rowHeight = 34;
  const labelWidth = 260;
  const barSpace = 360;
  const height = projects.length * rowHeight + 8;
  return (
    <svg className="potluck-chart" viewBox={`0 0 ${labelWidth + barSpace + 120} ${height}`} width="100%" role="img" aria-labelledby="spending-title spending-desc" focusable="false">
      <title id="spending-title">Share of each project's committed money spent so far</title>
      <desc id="spending-desc">Each grey bar is the money committed to a project; the dark part is what has been spent. The same figures are in the table below.</desc>
      {projects.map((p, i) => {
        const y = i * rowHeight + 4;
        const spentWidth = Math.round((Math.min(p.spentPercent, 100) / 100) * barSpace);
        const title = p.title.length > 38 ? `${p.title.slice(0, 37)}…` : p.title;
        return (
          <g key={p.id}>
            <text x={0} y={y + 17} fontSize="14" fill="#0b0c0c">{title}</text>
            <rect x={labelWidth} y={y} width={barSpace} height={22} fill="#b1b4b6" />
            <rect x={labelWidth} y={y} width={spentWidth} height={22} fill="#1d70b8" />
            <text x={labelWidth + barSpace + 8} y={y + 17} fontSize="14" fill="#0b0c0c">{`${p.spentPercent}% spent`}</text>
          </g>
        );
      })}
    </svg>
  );
}

export default function DeliveryPage() {
  const { round, isOfficer, report, formKey } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: FieldError[] | undefined = data?.errors;
  const values = data?.values ?? {};
  const projectOptions = (report?.projects ?? []).map((p) => ({ value: String(p.id), label: p.title }));
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{round.organisation}</span>
      <h1 className="govuk-heading-xl">Delivery: {round.title}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/rounds/${round.slug}/results`}>See the results</Link>
      </p>
      {!report ? (
        <p className="govuk-body">Delivery is shown here once the results of the round are published.</p>
      ) : (
        <>
          <p className="govuk-body">
            Every amount below except the budgeted cost is read from the public ledger: money committed to a project, paid to
            suppliers, and what is left.
          </p>
          <SpendingChart projects={report.projects} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Money for each funded project</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Project</th>
                <th scope="col" className="govuk-table__header">Progress</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Budgeted</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Committed</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Spent</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Remaining</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {report.projects.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <th scope="row" className="govuk-table__header">{p.title}</th>
                  <td className="govuk-table__cell"><strong className="govuk-tag">{STATUS_LABELS[p.status]}</strong></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.budgeted}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.committed}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.spent}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.remaining}</td>
                </tr>
              ))}
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">Total</th>
                <td className="govuk-table__cell" />
                <td className="govuk-table__cell govuk-table__cell--numeric">{report.totals.budgeted}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{report.totals.committed}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{report.totals.spent}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{report.totals.remaining}</td>
              </tr>
            </tbody>
          </table>
          <p className="govuk-body">Left in the round's pot, not committed to any project: {report.potRemaining}.</p>

          {report.projects.map((p) => (
            <div key={p.id}>
              <h2 className="govuk-heading-m">{p.title}</h2>
              {p.updates.length === 0 ? <p className="govuk-body">No progress has been recorded yet.</p> : (
                <ul className="govuk-list">
                  {p.updates.map((u, i) => (
                    <li key={i}>{u.happenedOn}: <strong>{STATUS_LABELS[u.status]}</strong>{u.note ? `. ${u.note}` : ""} <span className="govuk-hint">(recorded {formatDateTime(u.recordedAt)})</span></li>
                  ))}
                </ul>
              )}
              {p.payments.length > 0 ? (
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">Payments for {p.title}</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Date</th>
                      <th scope="col" className="govuk-table__header">Supplier</th>
                      <th scope="col" className="govuk-table__header">Reference</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Amount</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {p.payments.map((x) => (
                      <tr className="govuk-table__row" key={x.id}>
                        <td className="govuk-table__cell">{x.spentOn}</td>
                        <td className="govuk-table__cell">{x.supplier}</td>
                        <td className="govuk-table__cell">{x.reference}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{x.amount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {p.increases.length > 0 ? (
                <ul className="govuk-list govuk-list--bullet">
                  {p.increases.map((x) => (
                    <li key={x.id}>Budget increased by {x.amount} from the {x.source === "pot" ? "round's pot" : "council's budget"}: {x.reason}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}

          {isOfficer && report.projects.length > 0 ? (
            <section aria-labelledby="officer-heading">
              <h2 className="govuk-heading-l" id="officer-heading">Record delivery</h2>
              <PostForm>
                <input type="hidden" name="intent" value="update" />
                <h3 className="govuk-heading-m">Record progress</h3>
                <Select name="update-project" label="Project" options={projectOptions} defaultValue={values["update-project"]} errors={errors} />
                <Radios name="update-status" legend="How is it going?" options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} defaultValue={values["update-status"]} errors={errors} />
                <TextField name="update-date" label="Date" hint="For example, 2027-06-30" defaultValue={values["update-date"]} errors={errors} widthClass="govuk-input--width-10" />
                <TextField name="update-note" label="Note (shown to everyone)" defaultValue={values["update-note"]} errors={errors} maxLength={DELIVERY_LIMITS.note} />
                <SubmitButton>Record progress</SubmitButton>
              </PostForm>
              <PostForm>
                <input type="hidden" name="intent" value="spend" />
                <input type="hidden" name="key" value={formKey} />
                <h3 className="govuk-heading-m">Record a payment</h3>
                <Select name="spend-project" label="Project" options={projectOptions} defaultValue={values["spend-project"]} errors={errors} />
                <TextField name="spend-supplier" label="Supplier" defaultValue={values["spend-supplier"]} errors={errors} maxLength={DELIVERY_LIMITS.supplier} />
                <TextField name="spend-amount" label="Amount in pounds" hint="For example, 1250.50" inputMode="decimal" defaultValue={values["spend-amount"]} errors={errors} widthClass="govuk-input--width-10" />
                <TextField name="spend-date" label="Date paid" hint="For example, 2027-06-30" defaultValue={values["spend-date"]} errors={errors} widthClass="govuk-input--width-10" />
                <TextField name="spend-reference" label="Invoice or payment reference" defaultValue={values["spend-reference"]} errors={errors} maxLength={DELIVERY_LIMITS.reference} />
                <SubmitButton>Record payment</SubmitButton>
              </PostForm>
              <PostForm>
                <input type="hidden" name="intent" value="increase" />
                <input type="hidden" name="key" value={formKey} />
                <h3 className="govuk-heading-m">Increase a project's budget</h3>
                <Select name="increase-project" label="Project" options={projectOptions} defaultValue={values["increase-project"]} errors={errors} />
                <TextField name="increase-amount" label="Increase in pounds" hint="For example, 500" inputMode="decimal" defaultValue={values["increase-amount"]} errors={errors} widthClass="govuk-input--width-10" />
                <Radios name="increase-source" legend="Where does the money come from?" options={[{ value: "pot", label: "The round's unspent pot" }, { value: "council", label: "The council's participatory budget" }]} defaultValue={values["increase-source"]} errors={errors} />
                <TextField name="increase-reason" label="Reason (shown to everyone)" defaultValue={values["increase-reason"]} errors={errors} maxLength={DELIVERY_LIMITS.reason} />
                <SubmitButton>Increase budget</SubmitButton>
              </PostForm>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
