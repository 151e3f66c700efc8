import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatPounds } from "../domain/format";
import { parseAmountMinor } from "../domain/ledger/amount";
import { roundForPage } from "../http/rounds.server";
import { listProposals } from "../services/rounds/proposals.server";
import { t, tp } from "../i18n/translate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t("layout.pageTitle", { title: t("rounds.proposals.pageTitle", { round: data?.round.title ?? "" }) }) }];

const STATUS_LABELS = { submitted: "rounds.proposals.status.submitted", withdrawn: "rounds.proposals.status.withdrawn", feasible: "rounds.proposals.status.feasible", not_feasible: "rounds.proposals.status.notFeasible" } as const;
const STATUSES = Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const url = new URL(request.url);
  const text = (name: string) => (url.searchParams.get(name) ?? "").slice(0, 100);
  const status = text("status") as keyof typeof STATUS_LABELS;
  let maxCostMinor: bigint | undefined;
  try {
    maxCostMinor = text("maxCost") ? parseAmountMinor(text("maxCost"), "GBP") : undefined;
  } catch {
    maxCostMinor = undefined;
  }
  const result = await listProposals(context.db, round.id, {
    area: text("area") || undefined,
    theme: text("theme") || undefined,
    status: STATUSES.includes(status) ? status : undefined,
    maxCostMinor,
    page: Number.parseInt(text("page"), 10) || 1,
  });
  return json({
    round: { title: round.title, slug: round.slug, phase: round.phase },
    filters: { area: text("area"), theme: text("theme"), status: text("status"), maxCost: text("maxCost") },
    ...result,
    proposals: result.proposals.map((p) => ({ ...p, cost: formatPounds(p.cost_minor), cost_minor: undefined })),
  });
}

export default function Proposals() {
  const data = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const query = (page: number) => `?${new URLSearchParams({ ...data.filters, page: String(page) }).toString()}`;
  return (
    <>
      <span className="govuk-caption-l">{data.round.title}</span>
      <h1 className="govuk-heading-l">{t("rounds.proposals.title")}</h1>
      {data.round.phase === "proposals" ? (
        <p className="govuk-body"><Link className="govuk-link" to={`/rounds/${data.round.slug}/proposals/new`}>{t("rounds.proposals.propose")}</Link></p>
      ) : null}
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="area">{t("rounds.proposals.filter.area")}</label>
              <select className="govuk-select" id="area" name="area" defaultValue={data.filters.area}>
                <option value="">{t("rounds.proposals.filter.area.all")}</option>
                {data.areas.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="theme">{t("rounds.proposals.filter.theme")}</label>
              <select className="govuk-select" id="theme" name="theme" defaultValue={data.filters.theme}>
                <option value="">{t("rounds.proposals.filter.theme.all")}</option>
                {data.themes.map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="status">{t("rounds.proposals.filter.status")}</label>
              <select className="govuk-select" id="status" name="status" defaultValue={data.filters.status}>
                <option value="">{t("rounds.proposals.filter.status.any")}</option>
                {STATUSES.map((s) => <option key={s} value={s}>{t(STATUS_LABELS[s])}</option>)}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="maxCost">{t("rounds.proposals.filter.maxCost")}</label>
              <input className="govuk-input" id="maxCost" name="maxCost" inputMode="decimal" defaultValue={data.filters.maxCost} />
            </div>
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">{t("rounds.proposals.filter.button")}</button>
      </Form>
      <p className="govuk-body">{tp("rounds.proposals.count", data.total)}</p>
      <ul className="govuk-list">
        {data.proposals.map((p) => (
          <li key={p.id} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1"><Link className="govuk-link" to={`/proposals/${p.id}`}>{p.title}</Link></h2>
            <p className="govuk-body govuk-!-margin-bottom-1">
              {p.cost} · {t(STATUS_LABELS[p.status])} · {tp("rounds.proposals.supporters", p.supports)}{p.area ? ` · ${p.area}` : ""}{p.theme ? ` · ${p.theme}` : ""}
            </p>
            {p.hidden_at ? <p className="govuk-body"><strong>{t("rounds.proposals.hidden")}</strong> {p.hidden_reason}</p> : <p className="govuk-body">{p.summary}</p>}
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="govuk-pagination" aria-label={t("rounds.proposals.pagination")}>
          {data.page > 1 ? <div className="govuk-pagination__prev"><Link className="govuk-link govuk-pagination__link" to={query(data.page - 1)} rel="prev">{t("rounds.proposals.pagination.previous")}<span className="govuk-visually-hidden"> {t("rounds.proposals.pagination.page")}</span></Link></div> : null}
          <p className="govuk-body govuk-!-margin-bottom-0">{t("rounds.proposals.pagination.pageOf", { page: data.page, pages })}</p>
          {data.page < pages ? <div className="govuk-pagination__next"><Link className="govuk-link govuk-pagination__link" to={query(data.page + 1)} rel="next">{t("rounds.proposals.pagination.next")}<span className="govuk-visually-hidden"> {t("rounds.proposals.pagination.page")}</span></Link></div> : null}
        </nav>
      ) : null}
    </>
  );
}
