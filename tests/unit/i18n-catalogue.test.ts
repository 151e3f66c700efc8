import { createElement, isValidElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CATALOGUE_AREAS, en } from "../../app/i18n/en.js";
import { tr } from "../../app/i18n/rich.js";
import { findInlineText, findInlineTextIn } from "../../scripts/inline-text.js";

describe("the catalogue's areas", () => {
  it("never define the same key in two areas (a later area would silently win)", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, words] of Object.entries(CATALOGUE_AREAS)) {
      for (const key of Object.keys(words)) {
        const earlier = seen.get(key);
        if (earlier) clashes.push(`${key} (${earlier} and ${area})`);
        seen.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
    expect(Object.keys(en)).toHaveLength(seen.size);
  });

  it("pairs every plural: a '.one' key has its '.other' and the other way round", () => {
    const keys = new Set(Object.keys(en));
    const unpaired = [...keys].filter((key) =>
      (key.endsWith(".one") && !keys.has(key.replace(/\.one$/, ".other"))) ||
      (key.endsWith(".other") && !keys.has(key.replace(/\.other$/, ".one"))),
    );
    expect(unpaired).toEqual([]);
  });
});

describe("sentences with elements inside (tr)", () => {
  it("puts elements where the sentence's placeholders are and escapes the words", () => {
    const node = tr("layout.pageTitle", { title: createElement("a", { href: "/glossary" }, "Jargon & buster") }) as ReactElement;
    expect(isValidElement(node)).toBe(true);
    expect(renderToStaticMarkup(node)).toBe('<a href="/glossary">Jargon &amp; buster</a> - Potluck');
  });

  it("refuses to leave a placeholder unfilled", () => {
    expect(() => tr("layout.pageTitle", {} as { title: string })).toThrow(/no value for \{title\}/);
  });
});

describe("finding words written in code instead of the catalogue", () => {
  const find = (source: string, file = "app/routes/example.tsx") => findInlineTextIn(file, source).map((found) => found.text);

  it("finds text between tags and words in attributes people read", () => {
    expect(find(`export const A = () => <h1 className="govuk-heading-l">Proposals</h1>;`)).toEqual(["Proposals"]);
    expect(find(`export const A = () => <Field label="Your name" hint={"Enter it as on your letter"} />;`)).toEqual(["Your name", "Enter it as on your letter"]);
  });

  it("finds sentences in code, labels in tables and words in template literals", () => {
    expect(find(`const LABELS = { submitted: "Waiting for review" };`, "app/domain/x.ts")).toEqual(["Waiting for review"]);
    expect(find("const message = (n: number) => `You have ${n} proposals left`;", "app/domain/x.ts")).toEqual(["You have … proposals left"]);
    expect(find("const count = (n: number) => `${n} proposals`;", "app/domain/x.ts")).toEqual(["… proposals"]);
    expect(find("const code = (id: number) => `timebank:${id}:member:%`;", "app/domain/x.ts")).toEqual([]);
    expect(find(`const title = z.string().max(300, "Title must be 300 characters or fewer");`, "app/domain/x.ts")).toEqual(["Title must be 300 characters or fewer"]);
    expect(find(`const reply = json({ error: "Choose a project" }, { status: 400 });`, "app/routes/x.ts")).toEqual(["Choose a project"]);
  });

  it("leaves alone classes, addresses, codes, keys given to t(), comparisons, imports and SQL", () => {
    const source = [
      `import { t } from "../i18n/translate";`,
      `const kind = "not_feasible";`,
      `const ok = phase === "Voting open";`,
      `const words = t("rounds.title");`,
      "const rows = sql`SELECT Name FROM person`;",
      `export const A = () => <a className="govuk-link" href="/rounds/new" id="Round-link">{words}</a>;`,
      `const currency = "GBP";`,
      `const field = "accountCode";`,
      `throw new Error("Invariant failed: Balance moved");`,
      `const rows = db.selectFrom("app_user as u").select(["u.name as author_name"]);`,
      `console.error("[live] Announcing failed:", error);`,
    ].join("\n");
    expect(find(source)).toEqual([]);
  });

  it("leaves alone a line marked as not words, and only that line", () => {
    const source = [`// i18n-exempt: a time zone name`, `const zone = "Europe/London";`, `const label = "Europe time";`].join("\n");
    expect(find(source, "app/domain/x.ts")).toEqual(["Europe time"]);
  });
});

describe("all words in one place", () => {
  it("leaves no words for people written in the app, the server or the command line: they are all in the catalogue", () => {
    const found = findInlineText(process.cwd()).map((item) => `${item.file}:${item.line}: ${item.text}`);
    expect(found).toEqual([]);
  });
});

describe("words for every error", () => {
  it("has words for every DomainError code raised anywhere in the app, the server or the command line", async () => {
    const { readFileSync } = await import("node:fs");
    const { execFileSync } = await import("node:child_process");
    const { hasMessage, messageFor } = await import("../../app/domain/messages.js");
    const files = execFileSync("grep", ["-rlE", "DomainError\\(\"", "app", "server", "cli"], { encoding: "utf8" }).trim().split("\n");
    const codes = new Set(files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/DomainError\("([a-z0-9_]+)"/g)].map((match) => match[1]!)));
    expect(codes.size).toBeGreaterThan(150);
    expect([...codes].filter((code) => !hasMessage(code))).toEqual([]);
    // A code with no words of its own gets the general words, never an empty message.
    expect(messageFor({ code: "no_such_code", values: {} })).toBe(en["errors.unknown"]);
    expect(messageFor({ code: "forbidden", values: {} })).toBe("You do not have permission to do that");
  });
});
