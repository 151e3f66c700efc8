// One exchange: who gave, who received, its status, and what its members can do next.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextArea } from "../components/form";
import { pageTitle } from "../components/page-title";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { DisputeSchema, ResolveSchema, categoryLabel } from "../domain/timebank/forms";
import { formatHours, longDate, statusLabel } from "../domain/timebank/view";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { blockMember, DISPUTE_WINDOW_DAYS, getDispute, hasBlocked, raiseDispute, resolveDispute, unblockMember } from "../services/timebank/disputes.server";
import { cancelExchange, confirmExchange, getExchange, markDone } from "../services/timebank/exchanges.server";

export const meta = () => pageTitle(t("timebank.exchange.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const { timebank, exchange, isCoordinator } = await orErrorPage(getExchange(context.db, user, slug, idFrom(params.exchangeId)));
  const mine = exchange.parties.find((party) => party.userId === user.id);
  const open = exchange.status === "agreed" || exchange.status === "done";
  const dispute = await getDispute(context.db, exchange.id);
  const others = exchange.parties.filter((party) => party.side !== mine?.side && party.userId !== null);
  const other = mine && others.length === 1 ? others[0]! : null;
  const withinWindow = exchange.confirmedAt !== null && Date.now() - exchange.confirmedAt.getTime() <= DISPUTE_WINDOW_DAYS * 86_400_000;
  return json({
    slug,
    timebankName: timebank.name,
    id: exchange.id,
    status: statusLabel(exchange.status, exchange.reversalEntryId !== null),
    description: exchange.description,
    category: categoryLabel(exchange.category),
    date: longDate(exchange.date),
    onBehalf: exchange.recordedOnBehalf,
    entryId: exchange.entryId === null ? null : exchange.entryId.toString(),
    givers: exchange.parties.filter((p) => p.side === "giver").map((p) => ({ name: p.name, hours: formatHours(p.centihours) })),
    receivers: exchange.parties.filter((p) => p.side === "receiver").map((p) => ({ name: p.name, hours: formatHours(p.centihours) })),
    canConfirm: exchange.status === "done" && (mine?.side === "receiver" || isCoordinator),
    canMarkDone: exchange.status === "agreed" && (mine?.side === "giver" || isCoordinator),
    canCancel: open && (mine !== undefined || isCoordinator),
    dispute: dispute
      ? { raisedBy: dispute.raisedByName, reason: dispute.reason, outcome: dispute.outcome, resolutionReason: dispute.resolutionReason }
      : null,
    canDispute: mine !== undefined && exchange.status === "confirmed" && exchange.reversalEntryId === null && dispute === null && withinWindow,
    canResolve: isCoordinator && dispute !== null && dispute.outcome === null,
    disputeWindowDays: DISPUTE_WINDOW_DAYS,
    other: other ? { memberId: other.memberId, name: other.name, blocked: await hasBlocked(context.db, user, timebank.id, other.memberId) } : null,
  });
}

const ActionSchema = z.object({ intent: z.enum(["confirm", "done", "cancel", "dispute", "resolve", "block", "unblock"], { message: t("timebank.exchange.chooseIntent") }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const exchangeId = idFrom(params.exchangeId);
  const intent = ActionSchema.safeParse({ intent: new URL(request.url).searchParams.get("intent") });
  const back = `/timebanks/${slug}/exchanges/${exchangeId}`;
  if (!intent.success) throw json({ message: t("timebank.exchange.chooseIntent") }, { status: 400 });
  if (intent.data.intent === "dispute") {
    const form = await readForm(request, context, DisputeSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await raiseDispute(context.db, user, slug, exchangeId, form.data.reason);
    } catch (error) {
      return domainErrorToForm(error, form.values, "reason");
    }
    return redirect(`${back}?notice=disputed`);
  }
  if (intent.data.intent === "resolve") {
    const form = await readForm(request, context, ResolveSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await resolveDispute(context.db, user, slug, exchangeId, { outcome: form.data.outcome, reason: form.data.resolutionReason });
    } catch (error) {
      return domainErrorToForm(error, form.values, "resolutionReason");
    }
    return redirect(`${back}?notice=resolved`);
  }
  const form = await readForm(request, context, z.object({ memberId: z.string().max(9).optional() }));
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    if (intent.data.intent === "confirm") {
      const outcome = await confirmExchange(context.db, user, slug, exchangeId);
      return redirect(`${back}?notice=${outcome}`);
    }
    if (intent.data.intent === "done") await markDone(context.db, user, slug, exchangeId);
    else if (intent.data.intent === "cancel") await cancelExchange(context.db, user, slug, exchangeId);
    else {
      const memberId = idFrom(form.data.memberId);
      if (intent.data.intent === "block") await blockMember(context.db, user, slug, memberId);
      else await unblockMember(context.db, user, slug, memberId);
    }
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
  return redirect(back);
}

const NOTICES: Record<string, Extract<MessageKey, `timebank.exchange.notice.${string}`>> = {
  recorded: "timebank.exchange.notice.recorded",
  confirmed: "timebank.exchange.notice.confirmed",
  already_confirmed: "timebank.exchange.notice.alreadyConfirmed",
  disputed: "timebank.exchange.notice.disputed",
  resolved: "timebank.exchange.notice.resolved",
};

export default function ExchangePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const noticeKey = NOTICES[params.get("notice") ?? ""];
  const notice = noticeKey ? t(noticeKey) : undefined;
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      {notice ? (
        <SuccessNotice>{notice}</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{data.timebankName}</span>
      <h1 className="govuk-heading-l">{data.description}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.exchange.status")}</dt>
          <dd className="govuk-summary-list__value" data-testid="exchange-status">{data.status}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.exchange.date")}</dt>
          <dd className="govuk-summary-list__value">{data.date}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.exchange.category")}</dt>
          <dd className="govuk-summary-list__value">{data.category}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.exchange.givenBy")}</dt>
          <dd className="govuk-summary-list__value">{data.givers.map((g) => t("timebank.exchange.party", { name: g.name, hours: g.hours })).join(", ")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.exchange.receivedBy")}</dt>
          <dd className="govuk-summary-list__value">{data.receivers.map((r) => t("timebank.exchange.party", { name: r.name, hours: r.hours })).join(", ")}</dd>
        </div>
        {data.onBehalf ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("timebank.exchange.recorded")}</dt>
            <dd className="govuk-summary-list__value">{t("timebank.exchange.recorded.onBehalf")}</dd>
          </div>
        ) : null}
        {data.entryId ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("timebank.exchange.entry")}</dt>
            <dd className="govuk-summary-list__value">{t("timebank.exchange.entry.number", { entry: data.entryId })}</dd>
          </div>
        ) : null}
      </dl>
      <div className="govuk-button-group">
        {data.canConfirm ? (
          <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=confirm`}>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("timebank.exchange.confirm")}
            </button>
          </PostForm>
        ) : null}
        {data.canMarkDone ? (
          <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=done`}>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("timebank.exchange.markDone")}
            </button>
          </PostForm>
        ) : null}
        {data.canCancel ? (
          <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=cancel`}>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t("timebank.exchange.cancel")}
            </button>
          </PostForm>
        ) : null}
      </div>
      {data.dispute ? (
        <>
          <h2 className="govuk-heading-m">{t("timebank.exchange.dispute.heading")}</h2>
          <p className="govuk-body">
            {t("timebank.exchange.dispute.raised", { name: data.dispute.raisedBy, reason: data.dispute.reason })}
          </p>
          {data.dispute.outcome ? (
            <div className="govuk-inset-text" data-testid="dispute-outcome">
              {t(data.dispute.outcome === "reversed" ? "timebank.exchange.dispute.reversed" : "timebank.exchange.dispute.stands", { reason: data.dispute.resolutionReason ?? "" })}
            </div>
          ) : (
            <p className="govuk-body">{t("timebank.exchange.dispute.waiting")}</p>
          )}
        </>
      ) : null}
      {data.canDispute ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("timebank.exchange.dispute.summary")}</span>
          </summary>
          <div className="govuk-details__text">
            <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=dispute`}>
              <TextArea name="reason" label={t("timebank.exchange.dispute.reason.label")} hint={t("timebank.exchange.dispute.reason.hint", { days: data.disputeWindowDays })} defaultValue={result?.values?.reason} errors={result?.errors} maxLength={500} />
              <SubmitButton secondary>{t("timebank.exchange.dispute.submit")}</SubmitButton>
            </PostForm>
          </div>
        </details>
      ) : null}
      {data.canResolve ? (
        <>
          <h2 className="govuk-heading-m">{t("timebank.exchange.resolve.heading")}</h2>
          <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=resolve`}>
            <Radios
              name="outcome"
              legend={t("timebank.exchange.resolve.legend")}
              defaultValue={result?.values?.outcome}
              errors={result?.errors}
              options={[
                { value: "reversed", label: t("timebank.exchange.resolve.reverse"), hint: t("timebank.exchange.resolve.reverse.hint") },
                { value: "stands", label: t("timebank.exchange.resolve.stand") },
              ]}
            />
            <TextArea name="resolutionReason" label={t("timebank.exchange.resolve.reason.label")} hint={t("timebank.exchange.resolve.reason.hint")} defaultValue={result?.values?.resolutionReason} errors={result?.errors} maxLength={500} />
            <SubmitButton>{t("timebank.exchange.resolve.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
      {data.other ? (
        <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=${data.other.blocked ? "unblock" : "block"}`}>
          <input type="hidden" name="memberId" value={data.other.memberId} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {data.other.blocked ? t("timebank.exchange.unblock", { name: data.other.name }) : t("timebank.exchange.block", { name: data.other.name })}
          </button>
        </PostForm>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>
          {t("timebank.exchange.back", { name: data.timebankName })}
        </Link>
      </p>
    </>
  );
}
