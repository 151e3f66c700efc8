// Pieces shared by the co-production pages.
import { Link } from "@remix-run/react";
import { RAG_LABELS, STAGE_LABELS, ragFor, type Stage } from "../domain/coproduction/reflection";
import { formatDay } from "../domain/coproduction/rules";
import { fieldError, type FieldError } from "./form";

const TAG_CLASS = { red: "govuk-tag--red", amber: "govuk-tag--yellow", green: "govuk-tag--green" } as const;

/** A stage as a red/amber/green tag that always carries the stage's words, never colour alone. */
export function StageTag({ stage }: { stage: Stage | null }) {
  if (stage === null) return <span className="govuk-body-s">No answer</span>;
  const rag = ragFor(stage);
  return (
    <strong className={`govuk-tag ${TAG_CLASS[rag]} potluck-stage-tag`}>
      {RAG_LABELS[rag]}: {STAGE_LABELS[stage]}
    </strong>
  );
}

export function Day({ day }: { day: string | null }) {
  return <>{day ? formatDay(day) : "No date"}</>;
}

export function TeamBackLink({ teamId, teamName }: { teamId: number; teamName: string }) {
  return (
    <Link className="govuk-back-link" to={`/coproduction/teams/${teamId}`}>
      Back to {teamName}
    </Link>
  );
}

/** A calendar day typed as YYYY-MM-DD: one text box, so it works the same with or without JavaScript. */
export function DateField({ name, label, defaultValue, errors }: { name: string; label: string; defaultValue?: string | undefined; errors: readonly FieldError[] | undefined }) {
  const error = fieldError(errors, name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      <div id={`${name}-hint`} className="govuk-hint">
        For example, 2027-03-31
      </div>
      {error ? (
        <p id={`${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
        id={name}
        name={name}
        type="text"
        inputMode="numeric"
        defaultValue={defaultValue}
        aria-describedby={`${name}-hint${error ? ` ${name}-error` : ""}`}
        maxLength={10}
      />
    </div>
  );
}

export function TextAreaField({ name, label, hint, defaultValue, errors, rows = 4, maxLength }: { name: string; label: string; hint?: string; defaultValue?: string | undefined; errors: readonly FieldError[] | undefined; rows?: number; maxLength?: number }) {
  const error = fieldError(errors, name);
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].join(" ").trim() || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div className="govuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="govuk-error-message" id={`${name}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <textarea className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`} id={name} name={name} rows={rows} defaultValue={defaultValue} aria-describedby={describedBy} maxLength={maxLength} />
    </div>
  );
}
