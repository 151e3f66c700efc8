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
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { listMemberExchanges } from "../services/timebank/exchanges.server";
import { getMember } from "../services/timebank/members.server";
import { memberPledge, recordExemption } from "../services/timebank/pledges.server";
import { isCoordinatorOf, requireTimebank } from "../services/timebank/timebanks.server";

export const meta = ({ data }: { data?: { member: { name: string } } }) => pageTitle(data?.member.name ?? "Member");

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
    if (form.data.memberId !== memberId) return formErrors([{ field: "form", message: "Record the exemption from the member's own page" }], form.values);
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
      <dd className="govuk-summary-list__value">{value || "Not said"}</dd>
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
      <h1 className="govuk-heading-l">{data.isSelf ? "Your page" : member.name}</h1>
      {member.balance !== null ? <p className="govuk-body-l">Balance: <strong>{member.balance}</strong></p> : null}
      {data.pledge ? <PledgeWeek pledge={data.pledge} /> : null}

      <h2 className="govuk-heading-m">Profile</h2>
      <dl className="govuk-summary-list">
        <Row label="Offers" value={member.offers} />
        <Row label="Would like" value={member.wants} />
        <Row label="Free" value={member.availability} />
        <Row label="Area" value={member.area} />
        <Row label="Access needs" value={member.accessNeeds} />
        <Row label="Own pledge" value={member.ownPledge ? `${member.ownPledge} a week` : "The timebank's pledge"} />
      </dl>

      {data.exemptions.length > 0 || data.isCoordinator ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Times with no pledge expected</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">From</th>
              <th scope="col" className="govuk-table__header">To</th>
              <th scope="col" className="govuk-table__header">Reason</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.exemptions.length === 0 ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={3}>None recorded.</td>
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
          <h2 className="govuk-heading-m">Record a time with no pledge expected</h2>
          <p className="govuk-body">For example illness, a court date or a new baby. The pledge is not expected for these days.</p>
          <PostForm>
            <input type="hidden" name="memberId" value={member.id} />
            <TextField name="startsOn" label="First day" hint="Year-month-day, like 2026-11-23" defaultValue={values.startsOn ?? data.today} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
            <TextField name="endsOn" label="Last day" hint="Year-month-day, like 2026-12-04" defaultValue={values.endsOn} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
            <TextField name="reason" label="Reason" defaultValue={values.reason} errors={errors} maxLength={TIMEBANK_LIMITS.reasonChars} />
            <SubmitButton>Record exemption</SubmitButton>
          </PostForm>
        </>
      ) : null}

      {member.balance !== null ? (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}/statement`}>
              {data.isSelf ? "Your statement" : `Statement for ${member.name}`}
            </Link>
          </li>
          {member.activePerson ? (
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}/budget`}>
                {data.isSelf ? "Your personal budget in pounds" : `Personal budget and mixed payments for ${member.name}`}
              </Link>
            </li>
          ) : null}
          {member.activePerson && data.isCoordinator ? (
            <>
              <li>
                <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}/pledge`}>
                  Change {member.name}'s pledge
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${member.id}/remove`}>
                  Remove {member.name} from the timebank
                </Link>
              </li>
            </>
          ) : null}
          {member.activePerson && data.isSelf ? (
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/leave`}>
                Leave this timebank
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <ExchangeTable slug={data.slug} lines={data.exchanges} caption="Exchanges" />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>
          Back to {data.timebankName}
        </Link>
      </p>
    </>
  );
}
