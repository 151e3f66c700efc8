// Working Together for Change: what is working and not working in people's own words, grouped
// into themes, and 'I' and 'We' statements as success measures, reviewed later with evidence.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateField, Day, TeamBackLink, TextAreaField } from "../components/coproduction";
import { ErrorSummary, PostForm, Radios, Select, SubmitButton, TextField, type FieldError } from "../components/form";
import { COPRODUCTION_LIMITS, ukToday } from "../domain/coproduction/rules";
import { REVIEW_OUTCOMES, measureKindLabel, reviewOutcomeLabel, statementKindLabel } from "../domain/coproduction/working-together";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, optionalId, orErrorPage } from "../http/coproduction.server";
import { formErrors, readFormValues } from "../http/forms.server";
import { addMeasure, addStatement, createTheme, groupStatement, reviewMeasure, togetherView } from "../services/coproduction/working-together.server";
import { pageTitle } from "../components/page-title";
import { t } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(t("coproduction.together.pageTitle", { team: data?.view.access.team.name ?? t("coproduction.pageTitle.teamFallback") }));

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
  return formErrors([{ field: "form", message: t("coproduction.form.chooseWhatToDo") }], values);
}

type View = ReturnType<typeof useLoaderData<typeof loader>>["view"];

function Statements({ view, errors }: { view: View; errors: FieldError[] | undefined }) {
  const groups = [...view.themes.map((theme) => ({ id: theme.id as number | null, name: theme.name })), { id: null, name: t("coproduction.together.statements.notGrouped") }];
  const themeOptions = [{ value: "", label: t("coproduction.together.statements.noTheme") }, ...view.themes.map((theme) => ({ value: String(theme.id), label: theme.name }))];
  return (
    <>
      {view.statements.length === 0 ? <p className="govuk-body">{t("coproduction.together.statements.none")}</p> : null}
      {groups.map((group) => {
        const statements = view.statements.filter((s) => s.themeId === group.id);
        if (statements.length === 0) return null;
        return (
          <div key={group.id ?? "none"}>
            <h3 className="govuk-heading-s">{group.name}</h3>
            <ul className="govuk-list">
              {statements.map((s) => (
                <li key={s.id} className="govuk-!-margin-bottom-4">
                  <strong className={`govuk-tag ${s.kind === "working" ? "govuk-tag--green" : "govuk-tag--red"}`}>{statementKindLabel(s.kind)}</strong>{" "}
                  <q>{s.body}</q>
                  {s.attributedTo ? <span className="govuk-body-s"> ({s.attributedTo})</span> : null}
                  {view.access.canManage && view.themes.length > 0 ? (
                    <PostForm>
                      <input type="hidden" name="intent" value="group" />
                      <input type="hidden" name="statementId" value={s.id} />
                      <Select name={`theme-${s.id}`} label={t("coproduction.together.statements.theme")} options={themeOptions} defaultValue={s.themeId === null ? "" : String(s.themeId)} errors={errors} />
                      <SubmitButton secondary>{t("coproduction.together.statements.move")}</SubmitButton>
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
  const themeName = (id: number | null) => view.themes.find((theme) => theme.id === id)?.name ?? null;
  if (view.measures.length === 0) return <p className="govuk-body">{t("coproduction.together.measures.none")}</p>;
  return (
    <>
      {view.measures.map((m) => (
        <div key={m.id} id={`measure-${m.id}`} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              {tr("coproduction.together.measure.heading", { kind: measureKindLabel(m.kind), statement: <q>{m.body}</q> })}
            </h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("coproduction.together.measure.theme")}</dt>
                <dd className="govuk-summary-list__value">{themeName(m.themeId) ?? t("coproduction.together.measure.noTheme")}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("coproduction.together.measure.round")}</dt>
                <dd className="govuk-summary-list__value">
                  {m.round ? (
                    <Link className="govuk-link" to={`/rounds/${m.round.slug}`}>
                      {m.round.title}
                    </Link>
                  ) : (
                    t("coproduction.together.measure.ownWork")
                  )}
                </dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("coproduction.together.measure.reviews")}</dt>
                <dd className="govuk-summary-list__value">
                  {m.reviews.length === 0 ? (
                    t("coproduction.together.measure.notReviewed")
                  ) : (
                    <ul className="govuk-list">
                      {m.reviews.map((r, i) => (
                        <li key={i}>
                          {tr("coproduction.together.measure.review", { date: <Day day={r.reviewedOn} />, outcome: <strong>{reviewOutcomeLabel(r.outcome)}</strong>, evidence: <span className="potluck-preserve-lines">{r.evidence}</span> })}
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
                  <span className="govuk-details__summary-text">{t("coproduction.together.review.title")}</span>
                </summary>
                <div className="govuk-details__text">
                  <PostForm>
                    <input type="hidden" name="intent" value="review" />
                    <input type="hidden" name="measureId" value={m.id} />
                    <DateField name={`reviewedOn-${m.id}`} label={t("coproduction.together.review.date")} defaultValue={values[`reviewedOn-${m.id}`] ?? today} errors={errors} />
                    <Radios name={`outcome-${m.id}`} legend={t("coproduction.together.review.outcome")} options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: reviewOutcomeLabel(o) }))} defaultValue={values[`outcome-${m.id}`]} errors={errors} />
                    <TextAreaField name={`reviewEvidence-${m.id}`} label={t("coproduction.together.review.evidence")} hint={t("coproduction.together.review.evidenceHint")} defaultValue={values[`reviewEvidence-${m.id}`]} errors={errors} maxLength={COPRODUCTION_LIMITS.reviewEvidence} />
                    <SubmitButton secondary>{t("coproduction.together.review.submit")}</SubmitButton>
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
      <h1 className="govuk-heading-l">{t("coproduction.together.title")}</h1>
      <p className="govuk-body">
        {t("coproduction.together.intro", { organisation: team.organisationName })}
      </p>

      <h2 className="govuk-heading-m" id="statements">
        {t("coproduction.together.statements.title")}
      </h2>
      <Statements view={view} errors={errors} />
      <h3 className="govuk-heading-s">{t("coproduction.together.statement.add")}</h3>
      <PostForm>
        <input type="hidden" name="intent" value="statement" />
        <Radios
          name="kind"
          legend={t("coproduction.together.statement.kind")}
          options={[
            { value: "working", label: statementKindLabel("working") },
            { value: "not_working", label: statementKindLabel("not_working") },
          ]}
          defaultValue={values.kind}
          errors={errors}
        />
        <TextAreaField name="body" label={t("coproduction.together.statement.body")} defaultValue={values.body} errors={errors} maxLength={COPRODUCTION_LIMITS.statement} />
        <TextField name="attributedTo" label={t("coproduction.together.statement.attributedTo")} hint={t("coproduction.together.statement.attributedToHint")} defaultValue={values.attributedTo} errors={errors} maxLength={COPRODUCTION_LIMITS.attribution} widthClass="govuk-!-width-one-half" />
        <SubmitButton>{t("coproduction.together.statement.submit")}</SubmitButton>
      </PostForm>

      {view.access.canManage ? (
        <>
          <h2 className="govuk-heading-m" id="themes">
            {t("coproduction.together.themes.title")}
          </h2>
          {view.themes.length === 0 ? <p className="govuk-body">{t("coproduction.together.themes.none")}</p> : <ul className="govuk-list govuk-list--bullet">{view.themes.map((theme) => <li key={theme.id}>{theme.name}</li>)}</ul>}
          <PostForm>
            <input type="hidden" name="intent" value="theme" />
            <TextField name="themeName" label={t("coproduction.together.themes.new")} hint={t("coproduction.together.themes.newHint")} defaultValue={values.themeName} errors={errors} maxLength={COPRODUCTION_LIMITS.themeName} widthClass="govuk-!-width-one-half" />
            <SubmitButton secondary>{t("coproduction.together.themes.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}

      <h2 className="govuk-heading-m" id="measures">
        {t("coproduction.together.measures.title")}
      </h2>
      <Measures view={view} errors={errors} values={values} today={today} />
      {view.access.canManage ? (
        <>
          <h3 className="govuk-heading-s">{t("coproduction.together.measureForm.title")}</h3>
          <PostForm>
            <input type="hidden" name="intent" value="measure" />
            <Radios
              name="measureKind"
              legend={t("coproduction.together.measureForm.kind")}
              options={[
                { value: "i", label: measureKindLabel("i"), hint: t("coproduction.together.measureForm.iHint") },
                { value: "we", label: measureKindLabel("we"), hint: t("coproduction.together.measureForm.weHint") },
              ]}
              defaultValue={values.measureKind}
              errors={errors}
            />
            <TextAreaField name="measureBody" label={t("coproduction.together.measureForm.body")} defaultValue={values.measureBody} errors={errors} rows={2} maxLength={COPRODUCTION_LIMITS.measure} />
            <Select name="measureTheme" label={t("coproduction.together.measureForm.theme")} options={[{ value: "", label: t("coproduction.together.measureForm.noTheme") }, ...view.themes.map((theme) => ({ value: String(theme.id), label: theme.name }))]} defaultValue={values.measureTheme} errors={errors} />
            <Select name="measureRound" label={t("coproduction.together.measureForm.round")} options={[{ value: "", label: t("coproduction.together.measureForm.ownWork") }, ...view.rounds.map((r) => ({ value: String(r.id), label: r.title }))]} defaultValue={values.measureRound} errors={errors} />
            <SubmitButton>{t("coproduction.together.measureForm.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </>
  );
}
