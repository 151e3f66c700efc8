import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RootLoaderData } from "../root";

type Viewer = RootLoaderData["user"];

function navItems(user: Viewer): { to: string; label: string }[] {
  const items = [{ to: "/rounds", label: "Budget rounds" }, { to: "/timebanks", label: "Timebanks" }, { to: "/meetings", label: "Meetings" }];
  if (!user) return [...items, { to: "/register", label: "Create an account" }, { to: "/sign-in", label: "Sign in" }];
  items.push({ to: "/coproduction", label: "Co-production" });
  items.push({ to: "/account", label: "Your account" });
  if (user.canCreateAccounts) items.push({ to: "/people/new", label: "Add a person" });
  if (user.isAdmin) items.push({ to: "/admin/people", label: "People and roles" });
  return items;
}

export function Header({ user }: { user: Viewer }) {
  return (
    <>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link to="/" className="govuk-header__link govuk-header__link--homepage">
              <span className="govuk-header__logotype-text">Potluck</span>
            </Link>
          </div>
        </div>
      </header>
      <section className="govuk-service-navigation" aria-label="Service information">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {navItems(user).map((item) => (
                  <li className="govuk-service-navigation__item" key={item.to}>
                    <NavLink className="govuk-service-navigation__link" to={item.to}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </section>
    </>
  );
}

export function Footer({ signedIn }: { signedIn: boolean }) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/ledger">
                  Public ledger
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/accessibility">
                  Accessibility statement
                </Link>
              </li>
              {signedIn ? (
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/sign-out">
                    Sign out
                  </Link>
                </li>
              ) : null}
            </ul>
            <p className="govuk-body-s">Potluck: participatory budgeting and timebanking for communities.</p>
          </div>
        </div>
      </div>
    </footer>
  );
}

export function Page({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        {children}
      </main>
    </div>
  );
}
