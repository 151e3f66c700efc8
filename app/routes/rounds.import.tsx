// Officers import a past round from a Pabulib file (pasted as text), so its results can be
// counted, published and delivered in Potluck. The command line does the same with `pb import`.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, fieldError, FieldErrorMessage, FieldHint, PostForm, Select, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { PabulibError, parsePabulib } from "../domain/pabulib";
import { actorFrom, requireRole } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { importableOrganisations, importPabulibRound } from "../services/results/import.server";

export const meta = () => pageTitle("Import a round from a Pabulib file");

/** The form limit is 256 KB; this leaves room for the other fields. */
const MAX_FILE_CHARS = 200_000;

const ImportSchema = z.object({
  organisation: z.string().trim().min(1, "Select the council the round belongs to").max(63, "Select the council the round belongs to"),
  slug: z
    .string()
    .trim()
    .min(1, "Enter a short name for the web address")
    .max(63, "Short name must be 63 characters or fewer")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "Short name must use only lower-case letters, numbers and dashes, like riverside-2024"),
  file: z.string().min(1, "Paste the contents of the .pb file").max(MAX_FILE_CHARS, `The file must be ${MAX_FILE_CHARS.toLocaleString("en-GB")} characters or fewer. Use the command line for larger files`),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireRole(request, context, ["officer", "admin"]);
  return json({ organisations: await importableOrganisations(context.db, user) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireRole(request, context, ["officer", "admin"]);
  const form = await readForm(request, context, ImportSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  let pb;
  try {
    pb = parsePabulib(form.data.file);
  } catch (error) {
    if (!(error instanceof PabulibError)) throw error;
    return formErrors([{ field: "file", message: `The file could not be read: ${error.message}` }], form.values);
  }
  try {
    const imported = await importPabulibRound(context.db, actorFrom(context), { organisationSlug: form.data.organisation, slug: form.data.slug, pb });
    return redirect(`/rounds/${imported.slug}/results`);
  } catch (error) {
    return domainErrorToForm(error, form.values, "file");
  }
}

export default function ImportRound() {
  const { organisations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const fileError = fieldError(errors, "file");
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Import a round from a Pabulib file</h1>
      <p className="govuk-body">
        The round is created with voting closed and every voter's ballot kept as an accepted paper ballot. Costs and the budget
        are read in pounds. You can then count and publish its results.
      </p>
      <PostForm>
        <Select
          name="organisation"
          label="Council"
          options={organisations.map((o) => ({ value: o.slug, label: o.name }))}
          defaultValue={data?.values?.organisation}
          errors={errors}
        />
        <TextField name="slug" label="Short name for the web address" hint="Lower-case letters, numbers and dashes, like riverside-2024" defaultValue={data?.values?.slug} errors={errors} maxLength={63} spellCheck={false} />
        <div className={`govuk-form-group${fileError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="file">Contents of the .pb file</label>
          <FieldHint id="file-hint">Open the file in a text editor, copy everything and paste it here.</FieldHint>
          {fileError ? <FieldErrorMessage id="file-error" message={fileError} /> : null}
          <textarea
            className={`govuk-textarea potluck-code${fileError ? " govuk-textarea--error" : ""}`}
            id="file"
            name="file"
            rows={12}
            spellCheck={false}
            defaultValue={data?.values?.file}
            aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
          />
        </div>
        <SubmitButton>Import the round</SubmitButton>
      </PostForm>
    </>
  );
}
