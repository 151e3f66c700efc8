import { TextField, type FieldError } from "./form";
import { TextArea } from "./round-form";
import { t } from "../i18n/translate";

/** The fields of a proposal, shared by making and changing one. */
export function ProposalFields({ values, errors, defaultArea }: { values: Record<string, string | undefined>; errors: FieldError[] | undefined; defaultArea: string }) {
  return (
    <>
      <TextField name="title" label={t("rounds.proposalForm.title")} hint={t("rounds.proposalForm.title.hint")} defaultValue={values.title} errors={errors} maxLength={120} />
      <TextField name="summary" label={t("rounds.proposalForm.summary")} hint={t("rounds.proposalForm.summary.hint")} defaultValue={values.summary} errors={errors} maxLength={300} />
      <TextArea name="description" label={t("rounds.proposalForm.description")} hint={t("rounds.proposalForm.description.hint")} values={values} errors={errors} rows={8} />
      <TextField name="cost" label={t("rounds.proposalForm.cost")} hint={t("rounds.proposalForm.cost.hint")} defaultValue={values.cost} errors={errors} inputMode="decimal" widthClass="govuk-input--width-10" />
      <TextArea name="costLines" label={t("rounds.proposalForm.costLines")} hint={t("rounds.proposalForm.costLines.hint")} values={values} errors={errors} rows={4} />
      <TextField name="area" label={t("rounds.proposalForm.area")} defaultValue={values.area ?? defaultArea} errors={errors} widthClass="govuk-!-width-one-half" />
      <TextField name="theme" label={t("rounds.proposalForm.theme")} hint={t("rounds.proposalForm.theme.hint")} defaultValue={values.theme} errors={errors} widthClass="govuk-!-width-one-half" />
      <TextField name="coauthors" label={t("rounds.proposalForm.coauthors")} hint={t("rounds.proposalForm.coauthors.hint")} defaultValue={values.coauthors} errors={errors} />
    </>
  );
}
