// Co-production: the teams a person manages or takes part in, overdue actions across the teams
// they manage, and (for staff) starting a new team.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Day } from "../components/coproduction";
import { ErrorSummary, PostForm, Select, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { PERSPECTIVE_LABELS } from "../domain/coproduction/reflection";
import { COPRODUCTION_LIMITS } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, optionalId } from "../http/coproduction.server";
import { readFormValues } from "../http/forms.server";
import { overdueActions } from "../services/coproduction/checklist.server";
import { canStartTeams, createTeam, organisationsFor, teamsFor } from "../services/coproduction/teams.server";

export const meta = () => pageTitle("Co-production");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const [teams, overdue, organisations] = await Promise.all([
    teamsFor(context.db, user),
    overdueActions(context.db, user),
    canStartTeams(user) ? organisationsFor(context.db, user) : Promise.resolve([]),
  ]);
  return json({ teams, overdue, organisations });
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const values = await readFormValues(request, context);
  try {
    const organisationId = optionalId(values.organisationId) ?? -1;
    const teamId = await createTeam(context.db, actorFrom(context), { organisationId, name: values.name ?? "" });
    return redirect(`/coproduction/teams/${teamId}`);
  } catch (error) {
    return formErrorFrom(error, values);
  }
}

export default function Coproduction() {
  const { teams, overdue, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Co-production</h1>
      <p className="govuk-body">
        Tools for working with residents and partners as equal partners: a self-reflection on the four principles of co-production, a checklist of thirteen top tips, and Working Together for Change.
      </p>

      <h2 className="govuk-heading-m">Your teams</h2>
      {teams.length === 0 ? (
        <p className="govuk-body">You are not part of any co-production team yet. Staff of an organisation can invite you.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Your co-production teams</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Team</th>
              <th scope="col" className="govuk-table__header">Organisation</th>
              <th scope="col" className="govuk-table__header">You take part as</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {teams.map((team) => (
              <tr className="govuk-table__row" key={team.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/coproduction/teams/${team.id}`}>
                    {team.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{team.organisationName}</td>
                <td className="govuk-table__cell">{team.perspective ? PERSPECTIVE_LABELS[team.perspective] : "Administrator"}{team.canManage ? " (manages)" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {organisations.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Overdue actions</h2>
          {overdue.length === 0 ? (
            <p className="govuk-body">No actions are overdue in the teams you manage.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Actions with a date before today that are not done, oldest first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Team</th>
                  <th scope="col" className="govuk-table__header">From</th>
                  <th scope="col" className="govuk-table__header">What</th>
                  <th scope="col" className="govuk-table__header">Owner</th>
                  <th scope="col" className="govuk-table__header">Due</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {overdue.map((item, index) => (
                  <tr className="govuk-table__row" key={`${item.kind}-${item.teamId}-${index}`}>
                    <td className="govuk-table__cell">
                      {item.teamName}
                      <br />
                      <span className="govuk-body-s">{item.organisationName}</span>
                    </td>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={item.link}>
                        {item.kind === "checklist" ? "Checklist" : "Self-reflection action plan"}
                      </Link>
                      <br />
                      <span className="govuk-body-s">{item.about}</span>
                    </td>
                    <td className="govuk-table__cell">{item.what}</td>
                    <td className="govuk-table__cell">{item.owner}</td>
                    <td className="govuk-table__cell">
                      <Day day={item.dueOn} />
                      <br />
                      <strong className="govuk-tag govuk-tag--red">Overdue by {item.daysOverdue} {item.daysOverdue === 1 ? "day" : "days"}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2 className="govuk-heading-m">Start a co-production team</h2>
          <p className="govuk-body">A team can be the whole organisation, or a group or project within it. You can then invite residents and partners.</p>
          <PostForm>
            <Select
              name="organisationId"
              label="Organisation"
              options={[...(organisations.length > 1 ? [{ value: "", label: "Select an organisation" }] : []), ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
              defaultValue={values.organisationId}
              errors={errors}
            />
            <TextField name="name" label="Team or project name" hint="For example, Residents' steering group" defaultValue={values.name} errors={errors} maxLength={COPRODUCTION_LIMITS.teamName} />
            <SubmitButton>Start the team</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
