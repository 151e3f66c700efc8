import { pageTitle } from "../components/page-title";

export const meta = () => pageTitle("Accessibility statement");

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement</h1>
        <p className="govuk-body">
          Potluck is built so that everyone can take part. We aim to meet the Web Content Accessibility Guidelines
          (WCAG) 2.2 at level AA.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>Every page works without JavaScript.</li>
          <li>You can use every page with a keyboard alone.</li>
          <li>Pages work with screen readers and when zoomed to 400%.</li>
          <li>Colour is never the only way information is shown.</li>
        </ul>
        <p className="govuk-body">
          Every page is checked automatically with axe when the service is tested. If something does not work for you,
          tell the coordinator or council officer you deal with and we will fix it.
        </p>
      </div>
    </div>
  );
}
