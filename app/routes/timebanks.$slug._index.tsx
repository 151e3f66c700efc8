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
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";

export const meta = ({ data }: { data?: { name: string } }) => pageTitle(data?.name ?? t("timebank.home.title"));

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
        <SuccessNotice>{t("timebank.home.applied")}</SuccessNotice>
      ) : null}
      {notice === "left" ? (
        <SuccessNotice>{t("timebank.home.leftNotice")}</SuccessNotice>
      ) : null}
      <span className="govuk-caption-l">{t("timebank.home.runBy", { organisation: data.organisationName })}</span>
      <h1 className="govuk-heading-l">{data.name}</h1>
      <p className="govuk-body">{data.description}</p>
      <p className="govuk-body">
        {tr("timebank.home.intro", {
          timebank: <Term id="timebank">{t("timebank.home.intro.timebank")}</Term>,
          timeCredit: <Term id="time-credit">{t("timebank.home.intro.timeCredit")}</Term>,
        })}{" "}
        <Link className="govuk-link" to="/easy-read/timebank">{t("timebank.home.easyRead")}</Link>
      </p>

      {data.status === "active" ? (
        <>
          <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left govuk-!-margin-bottom-6">
            <h2 className="govuk-panel__title govuk-!-font-size-36">{t("timebank.home.balance", { balance: data.balance ?? "" })}</h2>
          </div>
          {data.pledge ? <PledgeWeek pledge={data.pledge} /> : null}
          {data.toConfirm.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">{t("timebank.home.toConfirm")}</h2>
              <ul className="govuk-list">
                {data.toConfirm.map((line) => (
                  <li key={line.id}>
                    <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/${line.id}`}>
                      {t("timebank.home.toConfirm.line", { names: line.others, hours: line.hours, description: line.description })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2 className="govuk-heading-m">{t("timebank.home.canDo")}</h2>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/new`}>
                {t("timebank.home.recordTime")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/rewards`}>
                {t("timebank.home.spend")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/listings`}>
                {t("timebank.home.listings")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/members/${data.memberId}`}>
                {t("timebank.home.profile")}
              </Link>
            </li>
          </ul>
          <ExchangeTable slug={data.slug} lines={data.exchanges} caption={t("timebank.home.recentExchanges")} />
        </>
      ) : null}

      {data.status === "left" ? <p className="govuk-inset-text">{t("timebank.home.left")}</p> : null}

      {data.status === "applied" ? <p className="govuk-inset-text">{t("timebank.home.applied")}</p> : null}

      {data.status === null && !data.isCoordinator ? (
        data.signedIn ? (
          <Link className="govuk-button" data-module="govuk-button" to={`/timebanks/${data.slug}/join`}>
            {t("timebank.home.askToJoin")}
          </Link>
        ) : (
          <p className="govuk-body">
            {tr("timebank.home.signInToJoin", {
              signIn: (
                <Link className="govuk-link" to={`/sign-in?redirectTo=${encodeURIComponent(`/timebanks/${data.slug}`)}`}>
                  {t("timebank.home.signIn")}
                </Link>
              ),
            })}
          </p>
        )
      ) : null}

      {data.isCoordinator ? (
        <>
          <h2 className="govuk-heading-m">{t("timebank.home.coordinating")}</h2>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/dashboard`}>
                {t("timebank.home.dashboard")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/exchanges/record`}>
                {t("timebank.home.recordForMembers")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/rewards`}>
                {t("timebank.home.rewards")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/members`}>
                {t("timebank.home.members")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/participation`}>
                {t("timebank.home.participation")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/members/new`}>
                {t("timebank.home.enrol")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/settings`}>
                {t("timebank.home.settings")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/partners`}>
                {t("timebank.home.partners")}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`/timebanks/${data.slug}/reports`}>
                {t("timebank.home.reports")}
              </Link>
            </li>
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">{t("timebank.home.howItWorks")}</h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.home.rules.members")}</dt>
          <dd className="govuk-summary-list__value">{data.memberCount}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.home.rules.gift")}</dt>
          <dd className="govuk-summary-list__value">{data.rules.gift}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.home.rules.lowest")}</dt>
          <dd className="govuk-summary-list__value">{data.rules.lowest}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("timebank.home.rules.highest")}</dt>
          <dd className="govuk-summary-list__value">{data.rules.highest}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key"><Term id="pledge">{t("timebank.home.rules.pledge")}</Term></dt>
          <dd className="govuk-summary-list__value">{data.rules.pledge ? t("timebank.home.rules.pledgeEach", { pledge: data.rules.pledge }) : t("timebank.home.rules.noPledge")}</dd>
        </div>
      </dl>
    </>
  );
}
