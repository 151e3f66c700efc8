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

export const meta = () => pageTitle("Timebank reports");

function people(count: number): string {
  return count === 1 ? "1 person" : `${count} people`;
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
    label: c.category === "others" ? "All other categories" : categoryLabel(c.category),
    hours: formatHours(c.centihours),
    exchanges: c.exchangeCount,
    value: c.centihours,
  }));
  const reciprocity = [
    { label: "Gave and received", value: report.reciprocity.gave_and_received },
    { label: "Only gave", value: report.reciprocity.gave_only },
    { label: "Only received", value: report.reciprocity.received_only },
  ];
  const pledgeRows = [
    { label: "Met their pledge", value: report.pledges.met },
    { label: "Gave less than pledged", value: report.pledges.notMet },
  ];
  return json({
    slug,
    name: timebank.name,
    values,
    errors,
    report: {
      query: new URLSearchParams({ from: range.from, to: range.to }).toString(),
      heading: `${longDate(range.from)} to ${longDate(range.to)}`,
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

function CsvLink({ slug, query, section, what }: { slug: string; query: string; section: ReportCsvSection; what: string }) {
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={`/timebanks/${slug}/reports.csv?${query}&section=${section}`} download>
        Download {what} as a spreadsheet (CSV)
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
      <h1 className="govuk-heading-l">Reports</h1>
      <Form method="get" noValidate className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextField name="from" label="Start date" hint="For example, 2026-11-01" defaultValue={data.values.from} errors={data.errors} widthClass="govuk-input--width-10" maxLength={10} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextField name="to" label="End date" hint="For example, 2026-11-30" defaultValue={data.values.to} errors={data.errors} widthClass="govuk-input--width-10" maxLength={10} />
          </div>
        </div>
        <p className="govuk-hint">A range can be up to 366 days. Hours come from confirmed exchanges on their exchange date; disputed exchanges that were reversed are left out.</p>
        <button type="submit" className="govuk-button" data-module="govuk-button">Show report</button>
      </Form>

      {report ? (
        <>
          <h2 className="govuk-heading-m">{report.heading}</h2>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Hours exchanged</dt>
              <dd className="govuk-summary-list__value" data-testid="hours-exchanged">{report.hoursExchanged}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Exchanges</dt>
              <dd className="govuk-summary-list__value">{report.exchanges}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Active members</dt>
              <dd className="govuk-summary-list__value">
                {report.activePeople} and {report.activeOrganisations === 1 ? "1 organisation" : `${report.activeOrganisations} organisations`} gave or received time
              </dd>
            </div>
          </dl>
          <CsvLink slug={data.slug} query={report.query} section="summary" what="the summary" />

          <h2 className="govuk-heading-m">Givers and receivers</h2>
          <p className="govuk-body">Timebanks work when people both give and receive. Of the people who took part:</p>
          <BarChart id="reciprocity-chart" title="People who gave, received, or both" description="Three bars: people who gave and received, people who only gave, and people who only received. The same figures are in the table below." bars={report.reciprocityBars} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">People who gave, received, or both</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>Took part by</Header><Header numeric>People</Header></tr></thead>
            <tbody className="govuk-table__body">
              {report.reciprocity.map((r) => (
                <tr className="govuk-table__row" key={r.label}><Cell>{r.label}</Cell><Cell numeric>{r.people}</Cell></tr>
              ))}
            </tbody>
          </table>
          {report.people.length > 0 ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Hours given and received by each person</span></summary>
              <div className="govuk-details__text">
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">Each person's hours in this range</caption>
                  <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>Member</Header><Header numeric>Given</Header><Header numeric>Received</Header><Header numeric>Exchanges</Header></tr></thead>
                  <tbody className="govuk-table__body">
                    {report.people.map((p) => (
                      <tr className="govuk-table__row" key={p.id}><Cell>{p.name}</Cell><Cell numeric>{p.given}</Cell><Cell numeric>{p.received}</Cell><Cell numeric>{p.exchanges}</Cell></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ) : null}
          <CsvLink slug={data.slug} query={report.query} section="people" what="each person's hours" />

          <h2 className="govuk-heading-m">Top categories</h2>
          {report.categories.length === 0 ? <p className="govuk-body">No exchanges were confirmed in this range.</p> : null}
          <BarChart id="categories-chart" title="Hours exchanged by category" description="One bar per category, longest for the most hours; each bar is labelled with its hours. The same figures are in the table below." bars={report.categoryBars} />
          {report.categories.length > 0 ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Hours exchanged by category</caption>
              <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>Category</Header><Header numeric>Hours</Header><Header numeric>Exchanges</Header></tr></thead>
              <tbody className="govuk-table__body">
                {report.categories.map((c) => (
                  <tr className="govuk-table__row" key={c.label}><Cell>{c.label}</Cell><Cell numeric>{c.hours}</Cell><Cell numeric>{c.exchanges}</Cell></tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <CsvLink slug={data.slug} query={report.query} section="categories" what="the categories" />

          <h2 className="govuk-heading-m">Organisations</h2>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Hours organisations gave and received</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>Organisation</Header><Header numeric>Given</Header><Header numeric>Received</Header><Header numeric>Exchanges</Header></tr></thead>
            <tbody className="govuk-table__body">
              {report.organisations.map((o) => (
                <tr className="govuk-table__row" key={o.id}><Cell>{o.name}</Cell><Cell numeric>{o.given}</Cell><Cell numeric>{o.received}</Cell><Cell numeric>{o.exchanges}</Cell></tr>
              ))}
            </tbody>
          </table>
          <CsvLink slug={data.slug} query={report.query} section="organisations" what="the organisations" />

          <h2 className="govuk-heading-m">Community pot</h2>
          <p className="govuk-body">
            Given to the pot: <strong>{report.pot.donated}</strong> ({report.pot.donations === 1 ? "1 donation" : `${report.pot.donations} donations`}).
            Granted from the pot: <strong>{report.pot.granted}</strong> ({report.pot.grantCount === 1 ? "1 grant" : `${report.pot.grantCount} grants`}).
          </p>
          {report.pot.grants.length > 0 ? (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Grants from the pot and their reasons</caption>
              <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>Date</Header><Header>Member</Header><Header numeric>Hours</Header><Header>Reason</Header></tr></thead>
              <tbody className="govuk-table__body">
                {report.pot.grants.map((g) => (
                  <tr className="govuk-table__row" key={g.id}><Cell>{g.date}</Cell><Cell>{g.member}</Cell><Cell numeric>{g.hours}</Cell><Cell>{g.reason}</Cell></tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <CsvLink slug={data.slug} query={report.query} section="pot" what="the pot's grants" />

          <h2 className="govuk-heading-m">Pledges</h2>
          {report.pledges.withPledge === 0 ? (
            <p className="govuk-body">Nobody had a pledge in this range{report.pledges.through ? "" : " (it has not started yet)"}.</p>
          ) : (
            <>
              <p className="govuk-body">
                Up to {report.pledges.through}, after exemptions and counting only days since each person joined, members with a pledge were
                expected to give {report.pledges.expected} and gave {report.pledges.given}.
              </p>
              <BarChart id="pledges-chart" title="Members who met their pledge" description="Two bars: members who gave at least what they pledged in this range, and members who gave less. The same figures are in the table below." bars={report.pledges.bars} />
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Each member against their pledge</caption>
                <thead className="govuk-table__head"><tr className="govuk-table__row"><Header>Member</Header><Header numeric>Pledge a week</Header><Header numeric>Expected</Header><Header numeric>Given</Header><Header>Pledge</Header></tr></thead>
                <tbody className="govuk-table__body">
                  {report.pledges.lines.map((l) => (
                    <tr className="govuk-table__row" key={l.id}><Cell>{l.name}</Cell><Cell numeric>{l.pledge}</Cell><Cell numeric>{l.expected}</Cell><Cell numeric>{l.given}</Cell><Cell>{l.met ? "Met" : "Not met"}</Cell></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <CsvLink slug={data.slug} query={report.query} section="pledges" what="the pledges" />
        </>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/timebanks/${data.slug}`}>Back to {data.name}</Link>
      </p>
    </>
  );
}
