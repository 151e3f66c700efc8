// Loader and action shared by the two one-time-link pages: password reset and account set-up.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { OneTimeTokenPurpose } from "../../db/schema.js";
import { SetPasswordSchema } from "../domain/account-rules.js";
import { findUsableToken, setPasswordWithToken } from "../services/accounts.server.js";
import { actorFrom } from "./auth.server.js";
import { domainErrorToForm, formErrors, readForm } from "./forms.server.js";

const TOKEN_MAX_CHARS = 100;

export function tokenPasswordLoader(purpose: OneTimeTokenPurpose) {
  return async ({ params, context }: LoaderFunctionArgs) => {
    const token = await findUsableToken(context.db, (params.token ?? "").slice(0, TOKEN_MAX_CHARS), purpose);
    return json({ valid: token !== undefined, name: token?.name ?? null }, { status: token ? 200 : 410 });
  };
}

export function tokenPasswordAction(purpose: OneTimeTokenPurpose) {
  return async ({ request, params, context }: ActionFunctionArgs) => {
    const form = await readForm(request, context, SetPasswordSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await setPasswordWithToken(context.db, (params.token ?? "").slice(0, TOKEN_MAX_CHARS), purpose, form.data.password, actorFrom(context));
    } catch (error) {
      return domainErrorToForm(error, form.values);
    }
    return redirect("/sign-in?reset=1");
  };
}
