import { TextField, type FieldError } from "./form";
import { TextArea } from "./round-form";

/** The fields of a proposal, shared by making and changing one. */
export function ProposalFields({ values, errors, defaultArea }: { values: Record<string, string | undefined>; errors: FieldError[] | undefined; defaultArea: string }) {
  return (
    <>
      <TextField name="title" label="Title" hint="A few words, like New benches in Riverside Park" defaultValue={values.title} errors={errors} maxLength={120} />
      <TextField name="summary" label="Summary" hint="One sentence that says what it is and who it helps" defaultValue={values.summary} errors={errors} maxLength={300} />
      <TextArea name="description" label="Description" hint="What would happen, where, and why it matters" values={values} errors={errors} rows={8} />
      <TextField name="cost" label="Estimated cost in pounds" hint="For example, 12500" defaultValue={values.cost} errors={errors} inputMode="decimal" widthClass="govuk-input--width-10" />
      <TextArea name="costLines" label="Cost lines (optional)" hint='One line each: what it is, then the amount, like "Benches: 2400". They must add up to the estimated cost.' values={values} errors={errors} rows={4} />
      <TextField name="area" label="Area (optional)" defaultValue={values.area ?? defaultArea} errors={errors} widthClass="govuk-!-width-one-half" />
      <TextField name="theme" label="Theme (optional)" hint="For example, Play, Green spaces, Food" defaultValue={values.theme} errors={errors} widthClass="govuk-!-width-one-half" />
      <TextField name="coauthors" label="Co-authors (optional)" hint="Email addresses of people with accounts who wrote this with you, separated by commas" defaultValue={values.coauthors} errors={errors} />
    </>
  );
}
