// A self-reflection: everyone's views side by side per principle (with disagreement flagged),
// each principle's action plan, and change over time across the team's self-reflections.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, Day, StageTag, TeamBackLink } from "../components/coproduction";
import { ErrorSummary, PostForm, Select, SubmitButton, TextField, type FieldError } from "../components/form";
import {
  ACTION_PROGRESS,
  ACTION_PROGRESS_LABELS,
  DISAGREEMENT_SPREAD,
  PERSPECTIVE_LABELS,
  PRINCIPLES,
  PRINCIPLE_LABELS,
  type Principle,
  type Stage,
} from "../domain/coproduction/reflection";
import { COPRODUCTION_LIMITS } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, orErrorPage } from "../http/coproduction.server";
import { formErrors, readFormValues } from "../http/forms.server";
import { addAction, assessmentView, setActionProgress } from "../services/coproduction/reflection.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.assessment.title ?? "Self-reflection"} - Co-production - Potluck` }];

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
  return formErrors([{ field: "form", message: "Choose what to do" }], values);
}

function Comparison({ view }: { view: ReturnType<typeof useLoaderData<typeof loader>>["view"] }) {
  const { respondents, summary, evidence } = view;
  if (respondents.length === 0) return <p className="govuk-body">Nobody has filled this in yet.</p>;
  const disagreements = summary.filter((s) => s.disagreement);
  return (
    <>
      {disagreements.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Views differ by {DISAGREEMENT_SPREAD} stages or more on: {disagreements.map((s) => PRINCIPLE_LABELS[s.principle]).join(", ")}. Talk these through together.
          </strong>
        </div>
      ) : (
        <p className="govuk-body">Everyone's views are within one stage of each other on every principle.</p>
      )}
      <div className="govuk-!-overflow-x-auto" tabIndex={0} role="region" aria-label="Views side by side">
        <table className="govuk-table" id="comparison">
          <caption className="govuk-table__caption govuk-table__caption--m">Views side by side</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Principle</th>
              {respondents.map((r) => (
                <th scope="col" className="govuk-table__header" key={r.id}>
                  {r.name}
                  <br />
                  <span className="govuk-body-s">{PERSPECTIVE_LABELS[r.perspective]}</span>
                </th>
              ))}
              <th scope="col" className="govuk-table__header">Middle view (median)</th>
              <th scope="col" className="govuk-table__header">Agreement</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {summary.map((s) => (
              <tr className="govuk-table__row" key={s.principle}>
                <th scope="row" className="govuk-table__header">
                  {PRINCIPLE_LABELS[s.principle]}
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
                    <span className="potluck-disagreement">Views differ: {s.spread} stages apart</span>
                  ) : s.spread === 1 ? (
                    "Close: one stage apart"
                  ) : (
                    "Agree"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="govuk-heading-s">Evidence</h3>
      {PRINCIPLES.map((principle) => (
        <details className="govuk-details" key={principle}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Evidence for {PRINCIPLE_LABELS[principle]}</span>
          </summary>
          <div className="govuk-details__text">
            <dl className="govuk-summary-list">
              {respondents.map((r, i) => (
                <div className="govuk-summary-list__row" key={r.id}>
                  <dt className="govuk-summary-list__key">
                    {r.name} ({PERSPECTIVE_LABELS[r.perspective].toLowerCase()})
                  </dt>
                  <dd className="govuk-summary-list__value potluck-preserve-lines">{evidence[principle][i] ?? "No answer"}</dd>
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
        Action plans
      </h2>
      {PRINCIPLES.map((principle: Principle) => {
        const actions = view.actions.filter((a) => a.principle === principle);
        return (
          <div key={principle}>
            <h3 className="govuk-heading-s">{PRINCIPLE_LABELS[principle]}</h3>
            {actions.length === 0 ? (
              <p className="govuk-body">No actions yet.</p>
            ) : (
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Actions for {PRINCIPLE_LABELS[principle]}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">What</th>
                    <th scope="col" className="govuk-table__header">Who</th>
                    <th scope="col" className="govuk-table__header">By when</th>
                    <th scope="col" className="govuk-table__header">Progress</th>
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
                            <strong className="govuk-tag govuk-tag--red">Overdue</strong>
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
                              label={`Progress of "${a.what.length > 60 ? `${a.what.slice(0, 59)}…` : a.what}"`}
                              options={ACTION_PROGRESS.map((p) => ({ value: p, label: ACTION_PROGRESS_LABELS[p] }))}
                              defaultValue={a.progress}
                              errors={errors}
                            />
                            <SubmitButton secondary>Update progress</SubmitButton>
                          </PostForm>
                        ) : (
                          ACTION_PROGRESS_LABELS[a.progress]
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
          <h3 className="govuk-heading-s">Add an action</h3>
          <PostForm>
            <input type="hidden" name="intent" value="action" />
            <Select
              name="principle"
              label="Principle"
              options={PRINCIPLES.map((p) => ({ value: p, label: PRINCIPLE_LABELS[p] }))}
              defaultValue={values.principle}
              errors={errors}
            />
            <TextField name="what" label="What will be done" defaultValue={values.what} errors={errors} maxLength={COPRODUCTION_LIMITS.actionWhat} />
            <TextField name="who" label="Who will do it" defaultValue={values.who} errors={errors} maxLength={COPRODUCTION_LIMITS.actionWho} widthClass="govuk-!-width-one-half" />
            <DateField name="dueOn" label="By when" defaultValue={values.dueOn} errors={errors} />
            <SubmitButton>Add the action</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}

function History({ view }: { view: ReturnType<typeof useLoaderData<typeof loader>>["view"] }) {
  const { rounds, change } = view.history;
  if (rounds.length < 2) return <p className="govuk-body">When the team repeats the self-reflection, the change in each principle shows here.</p>;
  return (
    <div className="govuk-!-overflow-x-auto" tabIndex={0} role="region" aria-label="Change over time">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Middle view (median stage) of each principle in each self-reflection, oldest first</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Self-reflection</th>
            {PRINCIPLES.map((p) => (
              <th scope="col" className="govuk-table__header" key={p}>
                {PRINCIPLE_LABELS[p]}
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
                  <Day day={r.heldOn} />, {r.respondents} {r.respondents === 1 ? "response" : "responses"}
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
              Change from first to latest
            </th>
            {PRINCIPLES.map((p) => {
              const c = change[p];
              return (
                <td className="govuk-table__cell" key={p}>
                  {c === null ? "Not enough answers" : c === 0 ? "No change" : `${c > 0 ? "Up" : "Down"} ${Math.abs(c)} ${Math.abs(c) === 1 ? "stage" : "stages"}`}
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
        Self-reflection on the four principles of co-production, <Day day={assessment.heldOn} />. {view.respondents.length} {view.respondents.length === 1 ? "person has" : "people have"} filled it in.
      </p>
      {access.perspective ? (
        <p className="govuk-body">
          <Link className="govuk-button" to={`/coproduction/reflections/${assessment.id}/respond`}>
            {view.myResponse ? "Change your answers" : "Fill in your self-reflection"}
          </Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Summary</h2>
      <p className="govuk-body">
        Each stage shows as red, amber or green with its words: red is "really haven't got this yet", amber is "got the basics" or "getting there", green is "doing really well".
      </p>
      <Comparison view={view} />
      <ActionPlans view={view} errors={errors} values={values} />
      <h2 className="govuk-heading-m">Change over time</h2>
      <History view={view} />
    </>
  );
}
