import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { requireRole } from "../http/auth.server";
import { t, tp } from "../i18n/translate";
import { listPeople } from "../services/people.server";

export const meta = () => pageTitle(t("accounts.people.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = requireRole(request, context, ["admin"]);
  const url = new URL(request.url);
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1;
  const search = url.searchParams.get("search") ?? "";
  const result = await listPeople(context.db, admin, { search, page });
  return json({ ...result, search });
}

export default function People() {
  const data = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <>
      <h1 className="govuk-heading-l">{t("accounts.people.title")}</h1>
      <Form method="get" role="search">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="search">
            {t("accounts.people.search")}
          </label>
          <input className="govuk-input govuk-!-width-one-half" id="search" name="search" type="search" defaultValue={data.search} maxLength={100} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("accounts.people.searchButton")}
        </button>
      </Form>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {tp("accounts.people.count", data.total)}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("accounts.people.name")}</th>
            <th scope="col" className="govuk-table__header">{t("accounts.people.email")}</th>
            <th scope="col" className="govuk-table__header">{t("accounts.people.area")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.people.map((person) => (
            <tr className="govuk-table__row" key={person.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/admin/people/${person.id}`}>
                  {person.name}
                </Link>
              </td>
              <td className="govuk-table__cell">{person.email}</td>
              <td className="govuk-table__cell">{person.area ?? t("accounts.people.areaNotGiven")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="govuk-pagination" aria-label={t("pagination.label")}>
          {data.page > 1 ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`?search=${encodeURIComponent(data.search)}&page=${data.page - 1}`} rel="prev">
                <span className="govuk-pagination__link-title">{t("pagination.previous")}<span className="govuk-visually-hidden"> {t("pagination.pageHidden")}</span></span>
              </Link>
            </div>
          ) : null}
          <p className="govuk-body govuk-!-margin-bottom-0">
            {t("pagination.pageOf", { page: data.page, pages })}
          </p>
          {data.page < pages ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={`?search=${encodeURIComponent(data.search)}&page=${data.page + 1}`} rel="next">
                <span className="govuk-pagination__link-title">{t("pagination.next")}<span className="govuk-visually-hidden"> {t("pagination.pageHidden")}</span></span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
