import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Footer, Header, Page } from "./components/layout";
import { useNonce } from "./components/nonce";
import { canAssignRoles, canCreateAccountsForOthers } from "./domain/roles";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles/potluck.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Potluck" }];

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

function Document({ children, largePrint }: { children: ReactNode; largePrint: boolean }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className={`govuk-template__body${largePrint ? " potluck-large-print" : ""}`}>
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
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
  return (
    <Document largePrint={user?.largePrint ?? false}>
      <Header user={user} />
      <Page>
        <Outlet />
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
  let title = "Sorry, there is a problem with the service";
  let body: ReactNode = <p className="govuk-body">Try again later.</p>;
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === "object" && error.data && "message" in error.data ? String(error.data.message) : null;
    if (error.status === 404) {
      title = "Page not found";
      body = (
        <>
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        </>
      );
    } else if (error.status === 403) {
      title = message ?? "You do not have permission to see this page";
      body = <p className="govuk-body">If you think you should have access, ask an administrator.</p>;
    } else if (error.status < 500) {
      title = "There is a problem with your request";
      body = <p className="govuk-body">{message ?? "Go back and try again."}</p>;
    }
  } else {
    console.error(error);
  }
  return (
    <Document largePrint={false}>
      <title>{`${title} - Potluck`}</title>
      <Header user={user} />
      <Page>
        <h1 className="govuk-heading-l">{title}</h1>
        {body}
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            Go to the Potluck home page
          </a>
        </p>
      </Page>
      <Footer signedIn={user !== null} />
    </Document>
  );
}
