// Shared by the budget round pages: find the round, know what the viewer may do.
import { json, type AppLoadContext } from "@remix-run/node";
import { isDomainError } from "../domain/errors.js";
import { messageFor } from "../domain/messages.js";
import { isModerator, isOfficerFor } from "../services/rounds/access.server.js";
import { findRoundBySlug } from "../services/rounds/rounds.server.js";
import { t } from "../i18n/translate.js";

export async function roundForPage(context: AppLoadContext, slug: string | undefined) {
  const round = await findRoundBySlug(context.db, slug ?? "");
  if (!round) throw json({ message: t("error.notFound.title") }, { status: 404 });
  const viewer = context.currentUser;
  return { round, isOfficer: isOfficerFor(viewer, round.organisation_id), isModerator: isModerator(viewer) };
}

/** Re-throws anything that is not a DomainError; turns 403/404 DomainErrors into error pages. */
export function pageErrorFrom(error: unknown): { field: string; message: string } {
  if (!isDomainError(error)) throw error;
  if (error.status === 403 || error.status === 404) throw json({ message: messageFor(error) }, { status: error.status });
  return { field: error.field ?? "form", message: messageFor(error) };
}

export function positiveId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: t("error.notFound.title") }, { status: 404 });
  return id;
}
