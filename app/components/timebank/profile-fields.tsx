// The member profile fields shared by "ask to join" and "enrol a member".
import { type FieldError, TextArea, TextField } from "../form";
import { TIMEBANK_LIMITS } from "../../domain/timebank/forms";

export function ProfileFields({ values, errors }: { values: Record<string, string>; errors: readonly FieldError[] | undefined }) {
  return (
    <>
      <TextArea name="skillsOffered" label="What can you offer? (optional)" hint="For example: childcare, cooking, lifts, computer help" defaultValue={values.skillsOffered} errors={errors} maxLength={TIMEBANK_LIMITS.skillsChars} />
      <TextArea name="skillsWanted" label="What help would you like? (optional)" defaultValue={values.skillsWanted} errors={errors} maxLength={TIMEBANK_LIMITS.skillsChars} />
      <TextField name="availability" label="When are you free? (optional)" hint="For example: weekday mornings" defaultValue={values.availability} errors={errors} maxLength={TIMEBANK_LIMITS.availabilityChars} />
      <TextField name="area" label="Area (optional)" defaultValue={values.area} errors={errors} maxLength={TIMEBANK_LIMITS.areaChars} widthClass="govuk-!-width-one-half" />
      <TextArea name="accessNeeds" label="Access needs (optional)" hint="Anything that helps people meet or work with you, like step-free access or an interpreter" defaultValue={values.accessNeeds} errors={errors} maxLength={TIMEBANK_LIMITS.accessNeedsChars} />
    </>
  );
}

