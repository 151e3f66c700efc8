// One Easy Read page: one idea per line, a picture beside each. The pictures are decorative
// (alt=""): the words beside them say everything.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { t } from "../i18n";
import { EASY_READ_PAGES, isEasyReadSlug } from "../i18n/easy-read";

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isEasyReadSlug(params.page)) throw json({ message: t("error.notFound.title") }, { status: 404 });
  return json({ slug: params.page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t("layout.pageTitle", { title: data ? t("easyRead.pageTitle", { title: t(EASY_READ_PAGES[data.slug].title) }) : t("easyRead.title") }) },
];

export default function EasyReadPage() {
  const { slug } = useLoaderData<typeof loader>();
  const page = EASY_READ_PAGES[slug];
  return (
    <>
      <span className="govuk-caption-l">{t("easyRead.pageLabel")}</span>
      <h1 className="govuk-heading-xl">{t(page.title)}</h1>
      <ul className="potluck-easy-read">
        {page.points.map((point) => (
          <li className="potluck-easy-read__point" key={point.text}>
            <img className="potluck-easy-read__picture" src={`/easy-read/${point.picture}.svg`} alt="" width={80} height={80} />
            <p className="potluck-easy-read__text">{t(point.text)}</p>
          </li>
        ))}
      </ul>
      <ul className="govuk-list">
        {page.standard ? (
          <li>
            <Link className="govuk-link" to={page.standard.to}>
              {t("easyRead.standardLink", { page: t(page.standard.label) })}
            </Link>
          </li>
        ) : null}
        <li>
          {t("easyRead.moreHelp")} <Link className="govuk-link" to="/glossary">{t("easyRead.moreHelpLink")}</Link>
        </li>
        <li>
          <Link className="govuk-link" to="/easy-read">{t("easyRead.otherPagesLink")}</Link>
        </li>
      </ul>
    </>
  );
}
