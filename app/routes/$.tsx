import { json } from "@remix-run/node";
import { t } from "../i18n/translate";

// Any address no other route matches: the error boundary shows "Page not found".
export async function loader() {
  throw json({ message: t("error.notFound.title") }, { status: 404 });
}

export default function NotFound() {
  return null;
}
