// A self-reflection: everyone's views side by side per principle (with disagreement flagged),
// each principle's action plan, and change over time across the team's self-reflections.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, Day, StageTag, TeamBackLink, dayText } from "../components/coproduction";
import { ErrorSummary, PostForm, Select, SubmitButton, TextField, type FieldError } from "../components/form";
import {
  ACTION_PROGRESS,
  DISAGREEMENT_SPREAD,
  PRINCIPLES,
  actionProgressLabel,
  perspectiveLabel,
  principleLabel,
  type Principle,
  type Stage,
} from "../domain/coproduction/reflection";
import { COPRODUCTION_LIMITS } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, orErrorPage } from "../http/coproduction.server";
import { formErrors, readFormValues } from "../http/forms.server";
import { addAction, assessmentView, setActionProgress } from "../services/coproduction/reflection.server";
import { pageTitle } from "../components/page-title";
import { t, tp } from "../i18n/translate";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(t("coproduction.pageTitle", { title: data?.view.assessment.title ?? t("coproduction.pageTitle.reflectionFallback") }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const view = await orErrorPage(assessmentView(context.db, user, idFrom(params.assessmentId)));
  return json({ view });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const assessmentId = idFrom(params.assessmentId);
  const values = await readFormValues(request, context);
  const actor = actorFrom(context);
  try {
    if (values.intent === "action") {
      await addAction(context.db, actor, assessmentId, { principle: values.principle ?? "", what: values.what ?? "", who: values.who ?? "", dueOn: values.dueOn ?? "" });
      return redirect(`/coproduction/reflections/${assessmentId}#action-plans`);
    }
    if (values.intent === "progress") {
      const actionId = idFrom(values.actionId);
      await setActionProgress(context.db, actor, actionId, values[`progress-${actionId}`] ?? "");
      return redirect(`/coproduction/reflections/${assessmentId}#action-plans`);
    }
  } catch (error) {
    return formErrorFrom(error, values);
  }
  return formErrors([{ field: "form", message: t("coproduction.form.chooseWhatToDo") }], values);
}

function Comparison({ view }: { view: ReturnType<typeof useLoaderData<typeof loader>>["view"] }) {
  const { respondents, summary, evidence } = view;
  if (respondents.length === 0) return <p className="govuk-body">{t("coproduction.reflection.nobody")}</p>;
  const disagreements = summary.filter((s) => s.disagreement);
  return (
    <>
      {disagreements.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("coproduction.reflection.warning")}</span>
            {t("coproduction.reflection.disagreement", { spread: DISAGREEMENT_SPREAD, principles: disagreements.map((s) => principleLabel(s.principle)).join(", ") })}
          </strong>
        </div>
      ) : (
        <p className="govuk-body">{t("coproduction.reflection.agreement")}</p>
      )}
      <div className="govuk-!-overflow-x-auto" tabIndex={0} role="region" aria-label={t("coproduction.reflection.comparison.title")}>
        <table className="govuk-table" id="comparison">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("coproduction.reflection.comparison.title")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("coproduction.reflection.comparison.principle")}</th>
              {respondents.map((r) => (
                <th scope="col" className="govuk-table__header" key={r.id}>
                  {r.name}
                  <br />
                  <span className="govuk-body-s">{perspectiveLabel(r.perspective)}</span>
                </th>
              ))}
              <th scope="col" className="govuk-table__header">{t("coproduction.reflection.comparison.median")}</th>
              <th scope="col" className="govuk-table__header">{t("coproduction.reflection.comparison.agreement")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {summary.map((s) => (
              <tr className="govuk-table__row" key={s.principle}>
                <th scope="row" className="govuk-table__header">
                  {principleLabel(s.principle)}
                </th>
                {s.stages.map((stage, i) => (
                  <td className="govuk-table__cell" key={respondents[i]!.id}>
                    <StageTag stage={stage as Stage | null} />
                  </td>
                ))}
                <td className="govuk-table__cell">
                  <StageTag stage={s.median as Stage | null} />
                </td>
                <td className="govuk-table__cell">
                  {s.disagreement ? (
                    <span className="potluck-disagreement">{t("coproduction.reflection.comparison.differ", { spread: s.spread })}</span>
                  ) : s.spread === 1 ? (
                    t("coproduction.reflection.comparison.close")
                  ) : (
                    t("coproduction.reflection.comparison.agree")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="govuk-heading-s">{t("coproduction.reflection.evidence.title")}</h3>
      {PRINCIPLES.map((principle) => (
        <details className="govuk-details" key={principle}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t("coproduction.reflection.evidence.for", { principle: principleLabel(principle) })}</span>
          </summary>
          <div className="govuk-details__text">
            <dl className="govuk-summary-list">
              {respondents.map((r, i) => (
                <div className="govuk-summary-list__row" key={r.id}>
                  <dt className="govuk-summary-list__key">
                    {t("coproduction.personWithPerspective", { name: r.name, perspective: perspectiveLabel(r.perspective).toLowerCase() })}
                  </dt>
                  <dd className="govuk-summary-list__value potluck-preserve-lines">{evidence[principle][i] ?? t("coproduction.noAnswer")}</dd>
                </div>
              ))}
            </dl>
          </div>
        </details>
      ))}
    </>
  );
}

function ActionPlans({ view, errors, values }: { view: ReturnType<typeof useLoaderData<typeof loader>>["view"]; errors: FieldError[] | undefined; values: Record<string, string> }) {
  const canManage = view.access.canManage;
  return (
    <>
      <h2 className="govuk-heading-m" id="action-plans">
        {t("coproduction.reflection.actions.title")}
      </h2>
      {PRINCIPLES.map((principle: Principle) => {
        const actions = view.actions.filter((a) => a.principle === principle);
        return (
          <div key={principle}>
            <h3 className="govuk-heading-s">{principleLabel(principle)}</h3>
            {actions.length === 0 ? (
              <p className="govuk-body">{t("coproduction.reflection.actions.none")}</p>
            ) : (
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">{t("coproduction.reflection.actions.caption", { principle: principleLabel(principle) })}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">{t("coproduction.reflection.actions.what")}</th>
                    <th scope="col" className="govuk-table__header">{t("coproduction.reflection.actions.who")}</th>
                    <th scope="col" className="govuk-table__header">{t("coproduction.reflection.actions.dueOn")}</th>
                    <th scope="col" className="govuk-table__header">{t("coproduction.reflection.actions.progress")}</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {actions.map((a) => (
                    <tr className="govuk-table__row" key={a.id}>
                      <td className="govuk-table__cell">{a.what}</td>
                      <td className="govuk-table__cell">{a.who}</td>
                      <td className="govuk-table__cell">
                        <Day day={a.dueOn} />
                        {a.overdue ? (
                          <>
                            <br />
                            <strong className="govuk-tag govuk-tag--red">{t("coproduction.overdue")}</strong>
                          </>
                        ) : null}
                      </td>
                      <td className="govuk-table__cell">
                        {canManage ? (
                          <PostForm>
                            <input type="hidden" name="intent" value="progress" />
                            <input type="hidden" name="actionId" value={a.id} />
                            <Select
                              name={`progress-${a.id}`}
                              label={t("coproduction.reflection.actions.progressOf", { what: a.what.length > 60 ? `${a.what.slice(0, 59)}…` : a.what })}
                              options={ACTION_PROGRESS.map((p) => ({ value: p, label: actionProgressLabel(p) }))}
                              defaultValue={a.progress}
                              errors={errors}
                            />
                            <SubmitButton secondary>{t("coproduction.reflection.actions.update")}</SubmitButton>
                          </PostForm>
                        ) : (
                          actionProgressLabel(a.progress)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
      {canManage ? (
        <>
          <h3 className="govuk-heading-s">{t("coproduction.reflection.actions.add")}</h3>
          <PostForm>
            <input type="hidden" name="intent" value="action" />
            <Select
              name="principle"
              label={t("coproduction.reflection.actions.principle")}
              options={PRINCIPLES.map((p) => ({ value: p, label: principleLabel(p) }))}
              defaultValue={values.principle}
              errors={errors}
            />
            <TextField name="what" label={t("coproduction.reflection.actions.whatField")} defaultValue={values.what} errors={errors} maxLength={COPRODUCTION_LIMITS.actionWhat} />
            <TextField name="who" label={t("coproduction.reflection.actions.whoField")} defaultValue={values.who} errors={errors} maxLength={COPRODUCTION_LIMITS.actionWho} widthClass="govuk-!-width-one-half" />
            <DateField name="dueOn" label={t("coproduction.reflection.actions.dueOnField")} defaultValue={values.dueOn} errors={errors} />
            <SubmitButton>{t("coproduction.reflection.actions.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}

function History({ view }: { view: ReturnType<typeof useLoaderData<typeof loader>>["view"] }) {
  const { rounds, change } = view.history;
  if (rounds.length < 2) return <p className="govuk-body">{t("coproduction.reflection.history.notYet")}</p>;
  return (
    <div className="govuk-!-overflow-x-auto" tabIndex={0} role="region" aria-label={t("coproduction.reflection.history.title")}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{t("coproduction.reflection.history.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("coproduction.reflection.history.reflection")}</th>
            {PRINCIPLES.map((p) => (
              <th scope="col" className="govuk-table__header" key={p}>
                {principleLabel(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rounds.map((r) => (
            <tr className="govuk-table__row" key={r.assessmentId}>
              <th scope="row" className="govuk-table__header">
                {r.assessmentId === view.assessment.id ? r.title : <Link className="govuk-link" to={`/coproduction/reflections/${r.assessmentId}`}>{r.title}</Link>}
                <br />
                <span className="govuk-body-s">
                  {tp("coproduction.reflection.history.responses", r.respondents, { date: dayText(r.heldOn) })}
                </span>
              </th>
              {PRINCIPLES.map((p) => (
                <td className="govuk-table__cell" key={p}>
                  <StageTag stage={r.medians[p] as Stage | null} />
                </td>
              ))}
            </tr>
          ))}
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {t("coproduction.reflection.history.change")}
            </th>
            {PRINCIPLES.map((p) => {
              const c = change[p];
              return (
                <td className="govuk-table__cell" key={p}>
                  {c === null ? t("coproduction.reflection.history.notEnough") : c === 0 ? t("coproduction.reflection.history.noChange") : tp(c > 0 ? "coproduction.reflection.history.up" : "coproduction.reflection.history.down", Math.abs(c))}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export default function Reflection() {
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = (result && "values" in result ? result.values : {}) as Record<string, string>;
  const { assessment, access } = view;
  return (
    <>
      <TeamBackLink teamId={access.team.id} teamName={access.team.name} />
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">
        {access.team.name}, {access.team.organisationName}
      </span>
      <h1 className="govuk-heading-l">{assessment.title}</h1>
      <p className="govuk-body">
        {tp("coproduction.reflection.intro", view.respondents.length, { date: dayText(assessment.heldOn) })}
      </p>
      {access.perspective ? (
        <p className="govuk-body">
          <Link className="govuk-button" to={`/coproduction/reflections/${assessment.id}/respond`}>
            {t(view.myResponse ? "coproduction.reflection.changeAnswers" : "coproduction.reflection.fillIn")}
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">{t("coproduction.reflection.summary.title")}</h2>
      <p className="govuk-body">
        {t("coproduction.reflection.summary.intro")}
      </p>
      <Comparison view={view} />
      <ActionPlans view={view} errors={errors} values={values} />
      <h2 className="govuk-heading-m">{t("coproduction.reflection.history.title")}</h2>
      <History view={view} />
    </>
  );
}
