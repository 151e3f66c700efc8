// Filling in a self-reflection: a stage and evidence for each of the four principles. Each
// person answers separately; answering again replaces their own answers.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "../components/coproduction";
import { ErrorSummary, PostForm, Radios, SubmitButton } from "../components/form";
import { PRINCIPLES, STAGES, STAGE_KEYS, perspectiveLabel, principleHint, principleLabel, stageLabel, type Principle } from "../domain/coproduction/reflection";
import { COPRODUCTION_LIMITS } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, orErrorPage } from "../http/coproduction.server";
import { readFormValues } from "../http/forms.server";
import { assessmentView, submitResponse } from "../services/coproduction/reflection.server";
import { pageTitle } from "../components/page-title";
import { t } from "../i18n/translate";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(t("coproduction.pageTitle", { title: t("coproduction.respond.pageTitle", { title: data?.title ?? t("coproduction.pageTitle.reflectionFallback") }) }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const view = await orErrorPage(assessmentView(context.db, user, idFrom(params.assessmentId)));
  if (!view.access.perspective) throw json({ message: t("errors.reflection_not_invited") }, { status: 403 });
  const previous: Record<string, string> = {};
  if (view.myResponse) {
    for (const p of PRINCIPLES) {
      previous[`stage-${p}`] = STAGE_KEYS[view.myResponse[p].stage];
      previous[`evidence-${p}`] = view.myResponse[p].evidence;
    }
  }
  return json({ id: view.assessment.id, title: view.assessment.title, team: view.access.team, perspective: view.access.perspective, previous });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const assessmentId = idFrom(params.assessmentId);
  const values = await readFormValues(request, context);
  const input = {} as Record<Principle, { stage: string; evidence: string }>;
  for (const p of PRINCIPLES) input[p] = { stage: values[`stage-${p}`] ?? "", evidence: values[`evidence-${p}`] ?? "" };
  try {
    await submitResponse(context.db, actorFrom(context), assessmentId, input);
  } catch (error) {
    return formErrorFrom(error, values);
  }
  return redirect(`/coproduction/reflections/${assessmentId}`);
}

export default function Respond() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const values = result && "values" in result ? result.values : data.previous;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/coproduction/reflections/${data.id}`}>
          {t("coproduction.respond.back")}
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.team.name}</span>
        <h1 className="govuk-heading-l">{data.title}</h1>
        <p className="govuk-body">
          {t("coproduction.respond.answeringAs", { perspective: perspectiveLabel(data.perspective!).toLowerCase() })}
        </p>
        <p className="govuk-body">{t("coproduction.respond.intro")}</p>
        <PostForm>
          {PRINCIPLES.map((p) => (
            <div key={p}>
              <Radios
                name={`stage-${p}`}
                legend={principleLabel(p)}
                hint={principleHint(p)}
                options={STAGES.map((s) => ({ value: STAGE_KEYS[s], label: stageLabel(s) }))}
                defaultValue={values[`stage-${p}`]}
                errors={errors}
              />
              <TextAreaField
                name={`evidence-${p}`}
                label={t("coproduction.reflection.evidence.for", { principle: principleLabel(p).toLowerCase() })}
                hint={t("coproduction.respond.evidenceHint")}
                defaultValue={values[`evidence-${p}`]}
                errors={errors}
                maxLength={COPRODUCTION_LIMITS.evidence}
              />
            </div>
          ))}
          <SubmitButton>{t("coproduction.respond.submit")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
