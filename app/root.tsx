import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Footer, Header, Page } from "./components/layout";
import { useNonce } from "./components/nonce";
import { TermScope } from "./components/term";
import { canAssignRoles, canCreateAccountsForOthers } from "./domain/roles";
import { t } from "./i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles/potluck.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: t("service.name") }];

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.currentUser;
  return json({
    csrfToken: context.csrfToken,
    user: user
      ? {
          name: user.name,
          largePrint: user.largePrint,
          isAdmin: canAssignRoles(user.roles),
          canCreateAccounts: canCreateAccountsForOthers(user.roles),
          isOfficer: user.roles.some((r) => r.role === "officer"),
        }
      : null,
  });
}

export type RootLoaderData = SerializeFrom<typeof loader>;

/**
 * Large print enlarges the root font size, so every GOV.UK size (all in rem) grows with it. It is
 * on when the person has chosen it, and on any page opened with ?print=large (printable
 * statements and ballot papers).
 */
function useLargePrint(userSetting: boolean): boolean {
  const location = useLocation();
  return userSetting || new URLSearchParams(location.search).get("print") === "large";
}

function Document({ children, largePrint }: { children: ReactNode; largePrint: boolean }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB" className={`govuk-template${largePrint ? " potluck-large-print" : ""}`}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          {t("layout.skipLink")}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const location = useLocation();
  const largePrint = useLargePrint(user?.largePrint ?? false);
  return (
    <Document largePrint={largePrint}>
      <Header user={user} />
      <Page>
        <TermScope key={location.pathname}>
          <Outlet />
        </TermScope>
      </Page>
      <Footer signedIn={user !== null} />
    </Document>
  );
}

/** The one error boundary: 404, 403 and 500 pages in plain words. */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const largePrint = useLargePrint(user?.largePrint ?? false);
  let title = t("error.problem.title");
  let body: ReactNode = <p className="govuk-body">{t("error.problem.body")}</p>;
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === "object" && error.data && "message" in error.data ? String(error.data.message) : null;
    if (error.status === 404) {
      title = t("error.notFound.title");
      body = (
        <>
          <p className="govuk-body">{t("error.notFound.typed")}</p>
          <p className="govuk-body">{t("error.notFound.pasted")}</p>
        </>
      );
    } else if (error.status === 403) {
      title = message ?? t("error.forbidden.title");
      body = <p className="govuk-body">{t("error.forbidden.body")}</p>;
    } else if (error.status < 500) {
      title = t("error.request.title");
      body = <p className="govuk-body">{message ?? t("error.request.body")}</p>;
    }
  } else {
    console.error(error);
  }
  return (
    <Document largePrint={largePrint}>
      <title>{t("layout.pageTitle", { title })}</title>
      <Header user={user} />
      <Page>
        <h1 className="govuk-heading-l">{title}</h1>
        {body}
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            {t("error.home")}
          </a>
        </p>
      </Page>
      <Footer signedIn={user !== null} />
    </Document>
  );
}
