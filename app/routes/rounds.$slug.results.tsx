import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton } from "../components/form";
import { SummaryList, formatDateTime } from "../components/summary-list";
import { formatPounds } from "../domain/format";
import { Term } from "../components/term";
import { RULE_IN_SENTENCE, RULE_LABELS, type StoredProject } from "../domain/results/labels";
import { PHASE_LABELS } from "../domain/rounds/phases";
import { actorFrom } from "../http/auth.server";
import { formErrors, readFormData } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { countRound, publishResults, readRoundResult } from "../services/results/results.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Results: ${data?.round.title ?? "Budget round"} - Potluck` }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { round, isOfficer } = await roundForPage(context, params.slug);
  const view = await readRoundResult(context.db, round.id, isOfficer ? "officer" : "public");
  return json({
    round: { slug: round.slug, title: round.title, organisation: round.organisation_name, phase: round.phase, rulesHash: round.frozen_rules_hash },
    isOfficer,
    view,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const formData = await readFormData(request, context);
  const intent = formData.get("intent");
  try {
    if (intent === "count") await countRound(context.db, actorFrom(context), round.id);
    else if (intent === "publish") await publishResults(context.db, actorFrom(context), round.id, { appUrl: context.config.appUrl });
    else return formErrors([{ field: "form", message: "Choose to count the votes or to publish the results" }], {}, 400);
  } catch (error) {
    return formErrors([pageErrorFrom(error)], {}, 409);
  }
  return redirect(`/rounds/${round.slug}/results`);
}

const CHANNEL_LABELS = { online: "Online with an account", code: "With a voting code", paper: "On paper" } as const;

/** Bar chart of support. Sizes are SVG attributes, never inline styles (the CSP forbids them). */
function SupportChart({ projects, measure }: { projects: StoredProject[]; measure: "votes" | "points" }) {
  const rowHeight = 36;
  const labelWidth = 260;
  const barSpace = 380;
  const height = projects.length * rowHeight + 8;
  const largest = Math.max(1, ...projects.map((p) => p[measure]));
  return (
    <svg
      className="potluck-chart"
      viewBox={`0 0 ${labelWidth + barSpace + 80} ${height}`}
      width="100%"
      role="img"
      aria-labelledby="chart-title chart-desc"
      focusable="false"
    >
      <title id="chart-title">{`${measure === "points" ? "Points" : "Votes"} for each project`}</title>
      <desc id="chart-desc">Green bars are funded projects, grey bars are not funded. The same figures are in the table below.</desc>
      {projects.map((p, i) => {
        const y = i * rowHeight + 4;
        const width = Math.round((p[measure] / largest) * barSpace);
        return (
          <g key={p.id}>
            <text x={labelWidth - 8} y={y + 20} textAnchor="end" fontSize="14" fill="#0b0c0c">
              {p.title.length > 34 ? `${p.title.slice(0, 33)}…` : p.title}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(width, 1)} height={rowHeight - 10} fill={p.funded ? "#00703c" : "#505a5f"} />
            <text x={labelWidth + Math.max(width, 1) + 6} y={y + 20} fontSize="14" fill="#0b0c0c">
              {p[measure]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export default function ResultsPage() {
  const { round, isOfficer, view } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const base = `/rounds/${round.slug}`;
  const result = view?.result;
  const measure = result?.ballotType === "cumulative" ? "points" : "votes";
  const titleOf = (id: number) => result?.projects.find((p) => p.id === id)?.title ?? `Project ${id}`;
  const listOf = (ids: number[]) => (ids.length === 0 ? "none" : ids.map(titleOf).join(", "));
  const budgetMinor = result ? BigInt(result.budgetMinor) : 0n;
  const committedMinor = result ? BigInt(result.totalCostMinor) : 0n;
  return (
    <>
      <ErrorSummary errors={data?.errors} />
      <span className="govuk-caption-l">{round.organisation}</span>
      <h1 className="govuk-heading-xl">Results: {round.title}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={base}>Back to the round</Link>
      </p>

      {isOfficer && round.phase === "closed" && !view?.published ? (
        <section aria-labelledby="officer-heading">
          <h2 className="govuk-heading-m" id="officer-heading">Count and publish</h2>
          <p className="govuk-body">
            Counting shows you a preview that only officers can see. You can count again, for example after accepting a late batch
            of paper ballots. Publishing is final: it commits each winning project's cost from the round's pot and tells every
            proposer and voter what happened.
          </p>
          <PostForm>
            <input type="hidden" name="intent" value="count" />
            <SubmitButton secondary={!!view}>{view ? "Count votes again" : "Count votes"}</SubmitButton>
          </PostForm>
          {view ? (
            <PostForm>
              <input type="hidden" name="intent" value="publish" />
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  Publishing cannot be undone.
                </strong>
              </div>
              <SubmitButton>Publish results</SubmitButton>
            </PostForm>
          ) : null}
        </section>
      ) : null}

      {!view || !result ? (
        <p className="govuk-body">
          {round.phase === "closed"
            ? "The votes are being counted. The results will appear here when they are published."
            : `The results will appear here after voting closes. The round is at the stage "${PHASE_LABELS[round.phase]}".`}
        </p>
      ) : (
        <>
          {!view.published ? (
            <div className="govuk-notification-banner" role="region" aria-labelledby="preview-title">
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="preview-title">Preview</h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">Only officers can see these results until they are published.</p>
              </div>
            </div>
          ) : null}

          <h2 className="govuk-heading-l">Funded projects</h2>
          {result.winners.length === 0 ? (
            <p className="govuk-body">No project was funded.</p>
          ) : (
            <ol className="govuk-list govuk-list--number">
              {result.winners.map((id) => {
                const p = result.projects.find((x) => x.id === id)!;
                return <li key={id}>{p.title}, {formatPounds(BigInt(p.costMinor))}</li>;
              })}
            </ol>
          )}
          <SummaryList
            rows={[
              ["Counting rule", <Term id={result.rule === "greedy" ? "greedy-counting" : "equal-shares"} key="rule">{RULE_LABELS[result.rule]}</Term>],
              ["Budget", formatPounds(budgetMinor)],
              ["Committed to funded projects", formatPounds(committedMinor)],
              ["Left in the pot", formatPounds(budgetMinor - committedMinor)],
              ["Ballots counted", String(view.ballotCount)],
              [view.published ? "Published" : "Counted", formatDateTime(view.published ? view.publishedAt : view.computedAt)],
              ["Ties", result.tieBreak],
              ["Rules fingerprint", <code className="potluck-code" data-testid="rules-hash" key="r">{view.rulesHash}</code>],
              ["Ballots fingerprint", <code className="potluck-code" data-testid="ballots-hash" key="b">{view.ballotsHash}</code>],
            ]}
          />

          <h2 className="govuk-heading-l">Support for every project</h2>
          <SupportChart projects={result.projects} measure={measure} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Every project, how much support it had and why it was or was not funded</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Project</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Cost</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{measure === "points" ? "Points" : "Votes"}</th>
                <th scope="col" className="govuk-table__header">Funded</th>
                <th scope="col" className="govuk-table__header">Why</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {result.projects.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <th scope="row" className="govuk-table__header">{p.title}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(BigInt(p.costMinor))}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p[measure]}</td>
                  <td className="govuk-table__cell">{p.funded ? `Yes (${p.position})` : "No"}</td>
                  <td className="govuk-table__cell">{p.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2 className="govuk-heading-l">Turnout</h2>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Ballots counted by how people voted</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">How</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Ballots</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {(["online", "code", "paper"] as const).map((channel) => (
                <tr className="govuk-table__row" key={channel}>
                  <th scope="row" className="govuk-table__header">{CHANNEL_LABELS[channel]}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{result.turnout[channel]}</td>
                </tr>
              ))}
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">Total</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{result.turnout.total}</td>
              </tr>
            </tbody>
          </table>

          <h2 className="govuk-heading-l">How the other counting rule compares</h2>
          <p className="govuk-body">
            This round was counted with {RULE_IN_SENTENCE[result.rule]}. For comparison, the same ballots counted with{" "}
            {RULE_IN_SENTENCE[result.comparison.otherRule]} would fund: {listOf(result.comparison.otherWinners)}.
          </p>
          <SummaryList
            rows={[
              [`Funded only by ${RULE_IN_SENTENCE[result.rule]}`, listOf(result.comparison.onlyByRule)],
              [`Funded only by ${RULE_IN_SENTENCE[result.comparison.otherRule]}`, listOf(result.comparison.onlyByOther)],
              [`Voters with at least one funded project they chose, with ${RULE_IN_SENTENCE[result.rule]}`, String(result.comparison.votersWithFundedProject.rule)],
              [`Voters with at least one funded project they chose, with ${RULE_IN_SENTENCE[result.comparison.otherRule]}`, String(result.comparison.votersWithFundedProject.other)],
            ]}
          />

          {view.published ? (
            <>
              <h2 className="govuk-heading-l">Check the count yourself</h2>
              <p className="govuk-body">
                Download the round with every counted ballot, and count it with any tool that reads Pabulib files. Each voter is
                named by the start of their receipt's fingerprint.
              </p>
              <ul className="govuk-list">
                <li><a className="govuk-link" href={`${base}/results.pb`} download>Download the round as a Pabulib file (.pb)</a></li>
                <li><a className="govuk-link" href={`${base}/results.csv`} download>Download the results as a spreadsheet (CSV)</a></li>
                <li><Link className="govuk-link" to={`${base}/delivery`}>See how the funded projects are being delivered</Link></li>
              </ul>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
