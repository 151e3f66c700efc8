// A member's personal budget in pounds: balance and statement for the member or a coordinator;
// a coordinator tops it up and records activities paid in pounds and hours together.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { SuccessNotice } from "../components/notice";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { formatPounds } from "../domain/format";
import { FundBudgetSchema, MixedPaymentSchema } from "../domain/timebank/settings";
import { formatHours } from "../domain/timebank/view";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { fundPersonalBudget, personalBudget, recordMixedPayment } from "../services/timebank/budgets.server";
import { newRequestKey } from "../services/timebank/spending.server";
import { statementCursor } from "../services/timebank/statements.server";

export const meta = () => pageTitle(t("timebank.budget.title"));

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const memberId = idFrom(params.memberId);
  const before = statementCursor(new URL(request.url).searchParams.get("before"));
  const budget = await orErrorPage(personalBudget(context.db, user, slug, memberId, before));
  return json({
    slug,
    memberId,
    name: budget.timebank.name,
    memberName: budget.memberName,
    isCoordinator: budget.isCoordinator,
    // A fresh key per page view: a form sent twice (a double click) posts once.
    requestKey: newRequestKey(),
    balance: budget.balancePence === null ? null : formatPounds(budget.balancePence),
    hours: budget.hoursCentihours === null ? null : formatHours(budget.hoursCentihours),
    olderBefore: budget.olderBefore,
    lines: budget.lines.map((line) => ({
      id: line.entryId.toString(),
      when: dateTime.format(line.createdAt),
      memo: line.memo,
      amount: `${line.amountMinor > 0n ? "+" : ""}${formatPounds(line.amountMinor)}`,
      balance: formatPounds(line.balanceAfterMinor),
    })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const memberId = idFrom(params.memberId);
  const values = await readFormValues(request, context);
  const key = (values.key ?? "").replace(/[^a-f0-9]/g, "").slice(0, 24);
  if (!key) return formErrors([{ field: "form", message: t("timebank.budget.expired") }], values);
  const back = `/timebanks/${slug}/members/${memberId}/budget`;
  if (values.intent === "fund") {
    const form = parseValues(values, FundBudgetSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await fundPersonalBudget(context.db, user, slug, { memberId, pence: form.data.amount, requestKey: key });
    } catch (error) {
      return domainErrorToForm(error, form.values, "amount");
    }
    return redirect(`${back}?notice=funded`);
  }
  if (values.intent === "mixed") {
    const form = parseValues(values, MixedPaymentSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await recordMixedPayment(context.db, user, slug, { memberId, description: form.data.description, poundsMinor: form.data.pounds, centihours: form.data.hours, requestKey: key });
    } catch (error) {
      return domainErrorToForm(error, form.values, "pounds");
    }
    return redirect(`${back}?notice=paid`);
  }
  return formErrors([{ field: "form", message: t("timebank.budget.chooseIntent") }], values);
}

const NOTICES: Record<string, Extract<MessageKey, `timebank.budget.notice.${string}`>> = {
  funded: "timebank.budget.notice.funded",
  paid: "timebank.budget.notice.paid",
};

export default function PersonalBudgetPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  const values: Record<string, string> = result?.values ?? {};
  const noticeKey = errors ? undefined : NOTICES[params.get("notice") ?? ""];
  const notice = noticeKey ? t(noticeKey) : undefined;
  const base = `/timebanks/${data.slug}/members/${data.memberId}/budget`;
  return (
    <>
      <ErrorSummary errors={errors} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebank.budget.heading", { name: data.memberName })}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.budget.balance")}</dt>
          <dd className="govuk-summary-list__value" data-testid="budget-balance">{data.balance ?? t("timebank.budget.none")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.budget.hours")}</dt>
          <dd className="govuk-summary-list__value">{data.hours}</dd>
        </div>
      </dl>

      {data.isCoordinator ? (
        <>
          <h2 className="govuk-heading-m">{t("timebank.budget.mixed.heading")}</h2>
          <p className="govuk-body">{t("timebank.budget.mixed.intro", { name: data.name })}</p>
          <PostForm>
            <input type="hidden" name="intent" value="mixed" />
            <input type="hidden" name="key" value={data.requestKey} />
            <TextField name="description" label={t("timebank.budget.mixed.description.label")} hint={t("timebank.budget.mixed.description.hint")} defaultValue={values.description} errors={errors} maxLength={500} />
            <TextField name="pounds" label={t("timebank.budget.mixed.pounds.label")} hint={t("timebank.budget.mixed.pounds.hint")} defaultValue={values.pounds} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={20} />
            <TextField name="hours" label={t("timebank.budget.mixed.hours.label")} hint={t("timebank.budget.mixed.hours.hint")} defaultValue={values.hours} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
            <SubmitButton>{t("timebank.budget.mixed.submit")}</SubmitButton>
          </PostForm>

          <h2 className="govuk-heading-m">{t("timebank.budget.fund.heading")}</h2>
          <PostForm>
            <input type="hidden" name="intent" value="fund" />
            <input type="hidden" name="key" value={data.requestKey} />
            <TextField name="amount" label={t("timebank.budget.fund.amount.label")} hint={t("timebank.budget.fund.amount.hint")} defaultValue={values.amount} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={20} />
            <SubmitButton secondary>{t("timebank.budget.fund.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("timebank.budget.table.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("timebank.budget.table.when")}</th>
            <th scope="col" className="govuk-table__header">{t("timebank.budget.table.what")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebank.budget.table.amount")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebank.budget.table.balanceAfter")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.lines.length === 0 ? (
            <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={4}>{t("timebank.budget.table.none")}</td></tr>
          ) : (
            data.lines.map((line) => (
              <tr className="govuk-table__row" key={line.id}>
                <td className="govuk-table__cell">{line.when}</td>
                <td className="govuk-table__cell">{line.memo}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{line.amount}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{line.balance}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {data.olderBefore ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}?before=${data.olderBefore}`}>{t("timebank.budget.older")}</Link>
        </p>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${data.memberId}`}>{t("timebank.budget.back", { name: data.memberName })}</Link>
      </p>
    </>
  );
}
