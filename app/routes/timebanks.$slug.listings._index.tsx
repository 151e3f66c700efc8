// Offers and requests, searchable by skill, category and area. The search is a GET form, so
// results have their own address and work without JavaScript.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Select, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { CATEGORIES, categoryLabel } from "../domain/timebank/forms";
import { requireUser } from "../http/auth.server";
import { searchListings } from "../services/timebank/listings.server";

export const meta = () => pageTitle("Offers and requests");

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
      <h1 className="govuk-heading-l">Offers and requests</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}/listings/new`}>
          Offer help or ask for it
        </Link>
      </p>
      <Form method="get" role="search" aria-label="Offers and requests">
        <TextField name="q" label="Skill or words" type="search" defaultValue={data.search.text} maxLength={100} />
        <Select name="category" label="Kind of help" options={[{ value: "", label: "Any kind of help" }, ...CATEGORIES]} defaultValue={data.search.category} />
        <Select name="kind" label="Offers or requests" options={[{ value: "", label: "Both" }, { value: "offer", label: "Offers of help" }, { value: "request", label: "Requests for help" }]} defaultValue={data.search.kind} />
        <TextField name="area" label="Area" defaultValue={data.search.area} maxLength={100} widthClass="govuk-!-width-one-half" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Search
        </button>
      </Form>
      <h2 className="govuk-heading-m">{data.listings.length === 1 ? "1 listing" : `${data.listings.length} listings`}</h2>
      <ul className="govuk-list">
        {data.listings.map((listing) => (
          <li key={listing.id} className="govuk-!-margin-bottom-4">
            <strong className={`govuk-tag ${listing.kind === "offer" ? "govuk-tag--green" : "govuk-tag--blue"}`}>{listing.kind === "offer" ? "Offer" : "Request"}</strong>{" "}
            <Link className="govuk-link" to={`/timebanks/${data.slug}/listings/${listing.id}`}>
              {listing.title}
            </Link>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {listing.category}. {listing.memberName}
              {listing.area ? `, ${listing.area}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
