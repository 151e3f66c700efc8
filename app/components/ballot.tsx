// The ballot paper on screen: tick boxes, points or numbers, then "check your choices".
import type { ReactNode } from "react";
import { ErrorSummary, type FieldError, FieldErrorMessage, PostForm } from "./form";

export interface BallotProject {
  id: number;
  title: string;
  cost: string;
}

type BallotType = "approval" | "knapsack" | "cumulative" | "ranked";

export function ballotInstructions(type: BallotType, rules: { minChoices: number; maxChoices: number; pointsTotal: number; budget: string }): string {
  switch (type) {
    case "approval":
      return rules.minChoices === rules.maxChoices ? `Choose ${rules.maxChoices} projects.` : `Choose between ${rules.minChoices} and ${rules.maxChoices} projects.`;
    case "knapsack":
      return `Choose the projects you want. Together they must cost no more than the budget of ${rules.budget}.`;
    case "cumulative":
      return `You have ${rules.pointsTotal} points. Give points to the projects you want: more points for the ones that matter most to you.`;
    case "ranked":
      return `Number up to ${rules.maxChoices} projects in order: 1 for your favourite, 2 for your next, and so on. Leave the others blank.`;
  }
}

export function ChooseStep({ type, projects, instructions, values, errors, hidden, extraFields, submitLabel = "Check your choices" }: { type: BallotType; projects: BallotProject[]; instructions: string; values: Record<string, string>; errors?: FieldError[] | undefined; hidden?: Record<string, string>; extraFields?: ReactNode; submitLabel?: string }) {
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
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Your choices</legend>
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
                    <label className="govuk-label" htmlFor={name}>{type === "cumulative" ? "Points for" : "Your number for"} {p.title} ({p.cost})</label>
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
      <h2 className="govuk-heading-m">Check your choices</h2>
      {choices.length === 0 ? <p className="govuk-body">You have not chosen any projects.</p> : (
        <ol className="govuk-list govuk-list--number">
          {choices.map((c) => (
            <li key={c.proposalId}>
              {byId.get(c.proposalId)?.title} ({byId.get(c.proposalId)?.cost}){type === "cumulative" ? `: ${c.points} ${c.points === 1 ? "point" : "points"}` : ""}
            </li>
          ))}
        </ol>
      )}
      <div className="govuk-button-group">
        <PostForm>
          {fields}
          <input type="hidden" name="intent" value="confirm" />
          <button type="submit" className="govuk-button">Confirm and cast your vote</button>
        </PostForm>
        <PostForm>
          {fields}
          <input type="hidden" name="intent" value="change" />
          <button type="submit" className="govuk-button govuk-button--secondary">Change your choices</button>
        </PostForm>
      </div>
    </>
  );
}

export function DoneStep({ receipt, replaced, roundSlug }: { receipt: string; replaced: boolean; roundSlug: string }) {
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Your vote has been counted</h1>
        <div className="govuk-panel__body">
          Your receipt code<br />
          <strong className="potluck-code" data-testid="receipt">{receipt}</strong>
        </div>
      </div>
      {replaced ? <p className="govuk-body">This vote replaces the one you cast before. Only your latest vote counts.</p> : null}
      <p className="govuk-body">Write your receipt code down. When voting closes you can use it to check that your ballot was counted as you cast it.</p>
      <p className="govuk-body"><a className="govuk-link" href={`/rounds/${roundSlug}/tally`}>See the tally</a></p>
    </>
  );
}
