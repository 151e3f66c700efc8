import { ErrorSummary, PostForm, Radios, SubmitButton, TextArea as FormTextArea, TextField, type FieldError } from "./form";
import { t } from "../i18n/translate";

type Values = Record<string, string | undefined>;

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={name} name={name} type="checkbox" value="yes" defaultChecked={checked} />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={name}>
        {label}
      </label>
    </div>
  );
}

function TextArea({ name, label, hint, values, errors, rows = 5 }: { name: string; label: string; hint?: string; values: Values; errors: FieldError[] | undefined; rows?: number }) {
  return <FormTextArea name={name} label={label} hint={hint} defaultValue={values[name]} errors={errors} rows={rows} />;
}

export { TextArea };

/** The officer's form for a round's details and rules (create and edit). */
export function RoundForm({ values, errors, button }: { values: Values; errors: FieldError[] | undefined; button: string }) {
  const yes = (name: string, fallback: boolean) => (values[name] === undefined ? fallback : values[name] === "yes");
  return (
    <>
      <ErrorSummary errors={errors} />
      <PostForm>
        <TextField name="title" label={t("rounds.roundForm.title")} defaultValue={values.title} errors={errors} />
        <TextField name="slug" label={t("rounds.roundForm.slug")} hint={t("rounds.roundForm.slug.hint")} defaultValue={values.slug} errors={errors} widthClass="govuk-!-width-one-half" />
        <TextArea name="description" label={t("rounds.roundForm.description")} values={values} errors={errors} />
        <TextField name="area" label={t("rounds.roundForm.area")} hint={t("rounds.roundForm.area.hint")} defaultValue={values.area} errors={errors} widthClass="govuk-!-width-one-half" />
        <TextField name="theme" label={t("rounds.roundForm.theme")} hint={t("rounds.roundForm.theme.hint")} defaultValue={values.theme} errors={errors} widthClass="govuk-!-width-one-half" />
        <TextField name="budget" label={t("rounds.roundForm.budget")} hint={t("rounds.roundForm.budget.hint")} defaultValue={values.budget} errors={errors} inputMode="decimal" widthClass="govuk-input--width-10" />
        <h2 className="govuk-heading-m">{t("rounds.roundForm.dates")}</h2>
        <p className="govuk-body">{t("rounds.roundForm.dates.hint")}</p>
        <DateTime name="proposalsOpenAt" label={t("rounds.roundForm.proposalsOpenAt")} values={values} errors={errors} />
        <DateTime name="reviewStartsAt" label={t("rounds.roundForm.reviewStartsAt")} values={values} errors={errors} />
        <DateTime name="votingOpensAt" label={t("rounds.roundForm.votingOpensAt")} values={values} errors={errors} />
        <DateTime name="votingClosesAt" label={t("rounds.roundForm.votingClosesAt")} values={values} errors={errors} />
        <h2 className="govuk-heading-m">{t("rounds.roundForm.ballotAndCounting")}</h2>
        <Radios
          name="ballotType"
          legend={t("rounds.roundForm.ballotType")}
          defaultValue={values.ballotType ?? "approval"}
          errors={errors}
          options={[
            { value: "approval", label: t("rounds.roundForm.ballotType.approval"), hint: t("rounds.roundForm.ballotType.approval.hint") },
            { value: "knapsack", label: t("rounds.roundForm.ballotType.knapsack"), hint: t("rounds.roundForm.ballotType.knapsack.hint") },
            { value: "cumulative", label: t("rounds.roundForm.ballotType.cumulative"), hint: t("rounds.roundForm.ballotType.cumulative.hint") },
            { value: "ranked", label: t("rounds.roundForm.ballotType.ranked"), hint: t("rounds.roundForm.ballotType.ranked.hint") },
          ]}
        />
        <TextField name="minChoices" label={t("rounds.roundForm.minChoices")} defaultValue={values.minChoices ?? "1"} errors={errors} inputMode="numeric" widthClass="govuk-input--width-3" />
        <TextField name="maxChoices" label={t("rounds.roundForm.maxChoices")} defaultValue={values.maxChoices ?? "3"} errors={errors} inputMode="numeric" widthClass="govuk-input--width-3" />
        <TextField name="pointsTotal" label={t("rounds.roundForm.pointsTotal")} defaultValue={values.pointsTotal ?? "10"} errors={errors} inputMode="numeric" widthClass="govuk-input--width-3" />
        <Radios
          name="countingRule"
          legend={t("rounds.roundForm.countingRule")}
          defaultValue={values.countingRule ?? "equal_shares"}
          errors={errors}
          options={[
            { value: "equal_shares", label: t("rounds.roundForm.countingRule.equalShares"), hint: t("rounds.roundForm.countingRule.equalShares.hint") },
            { value: "greedy", label: t("rounds.roundForm.countingRule.greedy"), hint: t("rounds.roundForm.countingRule.greedy.hint") },
          ]}
        />
        <TextField name="tieBreakSeed" label={t("rounds.roundForm.tieBreakSeed")} hint={t("rounds.roundForm.tieBreakSeed.hint")} defaultValue={values.tieBreakSeed ?? ""} errors={errors} widthClass="govuk-!-width-one-half" />
        <Radios
          name="liveCounts"
          legend={t("rounds.roundForm.liveCounts")}
          defaultValue={values.liveCounts ?? "public"}
          errors={errors}
          options={[
            { value: "public", label: t("rounds.roundForm.liveCounts.public") },
            { value: "hidden", label: t("rounds.roundForm.liveCounts.hidden"), hint: t("rounds.roundForm.liveCounts.hidden.hint") },
          ]}
        />
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("rounds.roundForm.channels")}</legend>
            <div className="govuk-checkboxes" data-module="govuk-checkboxes">
              <Checkbox name="allowAccountVotes" label={t("rounds.roundForm.allowAccountVotes")} checked={yes("allowAccountVotes", true)} />
              <Checkbox name="areaOnly" label={t("rounds.roundForm.areaOnly")} checked={yes("areaOnly", false)} />
              <Checkbox name="allowCodeVotes" label={t("rounds.roundForm.allowCodeVotes")} checked={yes("allowCodeVotes", true)} />
              <Checkbox name="allowPaperVotes" label={t("rounds.roundForm.allowPaperVotes")} checked={yes("allowPaperVotes", true)} />
            </div>
          </fieldset>
        </div>
        <SubmitButton>{button}</SubmitButton>
      </PostForm>
    </>
  );
}

function DateTime({ name, label, values, errors }: { name: string; label: string; values: Values; errors: FieldError[] | undefined }) {
  return <TextField name={name} label={label} type="datetime-local" defaultValue={values[name]} errors={errors} widthClass="govuk-input--width-20" />;
}
