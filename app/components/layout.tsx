import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { t } from "../i18n";
import type { RootLoaderData } from "../root";

type Viewer = RootLoaderData["user"];

function navItems(user: Viewer): { to: string; label: string }[] {
  const items = [
    { to: "/rounds", label: t("layout.nav.rounds") },
    { to: "/timebanks", label: t("layout.nav.timebanks") },
    { to: "/meetings", label: t("layout.nav.meetings") },
  ];
  if (!user) return [...items, { to: "/register", label: t("layout.nav.register") }, { to: "/sign-in", label: t("layout.nav.signIn") }];
  items.push({ to: "/coproduction", label: t("layout.nav.coproduction") });
  items.push({ to: "/account", label: t("layout.nav.account") });
  if (user.canCreateAccounts) items.push({ to: "/people/new", label: t("layout.nav.addPerson") });
  if (user.isAdmin) items.push({ to: "/admin/people", label: t("layout.nav.people") });
  return items;
}

export function Header({ user }: { user: Viewer }) {
  return (
    <>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link to="/" className="govuk-header__link govuk-header__link--homepage">
              <span className="govuk-header__logotype-text">{t("service.name")}</span>
            </Link>
          </div>
        </div>
      </header>
      <section className="govuk-service-navigation" aria-label={t("layout.serviceInformation")}>
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <nav aria-label={t("layout.menu")} className="govuk-service-navigation__wrapper">
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
            <h2 className="govuk-visually-hidden">{t("layout.footer.supportLinks")}</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/ledger">
                  {t("layout.footer.ledger")}
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/easy-read">
                  {t("layout.footer.easyRead")}
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/glossary">
                  {t("layout.footer.glossary")}
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/accessibility">
                  {t("layout.footer.accessibility")}
                </Link>
              </li>
              {signedIn ? (
                <li className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to="/sign-out">
                    {t("layout.footer.signOut")}
                  </Link>
                </li>
              ) : null}
            </ul>
            <p className="govuk-body-s">{t("layout.footer.about")}</p>
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
