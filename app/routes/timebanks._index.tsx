import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import type { MessageKey } from "../i18n/en";
import { t } from "../i18n/translate";
import { timebankList } from "../services/timebank/home.server";

export const meta = () => pageTitle(t("timebank.list.title"));

export async function loader({ context }: LoaderFunctionArgs) {
  const roles = context.currentUser?.roles ?? [];
  const canStart = roles.some((grant) => grant.role === "admin" || (grant.role === "coordinator" && grant.organisationId !== null));
  return json({ timebanks: await timebankList(context.db, context.currentUser), canStart });
}

const STATUS_TEXT: Record<"applied" | "active" | "left", Extract<MessageKey, `timebank.list.status.${string}`>> = { applied: "timebank.list.status.applied", active: "timebank.list.status.active", left: "timebank.list.status.left" };

export default function Timebanks() {
  const { timebanks, canStart } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("timebank.list.title")}</h1>
      <p className="govuk-body-l">{t("timebank.list.lead")}</p>
      {timebanks.length === 0 ? <p className="govuk-body">{t("timebank.list.none")}</p> : null}
      <ul className="govuk-list">
        {timebanks.map((timebank) => (
          <li key={timebank.slug} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={`/timebanks/${timebank.slug}`}>
                {timebank.name}
              </Link>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-1">{t("timebank.list.runBy", { organisation: timebank.organisationName })}</p>
            <p className="govuk-body govuk-!-margin-bottom-1">{timebank.description}</p>
            {timebank.myStatus ? <strong className="govuk-tag govuk-tag--green">{t(STATUS_TEXT[timebank.myStatus])}</strong> : null}
            {timebank.isCoordinator ? <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-1">{t("timebank.list.coordinator")}</strong> : null}
          </li>
        ))}
      </ul>
      {canStart ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/timebanks/new">{t("timebank.list.start")}</Link>
        </p>
      ) : null}
    </>
  );
}
