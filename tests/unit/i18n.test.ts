import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TermClaims, MAX_TERMS_PER_PAGE } from "../../app/components/term-claims.js";
import { DOMAIN_MESSAGES, bracesWellFormed, checkCatalogue, en, format, messageFor, placeholdersOf, t, type MessageKey } from "../../app/i18n/index.js";
import { EASY_READ_PAGES, EASY_READ_PICTURES } from "../../app/i18n/easy-read.js";
import { GLOSSARY_IDS, glossaryEntries } from "../../app/i18n/glossary.js";

describe("the English catalogue", () => {
  it("has a non-empty English string with well-formed placeholders for every key", () => {
    const keys = Object.keys(en) as MessageKey[];
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      expect(en[key].trim(), key).not.toBe("");
      expect(bracesWellFormed(en[key]), key).toBe(true);
    }
  });

  it("finds nothing wrong when checked against itself", () => {
    expect(checkCatalogue(en)).toEqual([]);
  });

  it("says which keys a translation misses, leaves empty, adds, or whose placeholders differ", () => {
    const translation: Record<string, string> = { ...en };
    delete translation["common.save"];
    translation["common.back"] = "  ";
    translation["layout.pageTitle"] = "{teitl} - Potluck";
    translation["ballotPaper.closes"] = "Mae pleidleisio'n cau ar {date";
    translation["not.a.key"] = "Extra";
    const problems = checkCatalogue(translation);
    expect(problems).toHaveLength(5);
    expect(problems).toEqual(
      expect.arrayContaining([
        { key: "common.save", problem: "missing" },
        { key: "common.back", problem: "empty" },
        { key: "layout.pageTitle", problem: "placeholders differ" },
        { key: "ballotPaper.closes", problem: "braces" },
        { key: "not.a.key", problem: "extra" },
      ]),
    );
  });

  it("fills placeholders, and refuses to leave one unfilled", () => {
    expect(t("layout.pageTitle", { title: "Jargon buster" })).toBe("Jargon buster - Potluck");
    expect(t("ballotPaper.approval.between", { minimum: 1, maximum: 3 })).toBe("Choose between 1 and 3 projects.");
    expect(t("common.save")).toBe("Save");
    expect(placeholdersOf("{b} and {a} and {b}")).toEqual(["a", "b"]);
    expect(() => format("Hello {name}", {})).toThrow(/no value for \{name\}/);
  });

  it("checks placeholders when the code is compiled", () => {
    // Never called: these lines only have to fail typechecking (npx tsc --noEmit).
    const compileOnly = () => {
      // @ts-expect-error a placeholder without a value
      t("layout.pageTitle");
      // @ts-expect-error a value for a placeholder the string does not have
      t("layout.pageTitle", { heading: "x" });
      // @ts-expect-error a key that is not in the catalogue
      t("no.such.key");
    };
    expect(typeof compileOnly).toBe("function");
  });

  it("reaches every domain error's words from the same place", () => {
    const codes = Object.keys(DOMAIN_MESSAGES);
    expect(codes).toContain("forbidden");
    expect(codes).toContain("csrf_invalid");
    expect(codes.some((code) => code.startsWith("timebank_"))).toBe(true);
    // Every value a message might read is "1", which every message can show.
    const anyValues = new Proxy({}, { get: () => "1" });
    for (const code of codes) expect(messageFor({ code, values: anyValues }).trim(), code).not.toBe("");
  });
});

describe("the jargon buster", () => {
  it("has a term and a definition for every id, each id usable as a page anchor", () => {
    expect(new Set(GLOSSARY_IDS).size).toBe(GLOSSARY_IDS.length);
    for (const entry of glossaryEntries()) {
      expect(entry.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(entry.term.length).toBeGreaterThan(2);
      expect(entry.definition.length).toBeGreaterThan(20);
    }
  });

  it("covers the terms residents meet first", () => {
    for (const id of ["participatory-budgeting", "co-production", "time-credit", "timebank", "equal-shares", "greedy-counting", "approval-ballot", "knapsack-ballot", "cumulative-ballot", "ranked-ballot", "ledger", "double-entry", "pledge", "ladder-of-participation", "easy-read"]) {
      expect(GLOSSARY_IDS).toContain(id);
    }
  });

  it("lists terms in alphabetical order", () => {
    const terms = glossaryEntries().map((entry) => entry.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, "en-GB")));
  });
});

describe("linking a term's first appearance", () => {
  it("links only the first appearance of a term on a page", () => {
    const claims = new TermClaims();
    expect(claims.claim("equal-shares", ":r1:")).toBe(true);
    expect(claims.claim("equal-shares", ":r2:")).toBe(false);
    expect(claims.claim("ledger", ":r3:")).toBe(true);
  });

  it("keeps the link on the same appearance when the page renders again", () => {
    const claims = new TermClaims();
    claims.claim("timebank", ":r1:");
    claims.claim("timebank", ":r2:");
    expect(claims.claim("timebank", ":r1:")).toBe(true);
    expect(claims.claim("timebank", ":r2:")).toBe(false);
  });

  it("starts again on a new page", () => {
    new TermClaims().claim("pledge", ":r1:");
    expect(new TermClaims().claim("pledge", ":r9:")).toBe(true);
  });

  it("stops linking past the limit of terms on one page", () => {
    const claims = new TermClaims();
    for (let i = 0; i < MAX_TERMS_PER_PAGE; i++) expect(claims.claim(`term-${i}`, `:r${i}:`)).toBe(true);
    expect(claims.claim("one-too-many", ":rx:")).toBe(false);
  });
});

describe("Easy Read pages", () => {
  const pages = Object.entries(EASY_READ_PAGES);

  it("have a picture file for every point", () => {
    for (const picture of EASY_READ_PICTURES) expect(existsSync(`public/easy-read/${picture}.svg`), picture).toBe(true);
    for (const [, page] of pages) for (const point of page.points) expect(EASY_READ_PICTURES).toContain(point.picture);
  });

  it("use short sentences, at most two to a point and fifteen words to a sentence", () => {
    for (const [slug, page] of pages) {
      expect(page.points.length, slug).toBeGreaterThanOrEqual(6);
      for (const point of page.points) {
        const sentences = en[point.text].split(/(?<=[.?!])\s+/);
        expect(sentences.length, point.text).toBeLessThanOrEqual(2);
        for (const sentence of sentences) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(15);
      }
    }
  });
});
