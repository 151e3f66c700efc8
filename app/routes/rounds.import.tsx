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
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("results.importPage.title"));

/** The form limit is 256 KB; this leaves room for the other fields. */
const MAX_FILE_CHARS = 200_000;

const ImportSchema = z.object({
  organisation: z.string().trim().min(1, t("results.importPage.error.organisation")).max(63, t("results.importPage.error.organisation")),
  slug: z
    .string()
    .trim()
    .min(1, t("results.importPage.error.slugMissing"))
    .max(63, t("results.importPage.error.slugTooLong"))
    .regex(/^[a-z0-9][a-z0-9-]*$/, t("results.importPage.error.slugInvalid")),
  file: z.string().min(1, t("results.importPage.error.fileMissing")).max(MAX_FILE_CHARS, t("results.importPage.error.fileTooLarge", { maximum: MAX_FILE_CHARS.toLocaleString("en-GB") })),
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
    return formErrors([{ field: "file", message: t("results.importPage.error.unreadable", { detail: error.message }) }], form.values);
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
      <h1 className="govuk-heading-l">{t("results.importPage.title")}</h1>
      <p className="govuk-body">{t("results.importPage.intro")}</p>
      <PostForm>
        <Select
          name="organisation"
          label={t("results.importPage.organisation")}
          options={organisations.map((o) => ({ value: o.slug, label: o.name }))}
          defaultValue={data?.values?.organisation}
          errors={errors}
        />
        <TextField name="slug" label={t("results.importPage.slug")} hint={t("results.importPage.slugHint")} defaultValue={data?.values?.slug} errors={errors} maxLength={63} spellCheck={false} />
        <div className={`govuk-form-group${fileError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label" htmlFor="file">{t("results.importPage.file")}</label>
          <FieldHint id="file-hint">{t("results.importPage.fileHint")}</FieldHint>
          {fileError ? <FieldErrorMessage id="file-error" message={fileError} /> : null}
          <textarea
            // i18n-exempt: class names
            className={`govuk-textarea potluck-code${fileError ? " govuk-textarea--error" : ""}`}
            id="file"
            name="file"
            rows={12}
            spellCheck={false}
            defaultValue={data?.values?.file}
            // i18n-exempt: element ids
            aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
          />
        </div>
        <SubmitButton>{t("results.importPage.submit")}</SubmitButton>
      </PostForm>
    </>
  );
}
