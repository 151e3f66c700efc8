import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { timebankList } from "../services/timebank/home.server";

export const meta = () => pageTitle("Timebanks");

export async function loader({ context }: LoaderFunctionArgs) {
  const roles = context.currentUser?.roles ?? [];
  const canStart = roles.some((grant) => grant.role === "admin" || (grant.role === "coordinator" && grant.organisationId !== null));
  return json({ timebanks: await timebankList(context.db, context.currentUser), canStart });
}

const STATUS_TEXT = { applied: "You have asked to join", active: "You are a member", left: "You have left" } as const;

export default function Timebanks() {
  const { timebanks, canStart } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Timebanks</h1>
      <p className="govuk-body-l">Give an hour of help, earn an hour of credit, whatever the skill. Spend it on help, childcare or with local partners.</p>
      {timebanks.length === 0 ? <p className="govuk-body">There are no timebanks yet.</p> : null}
      <ul className="govuk-list">
        {timebanks.map((timebank) => (
          <li key={timebank.slug} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={`/timebanks/${timebank.slug}`}>
                {timebank.name}
              </Link>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-1">Run by {timebank.organisationName}.</p>
            <p className="govuk-body govuk-!-margin-bottom-1">{timebank.description}</p>
            {timebank.myStatus ? <strong className="govuk-tag govuk-tag--green">{STATUS_TEXT[timebank.myStatus]}</strong> : null}
            {timebank.isCoordinator ? <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-1">You coordinate this timebank</strong> : null}
          </li>
        ))}
      </ul>
      {canStart ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/timebanks/new">Start a timebank</Link>
        </p>
      ) : null}
    </>
  );
}
