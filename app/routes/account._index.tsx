import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { ROLE_LABELS } from "../domain/roles";
import { requireUser } from "../http/auth.server";

export const meta = () => pageTitle("Your account");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return json({ name: user.name, email: user.email, area: user.area, roles: user.roles.map((r) => ROLE_LABELS[r.role]) });
}

export default function Account() {
  const user = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("welcome") === "1" ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Account created</h1>
          <div className="govuk-panel__body">Welcome to Potluck, {user.name}</div>
        </div>
      ) : (
        <h1 className="govuk-heading-l">Your account</h1>
      )}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Name</dt>
          <dd className="govuk-summary-list__value">{user.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Email address</dt>
          <dd className="govuk-summary-list__value">{user.email}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Area</dt>
          <dd className="govuk-summary-list__value">{user.area ?? "Not given"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Roles</dt>
          <dd className="govuk-summary-list__value">{user.roles.join(", ")}</dd>
        </div>
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account/notifications">Your messages</Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account/change-password">
          Change your password
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-out">
          Sign out
        </Link>
      </p>
    </>
  );
}
