// Shared by the co-production pages: ids from the address, and service refusals as page errors
// or as every problem of a form in the error summary.
import { json } from "@remix-run/node";
import { DomainErrorList } from "../domain/coproduction/rules.js";
import { isDomainError } from "../domain/errors.js";
import { messageFor } from "../domain/messages.js";
import { domainErrorToForm, formErrors, type FormValues } from "./forms.server.js";

export { idFrom, orErrorPage } from "./route-params.server.js";

/** A refused form: every problem (when there are several) in the error summary, linked to its field. */
export function formErrorFrom(error: unknown, values: FormValues) {
  if (error instanceof DomainErrorList && error.status !== 403 && error.status !== 404) {
    return formErrors(error.errors.map((e) => ({ field: e.field ?? "form", message: messageFor(e) })), values, error.status);
  }
  return domainErrorToForm(error, values);
}

/** An optional id from a select ("" = none); anything else that is not an id is refused by the service. */
export function optionalId(value: string | undefined): number | null {
  if (!value) return null;
  return /^\d{1,9}$/.test(value) ? Number(value) : -1;
}
