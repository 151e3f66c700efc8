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
import { pageTitle } from "../components/page-title";
import { t, tp } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(t("coproduction.pageTitle", { title: t("coproduction.checklist.pageTitle", { team: data?.team.name ?? t("coproduction.pageTitle.teamFallback") }) }));

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
        <SuccessNotice>{t("coproduction.checklist.saved")}</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{team.name}</span>
      <h1 className="govuk-heading-l">{t("coproduction.checklist.title")}</h1>
      <p className="govuk-body">
        {t("coproduction.checklist.intro", { inPlace, total: TIP_COUNT })}{" "}
        {overdue > 0 ? <strong>{tp("coproduction.checklist.overdue", overdue)}</strong> : null}
      </p>
      {canManage ? (
        <PostForm>
          {rows.map((row) => {
            const n = row.tipNumber;
            return (
              <div key={n} className="govuk-!-margin-bottom-8">
                <h2 className="govuk-heading-m">
                  {t("coproduction.checklist.tip", { number: n, tip: row.tip })}
                </h2>
                {row.overdue ? (
                  <p className="govuk-body">
                    <strong className="govuk-tag govuk-tag--red">{t("coproduction.overdue")}</strong> {tr("coproduction.checklist.dueBy", { date: <Day day={row.dueOn} /> })}
                  </p>
                ) : null}
                <Radios
                  name={`tip-${n}-in-place`}
                  legend={t("coproduction.checklist.inPlace", { number: n })}
                  options={[
                    { value: "yes", label: t("common.yes") },
                    { value: "no", label: t("common.no") },
                  ]}
                  defaultValue={value(n, "in-place", row.inPlace === null ? "" : row.inPlace ? "yes" : "no")}
                  errors={errors}
                />
                <TextAreaField name={`tip-${n}-next-step`} label={t("coproduction.checklist.nextStep", { number: n })} hint={t("coproduction.checklist.nextStepHint")} defaultValue={value(n, "next-step", row.nextStep)} errors={errors} rows={2} maxLength={COPRODUCTION_LIMITS.checklistNextStep} />
                <DateField name={`tip-${n}-due`} label={t("coproduction.checklist.dueOn", { number: n })} defaultValue={value(n, "due", row.dueOn ?? "")} errors={errors} />
                <TextField name={`tip-${n}-owner`} label={t("coproduction.checklist.owner", { number: n })} hint={t("coproduction.checklist.ownerHint")} defaultValue={value(n, "owner", row.owner)} errors={errors} maxLength={COPRODUCTION_LIMITS.owner} widthClass="govuk-!-width-one-half" />
                <div className="govuk-form-group">
                  <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    <div className="govuk-checkboxes__item">
                      <input className="govuk-checkboxes__input" id={`tip-${n}-action-done`} name={`tip-${n}-action-done`} type="checkbox" value="yes" defaultChecked={value(n, "action-done", row.actionDone ? "yes" : "") === "yes"} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`tip-${n}-action-done`}>
                        {t("coproduction.checklist.actionDone", { number: n })}
                      </label>
                    </div>
                  </div>
                </div>
              </div>
            );
          })}
          <SubmitButton>{t("coproduction.checklist.submit")}</SubmitButton>
        </PostForm>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("coproduction.checklist.table.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("coproduction.checklist.table.tip")}</th>
              <th scope="col" className="govuk-table__header">{t("coproduction.checklist.table.inPlace")}</th>
              <th scope="col" className="govuk-table__header">{t("coproduction.checklist.table.nextStep")}</th>
              <th scope="col" className="govuk-table__header">{t("coproduction.checklist.table.dueOn")}</th>
              <th scope="col" className="govuk-table__header">{t("coproduction.checklist.table.owner")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.tipNumber}>
                <td className="govuk-table__cell">
                  {t("coproduction.checklist.table.numberedTip", { number: row.tipNumber, tip: row.tip })}
                </td>
                <td className="govuk-table__cell">{t(row.inPlace === null ? "coproduction.checklist.table.notAnswered" : row.inPlace ? "common.yes" : "common.no")}</td>
                <td className="govuk-table__cell">
                  {row.nextStep ? (row.actionDone ? t("coproduction.checklist.table.done", { step: row.nextStep }) : row.nextStep) : t("coproduction.checklist.table.nothing")}
                </td>
                <td className="govuk-table__cell">
                  {row.dueOn ? <Day day={row.dueOn} /> : null}
                  {row.overdue ? (
                    <>
                      {" "}
                      <strong className="govuk-tag govuk-tag--red">{t("coproduction.overdue")}</strong>
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
