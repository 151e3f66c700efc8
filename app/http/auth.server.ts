import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { Role } from "../../db/schema.js";
import { hasAnyRole } from "../domain/roles.js";
import { t } from "../i18n/translate.js";
import type { Actor, CurrentUser } from "../services/current-user.js";

export const CHANGE_PASSWORD_PATH = "/account/change-password";

/** The signed-in person, or a redirect to sign in (coming back here afterwards). */
export function requireUser(request: Request, context: AppLoadContext): CurrentUser {
  const user = context.currentUser;
  const url = new URL(request.url);
  if (!user) {
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  // A temporary password must be replaced before anything else.
  if (user.mustChangePassword && url.pathname !== CHANGE_PASSWORD_PATH) {
    throw redirect(CHANGE_PASSWORD_PATH);
  }
  return user;
}

/** For pages only staff use: a clear 403 page rather than a hidden link. Services check again. */
export function requireRole(request: Request, context: AppLoadContext, roles: readonly Role[]): CurrentUser {
  const user = requireUser(request, context);
  if (!hasAnyRole(user.roles, roles)) {
    throw json({ message: t("error.forbidden.title") }, { status: 403 });
  }
  return user;
}

export function actorFrom(context: AppLoadContext): Actor {
  return { user: context.currentUser, ip: context.clientIp };
}

/** Only same-site paths are followed after sign-in, so a link cannot send people elsewhere. */
export function safeRedirectPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value.length > 500 ? fallback : value;
}
