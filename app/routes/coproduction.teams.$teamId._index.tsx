// A co-production team: who takes part, its self-reflections, and links to its checklist and
// Working Together for Change. Staff of the organisation invite people and start assessments.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, Day } from "../components/coproduction";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextField } from "../components/form";
import { PERSPECTIVES, PERSPECTIVE_LABELS } from "../domain/coproduction/reflection";
import { COPRODUCTION_LIMITS, ukToday } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, orErrorPage } from "../http/coproduction.server";
import { formErrors, readFormValues } from "../http/forms.server";
import { createAssessment, teamAssessments } from "../services/coproduction/reflection.server";
import { inviteMember, teamAccess, teamMembers } from "../services/coproduction/teams.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.team.name ?? "Team"} - Co-production - Potluck` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const teamId = idFrom(params.teamId);
  const access = await orErrorPage(teamAccess(context.db, user, teamId));
  const [members, assessments] = await Promise.all([teamMembers(context.db, teamId), teamAssessments(context.db, teamId)]);
  return json({ team: access.team, canManage: access.canManage, perspective: access.perspective, members, assessments, today: ukToday() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const teamId = idFrom(params.teamId);
  const values = await readFormValues(request, context);
  const actor = actorFrom(context);
  try {
    if (values.intent === "invite") {
      await inviteMember(context.db, actor, teamId, { email: values.email ?? "", perspective: values.perspective ?? "" });
      return json({ invited: values.email ?? "" });
    }
    if (values.intent === "assessment") {
      const id = await createAssessment(context.db, actor, teamId, { title: values.title ?? "", heldOn: values.heldOn ?? "" });
      return redirect(`/coproduction/reflections/${id}`);
    }
  } catch (error) {
    return formErrorFrom(error, values);
  }
  return formErrors([{ field: "form", message: "Choose what to do" }], values);
}

export default function Team() {
  const { team, canManage, members, assessments, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : {};
  const invited = result && "invited" in result ? result.invited : null;
  return (
    <>
      <Link className="govuk-back-link" to="/coproduction">
        Back to co-production
      </Link>
      <ErrorSummary errors={errors} />
      {invited ? (
        <SuccessNotice>{invited} is now part of the team</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{team.organisationName}</span>
      <h1 className="govuk-heading-l">{team.name}</h1>

      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/coproduction/teams/${team.id}/checklist`}>
            Co-production checklist: thirteen top tips
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/coproduction/teams/${team.id}/working-together`}>
            Working Together for Change: what is working, what is not, and 'I' and 'We' statements
          </Link>
        </li>
      </ul>

      <h2 className="govuk-heading-m">Self-reflections</h2>
      <p className="govuk-body">
        Staff, residents and partners each rate the four principles of co-production, separately. The summary compares their views side by side. Repeat the self-reflection to see change over time.
      </p>
      {assessments.length === 0 ? (
        <p className="govuk-body">No self-reflections yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Self-reflections of this team</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Self-reflection</th>
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Responses</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {assessments.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/coproduction/reflections/${a.id}`}>
                    {a.title}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  <Day day={a.heldOn} />
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{a.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canManage ? (
        <>
          <h3 className="govuk-heading-s">Start a self-reflection</h3>
          <PostForm>
            <input type="hidden" name="intent" value="assessment" />
            <TextField name="title" label="Title" hint="For example, Spring 2027 self-reflection" defaultValue={values.title} errors={errors} maxLength={COPRODUCTION_LIMITS.title} />
            <DateField name="heldOn" label="Date" defaultValue={values.heldOn ?? today} errors={errors} />
            <SubmitButton>Start the self-reflection</SubmitButton>
          </PostForm>
        </>
      ) : null}

      <h2 className="govuk-heading-m">People taking part</h2>
      {members.length === 0 ? (
        <p className="govuk-body">Nobody has been invited yet. Staff of {team.organisationName} take part as staff.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {members.map((m) => (
            <li key={m.userId}>
              {m.name} ({PERSPECTIVE_LABELS[m.perspective].toLowerCase()})
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <>
          <h3 className="govuk-heading-s">Invite someone</h3>
          <p className="govuk-body">They need a Potluck account. If they are not online, <Link className="govuk-link" to="/people/new">add them</Link> first.</p>
          <PostForm>
            <input type="hidden" name="intent" value="invite" />
            <TextField name="email" label="Email address of their account" type="email" spellCheck={false} defaultValue={values.email} errors={errors} maxLength={254} />
            <Radios
              name="perspective"
              legend="They take part as"
              options={PERSPECTIVES.map((p) => ({ value: p, label: PERSPECTIVE_LABELS[p] }))}
              defaultValue={values.perspective}
              errors={errors}
            />
            <SubmitButton>Invite</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
