// <Term id="equal-shares">Method of Equal Shares</Term>: the first appearance of a term on a page
// links to its entry in the jargon buster; later appearances are plain text.
import { Link } from "@remix-run/react";
import { createContext, useContext, useId, useState, type ReactNode } from "react";
import { glossaryTerm, type GlossaryId } from "../i18n/glossary";
import { TermClaims } from "./term-claims";

const TermContext = createContext<TermClaims | null>(null);

/** One page's terms. The root layout gives every page its own scope. */
export function TermScope({ children }: { children: ReactNode }) {
  const [claims] = useState(() => new TermClaims());
  return <TermContext.Provider value={claims}>{children}</TermContext.Provider>;
}

export function Term({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  const claims = useContext(TermContext);
  const owner = useId();
  const text = children ?? glossaryTerm(id);
  if (claims && !claims.claim(id, owner)) return <>{text}</>;
  return (
    <Link className="govuk-link" to={`/glossary#${id}`}>
      {text}
    </Link>
  );
}
