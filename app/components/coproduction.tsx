// Pieces shared by the co-production pages.
import { Link } from "@remix-run/react";
import { ragFor, ragLabel, stageLabel, type Stage } from "../domain/coproduction/reflection";
import { formatDay } from "../domain/coproduction/rules";
import { t } from "../i18n/translate";
import { TextArea, TextField, type FieldError } from "./form";

const TAG_CLASS = { red: "govuk-tag--red", amber: "govuk-tag--yellow", green: "govuk-tag--green" } as const;

/** A stage as a red/amber/green tag that always carries the stage's words, never colour alone. */
export function StageTag({ stage }: { stage: Stage | null }) {
  if (stage === null) return <span className="govuk-body-s">{t("coproduction.noAnswer")}</span>;
  const rag = ragFor(stage);
  return (
    // i18n-exempt: class names, not words
    <strong className={`govuk-tag ${TAG_CLASS[rag]} potluck-stage-tag`}>
      {t("coproduction.stageTag", { rag: ragLabel(rag), stage: stageLabel(stage) })}
    </strong>
  );
}

/** A calendar day in words, or words saying there is none. */
export function dayText(day: string | null): string {
  return day ? formatDay(day) : t("coproduction.noDate");
}

export function Day({ day }: { day: string | null }) {
  return <>{dayText(day)}</>;
}

export function TeamBackLink({ teamId, teamName }: { teamId: number; teamName: string }) {
  return (
    <Link className="govuk-back-link" to={`/coproduction/teams/${teamId}`}>
      {t("coproduction.backToTeam", { team: teamName })}
    </Link>
  );
}

/** A calendar day typed as YYYY-MM-DD: one text box, so it works the same with or without JavaScript. */
export function DateField({ name, label, defaultValue, errors }: { name: string; label: string; defaultValue?: string | undefined; errors: readonly FieldError[] | undefined }) {
  return (
    <TextField name={name} label={label} hint={t("coproduction.dateField.hint")} defaultValue={defaultValue} errors={errors} widthClass="govuk-input--width-10" inputMode="numeric" maxLength={10} />
  );
}

export function TextAreaField({ rows = 4, ...props }: { name: string; label: string; hint?: string; defaultValue?: string | undefined; errors: readonly FieldError[] | undefined; rows?: number; maxLength?: number }) {
  return <TextArea rows={rows} {...props} />;
}
