import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { SuccessNotice } from "../components/notice";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { pageTitle } from "../components/page-title";
import { ExchangeTable } from "../components/timebank/exchange-table";
import { Term } from "../components/term";
import { PledgeWeek } from "../components/timebank/pledge-week";
import { orErrorPage, slugFrom } from "../components/timebank/route-helpers.server";
import { formatHours, pledgeView } from "../domain/timebank/view";
import { exchangeLineView } from "../components/timebank/exchange-view";
import { timebankHome } from "../services/timebank/home.server";

export const meta = ({ data }: { data?: { name: string } }) => pageTitle(data?.name ?? "Timebank");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = slugFrom(params);
  const home = await orErrorPage(timebankHome(context.db, context.currentUser, slug));
  const { timebank } = home;
  return json({
    slug,
    name: timebank.name,
    organisationName: timebank.organisationName,
    description: timebank.description,
    signedIn: context.currentUser !== null,
    isCoordinator: home.isCoordinator,
    status: home.membership?.status ?? null,
    memberId: home.membership?.memberId ?? null,
    memberCount: home.memberCount,
    rules: {
      gift: formatHours(timebank.joiningGiftCentihours),
      lowest: formatHours(timebank.minBalanceCentihours),
      highest: formatHours(timebank.maxBalanceCentihours),
      pledge: timebank.pledgeCentihoursPerWeek === null ? null : formatHours(timebank.pledgeCentihoursPerWeek),
    },
    balance: home.balanceCentihours === null ? null : formatHours(home.balanceCentihours),
    pledge: home.pledge ? pledgeView(home.pledge.progress, "you") : null,
    exchanges: home.exchanges.map(exchangeLineView),
    toConfirm: home.toConfirm.map(exchangeLineView),
  });
}

export default function TimebankHome() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  return (
    <>
      {notice === "applied" ? (
        <SuccessNotice>You have asked to join. A coordinator will look at your request soon.</SuccessNotice>
      ) : null}
      {notice === "left" ? (
        <SuccessNotice>You have left this timebank. Thank you for the time you gave.</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">Run by {data.organisationName}</span>
      <h1 className="govuk-heading-l">{data.name}</h1>
      <p className="govuk-body">{data.description}</p>
      <p className="govuk-body">
        In a <Term id="timebank">timebank</Term> every hour you give earns a <Term id="time-credit">time credit</Term> to spend on help from someone else.{" "}
        <Link className="govuk-link" to="/easy-read/timebank">How the timebank works: Easy Read</Link>
      </p>

      {data.status === "active" ? (
        <>
          <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left govuk-!-margin-bottom-6">
            <h2 className="govuk-panel__title govuk-!-font-size-36">Your balance: {data.balance}</h2>
          </div>
          {data.pledge ? <PledgeWeek pledge={data.pledge} /> : null}
          {data.toConfirm.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">Waiting for you to confirm</h2>
              <ul className="govuk-list">
                {data.toConfirm.map((line) => (
                  <li key={line.id}>
                    <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/${line.id}`}>
                      {line.others} gave you {line.hours}: {line.description}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2 className="govuk-heading-m">What you can do</h2>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/new`}>
                Record time you gave
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/rewards`}>
                Spend hours: partners' rewards and the community pot
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/listings`}>
                Offers and requests
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${data.memberId}`}>
                Your profile, week and exchanges
              </Link>
            </li>
          </ul>
          <ExchangeTable slug={data.slug} lines={data.exchanges} caption="Your recent exchanges" />
        </>
      ) : null}

      {data.status === "left" ? <p className="govuk-inset-text">You have left this timebank. A coordinator can enrol you again.</p> : null}

      {data.status === "applied" ? <p className="govuk-inset-text">You have asked to join. A coordinator will look at your request soon.</p> : null}

      {data.status === null && !data.isCoordinator ? (
        data.signedIn ? (
          <Link className="govuk-button" data-module="govuk-button" to={`/timebanks/${data.slug}/join`}>
            Ask to join
          </Link>
        ) : (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/sign-in?redirectTo=${encodeURIComponent(`/timebanks/${data.slug}`)}`}>
              Sign in
            </Link>{" "}
            to join this timebank.
          </p>
        )
      ) : null}

      {data.isCoordinator ? (
        <>
          <h2 className="govuk-heading-m">Coordinating</h2>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/dashboard`}>
                Dashboard: pledges and who might need a hand
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/record`}>
                Record an exchange for members
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/rewards`}>
                Partners' codes and the community pot
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/members`}>
                Members and requests to join
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/participation`}>
                Thank people for taking part in a meeting
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/members/new`}>
                Enrol a member
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/settings`}>
                Settings: joining gift, credit limits and pledge
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/partners`}>
                Partners and rewards
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/reports`}>
                Reports for a date range
              </Link>
            </li>
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">How this timebank works</h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Members</dt>
          <dd className="govuk-summary-list__value">{data.memberCount}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Hours to start with</dt>
          <dd className="govuk-summary-list__value">{data.rules.gift}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Lowest balance allowed</dt>
          <dd className="govuk-summary-list__value">{data.rules.lowest}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Highest balance allowed</dt>
          <dd className="govuk-summary-list__value">{data.rules.highest}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key"><Term id="pledge">Pledge</Term></dt>
          <dd className="govuk-summary-list__value">{data.rules.pledge ? `${data.rules.pledge} a week from each member` : "None"}</dd>
        </div>
      </dl>
    </>
  );
}
