// Pieces shared by the meetings pages: the level of involvement with its plain-English meaning,
// the venue's accessibility, and the benefits warning shown before anyone chooses to be paid.
import { LADDER, ladderRung } from "../../domain/meetings/rules";

export function InvolvementLevel({ level }: { level: string }) {
  const rung = ladderRung(level);
  if (!rung) return null;
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Level of involvement: {rung.label}</h2>
      <p className="govuk-body govuk-!-margin-bottom-0">{rung.explanation}</p>
    </div>
  );
}

export function LadderOfParticipation({ current }: { current?: string }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">The ladder of participation</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">From the lowest rung to the highest. Potluck meetings offer informing or more; the two lowest rungs are what to avoid.</p>
        <ol className="govuk-list govuk-list--number">
          {[...LADDER].reverse().map((rung) => (
            <li key={rung.level}>
              <strong>{rung.label}</strong>
              {rung.avoid ? " (what to avoid)" : ""}
              {current === rung.level ? " (this meeting)" : ""}: {rung.explanation}
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}

export function VenueAccess({ venue, notes }: { venue: { stepFree: boolean; hearingLoop: boolean; quietRoom: boolean; nearPublicTransport: boolean }; notes: string }) {
  const line = (yes: boolean, label: string) => `${label}: ${yes ? "yes" : "no"}`;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      <li>{line(venue.stepFree, "Step-free access")}</li>
      <li>{line(venue.hearingLoop, "Hearing loop")}</li>
      <li>{line(venue.quietRoom, "Quiet room")}</li>
      <li>{line(venue.nearPublicTransport, "Near public transport")}</li>
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
        <span className="govuk-visually-hidden">Warning</span>
        Payments, including expenses, may affect your benefits. Before you choose, you can check with{" "}
        <a className="govuk-link" href="https://www.gov.uk/benefits-calculators" rel="noreferrer noopener" target="_blank">
          a benefits calculator on GOV.UK (opens in new tab)
        </a>{" "}
        or{" "}
        <a className="govuk-link" href="https://www.citizensadvice.org.uk/benefits/" rel="noreferrer noopener" target="_blank">
          Citizens Advice (opens in new tab)
        </a>
        . The choice is yours: you can be paid, say no to the payment, or have it given to a charity.{" "}
        <a className="govuk-link" href="/easy-read/payments">
          Your rights about payments: Easy Read
        </a>
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
