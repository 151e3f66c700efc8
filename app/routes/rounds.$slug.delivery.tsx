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
import type { MessageKey } from "../i18n/en";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t("layout.pageTitle", { title: t("results.delivery.title", { title: data?.round.title ?? t("results.page.titleFallback") }) }) }];

const STATUS_LABELS = {
  not_started: "results.delivery.status.not_started",
  in_progress: "results.delivery.status.in_progress",
  delivered: "results.delivery.status.delivered",
  cancelled: "results.delivery.status.cancelled",
} as const satisfies Record<string, MessageKey>;

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

const projectField = z.string().regex(/^\d{1,9}$/, t("results.delivery.error.project")).transform(Number);
const dateField = (message: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, message);
const key = z.string().regex(/^[0-9a-f-]{36}$/).optional();

const UpdateSchema = z.object({
  "update-project": projectField,
  "update-status": z.enum(["not_started", "in_progress", "delivered", "cancelled"], { error: t("results.delivery.error.status") }),
  "update-date": dateField(t("results.delivery.error.updateDate")),
  "update-note": z.string().trim().max(DELIVERY_LIMITS.note, t("results.delivery.error.noteTooLong", { maximum: DELIVERY_LIMITS.note })),
});
const SpendSchema = z.object({
  "spend-project": projectField,
  "spend-supplier": z.string().trim().min(1, t("results.delivery.error.supplierMissing")).max(DELIVERY_LIMITS.supplier, t("results.delivery.error.supplierTooLong", { maximum: DELIVERY_LIMITS.supplier })),
  "spend-amount": poundsField(t("results.delivery.error.amount")),
  "spend-date": dateField(t("results.delivery.error.paymentDate")),
  "spend-reference": z.string().trim().min(1, t("results.delivery.error.referenceMissing")).max(DELIVERY_LIMITS.reference, t("results.delivery.error.referenceTooLong", { maximum: DELIVERY_LIMITS.reference })),
  key,
});
const IncreaseSchema = z.object({
  "increase-project": projectField,
  "increase-amount": poundsField(t("results.delivery.error.increase")),
  "increase-source": z.enum(["pot", "council"], { error: t("results.delivery.error.source") }),
  "increase-reason": z.string().trim().min(1, t("results.delivery.error.reasonMissing")).max(DELIVERY_LIMITS.reason, t("results.delivery.error.reasonTooLong", { maximum: DELIVERY_LIMITS.reason })),
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
  return formErrors([{ field: "form", message: t("results.delivery.error.intent") }], {}, 400);
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
      <title id="spending-title">{t("results.delivery.chart.title")}</title>
      <desc id="spending-desc">{t("results.delivery.chart.description")}</desc>
      {projects.map((p, i) => {
        const y = i * rowHeight + 4;
        const spentWidth = Math.round((Math.min(p.spentPercent, 100) / 100) * barSpace);
        const title = p.title.length > 38 ? `${p.title.slice(0, 37)}…` : p.title;
        return (
          <g key={p.id}>
            <text x={0} y={y + 17} fontSize="14" fill="#0b0c0c">{title}</text>
            <rect x={labelWidth} y={y} width={barSpace} height={22} fill="#b1b4b6" />
            <rect x={labelWidth} y={y} width={spentWidth} height={22} fill="#1d70b8" />
            <text x={labelWidth + barSpace + 8} y={y + 17} fontSize="14" fill="#0b0c0c">{t("results.delivery.chart.spent", { percent: p.spentPercent })}</text>
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
      <h1 className="govuk-heading-xl">{t("results.delivery.title", { title: round.title })}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/rounds/${round.slug}/results`}>{t("results.delivery.seeResults")}</Link>
      </p>
      {!report ? (
        <p className="govuk-body">{t("results.delivery.notPublished")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("results.delivery.intro")}</p>
          <SpendingChart projects={report.projects} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("results.delivery.table.caption")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("results.delivery.table.project")}</th>
                <th scope="col" className="govuk-table__header">{t("results.delivery.table.progress")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.delivery.table.budgeted")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.delivery.table.committed")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.delivery.table.spent")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.delivery.table.remaining")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {report.projects.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <th scope="row" className="govuk-table__header">{p.title}</th>
                  <td className="govuk-table__cell"><strong className="govuk-tag">{t(STATUS_LABELS[p.status])}</strong></td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.budgeted}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.committed}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.spent}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p.remaining}</td>
                </tr>
              ))}
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{t("results.delivery.table.total")}</th>
                <td className="govuk-table__cell" />
                <td className="govuk-table__cell govuk-table__cell--numeric">{report.totals.budgeted}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{report.totals.committed}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{report.totals.spent}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{report.totals.remaining}</td>
              </tr>
            </tbody>
          </table>
          <p className="govuk-body">{t("results.delivery.potRemaining", { amount: report.potRemaining })}</p>

          {report.projects.map((p) => (
            <div key={p.id}>
              <h2 className="govuk-heading-m">{p.title}</h2>
              {p.updates.length === 0 ? <p className="govuk-body">{t("results.delivery.noUpdates")}</p> : (
                <ul className="govuk-list">
                  {p.updates.map((u, i) => (
                    <li key={i}>
                      {tr("results.delivery.update", {
                        date: u.happenedOn,
                        status: <strong>{t(STATUS_LABELS[u.status])}</strong>,
                        note: u.note ? t("results.delivery.update.note", { note: u.note }) : "",
                        recorded: <span className="govuk-hint">{t("results.delivery.update.recorded", { date: formatDateTime(u.recordedAt) })}</span>,
                      })}
                    </li>
                  ))}
                </ul>
              )}
              {p.payments.length > 0 ? (
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">{t("results.delivery.payments.caption", { title: p.title })}</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">{t("results.delivery.payments.date")}</th>
                      <th scope="col" className="govuk-table__header">{t("results.delivery.payments.supplier")}</th>
                      <th scope="col" className="govuk-table__header">{t("results.delivery.payments.reference")}</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.delivery.payments.amount")}</th>
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
                    <li key={x.id}>{t(x.source === "pot" ? "results.delivery.increase.fromPot" : "results.delivery.increase.fromCouncil", { amount: x.amount, reason: x.reason })}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}

          {isOfficer && report.projects.length > 0 ? (
            <section aria-labelledby="officer-heading">
              <h2 className="govuk-heading-l" id="officer-heading">{t("results.delivery.officer.heading")}</h2>
              <PostForm>
                <input type="hidden" name="intent" value="update" />
                <h3 className="govuk-heading-m">{t("results.delivery.update.heading")}</h3>
                <Select name="update-project" label={t("results.delivery.form.project")} options={projectOptions} defaultValue={values["update-project"]} errors={errors} />
                <Radios name="update-status" legend={t("results.delivery.update.status")} options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) }))} defaultValue={values["update-status"]} errors={errors} />
                <TextField name="update-date" label={t("results.delivery.update.date")} hint={t("results.delivery.form.dateHint")} defaultValue={values["update-date"]} errors={errors} widthClass="govuk-input--width-10" />
                <TextField name="update-note" label={t("results.delivery.update.note.label")} defaultValue={values["update-note"]} errors={errors} maxLength={DELIVERY_LIMITS.note} />
                <SubmitButton>{t("results.delivery.update.submit")}</SubmitButton>
              </PostForm>
              <PostForm>
                <input type="hidden" name="intent" value="spend" />
                <input type="hidden" name="key" value={formKey} />
                <h3 className="govuk-heading-m">{t("results.delivery.spend.heading")}</h3>
                <Select name="spend-project" label={t("results.delivery.form.project")} options={projectOptions} defaultValue={values["spend-project"]} errors={errors} />
                <TextField name="spend-supplier" label={t("results.delivery.spend.supplier")} defaultValue={values["spend-supplier"]} errors={errors} maxLength={DELIVERY_LIMITS.supplier} />
                <TextField name="spend-amount" label={t("results.delivery.spend.amount")} hint={t("results.delivery.spend.amountHint")} inputMode="decimal" defaultValue={values["spend-amount"]} errors={errors} widthClass="govuk-input--width-10" />
                <TextField name="spend-date" label={t("results.delivery.spend.date")} hint={t("results.delivery.form.dateHint")} defaultValue={values["spend-date"]} errors={errors} widthClass="govuk-input--width-10" />
                <TextField name="spend-reference" label={t("results.delivery.spend.reference")} defaultValue={values["spend-reference"]} errors={errors} maxLength={DELIVERY_LIMITS.reference} />
                <SubmitButton>{t("results.delivery.spend.submit")}</SubmitButton>
              </PostForm>
              <PostForm>
                <input type="hidden" name="intent" value="increase" />
                <input type="hidden" name="key" value={formKey} />
                <h3 className="govuk-heading-m">{t("results.delivery.increase.heading")}</h3>
                <Select name="increase-project" label={t("results.delivery.form.project")} options={projectOptions} defaultValue={values["increase-project"]} errors={errors} />
                <TextField name="increase-amount" label={t("results.delivery.increase.amount")} hint={t("results.delivery.increase.amountHint")} inputMode="decimal" defaultValue={values["increase-amount"]} errors={errors} widthClass="govuk-input--width-10" />
                <Radios name="increase-source" legend={t("results.delivery.increase.source")} options={[{ value: "pot", label: t("results.delivery.increase.source.pot") }, { value: "council", label: t("results.delivery.increase.source.council") }]} defaultValue={values["increase-source"]} errors={errors} />
                <TextField name="increase-reason" label={t("results.delivery.increase.reason")} defaultValue={values["increase-reason"]} errors={errors} maxLength={DELIVERY_LIMITS.reason} />
                <SubmitButton>{t("results.delivery.increase.submit")}</SubmitButton>
              </PostForm>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
