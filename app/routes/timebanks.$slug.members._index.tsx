// The coordinator's list of members and requests to join.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { formatHours } from "../domain/timebank/view";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { approveApplication, listMembers } from "../services/timebank/members.server";

export const meta = () => pageTitle(t("timebank.members.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const { timebank, members } = await orErrorPage(listMembers(context.db, user, slug));
  return json({
    slug,
    name: timebank.name,
    applications: members.filter((m) => m.status === "applied").map((m) => ({ id: m.memberId, name: m.name, offers: m.skillsOffered, wants: m.skillsWanted, availability: m.availability })),
    members: members
      .filter((m) => m.status === "active")
      .map((m) => ({ id: m.memberId, name: m.name, isOrganisation: m.isOrganisation, offers: m.skillsOffered, balance: m.balanceCentihours === null ? "" : formatHours(m.balanceCentihours) })),
  });
}

const ApproveSchema = z.object({ memberId: z.string().regex(/^\d{1,9}$/, t("timebank.members.approveMissing")).transform(Number) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const form = await readForm(request, context, ApproveSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    await approveApplication(context.db, user, slug, form.data.memberId);
  } catch (error) {
    return domainErrorToForm(error, form.values);
  }
  return redirect(`/timebanks/${slug}/members`);
}

export default function Members() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={result?.errors} />
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebank.members.title")}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/members/new`}>
          {t("timebank.members.enrol")}
        </Link>
      </p>
      <h2 className="govuk-heading-m">{t("timebank.members.requests")}</h2>
      {data.applications.length === 0 ? <p className="govuk-body">{t("timebank.members.noRequests")}</p> : null}
      {data.applications.map((application) => (
        <div key={application.id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{application.name}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body">
              {t("timebank.members.application", {
                offers: application.offers || t("timebank.members.notSaid"),
                wants: application.wants || t("timebank.members.notSaid"),
                availability: application.availability || t("timebank.members.notSaid"),
              })}
            </p>
            <PostForm>
              <input type="hidden" name="memberId" value={application.id} />
              <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
                {t("timebank.members.approve")}<span className="govuk-visually-hidden"> {application.name}</span>
              </button>
            </PostForm>
          </div>
        </div>
      ))}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("timebank.members.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("timebank.members.name")}</th>
            <th scope="col" className="govuk-table__header">{t("timebank.members.offers")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebank.members.balance")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.members.map((member) => (
            <tr className="govuk-table__row" key={member.id}>
              <td className="govuk-table__cell">
                {member.isOrganisation ? (
                  t("timebank.members.organisation", { name: member.name })
                ) : (
                  <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}`}>
                    {member.name}
                  </Link>
                )}
              </td>
              <td className="govuk-table__cell">{member.offers}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{member.balance}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
