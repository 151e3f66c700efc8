import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { SummaryList, formatDateTime } from "../components/summary-list";
import { Term } from "../components/term";
import { formatPounds } from "../domain/format";
import { nextPhase, PHASE_LABELS } from "../domain/rounds/phases";
import { actorFrom } from "../http/auth.server";
import { formErrors, readForm } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { movePhase, phaseHistory } from "../services/rounds/rounds.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? "Budget round"} - Potluck` }];

const BALLOT_LABELS = { approval: "Choose up to a number of projects", knapsack: "Choose projects within the budget", cumulative: "Spread points between projects", ranked: "Put projects in order" } as const;

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
      channels: [round.allow_account_votes && "online with an account", round.allow_code_votes && "with a voting code", round.allow_paper_votes && "on paper"].filter(Boolean) as string[],
    },
    history: history.map((h) => ({ ...h, from: PHASE_LABELS[h.from_phase], to: PHASE_LABELS[h.to_phase] })),
    isOfficer,
    next: nextPhase(round.phase),
  });
}

const MoveSchema = z.object({ reason: z.string().trim().min(1, "Enter a reason for moving the round on, which everyone will see").max(500, "Reason must be 500 characters or fewer") });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const form = await readForm(request, context, MoveSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  const to = nextPhase(round.phase);
  if (!to) return formErrors([{ field: "form", message: "The round has finished all its stages" }], form.values, 409);
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
        A <Term id="budget-round">budget round</Term> is part of <Term id="participatory-budgeting">participatory budgeting</Term>: people who live here decide how the money is spent.{" "}
        <Link className="govuk-link" to="/easy-read/voting">How to vote: Easy Read</Link>
      </p>
      <p className="govuk-body">
        Stage: <strong className="govuk-tag">{PHASE_LABELS[round.phase]}</strong>
      </p>
      <ul className="govuk-list">
        <li><Link className="govuk-link" to={`${base}/proposals`}>See the proposals</Link></li>
        {round.phase === "proposals" ? <li><Link className="govuk-link" to={`${base}/proposals/new`}>Make a proposal</Link></li> : null}
        {round.phase === "voting" ? <li><Link className="govuk-link" to={`${base}/vote`}>Vote in this round</Link></li> : null}
        {round.phase === "voting" && round.channels.includes("on paper") ? <li><Link className="govuk-link" to={`${base}/ballot-paper?print=large`}>Ballot paper to print (large print)</Link></li> : null}
        {round.phase === "voting" || round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/tally`}>See the tally</Link></li> : null}
        {round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/ballots`}>Check your ballot was counted</Link></li> : null}
        {round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/results`}>Results</Link></li> : null}
        {round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/delivery`}>Where the money went</Link></li> : null}
      </ul>
      <h2 className="govuk-heading-m">How this round works</h2>
      <SummaryList
        rows={[
          ["Budget", round.budget],
          ["Area", round.area ?? "Whole council area"],
          ["Theme", round.theme ?? "Any"],
          ["Proposals open", formatDateTime(round.dates.proposals)],
          ["Review starts", formatDateTime(round.dates.review)],
          ["Voting opens", formatDateTime(round.dates.votingOpens)],
          ["Voting closes", formatDateTime(round.dates.votingCloses)],
          ["Ballot", round.ballotType === "approval" ? `Choose ${round.minChoices} to ${round.maxChoices} projects` : round.ballotType === "cumulative" ? `Spread ${round.pointsTotal} points` : round.ballotType === "ranked" ? `Put up to ${round.maxChoices} projects in order` : BALLOT_LABELS.knapsack],
          ["Counting", round.countingRule === "greedy" ? <><Term id="greedy-counting">Most votes first</Term>, while the money lasts</> : <><Term id="equal-shares">Method of Equal Shares</Term> (each voter gets an equal share of the budget)</>],
          ["Live counts", round.liveCounts === "public" ? "Shown while voting is open" : "Hidden until voting closes (turnout is shown)"],
          ["Ways to vote", round.channels.join(", ")],
          ["Rules fingerprint", round.rulesHash ? <span className="potluck-code" data-testid="rules-hash">{round.rulesHash}</span> : "Set when voting opens"],
        ]}
      />
      {isOfficer ? (
        <section aria-labelledby="officer-heading">
          <h2 className="govuk-heading-m" id="officer-heading">Run this round</h2>
          <ul className="govuk-list">
            {!round.rulesHash ? <li><Link className="govuk-link" to={`${base}/edit`}>Change the round's details and rules</Link></li> : null}
            {round.phase !== "closed" ? <li><Link className="govuk-link" to={`${base}/codes`}>Make voting codes</Link></li> : null}
            {round.phase === "voting" || round.phase === "closed" ? <li><Link className="govuk-link" to={`${base}/paper`}>Key paper ballots</Link></li> : null}
          </ul>
          {next ? (
            <PostForm>
              <h3 className="govuk-heading-s">Move to the next stage: {PHASE_LABELS[next]}</h3>
              {next === "voting" ? <div className="govuk-warning-text"><span className="govuk-warning-text__icon" aria-hidden="true">!</span><strong className="govuk-warning-text__text"><span className="govuk-visually-hidden">Warning</span>Opening voting freezes the rules and the list of projects. They cannot change afterwards.</strong></div> : null}
              <TextField name="reason" label="Reason (shown in the round's history)" errors={data?.errors} defaultValue={data?.values?.reason} />
              <SubmitButton>Move to {PHASE_LABELS[next].toLowerCase()}</SubmitButton>
            </PostForm>
          ) : null}
        </section>
      ) : null}
      <h2 className="govuk-heading-m">History</h2>
      {history.length === 0 ? <p className="govuk-body">The round has not moved on yet.</p> : (
        <ol className="govuk-list govuk-list--number">
          {history.map((h, i) => (
            <li key={i}>{formatDateTime(h.at)}: from "{h.from}" to "{h.to}"{h.by_name ? ` by ${h.by_name}` : " on schedule"}. {h.reason}</li>
          ))}
        </ol>
      )}
    </>
  );
}
