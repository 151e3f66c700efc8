import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { SummaryList, formatDateTime } from "../components/summary-list";
import { Term } from "../components/term";
import { formatPounds } from "../domain/format";
import { nextPhase, phaseLabel } from "../domain/rounds/phases";
import { actorFrom } from "../http/auth.server";
import { formErrors, readForm } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { movePhase, phaseHistory } from "../services/rounds/rounds.server";
import { t } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t("layout.pageTitle", { title: data?.round.title ?? t("rounds.round.title") }) }];

const BALLOT_LABELS = { approval: "rounds.round.ballot.approval", knapsack: "rounds.round.ballot.knapsack", cumulative: "rounds.round.ballot.cumulative", ranked: "rounds.round.ballot.ranked" } as const;
const CHANNEL_LABELS = { online: "rounds.round.channel.online", code: "rounds.round.channel.code", paper: "rounds.round.channel.paper" } as const;
/** The button that moves a round on, for each stage it can move to. */
const MOVE_BUTTONS = { proposals: "rounds.round.move.button.proposals", review: "rounds.round.move.button.review", voting: "rounds.round.move.button.voting", closed: "rounds.round.move.button.closed" } as const;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { round, isOfficer } = await roundForPage(context, params.slug);
  const history = await phaseHistory(context.db, round.id);
  return json({
    round: {
      id: round.id, slug: round.slug, title: round.title, description: round.description, area: round.area, theme: round.theme,
      organisation: round.organisation_name, phase: round.phase, budget: formatPounds(round.budget_minor),
      dates: { proposals: round.proposals_open_at, review: round.review_starts_at, votingOpens: round.voting_opens_at, votingCloses: round.voting_closes_at },
      ballotType: round.ballot_type, minChoices: round.min_choices, maxChoices: round.max_choices, pointsTotal: round.points_total,
      countingRule: round.counting_rule, liveCounts: round.live_counts, rulesHash: round.frozen_rules_hash, frozenAt: round.frozen_at,
      channels: [round.allow_account_votes && "online", round.allow_code_votes && "code", round.allow_paper_votes && "paper"].filter(Boolean) as (keyof typeof CHANNEL_LABELS)[],
    },
    history: history.map((h) => ({ ...h, from: phaseLabel(h.from_phase), to: phaseLabel(h.to_phase) })),
    isOfficer,
    next: nextPhase(round.phase),
  });
}

const MoveSchema = z.object({ reason: z.string().trim().min(1, t("rounds.round.move.reason.missing")).max(500, t("rounds.round.move.reason.tooLong", { maximum: 500 })) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const form = await readForm(request, context, MoveSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  const to = nextPhase(round.phase);
  if (!to) return formErrors([{ field: "form", message: t("rounds.round.move.finished") }], form.values, 409);
  try {
    await movePhase(context.db, actorFrom(context), round.id, to, form.data.reason);
  } catch (error) {
    return formErrors([pageErrorFrom(error)], form.values, 409);
  }
  return redirect(`/rounds/${round.slug}`);
}

export default function RoundPage() {
  const { round, history, isOfficer, next } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const base = `/rounds/${round.slug}`;
  return (
    <>
      <ErrorSummary errors={data?.errors} />
      <span className="govuk-caption-l">{round.organisation}</span>
      <h1 className="govuk-heading-xl">{round.title}</h1>
      <p className="govuk-body-l">{round.description}</p>
      <p className="govuk-body">
        {tr("rounds.round.intro", {
          budgetRound: <Term id="budget-round">{t("rounds.round.intro.budgetRound")}</Term>,
          participatoryBudgeting: <Term id="participatory-budgeting">{t("rounds.round.intro.participatoryBudgeting")}</Term>,
        })}{" "}
        <Link className="govuk-link" to="/easy-read/voting">{t("easyRead.link.voting")}</Link>
      </p>
      <p className="govuk-body">
        {tr("rounds.round.stage", { stage: <strong className="govuk-tag">{phaseLabel(round.phase)}</strong> })}
      </p>
      <ul className="govuk-list">
        <li><Link className="govuk-link" to={`${base}/proposals`}>{t("rounds.round.link.proposals")}</Link></li>
        {round.phase === "proposals" ? <li><Link className="govuk-link" to={`${base}/proposals/new`}>{t("rounds.round.link.propose")}</Link></li> : null}
        {round.phase === "voting" ? <li><Link className="govuk-link" to={`${base}/vote`}>{t("rounds.round.link.vote")}</Link></li> : null}
        {round.phase === "voting" && round.channels.includes("paper") ? <li><Link className="govuk-link" to={`${base}/ballot-paper?print=large`}>{t("ballotPaper.link")}</Link></li> : null}
        {round.phase === "voting" || round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/tally`}>{t("rounds.round.link.tally")}</Link></li> : null}
        {round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/ballots`}>{t("rounds.round.link.ballots")}</Link></li> : null}
        {round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/results`}>{t("rounds.round.link.results")}</Link></li> : null}
        {round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/delivery`}>{t("rounds.round.link.delivery")}</Link></li> : null}
      </ul>
      <h2 className="govuk-heading-m">{t("rounds.round.howItWorks")}</h2>
      <SummaryList
        rows={[
          [t("rounds.round.budget"), round.budget],
          [t("rounds.round.area"), round.area ?? t("rounds.round.area.whole")],
          [t("rounds.round.theme"), round.theme ?? t("rounds.round.theme.any")],
          [t("rounds.round.proposalsOpen"), formatDateTime(round.dates.proposals)],
          [t("rounds.round.reviewStarts"), formatDateTime(round.dates.review)],
          [t("rounds.round.votingOpens"), formatDateTime(round.dates.votingOpens)],
          [t("rounds.round.votingCloses"), formatDateTime(round.dates.votingCloses)],
          [t("rounds.round.ballot"), round.ballotType === "approval" ? t("rounds.round.ballot.approvalRange", { minimum: round.minChoices, maximum: round.maxChoices }) : round.ballotType === "cumulative" ? t("rounds.round.ballot.points", { points: round.pointsTotal }) : round.ballotType === "ranked" ? t("rounds.round.ballot.rankedUpTo", { maximum: round.maxChoices }) : t(BALLOT_LABELS.knapsack)],
          [t("rounds.round.counting"), round.countingRule === "greedy" ? tr("rounds.round.counting.greedy", { term: <Term id="greedy-counting">{t("rounds.round.counting.greedy.term")}</Term> }) : tr("rounds.round.counting.equalShares", { term: <Term id="equal-shares">{t("rounds.round.counting.equalShares.term")}</Term> })],
          [t("rounds.round.liveCounts"), round.liveCounts === "public" ? t("rounds.round.liveCounts.public") : t("rounds.round.liveCounts.hidden")],
          [t("rounds.round.channels"), round.channels.map((channel) => t(CHANNEL_LABELS[channel])).join(", ")],
          [t("rounds.round.rulesHash"), round.rulesHash ? <span className="potluck-code" data-testid="rules-hash">{round.rulesHash}</span> : t("rounds.round.rulesHash.notYet")],
        ]}
      />
      {isOfficer ? (
        <section aria-labelledby="officer-heading">
          <h2 className="govuk-heading-m" id="officer-heading">{t("rounds.round.officer.heading")}</h2>
          <ul className="govuk-list">
            {!round.rulesHash ? <li><Link className="govuk-link" to={`${base}/edit`}>{t("rounds.round.officer.edit")}</Link></li> : null}
            {round.phase !== "closed" ? <li><Link className="govuk-link" to={`${base}/codes`}>{t("rounds.round.officer.codes")}</Link></li> : null}
            {round.phase === "voting" || round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/paper`}>{t("rounds.round.officer.paper")}</Link></li> : null}
          </ul>
          {next ? (
            <PostForm>
              <h3 className="govuk-heading-s">{t("rounds.round.move.heading", { phase: phaseLabel(next) })}</h3>
              {next === "voting" ? <div className="govuk-warning-text"><span className="govuk-warning-text__icon" aria-hidden="true">!</span><strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">{t("rounds.warning")}</span>{t("rounds.round.move.votingWarning")}</strong></div> : null}
              <TextField name="reason" label={t("rounds.round.move.reason")} errors={data?.errors} defaultValue={data?.values?.reason} />
              <SubmitButton>{t(MOVE_BUTTONS[next as keyof typeof MOVE_BUTTONS])}</SubmitButton>
            </PostForm>
          ) : null}
        </section>
      ) : null}
      <h2 className="govuk-heading-m">{t("rounds.round.history")}</h2>
      {history.length === 0 ? <p className="govuk-body">{t("rounds.round.history.none")}</p> : (
        <ol className="govuk-list govuk-list--number">
          {history.map((h, i) => (
            <li key={i}>{h.by_name ? t("rounds.round.history.byPerson", { date: formatDateTime(h.at), from: h.from, to: h.to, name: h.by_name, reason: h.reason }) : t("rounds.round.history.onSchedule", { date: formatDateTime(h.at), from: h.from, to: h.to, reason: h.reason })}</li>
          ))}
        </ol>
      )}
    </>
  );
}
