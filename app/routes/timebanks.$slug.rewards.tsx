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
import { type MessageKey } from "../i18n/en";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("timebankAdmin.rewards.title"));

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
    if (!key) return formErrors([{ field: "form", message: t("timebankAdmin.form.expired") }], form.values);
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
    if (!key) return formErrors([{ field: "form", message: t("timebankAdmin.form.expired") }], form.values);
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
  throw json({ message: t("timebankAdmin.rewards.chooseAction") }, { status: 400 });
}

const NOTICES = {
  donated: "timebankAdmin.rewards.notice.donated",
  used: "timebankAdmin.rewards.notice.used",
  granted: "timebankAdmin.rewards.notice.granted",
  settled: "timebankAdmin.rewards.notice.settled",
} as const satisfies Record<string, MessageKey>;

export default function Rewards() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  const values = result?.values ?? {};
  const redeemed = params.get("redeemed");
  const notice = (NOTICES as Record<string, (typeof NOTICES)[keyof typeof NOTICES]>)[params.get("notice") ?? ""];
  return (
    <>
      <ErrorSummary errors={errors} />
      {redeemed ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("timebankAdmin.rewards.code.title")}</h1>
          <div className="govuk-panel__body">
            <strong className="potluck-code" data-testid="redemption-code">{redeemed}</strong>
            <br />
            {t("timebankAdmin.rewards.code.body")}
          </div>
        </div>
      ) : null}
      {notice ? (
        <SuccessNotice>{t(notice)}</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{data.name}</span>
      {redeemed ? <h2 className="govuk-heading-l">{t("timebankAdmin.rewards.title")}</h2> : <h1 className="govuk-heading-l">{t("timebankAdmin.rewards.title")}</h1>}

      <h2 className="govuk-heading-m">{t("timebankAdmin.rewards.partners.heading")}</h2>
      {data.rewards.length === 0 ? <p className="govuk-body">{t("timebankAdmin.rewards.partners.none")}</p> : null}
      <ul className="govuk-list">
        {data.rewards.map((reward) => (
          <li key={reward.id} className="govuk-!-margin-bottom-4">
            {tr("timebankAdmin.rewards.reward", { reward: <span className="govuk-!-font-weight-bold">{reward.title}</span>, partner: reward.partnerName, price: reward.price })}
            {data.isMember ? (
              <PostForm action={`/timebanks/${data.slug}/rewards?intent=redeem`}>
                <input type="hidden" name="rewardId" value={reward.id} />
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                  {t("timebankAdmin.rewards.redeem")}<span className="govuk-visually-hidden"> {t("timebankAdmin.rewards.redeem.hidden", { reward: reward.title, price: reward.price })}</span>
                </button>
              </PostForm>
            ) : null}
          </li>
        ))}
      </ul>
      {fieldErrorFor(errors, "rewardId")}

      {data.redemptions.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("timebankAdmin.rewards.codes.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("timebankAdmin.rewards.codes.reward")}</th>
              <th scope="col" className="govuk-table__header">{t("timebankAdmin.rewards.codes.code")}</th>
              <th scope="col" className="govuk-table__header">{t("timebankAdmin.rewards.codes.status")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.redemptions.map((d) => (
              <tr className="govuk-table__row" key={d.code}>
                <td className="govuk-table__cell">{t("timebankAdmin.rewards.codes.row", { reward: d.title, partner: d.partnerName, date: d.when })}</td>
                <td className="govuk-table__cell"><span className="potluck-code">{d.code}</span></td>
                <td className="govuk-table__cell">{t(d.used ? "timebankAdmin.rewards.codes.used" : "timebankAdmin.rewards.codes.notUsed")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2 className="govuk-heading-m">{t("timebankAdmin.rewards.pot.heading")}</h2>
      <p className="govuk-body">
        {tr("timebankAdmin.rewards.pot.holds", { hours: <strong>{data.pot}</strong> })}
      </p>
      {data.isMember ? (
        <PostForm action={`/timebanks/${data.slug}/rewards?intent=donate&key=${data.requestKey}`}>
          <TextField name="hours" label={t("timebankAdmin.rewards.donate.label")} hint={t("timebankAdmin.rewards.donate.hint")} defaultValue={values.hours} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
          <SubmitButton secondary>{t("timebankAdmin.rewards.donate.button")}</SubmitButton>
        </PostForm>
      ) : null}

      {data.isCoordinator ? (
        <>
          <h2 className="govuk-heading-m">{t("timebankAdmin.rewards.use.heading")}</h2>
          <PostForm action={`/timebanks/${data.slug}/rewards?intent=use`}>
            <TextField name="code" label={t("timebankAdmin.rewards.use.label")} hint={t("timebankAdmin.rewards.use.hint")} defaultValue={values.code} errors={errors} spellCheck={false} widthClass="govuk-input--width-10" maxLength={20} />
            <SubmitButton>{t("timebankAdmin.rewards.use.button")}</SubmitButton>
          </PostForm>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{t("timebankAdmin.rewards.settlement.caption")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("timebankAdmin.rewards.settlement.partner")}</th>
                <th scope="col" className="govuk-table__header">{t("timebankAdmin.rewards.settlement.sponsor")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.rewards.settlement.redeemed")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.rewards.settlement.used")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.rewards.settlement.toSettle")}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.rewards.settlement.settled")}</th>
                <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">{t("timebankAdmin.rewards.settlement.action")}</span></th>
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
                          {t("timebankAdmin.rewards.settle")}<span className="govuk-visually-hidden"> {t("timebankAdmin.rewards.settle.hidden", { partner: partner.name })}</span>
                        </button>
                      </PostForm>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="govuk-heading-m">{t("timebankAdmin.rewards.grant.heading")}</h2>
          <PostForm action={`/timebanks/${data.slug}/rewards?intent=grant&key=${data.requestKey}`}>
            <Select name="memberId" label={t("timebankAdmin.rewards.grant.member")} options={[{ value: "", label: t("timebankAdmin.rewards.grant.selectMember") }, ...data.members]} defaultValue={values.memberId} errors={errors} />
            <TextField name="grantHours" label={t("timebankAdmin.rewards.grant.hours.label")} hint={t("timebankAdmin.rewards.grant.hours.hint")} defaultValue={values.grantHours} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
            <TextField name="reason" label={t("timebankAdmin.rewards.grant.reason.label")} hint={t("timebankAdmin.rewards.grant.reason.hint")} defaultValue={values.reason} errors={errors} maxLength={200} />
            <SubmitButton>{t("timebankAdmin.rewards.grant.button")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>
          {t("timebankAdmin.backTo", { name: data.name })}
        </Link>
      </p>
    </>
  );
}

function fieldErrorFor(errors: readonly { field: string; message: string }[] | undefined, field: string) {
  const error = errors?.find((e) => e.field === field);
  return error ? (
    <p id={field} className="govuk-error-message" tabIndex={-1}>
      <span className="govuk-visually-hidden">{t("form.error.prefix")}</span> {error.message}
    </p>
  ) : null;
}
