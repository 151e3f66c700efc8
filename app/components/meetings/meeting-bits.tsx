// Pieces shared by the meetings pages: the level of involvement with its plain-English meaning,
// the venue's accessibility, and the benefits warning shown before anyone chooses to be paid.
import { LADDER, ladderRung } from "../../domain/meetings/rules";
import { tr } from "../../i18n/rich";
import { t } from "../../i18n/translate";

export function InvolvementLevel({ level }: { level: string }) {
  const rung = ladderRung(level);
  if (!rung) return null;
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">{t("meetings.involvement.heading", { level: t(rung.label) })}</h2>
      <p className="govuk-body govuk-!-margin-bottom-0">{t(rung.explanation)}</p>
    </div>
  );
}

export function LadderOfParticipation({ current }: { current?: string }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t("meetings.ladderDetails.summary")}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{t("meetings.ladderDetails.intro")}</p>
        <ol className="govuk-list govuk-list--number">
          {[...LADDER].reverse().map((rung) => (
            <li key={rung.level}>
              {tr(
                rung.avoid
                  ? current === rung.level ? "meetings.ladderDetails.rungToAvoidThisMeeting" : "meetings.ladderDetails.rungToAvoid"
                  : current === rung.level ? "meetings.ladderDetails.rungThisMeeting" : "meetings.ladderDetails.rung",
                { label: <strong>{t(rung.label)}</strong>, explanation: t(rung.explanation) },
              )}
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}

export function VenueAccess({ venue, notes }: { venue: { stepFree: boolean; hearingLoop: boolean; quietRoom: boolean; nearPublicTransport: boolean }; notes: string }) {
  const line = (yes: boolean, feature: string) => t(yes ? "meetings.venueFeature.yes" : "meetings.venueFeature.no", { feature });
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      <li>{line(venue.stepFree, t("meetings.venueFeature.stepFree"))}</li>
      <li>{line(venue.hearingLoop, t("meetings.venueFeature.hearingLoop"))}</li>
      <li>{line(venue.quietRoom, t("meetings.venueFeature.quietRoom"))}</li>
      <li>{line(venue.nearPublicTransport, t("meetings.venueFeature.nearPublicTransport"))}</li>
      {notes ? <li>{notes}</li> : null}
    </ul>
  );
}

export function BenefitsWarning() {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{t("meetings.benefitsWarning.warning")}</span>
        {tr("meetings.benefitsWarning.text", {
          calculator: (
            <a className="govuk-link" href="https://www.gov.uk/benefits-calculators" rel="noreferrer noopener" target="_blank">
              {t("meetings.benefitsWarning.calculator")}
            </a>
          ),
          citizensAdvice: (
            <a className="govuk-link" href="https://www.citizensadvice.org.uk/benefits/" rel="noreferrer noopener" target="_blank">
              {t("meetings.benefitsWarning.citizensAdvice")}
            </a>
          ),
          rights: (
            <a className="govuk-link" href="/easy-read/payments">
              {t("meetings.benefitsWarning.rights")}
            </a>
          ),
        })}
      </div>
    </div>
  );
}

export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n+/).filter((line) => line.trim() !== "").map((line, index) => (
        <p className="govuk-body" key={index}>
          {line}
        </p>
      ))}
    </>
  );
}
