// A coordinator adds local partners (a cinema, a leisure centre), each sponsored by one of the
// timebank's organisations, and the rewards they offer priced in hours.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, PostForm, Select, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { SuccessNotice } from "../components/notice";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { PartnerSchema, RewardSchema } from "../domain/timebank/settings";
import { formatHours } from "../domain/timebank/view";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { addPartner, addReward, partnerReport, rewardsPage } from "../services/timebank/spending.server";
import { activeMembers } from "../services/timebank/timebanks.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("timebankAdmin.partners.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const partners = await orErrorPage(partnerReport(context.db, user, slug));
  const page = await orErrorPage(rewardsPage(context.db, user, slug));
  const organisations = (await activeMembers(context.db, page.timebank.id)).filter((m) => m.isOrganisation);
  return json({
    slug,
    name: page.timebank.name,
    partners: partners.map((p) => ({ id: p.partnerId, name: p.name, sponsor: p.sponsorName })),
    rewards: page.rewards.map((r) => ({ id: r.id, title: r.title, partnerName: r.partnerName, price: formatHours(r.priceCentihours) })),
    sponsors: organisations.map((m) => ({ value: String(m.memberId), label: m.name })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const values = await readFormValues(request, context);
  if (values.intent === "partner") {
    const form = parseValues(values, PartnerSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await addPartner(context.db, user, slug, { name: form.data.partnerName, description: form.data.partnerDescription, sponsorMemberId: form.data.sponsorMemberId });
    } catch (error) {
      return domainErrorToForm(error, form.values, "partnerName");
    }
    return redirect(`/timebanks/${slug}/partners?notice=partner`);
  }
  if (values.intent === "reward") {
    const form = parseValues(values, RewardSchema);
    if (!form.ok) return formErrors(form.errors, form.values);
    try {
      await addReward(context.db, user, slug, { partnerId: form.data.partnerId, title: form.data.title, priceCentihours: form.data.price });
    } catch (error) {
      return domainErrorToForm(error, form.values, "title");
    }
    return redirect(`/timebanks/${slug}/partners?notice=reward`);
  }
  return formErrors([{ field: "form", message: t("timebankAdmin.partners.chooseWhat") }], {}, 400);
}

export default function Partners() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  const values: Record<string, string> = result?.values ?? {};
  const notice = params.get("notice");
  return (
    <>
      <ErrorSummary errors={errors} />
      {notice === "partner" && !errors ? <SuccessNotice>{t("timebankAdmin.partners.notice.partner")}</SuccessNotice> : null}
      {notice === "reward" && !errors ? <SuccessNotice>{t("timebankAdmin.partners.notice.reward")}</SuccessNotice> : null}
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebankAdmin.partners.title")}</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("timebankAdmin.partners.rewards.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("timebankAdmin.partners.rewards.reward")}</th>
            <th scope="col" className="govuk-table__header">{t("timebankAdmin.partners.rewards.partner")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("timebankAdmin.partners.rewards.price")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.rewards.length === 0 ? (
            <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={3}>{t("timebankAdmin.partners.rewards.none")}</td></tr>
          ) : (
            data.rewards.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell">{r.title}</td>
                <td className="govuk-table__cell">{r.partnerName}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.price}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">{t("timebankAdmin.partners.add.heading")}</h2>
      <PostForm>
        <input type="hidden" name="intent" value="partner" />
        <TextField name="partnerName" label={t("timebankAdmin.partners.add.name")} defaultValue={values.partnerName} errors={errors} maxLength={200} />
        <TextField name="partnerDescription" label={t("timebankAdmin.partners.add.description")} defaultValue={values.partnerDescription} errors={errors} maxLength={1000} />
        <Select name="sponsorMemberId" label={t("timebankAdmin.partners.add.sponsor")} options={[{ value: "", label: t("timebankAdmin.partners.add.selectSponsor") }, ...data.sponsors]} defaultValue={values.sponsorMemberId} errors={errors} />
        <p className="govuk-hint">{t("timebankAdmin.partners.add.sponsorHint")}</p>
        <SubmitButton>{t("timebankAdmin.partners.add.button")}</SubmitButton>
      </PostForm>

      {data.partners.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t("timebankAdmin.partners.reward.heading")}</h2>
          <PostForm>
            <input type="hidden" name="intent" value="reward" />
            <Select name="partnerId" label={t("timebankAdmin.partners.reward.partner")} options={[{ value: "", label: t("timebankAdmin.partners.reward.selectPartner") }, ...data.partners.map((p) => ({ value: String(p.id), label: p.name }))]} defaultValue={values.partnerId} errors={errors} />
            <TextField name="title" label={t("timebankAdmin.partners.reward.title.label")} hint={t("timebankAdmin.partners.reward.title.hint")} defaultValue={values.title} errors={errors} maxLength={120} />
            <TextField name="price" label={t("timebankAdmin.partners.reward.price.label")} hint={t("timebankAdmin.partners.reward.price.hint")} defaultValue={values.price} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
            <SubmitButton>{t("timebankAdmin.partners.reward.button")}</SubmitButton>
          </PostForm>
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/rewards`}>{t("timebankAdmin.partners.rewardsLink")}</Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>{t("timebankAdmin.backTo", { name: data.name })}</Link>
      </p>
    </>
  );
}
