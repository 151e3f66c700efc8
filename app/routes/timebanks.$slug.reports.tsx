// Timebank reports for a date range (coordinators): hours exchanged, active members, who gives
// and who receives, top categories, organisations, the community pot and pledges. Each chart is
// drawn on the server and has a table with the same figures beside it; every table downloads as CSV.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { BarChart, CHART_BAR_WIDTH } from "../components/timebank/bar-chart";
import { reportRangeFrom } from "../components/timebank/report-range.server";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { categoryLabel } from "../domain/timebank/forms";
import { chartBars, type ReportCsvSection } from "../domain/timebank/reports";
import { formatHours, longDate, shortDate } from "../domain/timebank/view";
import { requireUser } from "../http/auth.server";
import { reportTimebank, timebankReport } from "../services/timebank/reports.server";
import { type MessageKey } from "../i18n/en";
import { tr } from "../i18n/rich";
import { t, tp } from "../i18n/translate";

export const meta = () => pageTitle(t("timebankAdmin.reports.title"));

function people(count: number): string {
  return tp("timebankAdmin.reports.people", count);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const slug = slugFrom(params);
  const { values, range, errors } = reportRangeFrom(new URL(request.url));
  if (!range) {
    const timebank = await orErrorPage(reportTimebank(context.db, user, slug));
    return json({ slug, name: timebank.name, values, errors, report: null }, { status: 400 });
  }
  const { timebank, report } = await orErrorPage(timebankReport(context.db, user, slug, range));
  const categories = [...report.categories, ...(report.othersCategory ? [report.othersCategory] : [])].map((c) => ({
    label: c.category === "others" ? t("timebankAdmin.reports.otherCategories") : categoryLabel(c.category),
    hours: formatHours(c.centihours),
    exchanges: c.exchangeCount,
    value: c.centihours,
  }));
  const reciprocity = [
    { label: t("timebankAdmin.reports.reciprocity.gaveAndReceived"), value: report.reciprocity.gave_and_received },
    { label: t("timebankAdmin.reports.reciprocity.gaveOnly"), value: report.reciprocity.gave_only },
    { label: t("timebankAdmin.reports.reciprocity.receivedOnly"), value: report.reciprocity.received_only },
  ];
  const pledgeRows = [
    { label: t("timebankAdmin.reports.pledges.metLabel"), value: report.pledges.met },
    { label: t("timebankAdmin.reports.pledges.notMetLabel"), value: report.pledges.notMet },
  ];
  return json({
    slug,
    name: timebank.name,
    values,
    errors,
    report: {
      query: new URLSearchParams({ from: range.from, to: range.to }).toString(),
      heading: t("timebankAdmin.reports.range", { from: longDate(range.from), to: longDate(range.to) }),
      days: report.days,
      exchanges: report.exchangeCount,
      hoursExchanged: formatHours(report.hoursExchangedCentihours),
      activePeople: people(report.activePeople),
      activeOrganisations: report.activeOrganisations,
      reciprocity: reciprocity.map((r) => ({ label: r.label, people: people(r.value) })),
      reciprocityBars: chartBars(reciprocity.map((r) => ({ label: r.label, value: BigInt(r.value), valueText: people(r.value) })), CHART_BAR_WIDTH),
      people: report.people.map((p) => ({ id: p.memberId, name: p.name, given: formatHours(p.givenCentihours), received: formatHours(p.receivedCentihours), exchanges: p.exchangeCount })),
      categories: categories.map(({ value: _value, ...rest }) => rest),
      categoryBars: chartBars(categories.map((c) => ({ label: c.label, value: c.value, valueText: c.hours })), CHART_BAR_WIDTH),
      organisations: report.organisations.map((o) => ({ id: o.memberId, name: o.name, given: formatHours(o.givenCentihours), received: formatHours(o.receivedCentihours), exchanges: o.exchangeCount })),
      pot: {
        donations: report.pot.donationCount,
        donated: formatHours(report.pot.donatedCentihours),
        grantCount: report.pot.grantCount,
        granted: formatHours(report.pot.grantedCentihours),
        grants: report.pot.grants.map((g) => ({ id: g.entryId.toString(), date: shortDate(g.date), member: g.memberName, hours: formatHours(g.centihours), reason: g.reason })),
      },
      pledges: {
        through: report.pledges.throughDate ? longDate(report.pledges.throughDate) : null,
        withPledge: report.pledges.membersWithPledge,
        met: report.pledges.met,
        notMet: report.pledges.notMet,
        expected: formatHours(report.pledges.expectedCentihours),
        given: formatHours(report.pledges.givenCentihours),
        bars: chartBars(pledgeRows.map((r) => ({ label: r.label, value: BigInt(r.value), valueText: people(r.value) })), CHART_BAR_WIDTH),
        lines: report.pledges.lines.map((l) => ({ id: l.memberId, name: l.name, pledge: formatHours(l.pledgeCentihoursPerWeek), expected: formatHours(l.expectedCentihours), given: formatHours(l.givenCentihours), met: l.met })),
      },
    },
  });
}

const DOWNLOAD_TEXT = {
  summary: "timebankAdmin.reports.download.summary",
  people: "timebankAdmin.reports.download.people",
  categories: "timebankAdmin.reports.download.categories",
  organisations: "timebankAdmin.reports.download.organisations",
  pot: "timebankAdmin.reports.download.pot",
  pledges: "timebankAdmin.reports.download.pledges",
} as const satisfies Record<ReportCsvSection, MessageKey>;

function CsvLink({ slug, query, section }: { slug: string; query: string; section: ReportCsvSection }) {
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={`/timebanks/${slug}/reports.csv?${query}&section=${section}`} download>
        {t(DOWNLOAD_TEXT[section])}
      </a>
    </p>
  );
}

function Header({ children, numeric }: { children: React.ReactNode; numeric?: boolean }) {
  return <th scope="col" className={`govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}`}>{children}</th>;
}

function Cell({ children, numeric }: { children: React.ReactNode; numeric?: boolean }) {
  return <td className={`govuk-table__cell${numeric ? " govuk-table__cell--numeric" : ""}`}>{children}</td>;
}

export default function Reports() {
  const data = useLoaderData<typeof loader>();
  const report = data.report;
  return (
    <>
      <ErrorSummary errors={data.errors} />
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("timebankAdmin.reports.heading")}</h1>
      <Form method="get" noValidate className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextField name="from" label={t("timebankAdmin.reports.from.label")} hint={t("timebankAdmin.reports.from.hint")} defaultValue={data.values.from} errors={data.errors} widthClass="govuk-input--width-10" maxLength={10} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextField name="to" label={t("timebankAdmin.reports.to.label")} hint={t("timebankAdmin.reports.to.hint")} defaultValue={data.values.to} errors={data.errors} widthClass="govuk-input--width-10" maxLength={10} />
          </div>
        </div>
        <p className="govuk-hint">{t("timebankAdmin.reports.rangeHint")}</p>
        <button type="submit" className="govuk-button" data-module="govuk-button">{t("timebankAdmin.reports.show")}</button>
      </Form>

      {report ? (
        <>
          <h2 className="govuk-heading-m">{report.heading}</h2>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("timebankAdmin.reports.summary.hours")}</dt>
              <dd className="govuk-summary-list__value" data-testid="hours-exchanged">{report.hoursExchanged}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("timebankAdmin.reports.summary.exchanges")}</dt>
              <dd className="govuk-summary-list__value">{report.exchanges}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("timebankAdmin.reports.summary.active")}</dt>
              <dd className="govuk-summary-list__value">
                {t("timebankAdmin.reports.summary.activeValue", { people: report.activePeople, organisations: tp("timebankAdmin.reports.organisations", report.activeOrganisations) })}
              </dd>
            </div>
          </dl>
          <CsvLink slug={data.slug} query={report.query} section="summary" />

          <h2 className="govuk-heading-m">{t("timebankAdmin.reports.reciprocity.heading")}</h2>
          <p className="govuk-body">{t("timebankAdmin.reports.reciprocity.intro")}</p>
          <BarChart id="reciprocity-chart" title={t("timebankAdmin.reports.reciprocity.title")} description={t("timebankAdmin.reports.reciprocity.description")} bars={report.reciprocityBars} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{t("timebankAdmin.reports.reciprocity.title")}</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>{t("timebankAdmin.reports.reciprocity.tookPartBy")}</Header><Header numeric>{t("timebankAdmin.reports.reciprocity.people")}</Header></tr></thead>
            <tbody className="govuk-table__body">
              {report.reciprocity.map((r) => (
                <tr className="govuk-table__row" key={r.label}><Cell>{r.label}</Cell><Cell numeric>{r.people}</Cell></tr>
              ))}
            </tbody>
          </table>
          {report.people.length > 0 ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{t("timebankAdmin.reports.people.summary")}</span></summary>
              <div className="govuk-details__text">
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">{t("timebankAdmin.reports.people.caption")}</caption>
                  <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>{t("timebankAdmin.reports.column.member")}</Header><Header numeric>{t("timebankAdmin.reports.column.given")}</Header><Header numeric>{t("timebankAdmin.reports.column.received")}</Header><Header numeric>{t("timebankAdmin.reports.column.exchanges")}</Header></tr></thead>
                  <tbody className="govuk-table__body">
                    {report.people.map((p) => (
                      <tr className="govuk-table__row" key={p.id}><Cell>{p.name}</Cell><Cell numeric>{p.given}</Cell><Cell numeric>{p.received}</Cell><Cell numeric>{p.exchanges}</Cell></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ) : null}
          <CsvLink slug={data.slug} query={report.query} section="people" />

          <h2 className="govuk-heading-m">{t("timebankAdmin.reports.categories.heading")}</h2>
          {report.categories.length === 0 ? <p className="govuk-body">{t("timebankAdmin.reports.categories.none")}</p> : null}
          <BarChart id="categories-chart" title={t("timebankAdmin.reports.categories.title")} description={t("timebankAdmin.reports.categories.description")} bars={report.categoryBars} />
          {report.categories.length > 0 ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{t("timebankAdmin.reports.categories.title")}</caption>
              <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>{t("timebankAdmin.reports.column.category")}</Header><Header numeric>{t("timebankAdmin.reports.column.hours")}</Header><Header numeric>{t("timebankAdmin.reports.column.exchanges")}</Header></tr></thead>
              <tbody className="govuk-table__body">
                {report.categories.map((c) => (
                  <tr className="govuk-table__row" key={c.label}><Cell>{c.label}</Cell><Cell numeric>{c.hours}</Cell><Cell numeric>{c.exchanges}</Cell></tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <CsvLink slug={data.slug} query={report.query} section="categories" />

          <h2 className="govuk-heading-m">{t("timebankAdmin.reports.organisations.heading")}</h2>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{t("timebankAdmin.reports.organisations.caption")}</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>{t("timebankAdmin.reports.column.organisation")}</Header><Header numeric>{t("timebankAdmin.reports.column.given")}</Header><Header numeric>{t("timebankAdmin.reports.column.received")}</Header><Header numeric>{t("timebankAdmin.reports.column.exchanges")}</Header></tr></thead>
            <tbody className="govuk-table__body">
              {report.organisations.map((o) => (
                <tr className="govuk-table__row" key={o.id}><Cell>{o.name}</Cell><Cell numeric>{o.given}</Cell><Cell numeric>{o.received}</Cell><Cell numeric>{o.exchanges}</Cell></tr>
              ))}
            </tbody>
          </table>
          <CsvLink slug={data.slug} query={report.query} section="organisations" />

          <h2 className="govuk-heading-m">{t("timebankAdmin.reports.pot.heading")}</h2>
          <p className="govuk-body">
            {tr("timebankAdmin.reports.pot.summary", {
              donated: <strong>{report.pot.donated}</strong>,
              donations: tp("timebankAdmin.reports.pot.donations", report.pot.donations),
              granted: <strong>{report.pot.granted}</strong>,
              grants: tp("timebankAdmin.reports.pot.grants", report.pot.grantCount),
            })}
          </p>
          {report.pot.grants.length > 0 ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{t("timebankAdmin.reports.pot.caption")}</caption>
              <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>{t("timebankAdmin.reports.column.date")}</Header><Header>{t("timebankAdmin.reports.column.member")}</Header><Header numeric>{t("timebankAdmin.reports.column.hours")}</Header><Header>{t("timebankAdmin.reports.column.reason")}</Header></tr></thead>
              <tbody className="govuk-table__body">
                {report.pot.grants.map((g) => (
                  <tr className="govuk-table__row" key={g.id}><Cell>{g.date}</Cell><Cell>{g.member}</Cell><Cell numeric>{g.hours}</Cell><Cell>{g.reason}</Cell></tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <CsvLink slug={data.slug} query={report.query} section="pot" />

          <h2 className="govuk-heading-m">{t("timebankAdmin.reports.pledges.heading")}</h2>
          {report.pledges.withPledge === 0 ? (
            <p className="govuk-body">{t(report.pledges.through ? "timebankAdmin.reports.pledges.none" : "timebankAdmin.reports.pledges.notStarted")}</p>
          ) : (
            <>
              <p className="govuk-body">
                {t("timebankAdmin.reports.pledges.summary", { through: report.pledges.through ?? "", expected: report.pledges.expected, given: report.pledges.given })}
              </p>
              <BarChart id="pledges-chart" title={t("timebankAdmin.reports.pledges.title")} description={t("timebankAdmin.reports.pledges.description")} bars={report.pledges.bars} />
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{t("timebankAdmin.reports.pledges.caption")}</caption>
                <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>{t("timebankAdmin.reports.column.member")}</Header><Header numeric>{t("timebankAdmin.reports.column.pledgePerWeek")}</Header><Header numeric>{t("timebankAdmin.reports.column.expected")}</Header><Header numeric>{t("timebankAdmin.reports.column.given")}</Header><Header>{t("timebankAdmin.reports.column.pledge")}</Header></tr></thead>
                <tbody className="govuk-table__body">
                  {report.pledges.lines.map((l) => (
                    <tr className="govuk-table__row" key={l.id}><Cell>{l.name}</Cell><Cell numeric>{l.pledge}</Cell><Cell numeric>{l.expected}</Cell><Cell numeric>{l.given}</Cell><Cell>{t(l.met ? "timebankAdmin.reports.pledges.met" : "timebankAdmin.reports.pledges.notMet")}</Cell></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <CsvLink slug={data.slug} query={report.query} section="pledges" />
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>{t("timebankAdmin.backTo", { name: data.name })}</Link>
      </p>
    </>
  );
}
