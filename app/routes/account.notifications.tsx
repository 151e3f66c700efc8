// A person's messages from Potluck, such as "You said, we did" when a round's results are published.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../components/summary-list";
import { requireUser } from "../http/auth.server";
import { t } from "../i18n/translate";
import { notificationsFor } from "../services/results/results.server";

export const meta = () => pageTitle(t("accounts.notifications.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const notifications = await notificationsFor(context.db, user.id, 50);
  return json({ notifications: notifications.map((n) => ({ id: n.id, kind: n.kind, subject: n.subject, body: n.body, link: n.link, createdAt: n.created_at })) });
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("accounts.notifications.title")}</h1>
      {notifications.length === 0 ? <p className="govuk-body">{t("accounts.notifications.none")}</p> : null}
      {notifications.map((n) => (
        <article key={n.id} className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m">{n.subject}</h2>
          <p className="govuk-body-s">{formatDateTime(n.createdAt)}</p>
          {n.body.split("\n\n").map((paragraph, i) => (
            <p className="govuk-body" key={i}>
              {paragraph.split("\n").map((line, j) => (
                <span key={j}>
                  {j > 0 ? <br /> : null}
                  {line}
                </span>
              ))}
            </p>
          ))}
          {n.link && n.link.startsWith("/") ? <p className="govuk-body"><Link className="govuk-link" to={n.link}>{t(n.kind === "results_published" ? "accounts.notifications.seeResults" : "accounts.notifications.open")}</Link></p> : null}
        </article>
      ))}
    </>
  );
}
