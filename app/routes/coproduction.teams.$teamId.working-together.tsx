// Working Together for Change: what is working and not working in people's own words, grouped
// into themes, and 'I' and 'We' statements as success measures, reviewed later with evidence.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, Day, TeamBackLink, TextAreaField } from "../components/coproduction";
import { ErrorSummary, PostForm, Radios, Select, SubmitButton, TextField, type FieldError } from "../components/form";
import { COPRODUCTION_LIMITS, ukToday } from "../domain/coproduction/rules";
import { MEASURE_KIND_LABELS, REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS, STATEMENT_KIND_LABELS } from "../domain/coproduction/working-together";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, optionalId, orErrorPage } from "../http/coproduction.server";
import { formErrors, readFormValues } from "../http/forms.server";
import { addMeasure, addStatement, createTheme, groupStatement, reviewMeasure, togetherView } from "../services/coproduction/working-together.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Working Together for Change: ${data?.view.access.team.name ?? "Team"} - Potluck` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const view = await orErrorPage(togetherView(context.db, user, idFrom(params.teamId)));
  return json({ view, today: ukToday() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const teamId = idFrom(params.teamId);
  const values = await readFormValues(request, context);
  const actor = actorFrom(context);
  const back = (anchor: string) => redirect(`/coproduction/teams/${teamId}/working-together#${anchor}`);
  try {
    switch (values.intent) {
      case "statement":
        await addStatement(context.db, actor, teamId, { kind: values.kind ?? "", body: values.body ?? "", attributedTo: values.attributedTo ?? "" });
        return back("statements");
      case "theme":
        await createTheme(context.db, actor, teamId, { name: values.themeName ?? "" });
        return back("themes");
      case "group": {
        const statementId = idFrom(values.statementId);
        await groupStatement(context.db, actor, statementId, optionalId(values[`theme-${statementId}`]));
        return back("statements");
      }
      case "measure":
        await addMeasure(context.db, actor, teamId, { kind: values.measureKind ?? "", body: values.measureBody ?? "", themeId: optionalId(values.measureTheme), roundId: optionalId(values.measureRound) });
        return back("measures");
      case "review": {
        const measureId = idFrom(values.measureId);
        await reviewMeasure(context.db, actor, measureId, { reviewedOn: values[`reviewedOn-${measureId}`] ?? "", outcome: values[`outcome-${measureId}`] ?? "", evidence: values[`reviewEvidence-${measureId}`] ?? "" });
        return back(`measure-${measureId}`);
      }
    }
  } catch (error) {
    return formErrorFrom(error, values);
  }
  return formErrors([{ field: "form", message: "Choose what to do" }], values);
}

type View = ReturnType<typeof useLoaderData<typeof loader>>["view"];

function Statements({ view, errors }: { view: View; errors: FieldError[] | undefined }) {
  const groups = [...view.themes.map((t) => ({ id: t.id as number | null, name: t.name })), { id: null, name: "Not grouped yet" }];
  const themeOptions = [{ value: "", label: "No theme" }, ...view.themes.map((t) => ({ value: String(t.id), label: t.name }))];
  return (
    <>
      {view.statements.length === 0 ? <p className="govuk-body">Nothing recorded yet.</p> : null}
      {groups.map((group) => {
        const statements = view.statements.filter((s) => s.themeId === group.id);
        if (statements.length === 0) return null;
        return (
          <div key={group.id ?? "none"}>
            <h3 className="govuk-heading-s">{group.name}</h3>
            <ul className="govuk-list">
              {statements.map((s) => (
                <li key={s.id} className="govuk-!-margin-bottom-4">
                  <strong className={`govuk-tag ${s.kind === "working" ? "govuk-tag--green" : "govuk-tag--red"}`}>{STATEMENT_KIND_LABELS[s.kind]}</strong>{" "}
                  <q>{s.body}</q>
                  {s.attributedTo ? <span className="govuk-body-s"> ({s.attributedTo})</span> : null}
                  {view.access.canManage && view.themes.length > 0 ? (
                    <PostForm>
                      <input type="hidden" name="intent" value="group" />
                      <input type="hidden" name="statementId" value={s.id} />
                      <Select name={`theme-${s.id}`} label="Theme" options={themeOptions} defaultValue={s.themeId === null ? "" : String(s.themeId)} errors={errors} />
                      <SubmitButton secondary>Move to this theme</SubmitButton>
                    </PostForm>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

function Measures({ view, errors, values, today }: { view: View; errors: FieldError[] | undefined; values: Record<string, string>; today: string }) {
  const themeName = (id: number | null) => view.themes.find((t) => t.id === id)?.name ?? null;
  if (view.measures.length === 0) return <p className="govuk-body">No success measures yet.</p>;
  return (
    <>
      {view.measures.map((m) => (
        <div key={m.id} id={`measure-${m.id}`} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              {MEASURE_KIND_LABELS[m.kind]}: <q>{m.body}</q>
            </h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Theme</dt>
                <dd className="govuk-summary-list__value">{themeName(m.themeId) ?? "None"}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Budget round</dt>
                <dd className="govuk-summary-list__value">
                  {m.round ? (
                    <Link className="govuk-link" to={`/rounds/${m.round.slug}`}>
                      {m.round.title}
                    </Link>
                  ) : (
                    "The team's own work"
                  )}
                </dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Reviews</dt>
                <dd className="govuk-summary-list__value">
                  {m.reviews.length === 0 ? (
                    "Not reviewed yet"
                  ) : (
                    <ul className="govuk-list">
                      {m.reviews.map((r, i) => (
                        <li key={i}>
                          <Day day={r.reviewedOn} />: <strong>{REVIEW_OUTCOME_LABELS[r.outcome]}</strong>. <span className="potluck-preserve-lines">{r.evidence}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
            {view.access.canManage ? (
              <details className="govuk-details" open={errors?.some((e) => e.field.endsWith(`-${m.id}`))}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">Review this measure</span>
                </summary>
                <div className="govuk-details__text">
                  <PostForm>
                    <input type="hidden" name="intent" value="review" />
                    <input type="hidden" name="measureId" value={m.id} />
                    <DateField name={`reviewedOn-${m.id}`} label="Date of the review" defaultValue={values[`reviewedOn-${m.id}`] ?? today} errors={errors} />
                    <Radios name={`outcome-${m.id}`} legend="Was it met?" options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: REVIEW_OUTCOME_LABELS[o] }))} defaultValue={values[`outcome-${m.id}`]} errors={errors} />
                    <TextAreaField name={`reviewEvidence-${m.id}`} label="Evidence" hint="What people said or what changed, in their words where you can" defaultValue={values[`reviewEvidence-${m.id}`]} errors={errors} maxLength={COPRODUCTION_LIMITS.reviewEvidence} />
                    <SubmitButton secondary>Record the review</SubmitButton>
                  </PostForm>
                </div>
              </details>
            ) : null}
          </div>
        </div>
      ))}
    </>
  );
}

export default function WorkingTogether() {
  const { view, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = (result && "values" in result ? result.values : {}) as Record<string, string>;
  const team = view.access.team;
  return (
    <>
      <TeamBackLink teamId={team.id} teamName={team.name} />
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{team.name}</span>
      <h1 className="govuk-heading-l">Working Together for Change</h1>
      <p className="govuk-body">
        Collect what is working and what is not, in people's own words. Group what they say into themes, then agree 'I' statements (what a person will experience) and 'We' statements (what {team.organisationName} commits to). Review each one later with evidence.
      </p>

      <h2 className="govuk-heading-m" id="statements">
        What people said
      </h2>
      <Statements view={view} errors={errors} />
      <h3 className="govuk-heading-s">Add what someone said</h3>
      <PostForm>
        <input type="hidden" name="intent" value="statement" />
        <Radios
          name="kind"
          legend="Is this about something working or not working?"
          options={[
            { value: "working", label: "Working" },
            { value: "not_working", label: "Not working" },
          ]}
          defaultValue={values.kind}
          errors={errors}
        />
        <TextAreaField name="body" label="What they said, in their own words" defaultValue={values.body} errors={errors} maxLength={COPRODUCTION_LIMITS.statement} />
        <TextField name="attributedTo" label="Who said it (optional)" hint="Only with their agreement. Leave empty to keep it anonymous" defaultValue={values.attributedTo} errors={errors} maxLength={COPRODUCTION_LIMITS.attribution} widthClass="govuk-!-width-one-half" />
        <SubmitButton>Add</SubmitButton>
      </PostForm>

      {view.access.canManage ? (
        <>
          <h2 className="govuk-heading-m" id="themes">
            Themes
          </h2>
          {view.themes.length === 0 ? <p className="govuk-body">No themes yet.</p> : <ul className="govuk-list govuk-list--bullet">{view.themes.map((t) => <li key={t.id}>{t.name}</li>)}</ul>}
          <PostForm>
            <input type="hidden" name="intent" value="theme" />
            <TextField name="themeName" label="New theme" hint="For example, Keeping people informed" defaultValue={values.themeName} errors={errors} maxLength={COPRODUCTION_LIMITS.themeName} widthClass="govuk-!-width-one-half" />
            <SubmitButton secondary>Add the theme</SubmitButton>
          </PostForm>
        </>
      ) : null}

      <h2 className="govuk-heading-m" id="measures">
        Success measures
      </h2>
      <Measures view={view} errors={errors} values={values} today={today} />
      {view.access.canManage ? (
        <>
          <h3 className="govuk-heading-s">Add a success measure</h3>
          <PostForm>
            <input type="hidden" name="intent" value="measure" />
            <Radios
              name="measureKind"
              legend="Kind of statement"
              options={[
                { value: "i", label: "'I' statement", hint: "What a person will experience, in their words, like \"I know who to call when I need help\"" },
                { value: "we", label: "'We' statement", hint: "What the organisation commits to, like \"We will reply to every message within two working days\"" },
              ]}
              defaultValue={values.measureKind}
              errors={errors}
            />
            <TextAreaField name="measureBody" label="The statement" defaultValue={values.measureBody} errors={errors} rows={2} maxLength={COPRODUCTION_LIMITS.measure} />
            <Select name="measureTheme" label="Theme (optional)" options={[{ value: "", label: "No theme" }, ...view.themes.map((t) => ({ value: String(t.id), label: t.name }))]} defaultValue={values.measureTheme} errors={errors} />
            <Select name="measureRound" label="Budget round (optional)" options={[{ value: "", label: "The team's own work" }, ...view.rounds.map((r) => ({ value: String(r.id), label: r.title }))]} defaultValue={values.measureRound} errors={errors} />
            <SubmitButton>Add the measure</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
