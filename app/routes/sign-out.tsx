import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { PostForm, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { clearSessionCookie } from "../http/cookies.server";
import { readFormData } from "../http/forms.server";
import { signOut } from "../services/sign-in.server";

export const meta = () => pageTitle("Sign out");

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
      <h1 className="govuk-heading-l">Sign out</h1>
      <p className="govuk-body">You will need your email address and password to sign in again.</p>
      <PostForm>
        <SubmitButton>Sign out</SubmitButton>
      </PostForm>
    </>
  );
}
