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

export const meta = () => pageTitle("Partners and rewards");

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
  return formErrors([{ field: "form", message: "Choose what to add" }], {}, 400);
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
      {notice === "partner" && !errors ? <SuccessNotice>The partner is added. Add the rewards they offer below.</SuccessNotice> : null}
      {notice === "reward" && !errors ? <SuccessNotice>The reward is added. Members can redeem it now.</SuccessNotice> : null}
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">Partners and rewards</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Rewards members can redeem</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Reward</th>
            <th scope="col" className="govuk-table__header">Partner</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Price</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.rewards.length === 0 ? (
            <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={3}>No rewards yet.</td></tr>
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

      <h2 className="govuk-heading-m">Add a partner</h2>
      <PostForm>
        <input type="hidden" name="intent" value="partner" />
        <TextField name="partnerName" label="Partner's name" defaultValue={values.partnerName} errors={errors} maxLength={200} />
        <TextField name="partnerDescription" label="What they offer (optional)" defaultValue={values.partnerDescription} errors={errors} maxLength={1000} />
        <Select name="sponsorMemberId" label="Sponsoring organisation" options={[{ value: "", label: "Select an organisation" }, ...data.sponsors]} defaultValue={values.sponsorMemberId} errors={errors} />
        <p className="govuk-hint">The sponsor pays the partner in money for the codes members use, and receives the hours when you settle.</p>
        <SubmitButton>Add partner</SubmitButton>
      </PostForm>

      {data.partners.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Add a reward</h2>
          <PostForm>
            <input type="hidden" name="intent" value="reward" />
            <Select name="partnerId" label="Partner" options={[{ value: "", label: "Select a partner" }, ...data.partners.map((p) => ({ value: String(p.id), label: p.name }))]} defaultValue={values.partnerId} errors={errors} />
            <TextField name="title" label="Reward" hint="What the member gets, like One cinema ticket" defaultValue={values.title} errors={errors} maxLength={120} />
            <TextField name="price" label="Price in hours" hint="In quarter hours, like 2" defaultValue={values.price} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
            <SubmitButton>Add reward</SubmitButton>
          </PostForm>
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/rewards`}>Codes, settlement and the community pot</Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>Back to {data.name}</Link>
      </p>
    </>
  );
}
