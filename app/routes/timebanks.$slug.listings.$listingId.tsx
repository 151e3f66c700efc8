// One offer or request. Another member responds with the hours and a date, which agrees an
// exchange between them; the owner can close it.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { idFrom, orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { todayInLondon } from "../domain/timebank/dates";
import { RespondSchema, categoryLabel } from "../domain/timebank/forms";
import { t } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { domainErrorToForm, formErrors, readForm, readFormData } from "../http/forms.server";
import { closeListing, getListing, respondToListing } from "../services/timebank/listings.server";

export const meta = () => pageTitle(t("timebank.listing.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const { timebank, listing, isMine } = await orErrorPage(getListing(context.db, user, slug, idFrom(params.listingId)));
  return json({
    slug,
    timebankName: timebank.name,
    today: todayInLondon(),
    isMine,
    listing: { id: listing.id, kind: listing.kind, category: categoryLabel(listing.category), title: listing.title, description: listing.description, memberName: listing.memberName, area: listing.area, open: listing.status === "open" },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const listingId = idFrom(params.listingId);
  if (new URL(request.url).searchParams.get("intent") === "close") {
    await readFormData(request, context);
    try {
      await closeListing(context.db, user, slug, listingId);
    } catch (error) {
      return domainErrorToForm(error, {});
    }
    return redirect(`/timebanks/${slug}/listings/${listingId}`);
  }
  const form = await readForm(request, context, RespondSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  let exchangeId: number;
  try {
    exchangeId = await respondToListing(context.db, user, slug, listingId, { centihours: form.data.hours, date: form.data.date });
  } catch (error) {
    return domainErrorToForm(error, form.values, "hours");
  }
  return redirect(`/timebanks/${slug}/exchanges/${exchangeId}`);
}

export default function ListingPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? {};
  const { listing } = data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{listing.kind === "offer" ? t("timebank.listing.caption.offer") : t("timebank.listing.caption.request")}</span>
        <h1 className="govuk-heading-l">{listing.title}</h1>
        <p className="govuk-body">
          {listing.area
            ? t(listing.kind === "offer" ? "timebank.listing.byWithArea.offer" : "timebank.listing.byWithArea.request", { category: listing.category, name: listing.memberName, area: listing.area })
            : t(listing.kind === "offer" ? "timebank.listing.by.offer" : "timebank.listing.by.request", { category: listing.category, name: listing.memberName })}
        </p>
        {listing.description ? <p className="govuk-body">{listing.description}</p> : null}
        {!listing.open ? <p className="govuk-inset-text">{t("timebank.listing.closed")}</p> : null}
        {listing.open && !data.isMine ? (
          <>
            <h2 className="govuk-heading-m">{listing.kind === "offer" ? t("timebank.listing.respond.offer") : t("timebank.listing.respond.request")}</h2>
            <p className="govuk-body">{t("timebank.listing.respond.intro", { name: listing.memberName })}</p>
            <PostForm>
              <TextField name="hours" label={t("timebank.listing.hours.label")} hint={t("timebank.listing.hours.hint")} defaultValue={values.hours} errors={errors} inputMode="decimal" widthClass="govuk-input--width-5" maxLength={10} />
              <TextField name="date" label={t("timebank.listing.date.label")} hint={t("timebank.listing.date.hint")} defaultValue={values.date ?? data.today} errors={errors} widthClass="govuk-input--width-10" maxLength={10} />
              <SubmitButton>{listing.kind === "offer" ? t("timebank.listing.respond.offer") : t("timebank.listing.respond.request")}</SubmitButton>
            </PostForm>
          </>
        ) : null}
        {listing.open && data.isMine ? (
          <PostForm action={`/timebanks/${data.slug}/listings/${listing.id}?intent=close`}>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t("timebank.listing.close")}
            </button>
          </PostForm>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/timebanks/${data.slug}/listings`}>
            {t("timebank.listing.back")}
          </Link>
        </p>
      </div>
    </div>
  );
}
