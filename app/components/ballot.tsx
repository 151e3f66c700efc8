// The ballot paper on screen: tick boxes, points or numbers, then "check your choices".
import type { ReactNode } from "react";
import { ErrorSummary, type FieldError, FieldErrorMessage, PostForm } from "./form";
import { t, tp } from "../i18n/translate";

export interface BallotProject {
  id: number;
  title: string;
  cost: string;
}

type BallotType = "approval" | "knapsack" | "cumulative" | "ranked";

export function ballotInstructions(type: BallotType, rules: { minChoices: number; maxChoices: number; pointsTotal: number; budget: string }): string {
  switch (type) {
    case "approval":
      return rules.minChoices === rules.maxChoices ? t("rounds.ballot.instructions.approvalExact", { number: rules.maxChoices }) : t("rounds.ballot.instructions.approvalBetween", { minimum: rules.minChoices, maximum: rules.maxChoices });
    case "knapsack":
      return t("rounds.ballot.instructions.knapsack", { budget: rules.budget });
    case "cumulative":
      return t("rounds.ballot.instructions.cumulative", { points: rules.pointsTotal });
    case "ranked":
      return t("rounds.ballot.instructions.ranked", { maximum: rules.maxChoices });
  }
}

export function ChooseStep({ type, projects, instructions, values, errors, hidden, extraFields, submitLabel = t("rounds.ballot.check") }: { type: BallotType; projects: BallotProject[]; instructions: string; values: Record<string, string>; errors?: FieldError[] | undefined; hidden?: Record<string, string>; extraFields?: ReactNode; submitLabel?: string }) {
  const ticked = new Set((values.project ?? "").split("\n"));
  const error = errors?.find((e) => e.field === "ballot")?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      <PostForm>
        {Object.entries({ intent: "review", ...hidden }).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {extraFields}
        <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} id="ballot" tabIndex={-1}>
          <fieldset className="govuk-fieldset" aria-describedby="ballot-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("rounds.ballot.legend")}</legend>
            <div id="ballot-hint" className="govuk-hint">{instructions}</div>
            {error ? <FieldErrorMessage id="ballot-error" message={error} /> : null}
            {type === "approval" || type === "knapsack" ? (
              <div className="govuk-checkboxes" data-module="govuk-checkboxes">
                {projects.map((p) => (
                  <div className="govuk-checkboxes__item" key={p.id}>
                    <input className="govuk-checkboxes__input" id={`project-${p.id}`} name="project" type="checkbox" value={p.id} defaultChecked={ticked.has(String(p.id))} />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`project-${p.id}`}>{p.title} ({p.cost})</label>
                  </div>
                ))}
              </div>
            ) : (
              projects.map((p) => {
                const name = `${type === "cumulative" ? "points" : "rank"}-${p.id}`;
                return (
                  <div className="govuk-form-group govuk-!-margin-bottom-3" key={p.id}>
                    <label className="govuk-label" htmlFor={name}>{type === "cumulative" ? t("rounds.ballot.pointsFor", { title: p.title, cost: p.cost }) : t("rounds.ballot.rankFor", { title: p.title, cost: p.cost })}</label>
                    <input className="govuk-input govuk-input--width-3" id={name} name={name} inputMode="numeric" defaultValue={values[name] ?? ""} />
                  </div>
                );
              })
            )}
          </fieldset>
        </div>
        <button type="submit" className="govuk-button">{submitLabel}</button>
      </PostForm>
    </>
  );
}

export function ReviewStep({ projects, choices, values, type, hidden }: { projects: BallotProject[]; choices: { proposalId: number; points: number; rank: number | null }[]; values: Record<string, string>; type: BallotType; hidden?: Record<string, string> }) {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const echo = Object.entries(values).filter(([k]) => k === "project" || k.startsWith("points-") || k.startsWith("rank-") || k in (hidden ?? {}));
  const fields = echo.flatMap(([k, v]) => v.split("\n").map((part, i) => <input key={`${k}-${i}`} type="hidden" name={k} value={part} />));
  return (
    <>
      <h2 className="govuk-heading-m">{t("rounds.ballot.check")}</h2>
      {choices.length === 0 ? <p className="govuk-body">{t("rounds.ballot.review.none")}</p> : (
        <ol className="govuk-list govuk-list--number">
          {choices.map((c) => (
            <li key={c.proposalId}>
              {type === "cumulative" ? tp("rounds.ballot.review.withPoints", c.points, { title: byId.get(c.proposalId)?.title ?? "", cost: byId.get(c.proposalId)?.cost ?? "" }) : <>{byId.get(c.proposalId)?.title} ({byId.get(c.proposalId)?.cost})</>}
            </li>
          ))}
        </ol>
      )}
      <div className="govuk-button-group">
        <PostForm>
          {fields}
          <input type="hidden" name="intent" value="confirm" />
          <button type="submit" className="govuk-button">{t("rounds.ballot.confirm")}</button>
        </PostForm>
        <PostForm>
          {fields}
          <input type="hidden" name="intent" value="change" />
          <button type="submit" className="govuk-button govuk-button--secondary">{t("rounds.ballot.change")}</button>
        </PostForm>
      </div>
    </>
  );
}

export function DoneStep({ receipt, replaced, roundSlug }: { receipt: string; replaced: boolean; roundSlug: string }) {
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">{t("rounds.ballot.done.title")}</h1>
        <div className="govuk-panel__body">
          {t("rounds.ballot.done.receipt")}<br />
          <strong className="potluck-code" data-testid="receipt">{receipt}</strong>
        </div>
      </div>
      {replaced ? <p className="govuk-body">{t("rounds.ballot.done.replaced")}</p> : null}
      <p className="govuk-body">{t("rounds.ballot.done.keep")}</p>
      <p className="govuk-body"><a className="govuk-link" href={`/rounds/${roundSlug}/tally`}>{t("rounds.ballot.done.tally")}</a></p>
    </>
  );
}
