// Spending hours: partners' rewards (redeemed for a code), the community pot, and for
// coordinators, marking codes as used and granting hours from the pot.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, PostForm, Select, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { DonateSchema, GrantSchema, RedeemSchema, SettleSchema, UseCodeSchema } from "../domain/timebank/forms";
import { formatHours, shortDate } from "../domain/timebank/view";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm } from "../http/forms.server";
import { donateToPot, grantFromPot, markRedemptionUsed, newRequestKey, partnerReport, redeemReward, rewardsPage, settlePartner } from "../services/timebank/spending.server";
import { activeMembers } from "../services/timebank/timebanks.server";

export const meta = () => pageTitle("Spend hours");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const page = await orErrorPage(rewardsPage(context.db, user, slug));
  const members = page.isCoordinator ? await activeMembers(context.db, page.timebank.id) : [];
  const partners = page.isCoordinator ? await partnerReport(context.db, user, slug) : [];
  return json({
    slug,
    name: page.timebank.name,
    isCoordinator: page.isCoordinator,
    isMember: page.isMember,
    // A fresh key per page view: submitting the same form twice (a double click) posts once.
    requestKey: newRequestKey(),
    pot: formatHours(page.potCentihours),
    rewards: page.rewards.map((r) => ({ id: r.id, title: r.title, partnerName: r.partnerName, price: formatHours(r.priceCentihours) })),
    redemptions: page.myRedemptions.map((d) => ({ code: d.code, title: d.title, partnerName: d.partnerName, used: d.used, when: shortDate(d.createdAt.toISOString().slice(0, 10)) })),
    members: members.filter((m) => !m.isOrganisation).map((m) => ({ value: String(m.memberId), label: m.name })),
    partners: partners.map((p) => ({
      id: p.partnerId,
      name: p.name,
      sponsor: p.sponsorName,
      redeemed: p.redeemedCount,
      used: p.usedCount,
      toSettle: formatHours(p.toSettleCentihours),
      canSettle: p.toSettleCentihours > 0n,
      settled: formatHours(p.settledCentihours),
    })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const url = new URL(request.url);
  const intent = url.searchParams.get("intent");
  const key = (url.searchParams.get("key") ?? "").replace(/[^a-f0-9]/g, "").slice(0, 24);
  const back = `/timebanks/${slug}/rewards`;
  if (intent === "redeem") {
    const form = await readForm(request, context, RedeemSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      const { code } = await redeemReward(context.db, user, slug, form.data.rewardId);
      return redirect(`${back}?redeemed=${code}`);
    } catch (error) {
      return domainErrorToForm(error, form.values, "rewardId");
    }
  }
  if (intent === "donate") {
    const form = await readForm(request, context, DonateSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    if (!key) return formErrors([{ field: "form", message: "Your form expired. Go back, refresh the page and try again" }], form.values);
    try {
      await donateToPot(context.db, user, slug, form.data.hours, key);
    } catch (error) {
      return domainErrorToForm(error, form.values, "hours");
    }
    return redirect(`${back}?notice=donated`);
  }
  if (intent === "use") {
    const form = await readForm(request, context, UseCodeSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await markRedemptionUsed(context.db, user, slug, form.data.code);
    } catch (error) {
      return domainErrorToForm(error, form.values, "code");
    }
    return redirect(`${back}?notice=used`);
  }
  if (intent === "grant") {
    const form = await readForm(request, context, GrantSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    if (!key) return formErrors([{ field: "form", message: "Your form expired. Go back, refresh the page and try again" }], form.values);
    try {
      await grantFromPot(context.db, user, slug, { memberId: form.data.memberId, centihours: form.data.grantHours, reason: form.data.reason, requestKey: key });
    } catch (error) {
      return domainErrorToForm(error, form.values, "grantHours");
    }
    return redirect(`${back}?notice=granted`);
  }
  if (intent === "settle") {
    const form = await readForm(request, context, SettleSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await settlePartner(context.db, user, slug, form.data.partnerId);
    } catch (error) {
      return domainErrorToForm(error, form.values);
    }
    return redirect(`${back}?notice=settled`);
  }
  throw json({ message: "Choose what to do" }, { status: 400 });
}

const NOTICES: Record<string, string> = {
  donated: "Thank you. Your hours are in the community pot.",
  used: "The code is marked as used.",
  granted: "The hours have been granted from the pot.",
  settled: "Settled: the hours have moved from the partner to the sponsoring organisation.",
};

export default function Rewards() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  const values = result?.values ?? {};
  const redeemed = params.get("redeemed");
  const notice = NOTICES[params.get("notice") ?? ""];
  return (
    <>
      <ErrorSummary errors={errors} />
      {redeemed ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Your code</h1>
          <div className="govuk-panel__body">
            <strong className="potluck-code" data-testid="redemption-code">{redeemed}</strong>
            <br />
            Show this code to the partner. It works once.
          </div>
        </div>
      ) : null}
      {notice ? (
        <SuccessNotice>{notice}</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{data.name}</span>
      {redeemed ? <h2 className="govuk-heading-l">Spend hours</h2> : <h1 className="govuk-heading-l">Spend hours</h1>}

      <h2 className="govuk-heading-m">Rewards from local partners</h2>
      {data.rewards.length === 0 ? <p className="govuk-body">No partners offer rewards yet.</p> : null}
      <ul className="govuk-list">
        {data.rewards.map((reward) => (
          <li key={reward.id} className="govuk-!-margin-bottom-4">
            <span className="govuk-!-font-weight-bold">{reward.title}</span> from {reward.partnerName}: {reward.price}
            {data.isMember ? (
              <PostForm action={`/timebanks/${data.slug}/rewards?intent=redeem`}>
                <input type="hidden" name="rewardId" value={reward.id} />
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                  Redeem<span className="govuk-visually-hidden"> {reward.title} for {reward.price}</span>
                </button>
              </PostForm>
            ) : null}
          </li>
        ))}
      </ul>
      {fieldErrorFor(errors, "rewardId")}

      {data.redemptions.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Your codes</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Reward</th>
              <th scope="col" className="govuk-table__header">Code</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.redemptions.map((d) => (
              <tr className="govuk-table__row" key={d.code}>
                <td className="govuk-table__cell">{d.title} ({d.partnerName}), {d.when}</td>
                <td className="govuk-table__cell"><span className="potluck-code">{d.code}</span></td>
                <td className="govuk-table__cell">{d.used ? "Used" : "Not used yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2 className="govuk-heading-m">Community pot</h2>
      <p className="govuk-body">
        The pot holds <strong>{data.pot}</strong>. Coordinators give hours from it to members who need help but cannot give time right now.
      </p>
      {data.isMember ? (
        <PostForm action={`/timebanks/${data.slug}/rewards?intent=donate&key=${data.requestKey}`}>
          <TextField name="hours" label="Hours to give to the pot" hint="In quarter hours, like 1 or 0.5" defaultValue={values.hours} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
          <SubmitButton secondary>Give to the pot</SubmitButton>
        </PostForm>
      ) : null}

      {data.isCoordinator ? (
        <>
          <h2 className="govuk-heading-m">Mark a code as used</h2>
          <PostForm action={`/timebanks/${data.slug}/rewards?intent=use`}>
            <TextField name="code" label="Code" hint="The 10 characters the member shows you" defaultValue={values.code} errors={errors} spellCheck={false} widthClass="govuk-input--width-10" maxLength={20} />
            <SubmitButton>Mark as used</SubmitButton>
          </PostForm>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Partners: redemptions and settlement</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Partner</th>
                <th scope="col" className="govuk-table__header">Sponsor</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Redeemed</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Used</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">To settle</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Settled</th>
                <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.partners.map((partner) => (
                <tr className="govuk-table__row" key={partner.id}>
                  <td className="govuk-table__cell">{partner.name}</td>
                  <td className="govuk-table__cell">{partner.sponsor}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{partner.redeemed}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{partner.used}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{partner.toSettle}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{partner.settled}</td>
                  <td className="govuk-table__cell">
                    {partner.canSettle ? (
                      <PostForm action={`/timebanks/${data.slug}/rewards?intent=settle`}>
                        <input type="hidden" name="partnerId" value={partner.id} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                          Settle<span className="govuk-visually-hidden"> with {partner.name}</span>
                        </button>
                      </PostForm>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="govuk-heading-m">Give hours from the pot</h2>
          <PostForm action={`/timebanks/${data.slug}/rewards?intent=grant&key=${data.requestKey}`}>
            <Select name="memberId" label="Member" options={[{ value: "", label: "Select a member" }, ...data.members]} defaultValue={values.memberId} errors={errors} />
            <TextField name="grantHours" label="Hours to give" hint="In quarter hours" defaultValue={values.grantHours} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
            <TextField name="reason" label="Reason" hint="Shown in the timebank's reports" defaultValue={values.reason} errors={errors} maxLength={200} />
            <SubmitButton>Give hours</SubmitButton>
          </PostForm>
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>
          Back to {data.name}
        </Link>
      </p>
    </>
  );
}

function fieldErrorFor(errors: readonly { field: string; message: string }[] | undefined, field: string) {
  const error = errors?.find((e) => e.field === field);
  return error ? (
    <p id={field} className="govuk-error-message" tabIndex={-1}>
      <span className="govuk-visually-hidden">Error:</span> {error.message}
    </p>
  ) : null;
}
