// Offers and requests, searchable by skill, category and area. The search is a GET form, so
// results have their own address and work without JavaScript.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Select, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { categoryLabel, categoryOptions } from "../domain/timebank/forms";
import { t, tp } from "../i18n/translate";
import { requireUser } from "../http/auth.server";
import { searchListings } from "../services/timebank/listings.server";

export const meta = () => pageTitle(t("timebank.listings.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const url = new URL(request.url);
  const search = {
    text: (url.searchParams.get("q") ?? "").slice(0, 100),
    category: (url.searchParams.get("category") ?? "").slice(0, 40),
    kind: (["offer", "request"].includes(url.searchParams.get("kind") ?? "") ? url.searchParams.get("kind") : "") as "offer" | "request" | "",
    area: (url.searchParams.get("area") ?? "").slice(0, 100),
  };
  const { timebank, listings } = await orErrorPage(searchListings(context.db, user, slug, search));
  return json({
    slug,
    name: timebank.name,
    search,
    listings: listings.map((l) => ({ id: l.id, kind: l.kind, category: categoryLabel(l.category), title: l.title, memberName: l.memberName, area: l.area })),
  });
}

export default function Listings() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebank.listings.title")}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/listings/new`}>
          {t("timebank.listings.new")}
        </Link>
      </p>
      <Form method="get" role="search" aria-label={t("timebank.listings.search")}>
        <TextField name="q" label={t("timebank.listings.text.label")} type="search" defaultValue={data.search.text} maxLength={100} />
        <Select name="category" label={t("timebank.listings.category.label")} options={[{ value: "", label: t("timebank.listings.category.any") }, ...categoryOptions()]} defaultValue={data.search.category} />
        <Select name="kind" label={t("timebank.listings.kind.label")} options={[{ value: "", label: t("timebank.listings.kind.both") }, { value: "offer", label: t("timebank.listings.kind.offer") }, { value: "request", label: t("timebank.listings.kind.request") }]} defaultValue={data.search.kind} />
        <TextField name="area" label={t("timebank.listings.area.label")} defaultValue={data.search.area} maxLength={100} widthClass="govuk-!-width-one-half" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t("timebank.listings.submit")}
        </button>
      </Form>
      <h2 className="govuk-heading-m">{tp("timebank.listings.count", data.listings.length)}</h2>
      <ul className="govuk-list">
        {data.listings.map((listing) => (
          <li key={listing.id} className="govuk-!-margin-bottom-4">
            <strong className={`govuk-tag ${listing.kind === "offer" ? "govuk-tag--green" : "govuk-tag--blue"}`}>{listing.kind === "offer" ? t("timebank.listings.tag.offer") : t("timebank.listings.tag.request")}</strong>{" "}
            <Link className="govuk-link" to={`/timebanks/${data.slug}/listings/${listing.id}`}>
              {listing.title}
            </Link>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {listing.area
                ? t("timebank.listings.lineWithArea", { category: listing.category, name: listing.memberName, area: listing.area })
                : t("timebank.listings.line", { category: listing.category, name: listing.memberName })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
