// Reading ids and slugs from the address, and turning a service's refusal in a loader into the
// right error page: shared by every area's routes.
import { json } from "@remix-run/node";
import { isDomainError } from "../domain/errors.js";
import { messageFor } from "../domain/messages.js";
import { t } from "../i18n/translate.js";

const notFound = () => ({ message: t("error.notFound.title") });

export function slugFrom(params: { slug?: string }): string {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) throw json(notFound(), { status: 404 });
  return slug;
}

export function idFrom(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,9}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw json(notFound(), { status: 404 });
  return id;
}

/** Runs a loader's service call; a refusal becomes a 403/404/409 page with the message. */
export async function orErrorPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isDomainError(error)) throw json({ message: messageFor(error) }, { status: error.status });
    throw error;
  }
}
