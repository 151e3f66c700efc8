// A co-production team: who takes part, its self-reflections, and links to its checklist and
// Working Together for Change. Staff of the organisation invite people and start assessments.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, Day } from "../components/coproduction";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextField } from "../components/form";
import { PERSPECTIVES, perspectiveLabel } from "../domain/coproduction/reflection";
import { COPRODUCTION_LIMITS, ukToday } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, orErrorPage } from "../http/coproduction.server";
import { formErrors, readFormValues } from "../http/forms.server";
import { createAssessment, teamAssessments } from "../services/coproduction/reflection.server";
import { inviteMember, teamAccess, teamMembers } from "../services/coproduction/teams.server";
import { pageTitle } from "../components/page-title";
import { t } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(t("coproduction.pageTitle", { title: data?.team.name ?? t("coproduction.pageTitle.teamFallback") }));

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
  return formErrors([{ field: "form", message: t("coproduction.form.chooseWhatToDo") }], values);
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
        {t("coproduction.team.back")}
      </Link>
      <ErrorSummary errors={errors} />
      {invited ? (
        <SuccessNotice>{t("coproduction.team.invited", { email: invited })}</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{team.organisationName}</span>
      <h1 className="govuk-heading-l">{team.name}</h1>

      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/coproduction/teams/${team.id}/checklist`}>
            {t("coproduction.team.checklistLink")}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/coproduction/teams/${team.id}/working-together`}>
            {t("coproduction.team.togetherLink")}
          </Link>
        </li>
      </ul>

      <h2 className="govuk-heading-m">{t("coproduction.team.reflections.title")}</h2>
      <p className="govuk-body">
        {t("coproduction.team.reflections.intro")}
      </p>
      {assessments.length === 0 ? (
        <p className="govuk-body">{t("coproduction.team.reflections.none")}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("coproduction.team.reflections.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("coproduction.team.reflections.reflection")}</th>
              <th scope="col" className="govuk-table__header">{t("coproduction.team.reflections.date")}</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("coproduction.team.reflections.responses")}</th>
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
          <h3 className="govuk-heading-s">{t("coproduction.team.start.title")}</h3>
          <PostForm>
            <input type="hidden" name="intent" value="assessment" />
            <TextField name="title" label={t("coproduction.team.start.titleField")} hint={t("coproduction.team.start.titleHint")} defaultValue={values.title} errors={errors} maxLength={COPRODUCTION_LIMITS.title} />
            <DateField name="heldOn" label={t("coproduction.team.start.date")} defaultValue={values.heldOn ?? today} errors={errors} />
            <SubmitButton>{t("coproduction.team.start.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t("coproduction.team.people.title")}</h2>
      {members.length === 0 ? (
        <p className="govuk-body">{t("coproduction.team.people.none", { organisation: team.organisationName })}</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {members.map((m) => (
            <li key={m.userId}>
              {t("coproduction.personWithPerspective", { name: m.name, perspective: perspectiveLabel(m.perspective).toLowerCase() })}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <>
          <h3 className="govuk-heading-s">{t("coproduction.team.invite.title")}</h3>
          <p className="govuk-body">{tr("coproduction.team.invite.intro", { link: <Link className="govuk-link" to="/people/new">{t("coproduction.team.invite.addThem")}</Link> })}</p>
          <PostForm>
            <input type="hidden" name="intent" value="invite" />
            <TextField name="email" label={t("coproduction.team.invite.email")} type="email" spellCheck={false} defaultValue={values.email} errors={errors} maxLength={254} />
            <Radios
              name="perspective"
              legend={t("coproduction.team.invite.perspective")}
              options={PERSPECTIVES.map((p) => ({ value: p, label: perspectiveLabel(p) }))}
              defaultValue={values.perspective}
              errors={errors}
            />
            <SubmitButton>{t("coproduction.team.invite.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
