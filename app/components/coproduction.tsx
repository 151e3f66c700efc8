// Pieces shared by the co-production pages.
import { Link } from "@remix-run/react";
import { RAG_LABELS, STAGE_LABELS, ragFor, type Stage } from "../domain/coproduction/reflection";
import { formatDay } from "../domain/coproduction/rules";
import { TextArea, TextField, type FieldError } from "./form";

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
  return (
    <TextField name={name} label={label} hint="For example, 2027-03-31" defaultValue={defaultValue} errors={errors} widthClass="govuk-input--width-10" inputMode="numeric" maxLength={10} />
  );
}

export function TextAreaField({ rows = 4, ...props }: { name: string; label: string; hint?: string; defaultValue?: string | undefined; errors: readonly FieldError[] | undefined; rows?: number; maxLength?: number }) {
  return <TextArea rows={rows} {...props} />;
}
