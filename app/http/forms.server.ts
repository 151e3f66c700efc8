// Every form POST goes through readForm: it checks the CSRF token, refuses oversized or
// unexpected input, and turns zod issues into GOV.UK-style field errors.
import { timingSafeEqual } from "node:crypto";
import { json, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { isDomainError } from "../domain/errors.js";
import { messageFor } from "../domain/messages.js";
import { t } from "../i18n/translate.js";

export const MAX_FORM_BYTES = 256 * 1024;
const MAX_FIELDS = 200;

export interface FieldError {
  field: string;
  message: string;
}

export type FormValues = Record<string, string>;

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldError[]; values: FormValues };

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Reads the form body, refusing a wrong CSRF token with 403 and a body that is too big with 413. */
export async function readFormData(request: Request, context: AppLoadContext): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_FORM_BYTES) throw json({ message: t("form.tooLarge") }, { status: 413 });
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw json({ message: t("form.unreadable") }, { status: 400 });
  }
  const token = formData.get("_csrf");
  if (typeof token !== "string" || !sameToken(token, context.csrfToken)) {
    throw json({ message: messageFor({ code: "csrf_invalid", values: {} }) }, { status: 403 });
  }
  return formData;
}

function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  let count = 0;
  for (const [key, value] of formData.entries()) {
    if (key === "_csrf") continue;
    if (++count > MAX_FIELDS) throw json({ message: t("form.tooManyFields") }, { status: 400 });
    if (typeof value !== "string") throw json({ message: t("form.noFiles") }, { status: 400 });
    // Repeated fields (checkboxes) are joined with a newline; schemas split them again.
    values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
}

export function parseValues<S extends z.ZodType>(values: FormValues, schema: S): FormResult<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return { ok: false, errors, values };
}

/** The form's text fields after the CSRF check; repeated fields are joined with a newline. */
export async function readFormValues(request: Request, context: AppLoadContext): Promise<FormValues> {
  return formValues(await readFormData(request, context));
}

export async function readForm<S extends z.ZodType>(
  request: Request,
  context: AppLoadContext,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  return parseValues(await readFormValues(request, context), schema);
}

/** Values safe to send back to the page when it is shown again (never passwords). */
export function echoValues(values: FormValues): FormValues {
  const safe: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (!/password/i.test(key)) safe[key] = value;
  }
  return safe;
}

/** The answer to a form with errors: 400 (or the error's status) with the errors and safe values. */
export function formErrors(errors: FieldError[], values: FormValues, status = 400) {
  return json({ errors, values: echoValues(values) }, { status });
}

/** Turns a DomainError into a form error answer; anything else is re-thrown. */
export function domainErrorToForm(error: unknown, values: FormValues, fallbackField = "form") {
  if (!isDomainError(error)) throw error;
  if (error.status === 403) throw json({ message: messageFor(error) }, { status: 403 });
  if (error.status === 404) throw json({ message: messageFor(error) }, { status: 404 });
  return formErrors([{ field: error.field ?? fallbackField, message: messageFor(error) }], values, error.status);
}
