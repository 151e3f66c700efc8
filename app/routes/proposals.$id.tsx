import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextField } from "../components/form";
import { SummaryList, formatDateTime } from "../components/summary-list";
import { TextArea } from "../components/round-form";
import { formatPounds } from "../domain/format";
import { parseAmountMinor } from "../domain/ledger/amount";
import { CommentFormSchema, HideFormSchema, ReviewFormSchema } from "../domain/rounds/forms";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrors, parseValues, readFormValues, type FormValues } from "../http/forms.server";
import { pageErrorFrom, positiveId } from "../http/rounds.server";
import { addComment, getProposal, hideContent, reviewProposal, setSupport, withdrawProposal } from "../services/rounds/proposals.server";
import { t } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t("layout.pageTitle", { title: data?.proposal.title ?? t("rounds.proposal.title") }) }];

const STATUS_LABELS = { submitted: "rounds.proposal.status.submitted", withdrawn: "rounds.proposal.status.withdrawn", feasible: "rounds.proposal.status.feasible", not_feasible: "rounds.proposal.status.notFeasible" } as const;
const EVENT_LABELS = { submitted: "rounds.proposal.event.submitted", edited: "rounds.proposal.event.edited", withdrawn: "rounds.proposal.event.withdrawn", reviewed: "rounds.proposal.event.reviewed", hidden: "rounds.proposal.event.hidden", comment_hidden: "rounds.proposal.event.commentHidden" } as const;

/** One line of a proposal's history: when, what, who and why. */
function eventLine(e: { kind: string; at: string; actor: string | null; details: Record<string, string> }): string {
  const key = (EVENT_LABELS as Record<string, (typeof EVENT_LABELS)[keyof typeof EVENT_LABELS] | undefined>)[e.kind];
  const values = { date: formatDateTime(e.at), event: key ? t(key) : e.kind };
  if (e.actor && e.details.reason) return t("rounds.proposal.history.byWithReason", { ...values, name: e.actor, reason: e.details.reason });
  if (e.actor) return t("rounds.proposal.history.by", { ...values, name: e.actor });
  if (e.details.reason) return t("rounds.proposal.history.withReason", { ...values, reason: e.details.reason });
  return t("rounds.proposal.history.event", values);
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await getProposal(context.db, positiveId(params.id), context.currentUser).catch((error: unknown) => {
    pageErrorFrom(error);
    throw error;
  });
  const p = view.proposal;
  return json({
    proposal: { id: p.id, title: p.title, summary: p.summary, description: p.description, cost: formatPounds(p.cost_minor), status: p.status, area: p.area, theme: p.theme, author: p.author_name, reviewReason: p.review_reason, costReason: p.cost_adjustment_reason, hiddenReason: p.hidden_at ? p.hidden_reason : null, roundSlug: p.round_slug, roundTitle: p.round_title, roundPhase: p.round_phase },
    costLines: view.costLines.map((l) => ({ description: l.description, amount: formatPounds(l.amount_minor) })),
    coauthors: view.coauthors.map((c) => c.name),
    events: view.events.map((e) => ({ kind: e.kind, at: e.at, actor: e.actor_name, details: e.details as Record<string, string> })),
    comments: view.comments,
    supports: view.supports,
    viewer: { ...view.viewer, signedIn: context.currentUser !== null },
  });
}

const IntentSchema = z.enum(["support", "unsupport", "comment", "review", "hide-proposal", "hide-comment", "withdraw"]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const id = positiveId(params.id);
  const values = await readFormValues(request, context);
  const intent = IntentSchema.safeParse(values.intent);
  if (!intent.success) return formErrors([{ field: "form", message: t("rounds.proposal.intent.missing") }], values);
  const actor = actorFrom(context);
  try {
    switch (intent.data) {
      case "support":
      case "unsupport":
        await setSupport(context.db, actor, id, intent.data === "support");
        break;
      case "withdraw":
        await withdrawProposal(context.db, actor, id);
        break;
      case "comment": {
        const form = parseValues(values, CommentFormSchema);
        if (!form.ok) return formErrors(form.errors, values);
        await addComment(context.db, actor, id, form.data.body, form.data.parentId);
        break;
      }
      case "review": {
        const form = parseValues(values, ReviewFormSchema);
        if (!form.ok) return formErrors(form.errors, values);
        let adjustedCostMinor: bigint | null = null;
        if (form.data.adjustedCost && form.data.adjustedCost.trim()) {
          try {
            adjustedCostMinor = parseAmountMinor(form.data.adjustedCost, "GBP");
          } catch {
            return formErrors([{ field: "adjustedCost", message: t("rounds.proposal.review.adjustedCost.invalid") }], values);
          }
          if (!form.data.costReason) return formErrors([{ field: "costReason", message: t("rounds.proposal.review.costReason.missing") }], values);
        }
        await reviewProposal(context.db, actor, id, { feasible: form.data.decision === "feasible", reason: form.data.reason, adjustedCostMinor, costReason: form.data.costReason });
        break;
      }
      case "hide-proposal":
      case "hide-comment": {
        const form = parseValues(values, HideFormSchema);
        if (!form.ok) return formErrors(form.errors, values);
        const target = intent.data === "hide-proposal" ? { kind: "proposal" as const, id } : { kind: "comment" as const, id: positiveId(values.commentId) };
        await hideContent(context.db, actor, target, form.data.reason);
        break;
      }
    }
  } catch (error) {
    return formErrors([pageErrorFrom(error)], values, 409);
  }
  return redirect(`/proposals/${id}`);
}

export default function ProposalPage() {
  const { proposal, costLines, coauthors, events, comments, supports, viewer } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const [params] = useSearchParams();
  const topLevel = comments.filter((c) => c.parent_id === null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {params.get("submitted") === "1" ? (
          <div className="govuk-panel govuk-panel--confirmation"><h1 className="govuk-panel__title">{t("rounds.proposal.submitted")}</h1><div className="govuk-panel__body">{t("rounds.proposal.submitted.body")}</div></div>
        ) : null}
        <span className="govuk-caption-l"><Link className="govuk-link" to={`/rounds/${proposal.roundSlug}`}>{proposal.roundTitle}</Link></span>
        <h1 className="govuk-heading-l">{proposal.title}</h1>
        {proposal.hiddenReason !== null ? (
          <div className="govuk-inset-text">{t("rounds.proposal.hidden", { reason: proposal.hiddenReason })}</div>
        ) : (
          <>
            <p className="govuk-body-l">{proposal.summary}</p>
            <p className="govuk-body potluck-preserve-lines">{proposal.description}</p>
          </>
        )}
        <SummaryList rows={[
          [t("rounds.proposal.status"), t(STATUS_LABELS[proposal.status])],
          [t("rounds.proposal.cost"), proposal.cost],
          [t("rounds.proposal.authors"), [proposal.author, ...coauthors].join(", ")],
          [t("rounds.proposal.area"), proposal.area ?? t("rounds.proposal.notGiven")],
          [t("rounds.proposal.theme"), proposal.theme ?? t("rounds.proposal.notGiven")],
          [t("rounds.proposal.supporters"), String(supports)],
          ...(proposal.reviewReason ? [[t("rounds.proposal.review"), proposal.reviewReason] as [string, string]] : []),
          ...(proposal.costReason ? [[t("rounds.proposal.costReason"), proposal.costReason] as [string, string]] : []),
        ]} />
        {costLines.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{t("rounds.proposal.costLines")}</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">{t("rounds.proposal.costLines.item")}</th><th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("rounds.proposal.costLines.cost")}</th></tr></thead>
            <tbody className="govuk-table__body">{costLines.map((l, i) => <tr className="govuk-table__row" key={i}><td className="govuk-table__cell">{l.description}</td><td className="govuk-table__cell govuk-table__cell--numeric">{l.amount}</td></tr>)}</tbody>
          </table>
        ) : null}
        {viewer.signedIn && proposal.roundPhase === "proposals" && proposal.status === "submitted" && proposal.hiddenReason === null ? (
          <PostForm>
            <input type="hidden" name="intent" value={viewer.supported ? "unsupport" : "support"} />
            <SubmitButton secondary={viewer.supported}>{viewer.supported ? t("rounds.proposal.unsupport") : t("rounds.proposal.support")}</SubmitButton>
          </PostForm>
        ) : null}
        {viewer.isAuthor && proposal.roundPhase === "proposals" && proposal.status === "submitted" ? (
          <p className="govuk-body"><Link className="govuk-link" to={`/proposals/${proposal.id}/edit`}>{t("rounds.proposal.edit")}</Link></p>
        ) : null}
        {viewer.isAuthor && proposal.roundPhase === "proposals" && proposal.status === "submitted" ? (
          <PostForm>
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="govuk-button govuk-button--warning">{t("rounds.proposal.withdraw")}</button>
          </PostForm>
        ) : null}
        {viewer.isOfficer && proposal.roundPhase === "review" && proposal.status !== "withdrawn" ? (
          <section aria-labelledby="review-heading">
            <h2 className="govuk-heading-m" id="review-heading">{t("rounds.proposal.review.heading")}</h2>
            <PostForm>
              <input type="hidden" name="intent" value="review" />
              <Radios name="decision" legend={t("rounds.proposal.review.decision")} errors={errors} defaultValue={data?.values?.decision} options={[{ value: "feasible", label: t("rounds.proposal.review.feasible") }, { value: "not_feasible", label: t("rounds.proposal.review.notFeasible") }]} />
              <TextArea name="reason" label={t("rounds.proposal.reason")} values={data?.values ?? {}} errors={errors} rows={3} />
              <TextField name="adjustedCost" label={t("rounds.proposal.review.adjustedCost")} hint={t("rounds.proposal.review.adjustedCost.hint")} errors={errors} defaultValue={data?.values?.adjustedCost} widthClass="govuk-input--width-10" />
              <TextField name="costReason" label={t("rounds.proposal.review.costReason")} errors={errors} defaultValue={data?.values?.costReason} />
              <SubmitButton>{t("rounds.proposal.review.button")}</SubmitButton>
            </PostForm>
          </section>
        ) : null}
        {viewer.isModerator && proposal.hiddenReason === null ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{t("rounds.proposal.hide.summary")}</span></summary>
            <div className="govuk-details__text">
              <PostForm>
                <input type="hidden" name="intent" value="hide-proposal" />
                <TextField name="reason" label={t("rounds.proposal.reason")} errors={errors} />
                <button type="submit" className="govuk-button govuk-button--warning">{t("rounds.proposal.hide.button")}</button>
              </PostForm>
            </div>
          </details>
        ) : null}
        <h2 className="govuk-heading-m">{t("rounds.proposal.comments")}</h2>
        {topLevel.length === 0 ? <p className="govuk-body">{t("rounds.proposal.comments.none")}</p> : null}
        {topLevel.map((comment) => (
          <div key={comment.id} className="govuk-!-margin-bottom-4">
            <Comment comment={comment} canHide={viewer.isModerator} />
            <div className="govuk-!-margin-left-6">
              {comments.filter((r) => r.parent_id === comment.id).map((reply) => <Comment key={reply.id} comment={reply} canHide={viewer.isModerator} />)}
              {viewer.signedIn ? (
                <details className="govuk-details">
                  <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{t("rounds.proposal.reply.summary", { name: comment.author_name })}</span></summary>
                  <div className="govuk-details__text">
                    <PostForm>
                      <input type="hidden" name="intent" value="comment" />
                      <input type="hidden" name="parentId" value={comment.id} />
                      <div className="govuk-form-group">
                        <label className="govuk-label" htmlFor={`reply-${comment.id}`}>{t("rounds.proposal.reply.label")}</label>
                        <textarea className="govuk-textarea" id={`reply-${comment.id}`} name="body" rows={3} maxLength={2000} />
                      </div>
                      <SubmitButton secondary>{t("rounds.proposal.reply.button")}</SubmitButton>
                    </PostForm>
                  </div>
                </details>
              ) : null}
            </div>
          </div>
        ))}
        {viewer.signedIn ? (
          <PostForm>
            <input type="hidden" name="intent" value="comment" />
            <TextArea name="body" label={t("rounds.proposal.comment.label")} values={{}} errors={errors} rows={4} />
            <SubmitButton secondary>{t("rounds.proposal.comment.button")}</SubmitButton>
          </PostForm>
        ) : (
          <p className="govuk-body">{tr("rounds.proposal.signIn", { link: <Link className="govuk-link" to="/sign-in">{t("rounds.proposal.signIn.link")}</Link> })}</p>
        )}
        <h2 className="govuk-heading-m">{t("rounds.proposal.history")}</h2>
        <ol className="govuk-list govuk-list--number">
          {events.map((e, i) => (
            <li key={i}>{eventLine(e)}</li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function Comment({ comment, canHide }: { comment: { id: number; author_name: string; body: string; created_at: string; hidden_at: string | null; hidden_reason: string | null }; canHide: boolean }) {
  return (
    <div className="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-2">
      <p className="govuk-body-s govuk-!-margin-bottom-1"><strong>{comment.author_name}</strong>, {formatDateTime(comment.created_at)}</p>
      {comment.hidden_at ? <p className="govuk-body">{t("rounds.proposal.comment.hidden", { reason: comment.hidden_reason ?? "" })}</p> : <p className="govuk-body potluck-preserve-lines">{comment.body}</p>}
      {canHide && !comment.hidden_at ? (
        <PostForm>
          <input type="hidden" name="intent" value="hide-comment" />
          <input type="hidden" name="commentId" value={comment.id} />
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor={`hide-${comment.id}`}>{t("rounds.proposal.comment.hide.reason")}</label>
            <input className="govuk-input govuk-!-width-one-half" id={`hide-${comment.id}`} name="reason" maxLength={500} />
          </div>
          <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">{t("rounds.proposal.comment.hide.button")}</button>
        </PostForm>
      ) : null}
    </div>
  );
}
