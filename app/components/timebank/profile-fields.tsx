// The member profile fields shared by "ask to join" and "enrol a member".
import { type FieldError, TextArea, TextField } from "../form";
import { TIMEBANK_LIMITS } from "../../domain/timebank/forms";
import { t } from "../../i18n/translate";

export function ProfileFields({ values, errors }: { values: Record<string, string>; errors: readonly FieldError[] | undefined }) {
  return (
    <>
      <TextArea name="skillsOffered" label={t("timebank.profile.offers.label")} hint={t("timebank.profile.offers.hint")} defaultValue={values.skillsOffered} errors={errors} maxLength={TIMEBANK_LIMITS.skillsChars} />
      <TextArea name="skillsWanted" label={t("timebank.profile.wants.label")} defaultValue={values.skillsWanted} errors={errors} maxLength={TIMEBANK_LIMITS.skillsChars} />
      <TextField name="availability" label={t("timebank.profile.availability.label")} hint={t("timebank.profile.availability.hint")} defaultValue={values.availability} errors={errors} maxLength={TIMEBANK_LIMITS.availabilityChars} />
      <TextField name="area" label={t("timebank.profile.area.label")} defaultValue={values.area} errors={errors} maxLength={TIMEBANK_LIMITS.areaChars} widthClass="govuk-!-width-one-half" />
      <TextArea name="accessNeeds" label={t("timebank.profile.accessNeeds.label")} hint={t("timebank.profile.accessNeeds.hint")} defaultValue={values.accessNeeds} errors={errors} maxLength={TIMEBANK_LIMITS.accessNeedsChars} />
    </>
  );
}

