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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.proposal.title ?? "Proposal"} - Potluck` }];

const STATUS_LABELS = { submitted: "Waiting for review", withdrawn: "Withdrawn by its authors", feasible: "Feasible: on the ballot", not_feasible: "Not feasible" } as const;
const EVENT_LABELS: Record<string, string> = { submitted: "Submitted", edited: "Changed by its authors", withdrawn: "Withdrawn", reviewed: "Reviewed", hidden: "Hidden by a moderator", comment_hidden: "A comment was hidden by a moderator" };

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
  if (!intent.success) return formErrors([{ field: "form", message: "Choose an action on this page" }], values);
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
            return formErrors([{ field: "adjustedCost", message: "Enter the adjusted cost in pounds, like 12500" }], values);
          }
          if (!form.data.costReason) return formErrors([{ field: "costReason", message: "Enter the reason the cost changed, which everyone will see" }], values);
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
          <div className="govuk-panel govuk-panel--confirmation"><h1 className="govuk-panel__title">Proposal submitted</h1><div className="govuk-panel__body">Officers will review it when proposals close</div></div>
        ) : null}
        <span className="govuk-caption-l"><Link className="govuk-link" to={`/rounds/${proposal.roundSlug}`}>{proposal.roundTitle}</Link></span>
        <h1 className="govuk-heading-l">{proposal.title}</h1>
        {proposal.hiddenReason !== null ? (
          <div className="govuk-inset-text">This proposal was hidden by a moderator. Reason: {proposal.hiddenReason}</div>
        ) : (
          <>
            <p className="govuk-body-l">{proposal.summary}</p>
            <p className="govuk-body potluck-preserve-lines">{proposal.description}</p>
          </>
        )}
        <SummaryList rows={[
          ["Status", STATUS_LABELS[proposal.status]],
          ["Estimated cost", proposal.cost],
          ["Proposed by", [proposal.author, ...coauthors].join(", ")],
          ["Area", proposal.area ?? "Not given"],
          ["Theme", proposal.theme ?? "Not given"],
          ["Supporters", String(supports)],
          ...(proposal.reviewReason ? [["Review", proposal.reviewReason] as [string, string]] : []),
          ...(proposal.costReason ? [["Why the cost changed", proposal.costReason] as [string, string]] : []),
        ]} />
        {costLines.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">What the money pays for</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Item</th><th scope="col" className="govuk-table__header govuk-table__header--numeric">Cost</th></tr></thead>
            <tbody className="govuk-table__body">{costLines.map((l, i) => <tr className="govuk-table__row" key={i}><td className="govuk-table__cell">{l.description}</td><td className="govuk-table__cell govuk-table__cell--numeric">{l.amount}</td></tr>)}</tbody>
          </table>
        ) : null}
        {viewer.signedIn && proposal.roundPhase === "proposals" && proposal.status === "submitted" && proposal.hiddenReason === null ? (
          <PostForm>
            <input type="hidden" name="intent" value={viewer.supported ? "unsupport" : "support"} />
            <SubmitButton secondary={viewer.supported}>{viewer.supported ? "Remove your support" : "Support this proposal"}</SubmitButton>
          </PostForm>
        ) : null}
        {viewer.isAuthor && proposal.roundPhase === "proposals" && proposal.status === "submitted" ? (
          <p className="govuk-body"><Link className="govuk-link" to={`/proposals/${proposal.id}/edit`}>Change your proposal</Link></p>
        ) : null}
        {viewer.isAuthor && proposal.roundPhase === "proposals" && proposal.status === "submitted" ? (
          <PostForm>
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="govuk-button govuk-button--warning">Withdraw this proposal</button>
          </PostForm>
        ) : null}
        {viewer.isOfficer && proposal.roundPhase === "review" && proposal.status !== "withdrawn" ? (
          <section aria-labelledby="review-heading">
            <h2 className="govuk-heading-m" id="review-heading">Review this proposal</h2>
            <PostForm>
              <input type="hidden" name="intent" value="review" />
              <Radios name="decision" legend="Can the council deliver it?" errors={errors} defaultValue={data?.values?.decision} options={[{ value: "feasible", label: "Feasible: put it on the ballot" }, { value: "not_feasible", label: "Not feasible" }]} />
              <TextArea name="reason" label="Reason (everyone will see this)" values={data?.values ?? {}} errors={errors} rows={3} />
              <TextField name="adjustedCost" label="Adjusted cost in pounds (optional)" hint="Only if the council's estimate differs" errors={errors} defaultValue={data?.values?.adjustedCost} widthClass="govuk-input--width-10" />
              <TextField name="costReason" label="Why the cost changed (optional)" errors={errors} defaultValue={data?.values?.costReason} />
              <SubmitButton>Save review</SubmitButton>
            </PostForm>
          </section>
        ) : null}
        {viewer.isModerator && proposal.hiddenReason === null ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Hide this proposal (moderators)</span></summary>
            <div className="govuk-details__text">
              <PostForm>
                <input type="hidden" name="intent" value="hide-proposal" />
                <TextField name="reason" label="Reason (everyone will see this)" errors={errors} />
                <button type="submit" className="govuk-button govuk-button--warning">Hide proposal</button>
              </PostForm>
            </div>
          </details>
        ) : null}
        <h2 className="govuk-heading-m">Comments</h2>
        {topLevel.length === 0 ? <p className="govuk-body">No comments yet.</p> : null}
        {topLevel.map((comment) => (
          <div key={comment.id} className="govuk-!-margin-bottom-4">
            <Comment comment={comment} canHide={viewer.isModerator} />
            <div className="govuk-!-margin-left-6">
              {comments.filter((r) => r.parent_id === comment.id).map((reply) => <Comment key={reply.id} comment={reply} canHide={viewer.isModerator} />)}
              {viewer.signedIn ? (
                <details className="govuk-details">
                  <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Reply to {comment.author_name}</span></summary>
                  <div className="govuk-details__text">
                    <PostForm>
                      <input type="hidden" name="intent" value="comment" />
                      <input type="hidden" name="parentId" value={comment.id} />
                      <div className="govuk-form-group">
                        <label className="govuk-label" htmlFor={`reply-${comment.id}`}>Your reply</label>
                        <textarea className="govuk-textarea" id={`reply-${comment.id}`} name="body" rows={3} maxLength={2000} />
                      </div>
                      <SubmitButton secondary>Post reply</SubmitButton>
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
            <TextArea name="body" label="Add a comment" values={{}} errors={errors} rows={4} />
            <SubmitButton secondary>Post comment</SubmitButton>
          </PostForm>
        ) : (
          <p className="govuk-body"><Link className="govuk-link" to="/sign-in">Sign in</Link> to comment or support proposals.</p>
        )}
        <h2 className="govuk-heading-m">History</h2>
        <ol className="govuk-list govuk-list--number">
          {events.map((e, i) => (
            <li key={i}>{formatDateTime(e.at)}: {EVENT_LABELS[e.kind] ?? e.kind}{e.actor ? ` (${e.actor})` : ""}{e.details.reason ? `. Reason: ${e.details.reason}` : ""}</li>
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
      {comment.hidden_at ? <p className="govuk-body">Hidden by a moderator. Reason: {comment.hidden_reason}</p> : <p className="govuk-body potluck-preserve-lines">{comment.body}</p>}
      {canHide && !comment.hidden_at ? (
        <PostForm>
          <input type="hidden" name="intent" value="hide-comment" />
          <input type="hidden" name="commentId" value={comment.id} />
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor={`hide-${comment.id}`}>Reason for hiding</label>
            <input className="govuk-input govuk-!-width-one-half" id={`hide-${comment.id}`} name="reason" maxLength={500} />
          </div>
          <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">Hide comment</button>
        </PostForm>
      ) : null}
    </div>
  );
}
