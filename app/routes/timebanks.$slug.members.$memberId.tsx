// A member's page: profile, balance, their week against the pledge, exemptions and exchanges.
// The member sees their own; a coordinator sees anyone's and records exemptions here.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ExchangeTable } from "../components/timebank/exchange-table";
import { exchangeLineView } from "../components/timebank/exchange-view";
import { PledgeWeek } from "../components/timebank/pledge-week";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { todayInLondon } from "../domain/timebank/dates";
import { ExemptionSchema, TIMEBANK_LIMITS } from "../domain/timebank/forms";
import { formatHours, pledgeView, shortDate } from "../domain/timebank/view";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { listMemberExchanges } from "../services/timebank/exchanges.server";
import { getMember } from "../services/timebank/members.server";
import { memberPledge, recordExemption } from "../services/timebank/pledges.server";
import { isCoordinatorOf, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = ({ data }: { data?: { member: { name: string } } }) => pageTitle(data?.member.name ?? t("timebank.member.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const memberId = idFrom(params.memberId);
  const timebank = await orErrorPage(requireTimebank(context.db, slug));
  const member = await orErrorPage(getMember(context.db, user, timebank, memberId));
  const pledge = member.status === "active" && !member.isOrganisation ? await memberPledge(context.db, user, timebank, memberId) : null;
  const exchanges = await listMemberExchanges(context.db, timebank.id, memberId, 50);
  const isCoordinator = isCoordinatorOf(user, timebank);
  const isSelf = member.email === user.email;
  return json({
    slug,
    timebankName: timebank.name,
    isCoordinator,
    isSelf,
    today: todayInLondon(),
    member: {
      id: member.memberId,
      name: member.name,
      offers: member.skillsOffered,
      wants: member.skillsWanted,
      availability: member.availability,
      area: member.area,
      accessNeeds: member.accessNeeds,
      balance: member.balanceCentihours === null ? null : formatHours(member.balanceCentihours),
      ownPledge: member.pledgeCentihoursPerWeek === null ? null : formatHours(member.pledgeCentihoursPerWeek),
      activePerson: member.status === "active" && !member.isOrganisation,
    },
    pledge: pledge ? pledgeView(pledge.progress, isSelf ? "you" : member.name) : null,
    exemptions: (pledge?.exemptions ?? []).map((e) => ({ id: e.id, from: shortDate(e.startsOn), to: shortDate(e.endsOn), reason: e.reason })),
    exchanges: exchanges.map(exchangeLineView),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const memberId = idFrom(params.memberId);
  const form = await readForm(request, context, ExemptionSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    if (form.data.memberId !== memberId) return formErrors([{ field: "form", message: t("timebank.member.exemptionElsewhere") }], form.values);
    await recordExemption(context.db, user, slug, form.data);
  } catch (error) {
    return domainErrorToForm(error, form.values, "startsOn");
  }
  return redirect(`/timebanks/${slug}/members/${memberId}`);
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value || t("timebank.member.notSaid")}</dd>
    </div>
  );
}

export default function MemberPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  const { member } = data;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{data.timebankName}</span>
      <h1 className="govuk-heading-l">{data.isSelf ? t("timebank.member.yourPage") : member.name}</h1>
      {member.balance !== null ? <p className="govuk-body-l">{tr("timebank.member.balance", { balance: <strong>{member.balance}</strong> })}</p> : null}
      {data.pledge ? <PledgeWeek pledge={data.pledge} /> : null}

      <h2 className="govuk-heading-m">{t("timebank.member.profile")}</h2>
      <dl className="govuk-summary-list">
        <Row label={t("timebank.member.offers")} value={member.offers} />
        <Row label={t("timebank.member.wants")} value={member.wants} />
        <Row label={t("timebank.member.free")} value={member.availability} />
        <Row label={t("timebank.member.area")} value={member.area} />
        <Row label={t("timebank.member.accessNeeds")} value={member.accessNeeds} />
        <Row label={t("timebank.member.ownPledge")} value={member.ownPledge ? t("timebank.member.ownPledge.value", { pledge: member.ownPledge }) : t("timebank.member.ownPledge.timebank")} />
      </dl>

      {data.exemptions.length > 0 || data.isCoordinator ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("timebank.member.exemptions.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("timebank.member.exemptions.from")}</th>
              <th scope="col" className="govuk-table__header">{t("timebank.member.exemptions.to")}</th>
              <th scope="col" className="govuk-table__header">{t("timebank.member.exemptions.reason")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.exemptions.length === 0 ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={3}>{t("timebank.member.exemptions.none")}</td>
              </tr>
            ) : (
              data.exemptions.map((exemption) => (
                <tr className="govuk-table__row" key={exemption.id}>
                  <td className="govuk-table__cell">{exemption.from}</td>
                  <td className="govuk-table__cell">{exemption.to}</td>
                  <td className="govuk-table__cell">{exemption.reason}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ) : null}

      {data.isCoordinator && data.pledge ? (
        <>
          <h2 className="govuk-heading-m">{t("timebank.member.exemption.heading")}</h2>
          <p className="govuk-body">{t("timebank.member.exemption.intro")}</p>
          <PostForm>
            <input type="hidden" name="memberId" value={member.id} />
            <TextField name="startsOn" label={t("timebank.member.exemption.startsOn.label")} hint={t("timebank.member.exemption.startsOn.hint")} defaultValue={values.startsOn ?? data.today} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
            <TextField name="endsOn" label={t("timebank.member.exemption.endsOn.label")} hint={t("timebank.member.exemption.endsOn.hint")} defaultValue={values.endsOn} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
            <TextField name="reason" label={t("timebank.member.exemption.reason.label")} defaultValue={values.reason} errors={errors} maxLength={TIMEBANK_LIMITS.reasonChars} />
            <SubmitButton>{t("timebank.member.exemption.submit")}</SubmitButton>
          </PostForm>
        </>
      ) : null}

      {member.balance !== null ? (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}/statement`}>
              {data.isSelf ? t("timebank.member.statement.self") : t("timebank.member.statement.someoneElse", { name: member.name })}
            </Link>
          </li>
          {member.activePerson ? (
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}/budget`}>
                {data.isSelf ? t("timebank.member.budget.self") : t("timebank.member.budget.someoneElse", { name: member.name })}
              </Link>
            </li>
          ) : null}
          {member.activePerson && data.isCoordinator ? (
            <>
              <li>
                <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}/pledge`}>
                  {t("timebank.member.changePledge", { name: member.name })}
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}/remove`}>
                  {t("timebank.member.remove", { name: member.name })}
                </Link>
              </li>
            </>
          ) : null}
          {member.activePerson && data.isSelf ? (
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/leave`}>
                {t("timebank.member.leave")}
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <ExchangeTable slug={data.slug} lines={data.exchanges} caption={t("timebank.member.exchanges")} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>
          {t("timebank.member.back", { name: data.timebankName })}
        </Link>
      </p>
    </>
  );
}
