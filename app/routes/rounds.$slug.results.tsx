import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton } from "../components/form";
import { SummaryList, formatDateTime } from "../components/summary-list";
import { formatPounds } from "../domain/format";
import { Term } from "../components/term";
import { RULE_IN_SENTENCE, RULE_LABELS, type StoredProject } from "../domain/results/labels";
import { phaseLabel } from "../domain/rounds/phases";
import { actorFrom } from "../http/auth.server";
import { formErrors, readFormData } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { countRound, publishResults, readRoundResult } from "../services/results/results.server";
import { t } from "../i18n/translate";
import type { MessageKey } from "../i18n/en";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t("layout.pageTitle", { title: t("results.page.title", { title: data?.round.title ?? t("results.page.titleFallback") }) }) }];

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
    else return formErrors([{ field: "form", message: t("results.page.intentMissing") }], {}, 400);
  } catch (error) {
    return formErrors([pageErrorFrom(error)], {}, 409);
  }
  return redirect(`/rounds/${round.slug}/results`);
}

const CHANNEL_LABELS = { online: "results.turnout.online", code: "results.turnout.code", paper: "results.turnout.paper" } as const satisfies Record<string, MessageKey>;

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
      <title id="chart-title">{t(measure === "points" ? "results.chart.title.points" : "results.chart.title.votes")}</title>
      <desc id="chart-desc">{t("results.chart.description")}</desc>
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
  const titleOf = (id: number) => result?.projects.find((p) => p.id === id)?.title ?? t("results.page.projectFallback", { id });
  const listOf = (ids: number[]) => (ids.length === 0 ? t("results.page.listNone") : ids.map(titleOf).join(", "));
  const budgetMinor = result ? BigInt(result.budgetMinor) : 0n;
  const committedMinor = result ? BigInt(result.totalCostMinor) : 0n;
  return (
    <>
      <ErrorSummary errors={data?.errors} />
      <span className="govuk-caption-l">{round.organisation}</span>
      <h1 className="govuk-heading-xl">{t("results.page.title", { title: round.title })}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={base}>{t("results.page.back")}</Link>
      </p>

      {isOfficer && round.phase === "closed" && !view?.published ? (
        <section aria-labelledby="officer-heading">
          <h2 className="govuk-heading-m" id="officer-heading">{t("results.officer.heading")}</h2>
          <p className="govuk-body">{t("results.officer.intro")}</p>
          <PostForm>
            <input type="hidden" name="intent" value="count" />
            <SubmitButton secondary={!!view}>{t(view ? "results.officer.countAgain" : "results.officer.count")}</SubmitButton>
          </PostForm>
          {view ? (
            <PostForm>
              <input type="hidden" name="intent" value="publish" />
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">{t("results.officer.warning")}</span>
                  {t("results.officer.publishFinal")}
                </strong>
              </div>
              <SubmitButton>{t("results.officer.publish")}</SubmitButton>
            </PostForm>
          ) : null}
        </section>
      ) : null}

      {!view || !result ? (
        <p className="govuk-body">
          {round.phase === "closed"
            ? t("results.page.beingCounted")
            : t("results.page.notClosed", { phase: phaseLabel(round.phase) })}
        </p>
      ) : (
        <>
          {!view.published ? (
            <div className="govuk-notification-banner" role="region" aria-labelledby="preview-title">
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="preview-title">{t("results.preview.title")}</h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">{t("results.preview.body")}</p>
              </div>
            </div>
          ) : null}

          <h2 className="govuk-heading-l">{t("results.funded.heading")}</h2>
          {result.winners.length === 0 ? (
            <p className="govuk-body">{t("results.funded.none")}</p>
          ) : (
            <ol className="govuk-list govuk-list--number">
              {result.winners.map((id) => {
                const p = result.projects.find((x) => x.id === id)!;
                return <li key={id}>{t("results.funded.item", { title: p.title, cost: formatPounds(BigInt(p.costMinor)) })}</li>;
              })}
            </ol>
          )}
          <SummaryList
            rows={[
              [t("results.summary.rule"), <Term id={result.rule === "greedy" ? "greedy-counting" : "equal-shares"} key="rule">{t(RULE_LABELS[result.rule])}</Term>],
              [t("results.summary.budget"), formatPounds(budgetMinor)],
              [t("results.summary.committed"), formatPounds(committedMinor)],
              [t("results.summary.left"), formatPounds(budgetMinor - committedMinor)],
              [t("results.summary.ballots"), String(view.ballotCount)],
              [t(view.published ? "results.summary.published" : "results.summary.counted"), formatDateTime(view.published ? view.publishedAt : view.computedAt)],
              [t("results.summary.ties"), result.tieBreak],
              [t("results.summary.rulesHash"), <code className="potluck-code" data-testid="rules-hash" key="r">{view.rulesHash}</code>],
              [t("results.summary.ballotsHash"), <code className="potluck-code" data-testid="ballots-hash" key="b">{view.ballotsHash}</code>],
            ]}
          />

          <h2 className="govuk-heading-l">{t("results.support.heading")}</h2>
          <SupportChart projects={result.projects} measure={measure} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("results.support.caption")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("results.support.project")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.support.cost")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t(measure === "points" ? "results.support.points" : "results.support.votes")}</th>
                <th scope="col" className="govuk-table__header">{t("results.support.funded")}</th>
                <th scope="col" className="govuk-table__header">{t("results.support.why")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {result.projects.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <th scope="row" className="govuk-table__header">{p.title}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(BigInt(p.costMinor))}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{p[measure]}</td>
                  <td className="govuk-table__cell">{p.funded ? t("results.support.fundedYes", { position: String(p.position) }) : t("results.support.fundedNo")}</td>
                  <td className="govuk-table__cell">{p.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2 className="govuk-heading-l">{t("results.turnout.heading")}</h2>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("results.turnout.caption")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("results.turnout.how")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("results.turnout.ballots")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {(["online", "code", "paper"] as const).map((channel) => (
                <tr className="govuk-table__row" key={channel}>
                  <th scope="row" className="govuk-table__header">{t(CHANNEL_LABELS[channel])}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{result.turnout[channel]}</td>
                </tr>
              ))}
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{t("results.turnout.total")}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{result.turnout.total}</td>
              </tr>
            </tbody>
          </table>

          <h2 className="govuk-heading-l">{t("results.comparison.heading")}</h2>
          <p className="govuk-body">
            {t("results.comparison.intro", {
              rule: t(RULE_IN_SENTENCE[result.rule]),
              otherRule: t(RULE_IN_SENTENCE[result.comparison.otherRule]),
              projects: listOf(result.comparison.otherWinners),
            })}
          </p>
          <SummaryList
            rows={[
              [t("results.comparison.onlyBy", { rule: t(RULE_IN_SENTENCE[result.rule]) }), listOf(result.comparison.onlyByRule)],
              [t("results.comparison.onlyBy", { rule: t(RULE_IN_SENTENCE[result.comparison.otherRule]) }), listOf(result.comparison.onlyByOther)],
              [t("results.comparison.votersWith", { rule: t(RULE_IN_SENTENCE[result.rule]) }), String(result.comparison.votersWithFundedProject.rule)],
              [t("results.comparison.votersWith", { rule: t(RULE_IN_SENTENCE[result.comparison.otherRule]) }), String(result.comparison.votersWithFundedProject.other)],
            ]}
          />

          {view.published ? (
            <>
              <h2 className="govuk-heading-l">{t("results.check.heading")}</h2>
              <p className="govuk-body">{t("results.check.intro")}</p>
              <ul className="govuk-list">
                <li><a className="govuk-link" href={`${base}/results.pb`} download>{t("results.check.pb")}</a></li>
                <li><a className="govuk-link" href={`${base}/results.csv`} download>{t("results.check.csv")}</a></li>
                <li><Link className="govuk-link" to={`${base}/delivery`}>{t("results.check.delivery")}</Link></li>
              </ul>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
