// Co-production: the teams a person manages or takes part in, overdue actions across the teams
// they manage, and (for staff) starting a new team.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Day } from "../components/coproduction";
import { ErrorSummary, PostForm, Select, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { perspectiveLabel, type Perspective } from "../domain/coproduction/reflection";
import { COPRODUCTION_LIMITS } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, optionalId } from "../http/coproduction.server";
import { readFormValues } from "../http/forms.server";
import { overdueActions } from "../services/coproduction/checklist.server";
import { canStartTeams, createTeam, organisationsFor, teamsFor } from "../services/coproduction/teams.server";
import { t, tp } from "../i18n/translate";

export const meta = () => pageTitle(t("coproduction.index.title"));

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

/** How a person takes part in a team, and whether they manage it. */
function roleText(perspective: Perspective | null, canManage: boolean): string {
  const role = perspective ? perspectiveLabel(perspective) : t("coproduction.index.teams.administrator");
  return canManage ? t("coproduction.index.teams.manages", { role }) : role;
}

export default function Coproduction() {
  const { teams, overdue, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t("coproduction.index.title")}</h1>
      <p className="govuk-body">
        {t("coproduction.index.intro")}
      </p>

      <h2 className="govuk-heading-m">{t("coproduction.index.teams.title")}</h2>
      {teams.length === 0 ? (
        <p className="govuk-body">{t("coproduction.index.teams.none")}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("coproduction.index.teams.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("coproduction.index.teams.team")}</th>
              <th scope="col" className="govuk-table__header">{t("coproduction.index.teams.organisation")}</th>
              <th scope="col" className="govuk-table__header">{t("coproduction.index.teams.takePartAs")}</th>
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
                <td className="govuk-table__cell">{roleText(team.perspective, team.canManage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {organisations.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t("coproduction.index.overdue.title")}</h2>
          {overdue.length === 0 ? (
            <p className="govuk-body">{t("coproduction.index.overdue.none")}</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{t("coproduction.index.overdue.caption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{t("coproduction.index.overdue.team")}</th>
                  <th scope="col" className="govuk-table__header">{t("coproduction.index.overdue.from")}</th>
                  <th scope="col" className="govuk-table__header">{t("coproduction.index.overdue.what")}</th>
                  <th scope="col" className="govuk-table__header">{t("coproduction.index.overdue.owner")}</th>
                  <th scope="col" className="govuk-table__header">{t("coproduction.index.overdue.due")}</th>
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
                        {t(item.kind === "checklist" ? "coproduction.index.overdue.checklist" : "coproduction.index.overdue.reflection")}
                      </Link>
                      <br />
                      <span className="govuk-body-s">{item.about}</span>
                    </td>
                    <td className="govuk-table__cell">{item.what}</td>
                    <td className="govuk-table__cell">{item.owner}</td>
                    <td className="govuk-table__cell">
                      <Day day={item.dueOn} />
                      <br />
                      <strong className="govuk-tag govuk-tag--red">{tp("coproduction.index.overdue.by", item.daysOverdue)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2 className="govuk-heading-m">{t("coproduction.index.start.title")}</h2>
          <p className="govuk-body">{t("coproduction.index.start.intro")}</p>
          <PostForm>
            <Select
              name="organisationId"
              label={t("coproduction.index.start.organisation")}
              options={[...(organisations.length > 1 ? [{ value: "", label: t("coproduction.index.start.selectOrganisation") }] : []), ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
              defaultValue={values.organisationId}
              errors={errors}
            />
            <TextField name="name" label={t("coproduction.index.start.name")} hint={t("coproduction.index.start.nameHint")} defaultValue={values.name} errors={errors} maxLength={COPRODUCTION_LIMITS.teamName} />
            <SubmitButton>{t("coproduction.index.start.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
