import { Link, useRouteLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import type { RootLoaderData } from "../root";

export const meta = () => pageTitle("Home");

export default function Home() {
  const root = useRouteLoaderData<RootLoaderData>("root");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Potluck</h1>
        <p className="govuk-body-l">
          Decide together how your area's money is spent, and trade time with your neighbours: one hour given is one
          hour earned.
        </p>
        <h2 className="govuk-heading-m">Budget rounds</h2>
        <p className="govuk-body">
          Suggest projects, talk them through, and vote on which ones get funded. Anyone can check the results.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/rounds">
            See budget rounds
          </Link>
        </p>
        <h2 className="govuk-heading-m">Timebank</h2>
        <p className="govuk-body">
          Give an hour of help, earn an hour of credit, and spend it on help, childcare or with local partners.
        </p>
        {root?.user ? (
          <p className="govuk-body">
            You are signed in as {root.user.name}.{" "}
            <Link className="govuk-link" to="/account">
              Go to your account
            </Link>
          </p>
        ) : (
          <Link to="/register" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            Create an account
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </Link>
        )}
      </div>
    </div>
  );
}
