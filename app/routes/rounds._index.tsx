import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { phaseLabel } from "../domain/rounds/phases";
import type { RootLoaderData } from "../root";
import { pageTitle } from "../components/page-title";
import { formatPounds } from "../domain/format";
import { listRounds } from "../services/rounds/rounds.server";
import { t } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta = () => pageTitle(t("rounds.list.title"));

export async function loader({ context }: LoaderFunctionArgs) {
  const rounds = await listRounds(context.db);
  return json({ rounds: rounds.map(({ budgetMinor, ...r }) => ({ ...r, budget: formatPounds(budgetMinor) })) });
}

export default function Rounds() {
  const { rounds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("rounds.list.title")}</h1>
      <OfficerLink />
      {rounds.length === 0 ? <p className="govuk-body">{t("rounds.list.none")}</p> : null}
      <ul className="govuk-list">
        {rounds.map((round) => (
          <li key={round.slug} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={`/rounds/${round.slug}`}>{round.title}</Link>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-1">
              {tr("rounds.list.summary", { organisation: round.organisationName, budget: round.budget, stage: <strong className="govuk-tag govuk-tag--grey">{phaseLabel(round.phase)}</strong> })}
            </p>
            <p className="govuk-body">{round.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function OfficerLink() {
  const root = useRouteLoaderData<RootLoaderData>("root");
  if (!root?.user?.isOfficer) return null;
  return (
    <p className="govuk-body">
      {tr("rounds.list.officer", {
        create: <Link className="govuk-link" to="/rounds/new">{t("rounds.list.officer.create")}</Link>,
        import: <Link className="govuk-link" to="/rounds/import">{t("rounds.list.officer.import")}</Link>,
      })}
    </p>
  );
}
