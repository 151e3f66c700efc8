// Filling in a self-reflection: a stage and evidence for each of the four principles. Each
// person answers separately; answering again replaces their own answers.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "../components/coproduction";
import { ErrorSummary, PostForm, Radios, SubmitButton } from "../components/form";
import { PERSPECTIVE_LABELS, PRINCIPLES, PRINCIPLE_HINTS, PRINCIPLE_LABELS, STAGES, STAGE_KEYS, STAGE_LABELS, type Principle } from "../domain/coproduction/reflection";
import { COPRODUCTION_LIMITS } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, orErrorPage } from "../http/coproduction.server";
import { readFormValues } from "../http/forms.server";
import { assessmentView, submitResponse } from "../services/coproduction/reflection.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Fill in: ${data?.title ?? "Self-reflection"} - Co-production - Potluck` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const view = await orErrorPage(assessmentView(context.db, user, idFrom(params.assessmentId)));
  if (!view.access.perspective) throw json({ message: "Only people invited to this team, and its organisation's staff, can fill in its self-reflection" }, { status: 403 });
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
          Back to the summary
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.team.name}</span>
        <h1 className="govuk-heading-l">{data.title}</h1>
        <p className="govuk-body">
          You are answering as {PERSPECTIVE_LABELS[data.perspective!].toLowerCase()}. Answer for yourself: other people fill it in separately, and the summary shows everyone's views side by side.
        </p>
        <p className="govuk-body">For each principle, choose the stage that fits best and say what makes you think so.</p>
        <PostForm>
          {PRINCIPLES.map((p) => (
            <div key={p}>
              <Radios
                name={`stage-${p}`}
                legend={PRINCIPLE_LABELS[p]}
                hint={PRINCIPLE_HINTS[p]}
                options={STAGES.map((s) => ({ value: STAGE_KEYS[s], label: STAGE_LABELS[s] }))}
                defaultValue={values[`stage-${p}`]}
                errors={errors}
              />
              <TextAreaField
                name={`evidence-${p}`}
                label={`Evidence for ${PRINCIPLE_LABELS[p].toLowerCase()}`}
                hint="What have you seen or done that shows this? For example, a meeting, a decision, something a resident said"
                defaultValue={values[`evidence-${p}`]}
                errors={errors}
                maxLength={COPRODUCTION_LIMITS.evidence}
              />
            </div>
          ))}
          <SubmitButton>Send your answers</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
