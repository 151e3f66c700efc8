import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { PostForm, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { clearSessionCookie } from "../http/cookies.server";
import { readFormData } from "../http/forms.server";
import { signOut } from "../services/sign-in.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("accounts.signOut.title"));

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.currentUser) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readFormData(request, context);
  if (context.sessionToken && context.currentUser) {
    await signOut(context.db, context.sessionToken, { userId: context.currentUser.id, ip: context.clientIp });
  }
  return redirect("/?signedOut=1", { headers: { "Set-Cookie": await clearSessionCookie(request) } });
}

export default function SignOut() {
  return (
    <>
      <h1 className="govuk-heading-l">{t("accounts.signOut.title")}</h1>
      <p className="govuk-body">{t("accounts.signOut.body")}</p>
      <PostForm>
        <SubmitButton>{t("accounts.signOut.submit")}</SubmitButton>
      </PostForm>
    </>
  );
}
