// The co-production checklist: thirteen top tips, each answered yes or no, with what the team
// needs to do now, by which date, and who owns it. Saved all at once; a problem with any tip
// saves nothing and lists every problem.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DateField, Day, TeamBackLink, TextAreaField } from "../components/coproduction";
import { ErrorSummary, PostForm, Radios, SubmitButton, TextField } from "../components/form";
import { TIP_COUNT } from "../domain/coproduction/checklist";
import { COPRODUCTION_LIMITS } from "../domain/coproduction/rules";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrorFrom, idFrom, orErrorPage } from "../http/coproduction.server";
import { readFormValues } from "../http/forms.server";
import { checklistView, saveChecklist } from "../services/coproduction/checklist.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Checklist: ${data?.team.name ?? "Team"} - Co-production - Potluck` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const { access, rows } = await orErrorPage(checklistView(context.db, user, idFrom(params.teamId)));
  return json({ team: access.team, canManage: access.canManage, rows });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(request, context);
  const teamId = idFrom(params.teamId);
  const values = await readFormValues(request, context);
  const inputs = Array.from({ length: TIP_COUNT }, (_, i) => {
    const n = i + 1;
    return {
      tipNumber: n,
      inPlace: values[`tip-${n}-in-place`] ?? "",
      nextStep: values[`tip-${n}-next-step`] ?? "",
      dueOn: values[`tip-${n}-due`] ?? "",
      owner: values[`tip-${n}-owner`] ?? "",
      actionDone: values[`tip-${n}-action-done`] ?? "",
    };
  });
  try {
    await saveChecklist(context.db, actorFrom(context), teamId, inputs);
  } catch (error) {
    return formErrorFrom(error, values);
  }
  return redirect(`/coproduction/teams/${teamId}/checklist?saved=1`);
}

export default function Checklist() {
  const { team, canManage, rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const sent = result && "values" in result ? result.values : null;
  const value = (n: number, field: string, stored: string) => (sent ? sent[`tip-${n}-${field}`] ?? "" : stored);
  const overdue = rows.filter((r) => r.overdue).length;
  const inPlace = rows.filter((r) => r.inPlace === true).length;
  const [search] = useSearchParams();
  return (
    <>
      <TeamBackLink teamId={team.id} teamName={team.name} />
      <ErrorSummary errors={errors} />
      {search.get("saved") === "1" && !errors ? (
        <SuccessNotice>The checklist has been saved</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{team.name}</span>
      <h1 className="govuk-heading-l">Co-production checklist</h1>
      <p className="govuk-body">
        Thirteen top tips for co-production, in plain English. {inPlace} of {TIP_COUNT} are in place.{" "}
        {overdue > 0 ? <strong>{overdue} {overdue === 1 ? "action is" : "actions are"} overdue.</strong> : null}
      </p>
      {canManage ? (
        <PostForm>
          {rows.map((row) => {
            const n = row.tipNumber;
            return (
              <div key={n} className="govuk-!-margin-bottom-8">
                <h2 className="govuk-heading-m">
                  Tip {n}: {row.tip}
                </h2>
                {row.overdue ? (
                  <p className="govuk-body">
                    <strong className="govuk-tag govuk-tag--red">Overdue</strong> The action was due by <Day day={row.dueOn} />.
                  </p>
                ) : null}
                <Radios
                  name={`tip-${n}-in-place`}
                  legend={`Is tip ${n} in place?`}
                  options={[
                    { value: "yes", label: "Yes" },
                    { value: "no", label: "No" },
                  ]}
                  defaultValue={value(n, "in-place", row.inPlace === null ? "" : row.inPlace ? "yes" : "no")}
                  errors={errors}
                />
                <TextAreaField name={`tip-${n}-next-step`} label={`What do we need to do now? (tip ${n})`} hint="Leave empty if there is nothing to do" defaultValue={value(n, "next-step", row.nextStep)} errors={errors} rows={2} maxLength={COPRODUCTION_LIMITS.checklistNextStep} />
                <DateField name={`tip-${n}-due`} label={`By which date? (tip ${n})`} defaultValue={value(n, "due", row.dueOn ?? "")} errors={errors} />
                <TextField name={`tip-${n}-owner`} label={`Owner (tip ${n})`} hint="The person who makes sure it happens" defaultValue={value(n, "owner", row.owner)} errors={errors} maxLength={COPRODUCTION_LIMITS.owner} widthClass="govuk-!-width-one-half" />
                <div className="govuk-form-group">
                  <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    <div className="govuk-checkboxes__item">
                      <input className="govuk-checkboxes__input" id={`tip-${n}-action-done`} name={`tip-${n}-action-done`} type="checkbox" value="yes" defaultChecked={value(n, "action-done", row.actionDone ? "yes" : "") === "yes"} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`tip-${n}-action-done`}>
                        The action for tip {n} is done
                      </label>
                    </div>
                  </div>
                </div>
              </div>
            );
          })}
          <SubmitButton>Save the checklist</SubmitButton>
        </PostForm>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">The checklist</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Tip</th>
              <th scope="col" className="govuk-table__header">In place?</th>
              <th scope="col" className="govuk-table__header">What do we need to do now?</th>
              <th scope="col" className="govuk-table__header">By which date?</th>
              <th scope="col" className="govuk-table__header">Owner</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.tipNumber}>
                <td className="govuk-table__cell">
                  {row.tipNumber}. {row.tip}
                </td>
                <td className="govuk-table__cell">{row.inPlace === null ? "Not answered" : row.inPlace ? "Yes" : "No"}</td>
                <td className="govuk-table__cell">
                  {row.nextStep || "Nothing"}
                  {row.nextStep && row.actionDone ? " (done)" : null}
                </td>
                <td className="govuk-table__cell">
                  {row.dueOn ? <Day day={row.dueOn} /> : null}
                  {row.overdue ? (
                    <>
                      {" "}
                      <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{row.owner}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
