// Voting with a one-time code, without an account: enter the code, then the same three steps.
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { ChooseStep, ReviewStep, ballotInstructions } from "../components/ballot";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ballotPage } from "../http/ballot-page.server";
import { ballotStep } from "../http/ballot-steps.server";
import { readFormValues } from "../http/forms.server";
import { pageErrorFrom } from "../http/rounds.server";
import { castCodeBallot, roundForCode } from "../services/rounds/voting.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.vote.code.title"));

export async function action({ request, context }: ActionFunctionArgs) {
  const values = await readFormValues(request, context);
  let found: { code: string; roundSlug: string };
  try {
    found = await roundForCode(context.db, (values.code ?? "").slice(0, 40));
  } catch (error) {
    const problem = pageErrorFrom(error);
    return json({ stage: "code" as const, errors: [{ field: "code", message: problem.message }], code: values.code ?? "" }, { status: 400 });
  }
  const { round, view } = await ballotPage(context, found.roundSlug);
  if (values.intent === "start") return json({ stage: "ballot" as const, round: view, code: found.code, step: { step: "choose" as const, values: {} } });
  const response = await ballotStep(request, round, values, (choices) => castCodeBallot(context.db, round.id, found.code, choices), "/vote/done");
  if (response.status >= 300 && response.status < 400) throw response; // the confirmed ballot's redirect
  return json({ stage: "ballot" as const, round: view, code: found.code, step: await response.json() }, { status: response.status });
}

export default function VoteWithCode() {
  const data = useActionData<typeof action>();
  if (!data || data.stage === "code") {
    const errors = data?.stage === "code" ? data.errors : undefined;
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">{t("rounds.vote.code.title")}</h1>
          <p className="govuk-body">{t("rounds.vote.code.intro")}</p>
          <PostForm>
            <input type="hidden" name="intent" value="start" />
            <TextField name="code" label={t("rounds.vote.code.label")} hint={t("rounds.vote.code.hint")} autoComplete="off" spellCheck={false} defaultValue={data?.stage === "code" ? data.code : undefined} errors={errors} widthClass="govuk-input--width-20" />
            <SubmitButton>{t("common.continue")}</SubmitButton>
          </PostForm>
        </div>
      </div>
    );
  }
  const { round, code, step } = data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{round.title}</span>
        <h1 className="govuk-heading-l">{t("rounds.vote.title")}</h1>
        {step.step === "review" ? (
          <ReviewStep projects={round.projects} choices={step.choices} values={{ ...step.values, code }} type={round.ballotType} hidden={{ code }} />
        ) : (
          <ChooseStep type={round.ballotType} projects={round.projects} instructions={ballotInstructions(round.ballotType, round.rules)} values={step.values} errors={"errors" in step ? step.errors : undefined} hidden={{ code }} />
        )}
      </div>
    </div>
  );
}
