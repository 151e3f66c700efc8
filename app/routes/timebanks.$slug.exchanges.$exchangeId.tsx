// One exchange: who gave, who received, its status, and what its members can do next.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextArea } from "../components/form";
import { pageTitle } from "../components/page-title";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { DisputeSchema, ResolveSchema, categoryLabel } from "../domain/timebank/forms";
import { formatHours, longDate, STATUS_LABELS } from "../domain/timebank/view";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { blockMember, DISPUTE_WINDOW_DAYS, getDispute, hasBlocked, raiseDispute, resolveDispute, unblockMember } from "../services/timebank/disputes.server";
import { cancelExchange, confirmExchange, getExchange, markDone } from "../services/timebank/exchanges.server";

export const meta = () => pageTitle("Exchange");

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
    status: exchange.reversalEntryId !== null ? "Reversed" : (STATUS_LABELS[exchange.status] ?? exchange.status),
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
    other: other ? { memberId: other.memberId, name: other.name, blocked: await hasBlocked(context.db, user, timebank.id, other.memberId) } : null,
  });
}

const ActionSchema = z.object({ intent: z.enum(["confirm", "done", "cancel", "dispute", "resolve", "block", "unblock"], { message: "Choose what to do" }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const exchangeId = idFrom(params.exchangeId);
  const intent = ActionSchema.safeParse({ intent: new URL(request.url).searchParams.get("intent") });
  const back = `/timebanks/${slug}/exchanges/${exchangeId}`;
  if (!intent.success) throw json({ message: "Choose what to do" }, { status: 400 });
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

const NOTICES: Record<string, string> = {
  recorded: "Exchange recorded and confirmed. The hours have moved.",
  confirmed: "Thank you. The exchange is confirmed and the hours have moved.",
  already_confirmed: "This exchange was already confirmed. Nothing more has moved.",
  disputed: "Your dispute has been sent to a coordinator.",
  resolved: "The dispute is resolved. Both members can see your reason.",
};

export default function ExchangePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("notice") ?? ""];
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
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value" data-testid="exchange-status">{data.status}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Date</dt>
          <dd className="govuk-summary-list__value">{data.date}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Kind of help</dt>
          <dd className="govuk-summary-list__value">{data.category}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Given by</dt>
          <dd className="govuk-summary-list__value">{data.givers.map((g) => `${g.name} (${g.hours})`).join(", ")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Received by</dt>
          <dd className="govuk-summary-list__value">{data.receivers.map((r) => `${r.name} (${r.hours})`).join(", ")}</dd>
        </div>
        {data.onBehalf ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Recorded</dt>
            <dd className="govuk-summary-list__value">By a coordinator on behalf of everyone in it</dd>
          </div>
        ) : null}
        {data.entryId ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Ledger entry</dt>
            <dd className="govuk-summary-list__value">Number {data.entryId}</dd>
          </div>
        ) : null}
      </dl>
      <div className="govuk-button-group">
        {data.canConfirm ? (
          <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=confirm`}>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Confirm this exchange
            </button>
          </PostForm>
        ) : null}
        {data.canMarkDone ? (
          <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=done`}>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Mark as done
            </button>
          </PostForm>
        ) : null}
        {data.canCancel ? (
          <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=cancel`}>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Cancel this exchange
            </button>
          </PostForm>
        ) : null}
      </div>
      {data.dispute ? (
        <>
          <h2 className="govuk-heading-m">Dispute</h2>
          <p className="govuk-body">
            {data.dispute.raisedBy} disputed this exchange: {data.dispute.reason}
          </p>
          {data.dispute.outcome ? (
            <div className="govuk-inset-text" data-testid="dispute-outcome">
              {data.dispute.outcome === "reversed" ? "A coordinator reversed this exchange: the hours went back." : "A coordinator decided this exchange stands."} Reason: {data.dispute.resolutionReason}
            </div>
          ) : (
            <p className="govuk-body">A coordinator will look at it.</p>
          )}
        </>
      ) : null}
      {data.canDispute ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Something wrong with this exchange?</span>
          </summary>
          <div className="govuk-details__text">
            <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=dispute`}>
              <TextArea name="reason" label="What is wrong?" hint="A coordinator reads this and decides. You can dispute an exchange for 14 days after it is confirmed." defaultValue={result?.values?.reason} errors={result?.errors} maxLength={500} />
              <SubmitButton secondary>Dispute this exchange</SubmitButton>
            </PostForm>
          </div>
        </details>
      ) : null}
      {data.canResolve ? (
        <>
          <h2 className="govuk-heading-m">Resolve the dispute</h2>
          <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=resolve`}>
            <Radios
              name="outcome"
              legend="What should happen?"
              defaultValue={result?.values?.outcome}
              errors={result?.errors}
              options={[
                { value: "reversed", label: "Reverse the exchange", hint: "A new entry moves the hours back. Nothing is edited or deleted." },
                { value: "stands", label: "Let the exchange stand" },
              ]}
            />
            <TextArea name="resolutionReason" label="Reason" hint="Both members will see this" defaultValue={result?.values?.resolutionReason} errors={result?.errors} maxLength={500} />
            <SubmitButton>Resolve dispute</SubmitButton>
          </PostForm>
        </>
      ) : null}
      {data.other ? (
        <PostForm action={`/timebanks/${data.slug}/exchanges/${data.id}?intent=${data.other.blocked ? "unblock" : "block"}`}>
          <input type="hidden" name="memberId" value={data.other.memberId} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {data.other.blocked ? `Let ${data.other.name} send you requests again` : `Stop ${data.other.name} sending you requests`}
          </button>
        </PostForm>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>
          Back to {data.timebankName}
        </Link>
      </p>
    </>
  );
}
